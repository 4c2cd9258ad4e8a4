// Recommendation on a platform node (A14, A9): the feed with why, the user's switch and interest tags, the model and
// operators' interventions on the ledger, and content labelled false never served.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  problem,
  type Session,
  signIn,
  startTestNode,
  type TestNode,
} from '../../../test/helpers/node.ts'
import { asUser, eventually, newUser, type TestUser } from '../../../test/helpers/platform.ts'
import { transaction } from '../../core/db/index.ts'
import { DEMO_LEXICON } from '../../demo/platform-content.ts'
import { entriesAbout } from '../../ledger/index.ts'
import { setDisposition } from '../content/index.ts'
import { recordInteraction } from './feed.ts'
import { DEFAULT_RECOMMENDATION_MODEL } from './model.ts'

let node: TestNode
let operator: Session
let inspector: Session
let reviewer: Session
let author: TestUser
let reader: TestUser
const ids: Record<string, string> = {}

async function publish(u: TestUser, text: string, kind = 'post', parentId?: string) {
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/content',
    headers: asUser(u, 'POST'),
    payload: { kind, text, ...(parentId ? { parentId } : {}) },
  })
  expect(res.statusCode, res.body).toBe(201)
  expect(res.json().status).toBe('published')
  return res.json().id as string
}

type FeedItem = {
  id: string
  pinned: boolean
  liked: boolean
  category: string
  why: { code: string; tags?: string[] }[]
}
async function myFeed(u: TestUser): Promise<{ personalised: boolean; items: FeedItem[] }> {
  const res = await node.app.inject({ url: '/api/users/me/feed?limit=50', headers: asUser(u) })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

beforeAll(async () => {
  node = await startTestNode('platform')
  operator = await signIn(node.app, 'operator')
  inspector = await signIn(node.app, 'inspector')
  reviewer = await signIn(node.app, 'reviewer')
  const rules = await node.app.inject({
    method: 'POST',
    url: '/api/screening/rule-sets',
    headers: as(operator, 'POST'),
    payload: { label: '通化词库', note: '测试', lexicon: DEMO_LEXICON },
  })
  expect(rules.statusCode, rules.body).toBe(201)
  author = await newUser(node, '13904358001')
  reader = await newUser(node, '13904358002')
  ids.nature = await publish(author, '周末去集安看鸭绿江边的雾凇，美得像画一样')
  ids.traffic = await publish(author, '明早七点起东昌区部分公交线路临时改道，出门请留意路况')
  ids.school = await publish(author, '通化县第一中学今年秋季招生计划公布了')
  ids.prevent = await publish(author, '震惊！通化这家小店的冷面居然这么好吃')
  await node.app.patrol.stop()
})
afterAll(async () => node?.close())

describe('the feed (A14)', () => {
  it('serves anyone a feed without personal signals, encouraged content first and content to prevent last', async () => {
    const res = await node.app.inject({ url: '/api/feed' })
    expect(res.statusCode, res.body).toBe(200)
    const feed = res.json() as { personalised: boolean; modelVersion: number; items: FeedItem[] }
    expect(feed.personalised).toBe(false)
    expect(feed.modelVersion).toBe(0)
    const order = feed.items.map((i) => i.id)
    expect(order[0]).toBe(ids.nature)
    expect(order.at(-1)).toBe(ids.prevent)
    const nature = feed.items[0]!
    expect(nature.category).toBe('encourage')
    expect(nature.why.map((w) => w.code)).toEqual(expect.arrayContaining(['encouraged', 'not_personalised']))
  })

  it('learns interest tags from views, likes and replies, and says why an item is shown', async () => {
    for (const kind of ['view', 'like']) {
      const res = await node.app.inject({
        method: 'POST',
        url: `/api/content/${ids.school}/interactions`,
        headers: asUser(reader, 'POST'),
        payload: { kind },
      })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toEqual({ recorded: true })
    }
    const again = await node.app.inject({
      method: 'POST',
      url: `/api/content/${ids.school}/interactions`,
      headers: asUser(reader, 'POST'),
      payload: { kind: 'like' },
    })
    expect(again.json()).toEqual({ recorded: false })
    // a reply counts too, after its publication commits
    await publish(reader, '请问今年招生有什么变化吗？', 'comment', ids.school)
    const interests = await eventually(async () => {
      const res = await node.app.inject({ url: '/api/users/me/interests', headers: asUser(reader) })
      const items = res.json().items as { tag: string; weight: number }[]
      const edu = items.find((i) => i.tag === '教育')
      return edu && edu.weight >= 0.55 ? items : undefined
    })
    expect(interests.map((i) => i.tag)).toEqual(['教育'])
    const feed = await myFeed(reader)
    expect(feed.personalised).toBe(true)
    const school = feed.items.find((i) => i.id === ids.school)!
    expect(school.why).toContainEqual({ code: 'interest', tags: ['教育'] })
    expect(feed.items.findIndex((i) => i.id === ids.school)).toBeLessThan(
      feed.items.findIndex((i) => i.id === ids.traffic),
    )
  })

  it('turns personalisation off on the next request, and deleted tags stop counting', async () => {
    const off = await node.app.inject({
      method: 'PUT',
      url: '/api/users/me/feed-settings',
      headers: asUser(reader, 'PUT'),
      payload: { personalised: false },
    })
    expect(off.statusCode, off.body).toBe(200)
    const feed = await myFeed(reader)
    expect(feed.personalised).toBe(false)
    const anyone = (await node.app.inject({ url: '/api/feed?limit=50' })).json() as { items: FeedItem[] }
    expect(feed.items.map((i) => i.id)).toEqual(anyone.items.map((i) => i.id))
    expect(feed.items.some((i) => i.why.some((w) => w.code === 'interest'))).toBe(false)

    await node.app.inject({
      method: 'PUT',
      url: '/api/users/me/feed-settings',
      headers: asUser(reader, 'PUT'),
      payload: { personalised: true },
    })
    const del = await node.app.inject({
      method: 'DELETE',
      url: `/api/users/me/interests/${encodeURIComponent('教育')}`,
      headers: asUser(reader, 'DELETE'),
    })
    expect(del.statusCode, del.body).toBe(204)
    const after = await myFeed(reader)
    expect(after.items.some((i) => i.why.some((w) => w.code === 'interest'))).toBe(false)
    const missing = await node.app.inject({
      method: 'DELETE',
      url: `/api/users/me/interests/${encodeURIComponent('教育')}`,
      headers: asUser(reader, 'DELETE'),
    })
    expect(missing.statusCode).toBe(404)
    expect(problem(missing).code).toBe('INTEREST_NOT_FOUND')
    const reset = await node.app.inject({
      method: 'DELETE',
      url: '/api/users/me/interests',
      headers: asUser(reader, 'DELETE'),
    })
    expect(reset.json()).toEqual({ deleted: 0 })
  })

  it('takes a like back: the count, the interest it added and the feed’s mark fall back, a view’s share stays', async () => {
    const liker = await newUser(node, '13904358003')
    const likes = async () =>
      (
        (await node.database.db.execute(
          sql`select likes from item_engagement where item_id = ${ids.nature}`,
        )) as unknown as { rows: { likes: number }[] }
      ).rows[0]?.likes ?? 0
    const interests = async () =>
      (await node.app.inject({ url: '/api/users/me/interests', headers: asUser(liker) })).json().items as {
        tag: string
        weight: number
      }[]
    const interact = (kind: string) =>
      node.app.inject({
        method: 'POST',
        url: `/api/content/${ids.nature}/interactions`,
        headers: asUser(liker, 'POST'),
        payload: { kind },
      })
    const withdraw = (id: string | undefined) =>
      node.app.inject({
        method: 'DELETE',
        url: `/api/content/${id}/interactions/like`,
        headers: asUser(liker, 'DELETE'),
      })
    const before = await likes()
    expect((await interact('like')).json()).toEqual({ recorded: true })
    expect(await likes()).toBe(before + 1)
    expect(await interests()).toEqual(
      [{ tag: '自然风光', weight: 0.2 }].map((i) => expect.objectContaining(i)),
    )
    expect((await myFeed(liker)).items.find((i) => i.id === ids.nature)?.liked).toBe(true)
    expect((await myFeed(reader)).items.find((i) => i.id === ids.nature)?.liked).toBe(false)

    // the post page asks for one item
    const likedNow = async () =>
      (
        await node.app.inject({
          url: `/api/content/${ids.nature}/interactions/like`,
          headers: asUser(liker),
        })
      ).json()
    expect(await likedNow()).toEqual({ liked: true })
    const first = await withdraw(ids.nature)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toEqual({ withdrawn: true })
    expect(await likes()).toBe(before)
    expect(await interests()).toEqual([])
    expect((await myFeed(liker)).items.find((i) => i.id === ids.nature)?.liked).toBe(false)
    expect(await likedNow()).toEqual({ liked: false })
    // taken back once: a second withdrawal changes nothing, and the like can be given again
    expect((await withdraw(ids.nature)).json()).toEqual({ withdrawn: false })
    expect(await likes()).toBe(before)
    expect((await interact('like')).json()).toEqual({ recorded: true })

    // a view's share of the interest stays when the like goes
    expect((await interact('view')).json()).toEqual({ recorded: true })
    expect((await withdraw(ids.nature)).json()).toEqual({ withdrawn: true })
    expect(await interests()).toEqual([expect.objectContaining({ tag: '自然风光', weight: 0.05 })])

    // without a like there is nothing to take back, and the answer says nothing of whether the item exists
    const missing = await withdraw('00000000-0000-4000-8000-000000000000')
    expect(missing.statusCode, missing.body).toBe(200)
    expect(missing.json()).toEqual({ withdrawn: false })
    expect((await withdraw('not-a-uuid')).statusCode).toBe(400)
  })

  it('lets an interest fade by the model’s half-life, and an interaction renews what is left of it', async () => {
    const user = await newUser(node, '13904358004')
    const weights = async () =>
      (
        (await node.app.inject({ url: '/api/users/me/interests', headers: asUser(user) })).json().items as {
          tag: string
          weight: number
        }[]
      ).map((i) => [i.tag, i.weight])
    const DAY = 86_400_000
    const half = DEFAULT_RECOMMENDATION_MODEL.weights.interestHalfLifeDays as number
    // a like of a school post one half-life ago and of a traffic post two half-lives ago
    const ago = (halves: number) => new Date(Date.now() - halves * half * DAY)
    await transaction(node.database.db, async (tx) => {
      await recordInteraction(tx, user.id, ids.school!, 'like', ['教育'], ago(1), half)
      await recordInteraction(tx, user.id, ids.traffic!, 'like', ['交通出行'], ago(2), half)
      // ten half-lives ago: below the floor, it is no interest at all
      await recordInteraction(tx, user.id, ids.nature!, 'like', ['自然风光'], ago(10), half)
    })
    expect(await weights()).toEqual([
      ['教育', 0.1],
      ['交通出行', 0.05],
    ])
    // the feed ranks by what is left: the faded tag still says why, with less weight
    const feed = await myFeed(user)
    expect(feed.items.find((i) => i.id === ids.school)?.why).toContainEqual({
      code: 'interest',
      tags: ['教育'],
    })
    expect(feed.items.find((i) => i.id === ids.nature)?.why.map((w) => w.code)).not.toContain('interest')
    // a view now adds its step to what is left, not to the stored weight of a month ago
    const view = await node.app.inject({
      method: 'POST',
      url: `/api/content/${ids.school}/interactions`,
      headers: asUser(user, 'POST'),
      payload: { kind: 'view' },
    })
    expect(view.json()).toEqual({ recorded: true })
    expect(await weights()).toEqual([
      ['教育', 0.15],
      ['交通出行', 0.05],
    ])

    // a like taken back a half-life on takes back what is left of it (0.1), not its first step: a reply's share stays
    const other = await newUser(node, '13904358005')
    await transaction(node.database.db, async (tx) => {
      await recordInteraction(tx, other.id, ids.school!, 'like', ['教育'], ago(1), half)
      await recordInteraction(tx, other.id, ids.school!, 'reply', ['教育'], ago(1), half)
    })
    const back = await node.app.inject({
      method: 'DELETE',
      url: `/api/content/${ids.school}/interactions/like`,
      headers: asUser(other, 'DELETE'),
    })
    expect(back.json()).toEqual({ withdrawn: true })
    const left = (await node.app.inject({ url: '/api/users/me/interests', headers: asUser(other) })).json()
      .items as { tag: string; weight: number }[]
    expect(left.map((i) => [i.tag, i.weight])).toEqual([['教育', 0.15]])
  })

  it('never serves an item labelled false, even one labelled after the candidates were read', async () => {
    const rumor = await publish(author, '二道江区明天全天停电，供暖也停，大家赶紧囤货')
    // a post published in this process is a candidate of the very next request
    expect((await myFeed(reader)).items.map((i) => i.id)).toContain(rumor)
    await transaction(node.database.db, (tx) =>
      setDisposition(tx, [rumor], { falseLabel: { rumorId: null, url: null, title: '不实信息' } }),
    )
    // the candidates are still in memory: the page is checked against the items' state
    expect((await myFeed(reader)).items.map((i) => i.id)).not.toContain(rumor)
    expect(
      ((await node.app.inject({ url: '/api/feed' })).json().items as FeedItem[]).map((i) => i.id),
    ).not.toContain(rumor)
  })
})

describe('the model and human intervention (A14)', () => {
  it('publishes a model version on the ledger, refuses one outside its bounds, and shows it to the public', async () => {
    const bad = await node.app.inject({
      method: 'POST',
      url: '/api/recommendation/models',
      headers: as(operator, 'POST'),
      payload: { document: { ...DEFAULT_RECOMMENDATION_MODEL, encourageBoost: 5 }, note: '过度加权' },
    })
    expect(bad.statusCode).toBe(422)
    expect(problem(bad).errors?.map((e) => e.field)).toEqual(['document.encourageBoost'])
    const doc = { ...DEFAULT_RECOMMENDATION_MODEL, preventFactor: 0 }
    const ok = await node.app.inject({
      method: 'POST',
      url: '/api/recommendation/models',
      headers: as(operator, 'POST'),
      payload: { document: doc, note: '应防范内容不再推荐' },
    })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json().version).toBe(1)
    const entries = await entriesAbout(node.database.db, { type: 'recommendation_model', id: '1' })
    expect(entries.map((e) => [e.entry.action, e.entry.articles])).toEqual([
      ['recommendation.model_published', ['A14', 'A9']],
    ])
    const pub = await node.app.inject({ url: '/api/public/recommendation-model' })
    expect(pub.json()).toMatchObject({ version: 1, document: { preventFactor: 0 } })
    // prevent factor 0: the clickbait post leaves every feed
    expect(
      ((await node.app.inject({ url: '/api/feed' })).json().items as FeedItem[]).map((i) => i.id),
    ).not.toContain(ids.prevent)
  })

  it('pins and excludes with reason and expiry, on the ledger, listed as active until revoked', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString()
    const pin = await node.app.inject({
      method: 'POST',
      url: '/api/recommendation/interventions',
      headers: as(operator, 'POST'),
      payload: {
        targetKind: 'item',
        target: ids.traffic,
        action: 'pin',
        reason: '出行提示，置顶一天',
        expiresAt,
      },
    })
    expect(pin.statusCode, pin.body).toBe(201)
    const exclude = await node.app.inject({
      method: 'POST',
      url: '/api/recommendation/interventions',
      headers: as(operator, 'POST'),
      payload: {
        targetKind: 'topic',
        target: '教育',
        action: 'exclude',
        reason: '招生信息以官方发布为准',
        expiresAt,
      },
    })
    expect(exclude.statusCode, exclude.body).toBe(201)
    const feed = await myFeed(reader)
    expect(feed.items[0]).toMatchObject({ id: ids.traffic, pinned: true })
    expect(feed.items[0]?.why[0]).toEqual({ code: 'pinned', reason: '出行提示，置顶一天' })
    expect(feed.items.map((i) => i.id)).not.toContain(ids.school)

    const active = await node.app.inject({
      url: '/api/recommendation/interventions?active=true',
      headers: as(inspector),
    })
    expect(active.statusCode).toBe(200)
    expect(active.json().items).toHaveLength(2)
    const revoke = await node.app.inject({
      method: 'POST',
      url: `/api/recommendation/interventions/${exclude.json().id}/revoke`,
      headers: as(operator, 'POST'),
    })
    expect(revoke.statusCode, revoke.body).toBe(200)
    expect(revoke.json().active).toBe(false)
    expect((await myFeed(reader)).items.map((i) => i.id)).toContain(ids.school)
    const twice = await node.app.inject({
      method: 'POST',
      url: `/api/recommendation/interventions/${exclude.json().id}/revoke`,
      headers: as(operator, 'POST'),
    })
    expect(twice.statusCode).toBe(409)
    const entries = await entriesAbout(node.database.db, { type: 'feed_intervention', id: exclude.json().id })
    expect(entries.map((e) => e.entry.action)).toEqual([
      'recommendation.intervened',
      'recommendation.intervention_revoked',
    ])
  })

  it('refuses interventions that break the rules, writing nothing', async () => {
    const count = async () => {
      const rows = await node.database.db.execute(sql`SELECT count(*)::int AS n FROM feed_intervention`)
      return Number((rows as unknown as { rows: { n: number }[] }).rows[0]!.n)
    }
    const before = await count()
    const future = new Date(Date.now() + 3_600_000).toISOString()
    const cases = [
      { targetKind: 'author', target: author.id, action: 'pin', reason: '置顶作者', expiresAt: future },
      {
        targetKind: 'item',
        target: ids.nature,
        action: 'boost',
        factor: 50,
        reason: '超限加权',
        expiresAt: future,
      },
      { targetKind: 'topic', target: '不存在的话题', action: 'exclude', reason: '排除', expiresAt: future },
      {
        targetKind: 'item',
        target: ids.nature,
        action: 'exclude',
        reason: '过期',
        expiresAt: '2020-01-01T00:00:00Z',
      },
      {
        targetKind: 'item',
        target: ids.nature,
        action: 'demote',
        factor: 2,
        reason: '太久',
        expiresAt: new Date(Date.now() + 200 * 86_400_000).toISOString(),
      },
    ]
    for (const payload of cases) {
      const res = await node.app.inject({
        method: 'POST',
        url: '/api/recommendation/interventions',
        headers: as(operator, 'POST'),
        payload,
      })
      expect(res.statusCode, JSON.stringify(payload)).toBe(422)
      expect(problem(res).code).toBe('INTERVENTION_INVALID')
    }
    expect(await count()).toBe(before)
    const reviewerTry = await node.app.inject({
      method: 'POST',
      url: '/api/recommendation/interventions',
      headers: as(reviewer, 'POST'),
      payload: cases[0],
    })
    expect(reviewerTry.statusCode).toBe(403)
  })
})
