// The publish path over HTTP (A8.1, A11.2, A12.1, A13.1–A13.3): gates, verdicts, structure, and rule set changes.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, type Session, signIn, startTestNode, type TestNode } from '../../../test/helpers/node.ts'
import { acceptCurrentRules, asUser, newUser, type TestUser } from '../../../test/helpers/platform.ts'
import { DEMO_FALSE_CLAIMS, DEMO_LEXICON, demoRuleDocuments } from '../../demo/platform-content.ts'
import { entriesAbout } from '../../ledger/index.ts'
import { checkCharacter } from '../identity/index.ts'

let node: TestNode
let operator: Session

type User = TestUser

const newcomer = (phone: string, opts: { verify?: boolean; accept?: boolean } = {}) =>
  newUser(node, phone, opts)
const accept = (u: User) => acceptCurrentRules(node, u)

const publish = (u: User, payload: Record<string, unknown>) =>
  node.app.inject({ method: 'POST', url: '/api/content', headers: asUser(u, 'POST'), payload })

const count = async () =>
  Number(
    (
      (await node.database.db.execute(sql`select count(*)::int as n from content_item`)) as unknown as {
        rows: { n: number }[]
      }
    ).rows?.[0]?.n ?? NaN,
  )

async function adjust(u: User, delta: number) {
  const res = await node.app.inject({
    method: 'POST',
    url: `/api/credit/users/${u.id}/events`,
    headers: as(operator, 'POST'),
    payload: { kind: 'adjustment', delta, reason: '测试调整信用' },
  })
  expect(res.statusCode, res.body).toBe(201)
}

beforeAll(async () => {
  node = await startTestNode('platform')
  operator = await signIn(node.app, 'operator')
  const rs = await node.app.inject({
    method: 'POST',
    url: '/api/screening/rule-sets',
    headers: as(operator, 'POST'),
    payload: { label: '通化词库 第1版', note: '首次发布', lexicon: DEMO_LEXICON },
  })
  expect(rs.statusCode, rs.body).toBe(201)
  for (const c of DEMO_FALSE_CLAIMS) {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/screening/claims',
      headers: as(operator, 'POST'),
      payload: c,
    })
    expect(res.statusCode, res.body).toBe(201)
  }
  for (const doc of demoRuleDocuments('通化同城圈', 'Tonghua Neighbours')) {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/rules',
      headers: as(operator, 'POST'),
      payload: doc,
    })
    expect(res.statusCode, res.body).toBe(201)
  }
})
afterAll(async () => node?.close())

describe('the gates of the publish path', () => {
  it('refuses until verified (A13.2), then until the rules are accepted (A13.1), writing nothing', async () => {
    const u = await newcomer('13904351001', { verify: false, accept: false })
    const before = await count()
    const r1 = await publish(u, { kind: 'post', text: '通化今天下雪了' })
    expect(r1.statusCode).toBe(403)
    expect(r1.json()).toMatchObject({ code: 'IDENTITY_REQUIRED', verifyAt: '/u/identity' })
    const first17 = '22050219850303111'
    await node.app.inject({
      method: 'POST',
      url: '/api/users/me/identity',
      headers: asUser(u, 'POST'),
      payload: { realName: '刘一手', idNumber: first17 + checkCharacter(first17) },
    })
    const r2 = await publish(u, { kind: 'post', text: '通化今天下雪了' })
    expect(r2.statusCode).toBe(403)
    expect(r2.json().code).toBe('RULES_NOT_ACCEPTED')
    expect(r2.json().documents).toHaveLength(3)
    expect(await count()).toBe(before)
    await accept(u)
    const ok = await publish(u, { kind: 'post', text: '通化今天下雪了' })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json().status).toBe('published')
  })

  it('refuses a suspended account (A13.3)', async () => {
    const u = await newcomer('13904351002')
    await adjust(u, -100)
    const res = await publish(u, { kind: 'post', text: '想发个帖子' })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'CREDIT_PUBLISHING_SUSPENDED', tier: 'suspended' })
  })

  it('holds everything of a restricted account for review, and stops at its daily limit', async () => {
    const u = await newcomer('13904351003')
    await adjust(u, -50) // 70 → 20: restricted, pre-review, one post a day
    const first = await publish(u, { kind: 'post', text: '东昌区今天的早市很热闹' })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ status: 'held', outcome: 'allow' })
    expect(first.json().reasons.map((r: { type: string }) => r.type)).toEqual(['credit'])
    const before = await count()
    const second = await publish(u, { kind: 'post', text: '再发一条' })
    expect(second.statusCode).toBe(409)
    expect(second.json()).toMatchObject({ code: 'DAILY_LIMIT_REACHED', kind: 'post', limit: 1 })
    expect(await count()).toBe(before)
  })

  it('concurrent publications never pass the daily limit together', async () => {
    const u = await newcomer('13904351004')
    await adjust(u, -50) // restricted: one post a day
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => publish(u, { kind: 'post', text: `东昌区早市第${i}条` })),
    )
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes).toEqual([201, 409, 409, 409, 409, 409])
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().code).toBe('DAILY_LIMIT_REACHED')
  })
})

describe('group commit', () => {
  it('publications that arrive while a transaction runs go in the next one together, each judged alone', async () => {
    const a = await newcomer('13904351005')
    const b = await newcomer('13904351006', { verify: false })
    const before = { batches: node.app.publisher.batches, published: node.app.publisher.published }
    const texts = [
      '东昌区新开了一家朝鲜族冷面馆，味道很正',
      '听说二道江那边辐射泄漏了，是真的吗',
      '浑江水库溃坝了，赶紧往山上跑',
      '集安的葡萄今年特别甜',
      '梅河口的大米节周末开幕',
      '柳河县今年秋收的玉米收成不错',
    ]
    // Queued in one tick: the first ones go at once, alone; the rest wait and go together.
    const settled = await Promise.allSettled([
      ...texts.map((text) => node.app.publisher.publish(a.id, { kind: 'post', text })),
      node.app.publisher.publish(b.id, { kind: 'post', text: '还没有实名也想发帖' }),
      node.app.publisher.publish(a.id, { kind: 'comment', text: '没有上级的评论' }),
    ])
    expect(node.app.publisher.published - before.published).toBe(8)
    // One transaction at a time on PGlite (1 + 7); up to four at once on a server (1 + 1 + 1 + 1 + 4).
    expect(node.app.publisher.batches - before.batches).toBe(node.database.kind === 'pglite' ? 2 : 5)
    const items = settled.slice(0, 6).map((r) => (r.status === 'fulfilled' ? r.value : null))
    expect(items.map((i) => i?.status)).toEqual([
      'published',
      'held',
      'rejected',
      'published',
      'published',
      'published',
    ])
    const refused = settled
      .slice(6)
      .map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : null))
    expect(refused).toEqual(['IDENTITY_REQUIRED', 'CONTENT_PARENT_REQUIRED'])
    // Every item has its own ledger entry with its verdict.
    for (const item of items) {
      const entries = await entriesAbout(node.database.db, { type: 'content', id: item!.id })
      expect(entries.map((e) => e.entry.action)).toEqual([`content.${item!.status}`])
    }
    // Over HTTP the same refusals come back as problems.
    const res = await publish(b, { kind: 'post', text: '还没有实名也想发帖' })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('IDENTITY_REQUIRED')
  })
})

describe('verdicts', () => {
  let u: User
  let post: string
  beforeAll(async () => {
    u = await newcomer('13904351010')
  })

  it('allows, recording encouraged terms', async () => {
    const res = await publish(u, { kind: 'post', text: '周末去集安看高句丽遗址，长白山脚下秋色正好。' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      status: 'published',
      outcome: 'allow',
      fictionLabel: false,
      label: null,
    })
    post = res.json().id
    const pub = await node.app.inject({ url: `/api/content/${post}` })
    expect(pub.json()).toMatchObject({ id: post, fictionLabel: false, authorName: '通化网友1010' })
  })

  it('labels a fiction cue, and a declared fiction, shown wherever the item is served (A11.2)', async () => {
    const cue = await publish(u, { kind: 'post', text: '这段剧情是根据通化老街的传说改编的' })
    expect(cue.json()).toMatchObject({ status: 'published', outcome: 'label', fictionLabel: true })
    const declared = await publish(u, { kind: 'post', text: '小说连载：浑江夜话', fictionDeclared: true })
    expect(declared.json()).toMatchObject({ status: 'published', fictionDeclared: true, fictionLabel: true })
    const one = await node.app.inject({ url: `/api/content/${declared.json().id}` })
    expect(one.json()).toMatchObject({ fictionLabel: true, label: { zh: '虚构/演绎内容' } })
    const feed = await node.app.inject({ url: '/api/content' })
    expect(feed.json().items.find((i: { id: string }) => i.id === declared.json().id)).toMatchObject({
      fictionLabel: true,
    })
  })

  it('holds a suspect comment with its reasons, and hides it from the public', async () => {
    const res = await publish(u, { kind: 'comment', parentId: post, text: '听说二道江那边辐射泄漏了？' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ status: 'held', outcome: 'hold' })
    expect(res.json().reasons[0]).toMatchObject({ type: 'term', term: '辐射泄漏', category: 'prohibit' })
    expect((await node.app.inject({ url: `/api/content/${res.json().id}` })).statusCode).toBe(404)
    const list = await node.app.inject({ url: `/api/content?postId=${post}` })
    expect(list.json().items).toEqual([])
  })

  it('blocks a prohibited term with reasons the author can read, and records it', async () => {
    const res = await publish(u, { kind: 'post', text: '紧急扩散！浑江水库溃坝了，下游赶紧跑' })
    expect(res.json()).toMatchObject({ status: 'rejected', outcome: 'block' })
    expect(res.json().reasons[0].zh).toContain('浑江水库溃坝')
    expect(res.json().reasons[0].en).toContain('prohibited')
    const mine = await node.app.inject({ url: '/api/users/me/content', headers: asUser(u) })
    expect(mine.json().items[0]).toMatchObject({ id: res.json().id, status: 'rejected' })
    const row = await node.database.db.execute(
      sql`select action, articles, rule_version from ledger_entry where subject_id = ${res.json().id}`,
    )
    expect(JSON.stringify(row)).toContain('content.rejected')
    expect(JSON.stringify(row)).toContain('rule-set/1+claims.3')
  })

  it('catches a known false claim in its variants: traditional characters and emoji', async () => {
    const trad = await publish(u, {
      kind: 'post',
      text: '轉發：通化市自來水公司緊急通知😱浑江上游發生化工原料泄漏，全市自來水已被汙染，三天內不要飲用自來水！！',
    })
    expect(trad.json()).toMatchObject({ status: 'rejected', outcome: 'block' })
    expect(trad.json().reasons[0]).toMatchObject({ type: 'claim' })
  })

  it('a claim added now catches its variants at once, without a rebuild', async () => {
    const text = '通化站今晚起停运所有进京列车，车票全部作废，铁路局内部已经下发通知'
    const before = await publish(u, { kind: 'post', text: `📢${text.replaceAll('，', ' ')}` })
    expect(before.json().status).toBe('published')
    const add = await node.app.inject({
      method: 'POST',
      url: '/api/screening/claims',
      headers: as(operator, 'POST'),
      payload: { text, source: '沈阳铁路局辟谣（演示）' },
    })
    expect(add.statusCode, add.body).toBe(201)
    const after = await publish(u, {
      kind: 'post',
      text: `📢通化站今晚起停運所有進京列車🚄車票全部作廢，鐵路局內部已經下發通知`,
    })
    expect(after.json()).toMatchObject({ status: 'rejected' })
    expect(after.json().ruleVersion).toBe('rule-set/1+claims.4')
  })

  it('a new rule set version changes verdicts immediately', async () => {
    const text = '通化葡萄酒节取消了，据说是因为食品安全问题'
    expect((await publish(u, { kind: 'post', text })).json().status).toBe('published')
    const v2 = await node.app.inject({
      method: 'POST',
      url: '/api/screening/rule-sets',
      headers: as(operator, 'POST'),
      payload: {
        label: '通化词库 第2版',
        note: '增加食品安全谣言',
        lexicon: [
          ...DEMO_LEXICON,
          { term: '食品安全问题', category: 'prohibit', severity: 3, basis: ['A11.1'] },
        ],
      },
    })
    expect(v2.statusCode, v2.body).toBe(201)
    expect(v2.json()).toMatchObject({ version: 2, ruleVersion: 'rule-set/2' })
    const again = await publish(u, { kind: 'post', text })
    expect(again.json()).toMatchObject({ status: 'rejected', ruleVersion: 'rule-set/2+claims.4' })
  })
})

describe('structure and bad input', () => {
  let u: User
  let post: string
  let comment: string
  beforeAll(async () => {
    u = await newcomer('13904351020')
    post = (await publish(u, { kind: 'post', text: '梅河口的冷面哪家最好吃？' })).json().id
    comment = (await publish(u, { kind: 'comment', parentId: post, text: '火车站旁边那家老店' })).json().id
  })

  it('hangs comments on posts, replies on comments, danmaku on a post timeline', async () => {
    const reply = await publish(u, { kind: 'reply', parentId: comment, text: '同意，汤是真的好' })
    expect(reply.json()).toMatchObject({ status: 'published', postId: post, parentId: comment })
    const dm = await publish(u, { kind: 'danmaku', parentId: post, danmakuMs: 12_500, text: '前排' })
    expect(dm.json()).toMatchObject({ status: 'published', postId: post, danmakuMs: 12_500 })
    const list = await node.app.inject({ url: `/api/content?postId=${post}` })
    expect(list.json().items.map((i: { kind: string }) => i.kind)).toEqual(['comment', 'reply', 'danmaku'])
  })

  it('refuses wrong parents and malformed danmaku positions with 4xx, writing nothing', async () => {
    const before = await count()
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: 'comment', text: '没有帖子' }, 400, 'CONTENT_PARENT_REQUIRED'],
      [{ kind: 'post', parentId: post, text: '帖子不能有上级' }, 400, 'CONTENT_PARENT_NOT_ALLOWED'],
      [{ kind: 'comment', parentId: comment, text: '评论挂在评论上' }, 422, 'CONTENT_PARENT_INVALID'],
      [{ kind: 'reply', parentId: post, text: '回复挂在帖子上' }, 422, 'CONTENT_PARENT_INVALID'],
      [
        { kind: 'comment', parentId: '0190f000-0000-7000-8000-000000000000', text: '不存在' },
        422,
        'CONTENT_PARENT_INVALID',
      ],
      [{ kind: 'danmaku', parentId: post, danmakuMs: -1, text: '负数' }, 400, 'VALIDATION_FAILED'],
      [
        { kind: 'danmaku', parentId: post, danmakuMs: 86_400_001, text: '超过一天' },
        400,
        'VALIDATION_FAILED',
      ],
      [{ kind: 'danmaku', parentId: post, text: '没有位置' }, 400, 'DANMAKU_POSITION_INVALID'],
      [
        { kind: 'danmaku', parentId: comment, danmakuMs: 10, text: '挂在评论上' },
        422,
        'CONTENT_PARENT_INVALID',
      ],
      [
        { kind: 'comment', parentId: post, danmakuMs: 10, text: '评论带位置' },
        400,
        'DANMAKU_POSITION_INVALID',
      ],
      [{ kind: 'post', text: '   \n\t ' }, 400, 'CONTENT_TEXT_EMPTY'],
      [{ kind: 'post', text: '' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'post', text: '长'.repeat(5001) }, 400, 'VALIDATION_FAILED'],
    ]
    expect(before).toBeGreaterThan(0)
    for (const [payload, status, code] of cases) {
      const res = await publish(u, payload)
      expect(res.statusCode, `${JSON.stringify(payload).slice(0, 80)} ${res.body}`).toBe(status)
      expect(res.json().code).toBe(code)
    }
    expect(await count()).toBe(before)
  })

  it('a comment on a held post is refused', async () => {
    const held = await publish(u, { kind: 'post', text: '有政府内部消息说下周停水' })
    expect(held.json().status).toBe('held')
    const res = await publish(u, { kind: 'comment', parentId: held.json().id, text: '真的吗' })
    expect(res.statusCode).toBe(422)
  })
})

describe('rule sets', () => {
  it('refuses a lexicon that does not compile, naming the bad entries, and keeps the version in force', async () => {
    const before = (await node.app.inject({ url: '/api/screening/rule-sets', headers: as(operator) })).json()
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/screening/rule-sets',
      headers: as(operator, 'POST'),
      payload: {
        label: '坏词库',
        note: '测试',
        lexicon: [
          { term: '正常词', category: 'prohibit', severity: 1, basis: ['A11.1'] },
          { term: '😀！', category: 'prohibit', severity: 3, basis: ['A11.1'] },
        ],
      },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      code: 'RULE_SET_INVALID',
      entries: ['😀！'],
      errors: [{ field: 'lexicon/1' }],
    })
    const after = (await node.app.inject({ url: '/api/screening/rule-sets', headers: as(operator) })).json()
    expect(after.current).toBe(before.current)
    expect(after.items).toHaveLength(before.items.length)
  })

  it('refuses a claim too short to match reliably', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/screening/claims',
      headers: as(operator, 'POST'),
      payload: { text: '停水了', source: '测试' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('FALSE_CLAIM_INVALID')
  })

  it('loads the newest version and every claim when a node starts', async () => {
    const { ScreeningService } = await import('../screening/index.ts')
    const fresh = new ScreeningService()
    await fresh.load(node.database.db)
    expect(fresh.version).toBe(node.app.screening.version)
    expect(fresh.claimCount).toBe(node.app.screening.claimCount)
  })
})
