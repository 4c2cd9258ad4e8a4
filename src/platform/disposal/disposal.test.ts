// Platform node II (A15, A16): reports with a tracking number, deadline and feedback; one decision closes many
// reports; a confirmed false claim enters the registry and the bank, every copy already published — posts,
// comments, replies, bullet comments, variants in traditional characters, with emoji, quoted in longer posts — is
// stopped and labelled by the sweep, new uploads are blocked; removed text is kept sealed; legal holds; appeals.
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
import { asUser, newUser, type TestUser } from '../../../test/helpers/platform.ts'
import { transaction } from '../../core/db/index.ts'
import { DEMO_LEXICON } from '../../demo/platform-content.ts'
import { entriesAbout, systemActor } from '../../ledger/index.ts'
import { fileAppeal } from '../appeals/index.ts'
import { recordCreditEvent } from '../credit/index.ts'
import { patrolChunk, startPatrol } from '../patrol/index.ts'
import { fileReport } from '../reports/index.ts'
import { confirmRumor, purgeExpired } from './disposal.ts'
import { DisposalSweeper } from './sweeper.ts'

let node: TestNode
let operator: Session
let reviewer: Session
let admin: Session
let inspector: Session
let author: TestUser
let other: TestUser
const reporters: TestUser[] = []
const DAY = 86_400_000

const CLAIM = '东昌区自来水厂今晚停水检修三天，全城自来水被污染不能喝，赶紧去超市抢购桶装水'

async function publish(u: TestUser, kind: string, text: string, parentId?: string) {
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/content',
    headers: asUser(u, 'POST'),
    payload: {
      kind,
      text,
      ...(parentId ? { parentId } : {}),
      ...(kind === 'danmaku' ? { danmakuMs: 1500 } : {}),
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; status: string }
}

const report = (u: TestUser, itemId: string, category = 'rumor', note = '内容不实') =>
  node.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: asUser(u, 'POST'),
    payload: { itemId, category, note },
  })

const publicView = (id: string) => node.app.inject({ url: `/api/content/${id}` })

let phones = 13904359300
/** A new author in good standing: an author whose credit fell to a low tier may post only a few times a day. */
const fresh = () => newUser(node, String(phones++))

beforeAll(async () => {
  node = await startTestNode('platform', {
    QINGLANG_REPORTS_PER_HOUR: '4',
    QINGLANG_APPEAL_WINDOW_DAYS: '15',
  })
  operator = await signIn(node.app, 'operator')
  reviewer = await signIn(node.app, 'reviewer')
  admin = await signIn(node.app, 'admin')
  inspector = await signIn(node.app, 'inspector')
  const rules = await node.app.inject({
    method: 'POST',
    url: '/api/screening/rule-sets',
    headers: as(operator, 'POST'),
    payload: { label: '通化词库', note: '测试', lexicon: DEMO_LEXICON },
  })
  expect(rules.statusCode, rules.body).toBe(201)
  author = await newUser(node, '13904359001')
  other = await newUser(node, '13904359002')
  for (let i = 0; i < 3; i++) reporters.push(await newUser(node, `1390435910${i}`))
  await node.app.patrol.stop()
})
afterAll(async () => node?.close())

describe('reports (A15)', () => {
  it('gives a tracking number and the deadline of its category, refuses duplicates and bad targets', async () => {
    const item = await publish(author, 'post', '听说龙泉路今天封路，有人知道为什么吗')
    const res = await report(reporters[0]!, item.id, 'privacy')
    expect(res.statusCode, res.body).toBe(201)
    const r = res.json()
    expect(r.trackingNo).toMatch(/^JB\d{8}-[A-Z0-9]{6}$/)
    expect(r).toMatchObject({ status: 'open', category: 'privacy', categoryZh: '侵犯隐私', overdue: false })
    expect(r.item).toEqual({
      kind: 'post',
      excerpt: '听说龙泉路今天封路，有人知道为什么吗',
      postId: null,
      shown: true,
    })
    expect(Date.parse(r.deadlineAt) - Date.parse(r.createdAt)).toBe(72 * 3_600_000)

    const dup = await report(reporters[0]!, item.id, 'rumor')
    expect(dup.statusCode).toBe(409)
    expect(problem(dup).code).toBe('REPORT_DUPLICATE')
    const missing = await report(reporters[0]!, '0190a0a0-0000-7000-8000-000000000000')
    expect(problem(missing).code).toBe('CONTENT_NOT_FOUND')
    const bad = await report(reporters[0]!, item.id, 'gossip')
    expect(bad.statusCode).toBe(400)
    const anon = await node.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { itemId: item.id, category: 'rumor' },
    })
    expect(anon.statusCode).toBe(401)

    // The reporter follows it by number; nobody else can.
    const mine = await node.app.inject({
      url: `/api/users/me/reports/${r.trackingNo}`,
      headers: asUser(reporters[0]!),
    })
    expect(mine.json()).toMatchObject({ id: r.id, status: 'open' })
    const theirs = await node.app.inject({
      url: `/api/users/me/reports/${r.trackingNo}`,
      headers: asUser(reporters[1]!),
    })
    expect(theirs.statusCode).toBe(404)

    // The guide is public and names the deadlines.
    const guide = (await node.app.inject({ url: '/api/reports/guide' })).json()
    expect(guide.categories.find((c: { key: string }) => c.key === 'rumor')).toMatchObject({
      deadlineHours: 24,
    })
    expect(guide.stepsZh.length).toBeGreaterThan(3)
  })

  it('limits how often one user reports, and a muted reporter is refused until unmuted', async () => {
    const spammer = await newUser(node, '13904359200')
    const items: { id: string }[] = []
    for (let i = 0; i < 5; i++)
      items.push(await publish(other, 'post', `二道江区第${i + 1}届冰雪节今天开幕，欢迎大家来玩`))
    for (let i = 0; i < 4; i++) expect((await report(spammer, items[i]!.id)).statusCode).toBe(201)
    const fifth = await report(spammer, items[4]!.id)
    expect(fifth.statusCode).toBe(429)
    expect(problem(fifth).code).toBe('REPORT_RATE_LIMITED')

    const mute = await node.app.inject({
      method: 'POST',
      url: `/api/reporters/${spammer.id}/mute`,
      headers: as(reviewer, 'POST'),
      payload: { days: 7, reason: '连续举报正常活动信息' },
    })
    expect(mute.statusCode, mute.body).toBe(200)
    const muted = await transaction(node.database.db, (tx) =>
      fileReport(
        tx,
        spammer.id,
        { itemId: items[4]!.id, category: 'rumor' },
        undefined,
        new Date(Date.now() + 2 * 3_600_000),
      ),
    ).catch((e) => e)
    expect(muted.code).toBe('REPORTER_MUTED')
    const unmute = await node.app.inject({
      method: 'POST',
      url: `/api/reporters/${spammer.id}/unmute`,
      headers: as(reviewer, 'POST'),
    })
    expect(unmute.statusCode).toBe(204)
    // Dismissing lowers the reporter's accuracy; the queue shows it.
    for (let i = 0; i < 4; i++) {
      const d = await node.app.inject({
        method: 'POST',
        url: `/api/reports/items/${items[i]!.id}/decision`,
        headers: as(reviewer, 'POST'),
        payload: { outcome: 'dismiss', reason: '冰雪节为官方活动，信息属实' },
      })
      expect(d.statusCode, d.body).toBe(200)
      expect(d.json().closed).toBe(1)
    }
    const detail = (
      await node.app.inject({ url: `/api/reports/items/${items[0]!.id}`, headers: as(reviewer) })
    ).json()
    expect(detail.reports[0]).toMatchObject({ reporterId: spammer.id, status: 'dismissed', accuracy: 0.17 })
    const notices = (await node.app.inject({ url: '/api/users/me/notices', headers: asUser(spammer) })).json()
    expect(notices.items.some((n: { kind: string }) => n.kind === 'report_dismissed')).toBe(true)
  })

  it('orders the queue by priority and flags overdue reports', async () => {
    const a = await publish(author, 'post', '靖宇县城今天下午举办庙会，人很多')
    const b = await publish(author, 'post', '柳河县明天有大风降温，注意保暖')
    await report(reporters[1]!, a.id, 'fiction')
    await report(reporters[1]!, b.id, 'rumor')
    await report(reporters[2]!, b.id, 'rumor')
    // a report filed two days ago is past its 24-hour deadline
    const old = await publish(author, 'post', '梅河口市的早市搬到新地方了')
    await transaction(node.database.db, (tx) =>
      fileReport(
        tx,
        reporters[2]!.id,
        { itemId: old.id, category: 'rumor' },
        undefined,
        new Date(Date.now() - 2 * DAY),
      ),
    )
    // Upheld with no measure is refused while the item is still public: nothing would happen to it.
    const empty = await node.app.inject({
      method: 'POST',
      url: `/api/reports/items/${b.id}/decision`,
      headers: as(reviewer, 'POST'),
      payload: { outcome: 'uphold', reason: '成立' },
    })
    expect(problem(empty).code).toBe('DISPOSAL_MEASURES_INVALID')
    const queue = (await node.app.inject({ url: '/api/reports/queue', headers: as(reviewer) })).json().items
    const ids = queue.map((q: { itemId: string }) => q.itemId)
    expect(ids.indexOf(old.id)).toBe(0)
    expect(queue[0].overdue).toBe(true)
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id))
    expect(queue.find((q: { itemId: string }) => q.itemId === b.id)).toMatchObject({
      reports: 2,
      severity: 3,
    })
    const forbidden = await node.app.inject({ url: '/api/reports/queue', headers: asUser(author) })
    expect(forbidden.statusCode).toBe(401)
    // Prometheus sees the overdue report, and the index of fingerprints holds every published item.
    await node.app.disposal.index.ready()
    await node.app.disposal.index.catchUp()
    const text = (await node.app.inject({ url: '/metrics' })).body
    const value = (name: string) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${name}{`))
          ?.split(' ')
          .at(-1) ?? Number.NaN,
      )
    expect(value('qinglang_reports_overdue')).toBe(1)
    expect(value('qinglang_content_index_items')).toBeGreaterThanOrEqual(9)
  })
})

describe('a confirmed false claim disappears from the whole platform (A16)', () => {
  let original: string
  let copies: Record<string, string>
  let unrelated: string
  let confirmed: { disposal: { id: string }; rumor: { id: string } }

  beforeAll(async () => {
    original = (await publish(author, 'post', CLAIM)).id
    const comment = await publish(other, 'comment', '真的假的？我家那边好像没通知', original)
    copies = {
      traditional: (
        await publish(
          other,
          'post',
          '東昌區自來水廠今晚停水檢修三天，全城自來水被污染不能喝，趕緊去超市搶購桶裝水',
        )
      ).id,
      emoji: (
        await publish(
          other,
          'post',
          '东昌区😱自来水厂今晚停水检修三天，全城🚱自来水被污染不能喝，赶紧去超市抢购桶装水！！',
        )
      ).id,
      quoted: (
        await publish(
          other,
          'post',
          `朋友圈都在传：“${CLAIM}”。我先转给家里人看看，大家也注意一下吧，多备点水总没错。`,
        )
      ).id,
      comment: (await publish(reporters[0]!, 'comment', `转：${CLAIM}`, original)).id,
      reply: (await publish(author, 'reply', `楼上说得对，${CLAIM}`, comment.id)).id,
      danmaku: (await publish(other, 'danmaku', CLAIM, original)).id,
    }
    unrelated = (await publish(other, 'post', '东昌区图书馆今晚开放到九点，欢迎市民前来自习')).id
    for (const r of reporters.slice(0, 2)) expect((await report(r, original)).statusCode).toBe(201)
    expect((await report(reporters[2]!, copies.emoji!)).statusCode).toBe(201)

    const res = await node.app.inject({
      method: 'POST',
      url: `/api/reports/items/${original}/decision`,
      headers: as(reviewer, 'POST'),
      payload: {
        outcome: 'uphold',
        reason: '经东昌区水务部门核实，当日无停水检修计划，自来水水质合格',
        measures: ['stop', 'label'],
        confirm: {
          verdict: 'false',
          clarificationUrl: 'https://www.tonghua.gov.cn/piyao/20261130-water',
          clarificationTitle: '关于“东昌区自来水被污染”的辟谣',
        },
      },
    })
    expect(res.statusCode, res.body).toBe(200)
    confirmed = res.json()
    expect(res.json().closed).toBe(2)
    await node.app.disposal.sweeper.idle()
  })

  it('stops and labels every copy and variant across posts, comments, replies and bullet comments', async () => {
    for (const id of [original, ...Object.values(copies)]) {
      expect((await publicView(id)).statusCode, id).toBe(404)
    }
    expect((await publicView(unrelated)).statusCode).toBe(200)
    const detail = (
      await node.app.inject({ url: `/api/disposals/${confirmed.disposal.id}`, headers: as(reviewer) })
    ).json()
    expect(detail.disposal).toMatchObject({ status: 'finished', applied: 7, measures: ['stop', 'label'] })
    expect(
      detail.items.every(
        (i: { restriction: string; falseLabelled: boolean }) =>
          i.restriction === 'stopped' && i.falseLabelled,
      ),
    ).toBe(true)
    const applied = detail.items.filter((i: { outcome: string }) => i.outcome === 'applied')
    expect(new Set(applied.map((i: { itemId: string }) => i.itemId))).toEqual(
      new Set([original, ...Object.values(copies)]),
    )
    expect(new Set(applied.map((i: { kind: string }) => i.kind))).toEqual(
      new Set(['post', 'comment', 'reply', 'danmaku']),
    )
    for (const i of applied) expect(i.afterMs).toBeGreaterThanOrEqual(0)

    // The author's own view shows the label and the link to the clarification.
    const own = (await node.app.inject({ url: '/api/users/me/content', headers: asUser(other) })).json()
    const trad = own.items.find((i: { id: string }) => i.id === copies.traditional)
    expect(trad).toMatchObject({
      restriction: 'stopped',
      falseLabel: { zh: '经核实为虚假信息', url: 'https://www.tonghua.gov.cn/piyao/20261130-water' },
    })
  })

  it('tells authors why, lowers their credit, and gives every reporter feedback', async () => {
    const notices = (await node.app.inject({ url: '/api/users/me/notices', headers: asUser(other) })).json()
    const disposed = notices.items.filter((n: { kind: string }) => n.kind === 'content_disposed')
    expect(disposed.length).toBe(4)
    expect(disposed[0].zh).toContain('https://www.tonghua.gov.cn/piyao/20261130-water')
    expect(disposed[0].articles).toContain('A16')
    const credit = (await node.app.inject({ url: '/api/users/me/credit', headers: asUser(other) })).json()
    expect(credit.history.filter((e: { kind: string }) => e.kind === 'violation').length).toBe(4)
    // The reporter of a copy found by the sweep is told too: one decision closes many reports.
    const fb = (
      await node.app.inject({ url: '/api/users/me/reports', headers: asUser(reporters[2]!) })
    ).json()
    const swept = fb.items.find((r: { itemId: string }) => r.itemId === copies.emoji)
    expect(swept).toMatchObject({
      status: 'upheld',
      disposalId: confirmed.disposal.id,
      item: { shown: false },
    })
    expect(swept.outcomeArticles).toContain('A16')
    // Someone who commented on the original (and is not an author of a copy) hears it was false.
    const commenter = (
      await node.app.inject({ url: '/api/users/me/notices', headers: asUser(reporters[1]!) })
    ).json()
    expect(commenter.items.some((n: { kind: string }) => n.kind === 'report_upheld')).toBe(true)
  })

  it('is not taken back by a patrol: disposed items stay as the disposal left them', async () => {
    const run = await transaction(node.database.db, (tx) =>
      startPatrol(tx, systemActor('test', 'test'), {
        ruleSetVersion: node.app.screening.version,
        windowDays: 30,
        trigger: 'manual',
      }),
    )
    let hits = 0
    for (;;) {
      const r = await transaction(node.database.db, (tx) => patrolChunk(tx, node.app.screening, run.id))
      hits += r.hits
      if (r.done) break
    }
    expect(hits).toBe(0)
    const own = (await node.app.inject({ url: '/api/users/me/content', headers: asUser(other) })).json()
    const copy = own.items.find((i: { id: string }) => i.id === copies.emoji)
    expect(copy).toMatchObject({ status: 'published', restriction: 'stopped' })
  })

  it('decides a copy still waiting for a reviewer: rejected, out of the review queue', async () => {
    // an account fallen to the low tier: what it posts waits for a reviewer (先审后发)
    const low = await fresh()
    await transaction(node.database.db, (tx) =>
      recordCreditEvent(tx, systemActor('test', 'test'), {
        userId: low.id,
        kind: 'violation',
        severity: 3,
        reason: '测试：此前的违规',
      }),
    )
    const text = '柳河县城明天全天停电检修，医院和学校都受影响，大家提前做好准备并转告亲友'
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: asUser(low, 'POST'),
      payload: { kind: 'post', text },
    })
    expect(res.json().status, res.body).toBe('held')
    const confirm = await node.app.inject({
      method: 'POST',
      url: '/api/rumors',
      headers: as(reviewer, 'POST'),
      payload: {
        text,
        verdict: 'false',
        source: 'trusted',
        sourceRef: '国网柳河县供电公司',
        measures: ['stop'],
        reason: '供电公司无检修计划',
        category: 'false',
      },
    })
    expect(confirm.statusCode, confirm.body).toBe(201)
    await node.app.disposal.sweeper.idle()
    const queue = (await node.app.inject({ url: '/api/review/queue', headers: as(reviewer) })).json()
    expect(queue.items.some((i: { id: string }) => i.id === res.json().id)).toBe(false)
    const own = (await node.app.inject({ url: '/api/users/me/content', headers: asUser(low) })).json()
    expect(own.items.find((i: { id: string }) => i.id === res.json().id)).toMatchObject({
      status: 'rejected',
      restriction: 'stopped',
      decisionReason: '供电公司无检修计划',
    })
  })

  it('blocks a new upload of a variant at publish', async () => {
    const res = await publish(
      await fresh(),
      'post',
      '东昌区自来水厂今晚停水检修三天!!全城自来水被污染不能喝，赶紧去超市抢购桶装水',
    )
    expect(res.status).toBe('rejected')
  })

  it('keeps every act on the ledger with its requirement ids', async () => {
    const onItem = await entriesAbout(node.database.db, { type: 'content', id: copies.quoted! })
    const applied = onItem.find((e) => e.entry.action === 'disposal.applied')
    expect(applied?.entry.articles).toContain('A16')
    const d = await entriesAbout(node.database.db, { type: 'disposal', id: confirmed.disposal.id })
    expect(d.map((e) => e.entry.action)).toEqual(['disposal.started', 'disposal.finished'])
    const r = await entriesAbout(node.database.db, { type: 'rumor', id: confirmed.rumor.id })
    expect(r.map((e) => e.entry.action)).toEqual(['rumor.confirmed'])
    const registry = (await node.app.inject({ url: '/api/rumors', headers: as(inspector) })).json()
    expect(registry.items.find((r: { id: string }) => r.id === confirmed.rumor.id)).toMatchObject({
      source: 'review',
      verdict: 'false',
      clarificationTitle: '关于“东昌区自来水被污染”的辟谣',
    })
  })
})

describe('a sweep interrupted by a restart', () => {
  it('resumes on start, finishes, and never applies twice', async () => {
    const text = '集安市明天起全面限电，每户每天只供电两小时，冰箱里的东西赶紧处理掉'
    const ids: string[] = []
    const poster = await fresh()
    for (let i = 0; i < 6; i++)
      ids.push((await publish(poster, 'post', `${i % 2 ? '【转】' : ''}${text}${'！'.repeat(i)}`)).id)
    const { disposal } = await transaction(node.database.db, (tx) =>
      confirmRumor(tx, systemActor('test', 'test'), node.app.disposal.ctx, {
        text,
        verdict: 'false',
        source: 'trusted',
        sourceRef: '国网集安市供电公司声明',
        measures: ['stop'],
        reason: '供电公司声明未限电',
        category: 'false',
      }),
    )
    // a first process applies to two items, then "crashes" (its sweep never ran to the end)
    const crashed = new DisposalSweeper({
      database: node.database,
      index: node.app.disposal.index,
      ctx: node.app.disposal.ctx,
      onError: (e) => {
        throw e
      },
    })
    await crashed.stop()
    await transaction(node.database.db, async (tx) => {
      const { applyDisposalToItem } = await import('./disposal.ts')
      await applyDisposalToItem(tx, systemActor('test', 'test'), node.app.disposal.ctx, disposal.id, ids[0]!)
      await applyDisposalToItem(tx, systemActor('test', 'test'), node.app.disposal.ctx, disposal.id, ids[1]!)
    })
    // a fresh process resumes every unfinished sweep
    const restarted = new DisposalSweeper({
      database: node.database,
      index: node.app.disposal.index,
      ctx: node.app.disposal.ctx,
      onError: (e) => {
        throw e
      },
    })
    await restarted.resume()
    await restarted.idle()
    const detail = (
      await node.app.inject({ url: `/api/disposals/${disposal.id}`, headers: as(reviewer) })
    ).json()
    expect(detail.disposal.status).toBe('finished')
    expect(detail.items.filter((i: { outcome: string }) => i.outcome === 'applied').length).toBe(6)
    for (const id of ids) {
      const e = await entriesAbout(node.database.db, { type: 'content', id })
      expect(e.filter((x) => x.entry.action === 'disposal.applied').length).toBe(1)
    }
    // running it again changes nothing
    await restarted.run(disposal.id)
    const rows = await node.database.db.execute(
      sql`select count(*)::int as n from disposal_item where disposal_id = ${disposal.id}`,
    )
    expect(Number((rows as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(6)
  })
})

describe('removal, retention and legal holds', () => {
  it('keeps removed text sealed, opens it only for the roles that need it, and records each opening', async () => {
    const item = await publish(await fresh(), 'post', '内部消息：通化县某领导被带走调查，附截图为证')
    const res = await node.app.inject({
      method: 'POST',
      url: `/api/content/${item.id}/disposal`,
      headers: as(reviewer, 'POST'),
      payload: { measures: ['stop', 'remove'], reason: '捏造他人被调查的信息', category: 'prohibit' },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ status: 'finished', applied: 1, articles: ['A16', 'A10'] })
    const raw = await node.database.db.execute(
      sql`select c.text, r.sealed from content_item c join retained_content r on r.item_id = c.id where c.id = ${item.id}`,
    )
    const row = (raw as unknown as { rows: { text: string; sealed: string }[] }).rows[0]!
    expect(row.text).toBe('')
    expect(row.sealed).not.toContain('领导')

    const denied = await node.app.inject({
      method: 'POST',
      url: `/api/retention/${item.id}/open`,
      headers: as(reviewer, 'POST'),
      payload: { reason: '复核' },
    })
    expect(denied.statusCode).toBe(403)
    const opened = await node.app.inject({
      method: 'POST',
      url: `/api/retention/${item.id}/open`,
      headers: as(inspector, 'POST'),
      payload: { reason: '配合网信部门检查' },
    })
    expect(opened.statusCode, opened.body).toBe(200)
    expect(opened.json().text).toBe('内部消息：通化县某领导被带走调查，附截图为证')
    const e = await entriesAbout(node.database.db, { type: 'content', id: item.id })
    expect(e.map((x) => x.entry.action)).toContain('retention.opened')
    // disposing of it again is refused: it is gone
    const again = await node.app.inject({
      method: 'POST',
      url: `/api/content/${item.id}/disposal`,
      headers: as(reviewer, 'POST'),
      payload: { measures: ['stop'], reason: '重复处置', category: 'prohibit' },
    })
    expect(problem(again).code).toBe('DISPOSAL_ITEM_INVALID')
    // nor can it be reported any more
    const gone = await report(reporters[0]!, item.id)
    expect(gone.statusCode).toBe(404)
    expect(problem(gone).code).toBe('CONTENT_NOT_FOUND')
  })

  it('stops an item under legal hold but keeps it as it is, and never purges its copy', async () => {
    const writer = await fresh()
    const item = await publish(writer, 'post', '通化市某小区业主群截图：开发商卷款跑路了')
    const hold = await node.app.inject({
      method: 'POST',
      url: '/api/legal-holds',
      headers: as(admin, 'POST'),
      payload: { itemId: item.id, reason: '东昌区人民法院证据保全裁定' },
    })
    expect(hold.statusCode, hold.body).toBe(201)
    const twice = await node.app.inject({
      method: 'POST',
      url: '/api/legal-holds',
      headers: as(admin, 'POST'),
      payload: { itemId: item.id, reason: '重复' },
    })
    expect(problem(twice).code).toBe('LEGAL_HOLD_EXISTS')
    const res = await node.app.inject({
      method: 'POST',
      url: `/api/content/${item.id}/disposal`,
      headers: as(reviewer, 'POST'),
      payload: { measures: ['stop', 'remove'], reason: '未经核实的经营信息', category: 'false' },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect((await publicView(item.id)).statusCode).toBe(404)
    const detail = (
      await node.app.inject({ url: `/api/disposals/${res.json().id}`, headers: as(reviewer) })
    ).json()
    expect(detail.items[0]).toMatchObject({ legalHold: true, measures: ['stop'], status: 'published' })

    // A removed item's copy is purged after its period, unless held.
    const gone = await publish(writer, 'post', '听说玉皇山公园要拆了建商品房')
    await node.app.inject({
      method: 'POST',
      url: `/api/content/${gone.id}/disposal`,
      headers: as(reviewer, 'POST'),
      payload: { measures: ['stop', 'remove'], reason: '不实信息', category: 'false' },
    })
    const purged = await transaction(node.database.db, (tx) =>
      purgeExpired(tx, systemActor('retention', 'retention'), new Date(Date.now() + 400 * DAY)),
    )
    expect(purged).toBeGreaterThanOrEqual(1)
    const after = await node.app.inject({
      method: 'POST',
      url: `/api/retention/${gone.id}/open`,
      headers: as(inspector, 'POST'),
      payload: { reason: '检查' },
    })
    expect(problem(after).code).toBe('RETAINED_NOT_FOUND')
    const release = await node.app.inject({
      method: 'POST',
      url: `/api/legal-holds/${item.id}/release`,
      headers: as(admin, 'POST'),
      payload: { reason: '诉讼终结' },
    })
    expect(release.statusCode).toBe(204)
  })
})

describe('appeals', () => {
  it('lets the author appeal in time; someone other than who decided restores the item and the credit', async () => {
    const author = await fresh()
    const item = await publish(author, 'post', '辟谣：网传“通化明天全市停水”是假的，请大家不要相信')
    const disposed = await node.app.inject({
      method: 'POST',
      url: `/api/content/${item.id}/disposal`,
      headers: as(reviewer, 'POST'),
      payload: { measures: ['stop', 'remove'], reason: '涉及停水谣言', category: 'false' },
    })
    expect(disposed.statusCode).toBe(201)
    const before = (await node.app.inject({ url: '/api/users/me/credit', headers: asUser(author) })).json()
      .score

    const notMine = await node.app.inject({
      method: 'POST',
      url: '/api/appeals',
      headers: asUser(other, 'POST'),
      payload: { itemId: item.id, reason: '不服' },
    })
    expect(problem(notMine).code).toBe('APPEAL_NOT_ALLOWED')
    const late = await transaction(node.database.db, (tx) =>
      fileAppeal(
        tx,
        author.id,
        { itemId: item.id, reason: '迟到的申诉' },
        15,
        new Date(Date.now() + 16 * DAY),
      ),
    ).catch((e) => e)
    expect(late.code).toBe('APPEAL_WINDOW_CLOSED')
    const filed = await node.app.inject({
      method: 'POST',
      url: '/api/appeals',
      headers: asUser(author, 'POST'),
      payload: { itemId: item.id, reason: '这是一条辟谣信息，引用谣言是为了澄清' },
    })
    expect(filed.statusCode, filed.body).toBe(201)
    expect(filed.json()).toMatchObject({ decisionKind: 'disposal', status: 'open' })
    const dup = await node.app.inject({
      method: 'POST',
      url: '/api/appeals',
      headers: asUser(author, 'POST'),
      payload: { itemId: item.id, reason: '再申诉' },
    })
    expect(problem(dup).code).toBe('APPEAL_DUPLICATE')

    const same = await node.app.inject({
      method: 'POST',
      url: `/api/appeals/${filed.json().id}/decision`,
      headers: as(reviewer, 'POST'),
      payload: { outcome: 'uphold', reason: '自己复核' },
    })
    expect(problem(same).code).toBe('APPEAL_SAME_REVIEWER')
    const queue = (await node.app.inject({ url: '/api/appeals', headers: as(reviewer) })).json()
    expect(queue.items.find((a: { id: string }) => a.id === filed.json().id)).toMatchObject({
      ownDecision: true,
    })

    const ok = await node.app.inject({
      method: 'POST',
      url: `/api/appeals/${filed.json().id}/decision`,
      headers: as(admin, 'POST'),
      payload: { outcome: 'uphold', reason: '内容为辟谣，处置有误' },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().status).toBe('upheld')
    const view = await publicView(item.id)
    expect(view.statusCode).toBe(200)
    expect(view.json().text).toBe('辟谣：网传“通化明天全市停水”是假的，请大家不要相信')
    const after = (await node.app.inject({ url: '/api/users/me/credit', headers: asUser(author) })).json()
      .score
    expect(after).toBeGreaterThan(before)
    const notices = (await node.app.inject({ url: '/api/users/me/notices', headers: asUser(author) })).json()
    expect(notices.items[0]).toMatchObject({ kind: 'appeal_upheld' })
    const again = await node.app.inject({
      method: 'POST',
      url: `/api/appeals/${filed.json().id}/decision`,
      headers: as(admin, 'POST'),
      payload: { outcome: 'dismiss', reason: '再决定' },
    })
    expect(problem(again).code).toBe('APPEAL_ALREADY_DECIDED')
  })

  it('has nothing to appeal on an item nobody decided against', async () => {
    const author = await fresh()
    const item = await publish(author, 'post', '通化葡萄酒节下周开幕')
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/appeals',
      headers: asUser(author, 'POST'),
      payload: { itemId: item.id, reason: '申诉' },
    })
    expect(problem(res).code).toBe('APPEAL_NOTHING_TO_APPEAL')
  })
})

describe('the public list', () => {
  it('never shows a stopped or limited item', async () => {
    const res = await node.app.inject({ url: '/api/content', headers: {} })
    expect(res.statusCode).toBe(200)
    expect(res.json().items.every((i: { restriction: string | null }) => i.restriction === null)).toBe(true)
  })
})
