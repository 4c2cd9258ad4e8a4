// Review of held items over HTTP (A12.1): queue with deadlines, claims, decisions exactly one reviewer wins,
// credit lowered on rejection (A13.3), and the item's history read from the ledger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, type Session, signIn, startTestNode, type TestNode } from '../../../test/helpers/node.ts'
import { createStaff } from '../../core/auth/index.ts'
import { transaction } from '../../core/db/index.ts'
import { getOrganisationByKey } from '../../core/organisations/index.ts'
import { DEMO_LEXICON } from '../../demo/platform-content.ts'
import { checkCharacter } from '../identity/index.ts'

let node: TestNode
let reviewer: Session
let reviewer2: Session
let admin: Session
let author: { cookie: string; csrf: string; id: string }
let post: string

const asAuthor = (method = 'GET') =>
  method === 'GET' ? { cookie: author.cookie } : { cookie: author.cookie, 'x-csrf-token': author.csrf }

async function hold(text: string, kind: 'post' | 'comment' = 'comment'): Promise<string> {
  // Keep the author in the normal tier, so each test sees the verdict itself rather than earlier rejections.
  const credit = (await node.app.inject({ url: `/api/credit/users/${author.id}`, headers: as(admin) })).json()
  if (credit.score !== 70) {
    const fix = await node.app.inject({
      method: 'POST',
      url: `/api/credit/users/${author.id}/events`,
      headers: as(admin, 'POST'),
      payload: { kind: 'adjustment', delta: 70 - credit.score, reason: '测试复位' },
    })
    expect(fix.statusCode, fix.body).toBe(201)
  }
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/content',
    headers: asAuthor('POST'),
    payload: kind === 'post' ? { kind, text } : { kind, text, parentId: post },
  })
  expect(res.json().status, res.body).toBe('held')
  return res.json().id
}

const decide = (s: Session, id: string, decision: string, reason = '核实为不实信息') =>
  node.app.inject({
    method: 'POST',
    url: `/api/review/${id}/decision`,
    headers: as(s, 'POST'),
    payload: { decision, reason },
  })

beforeAll(async () => {
  node = await startTestNode('platform')
  admin = await signIn(node.app, 'admin')
  reviewer = await signIn(node.app, 'reviewer')
  await transaction(node.database.db, async (tx) => {
    const org = await getOrganisationByKey(tx, 'platform')
    await createStaff(tx, null, {
      login: 'reviewer2',
      displayName: '审核员 郑楠',
      password: 'test-password-123',
      roles: ['reviewer'],
      organisationId: org.id,
    })
  })
  reviewer2 = await signIn(node.app, 'reviewer2')
  const rs = await node.app.inject({
    method: 'POST',
    url: '/api/screening/rule-sets',
    headers: as(admin, 'POST'),
    payload: { label: '通化词库', note: '测试', lexicon: DEMO_LEXICON },
  })
  expect(rs.statusCode, rs.body).toBe(201)
  const reg = await node.app.inject({
    method: 'POST',
    url: '/api/users',
    payload: { phone: '13904352001', password: 'review-user-pass', displayName: '柳河老李' },
  })
  author = { cookie: `ql_user=${reg.cookies[0]!.value}`, csrf: reg.json().csrfToken, id: reg.json().user.id }
  const first17 = '22052419700707123'
  const v = await node.app.inject({
    method: 'POST',
    url: '/api/users/me/identity',
    headers: asAuthor('POST'),
    payload: { realName: '李长河', idNumber: first17 + checkCharacter(first17) },
  })
  expect(v.statusCode, v.body).toBe(201)
  const p = await node.app.inject({
    method: 'POST',
    url: '/api/content',
    headers: asAuthor('POST'),
    payload: { kind: 'post', text: '柳河县今年的秋收怎么样？' },
  })
  post = p.json().id
})
afterAll(async () => node?.close())

describe('the review queue', () => {
  it('lists held items oldest first with reasons and deadlines, by kind', async () => {
    const c = await hold('听说二道江那边辐射泄漏了？')
    const p = await hold('有政府内部消息说下周全城停水', 'post')
    const res = await node.app.inject({ url: '/api/review/queue?order=age', headers: as(reviewer) })
    expect(res.statusCode).toBe(200)
    const items = res.json().items as { id: string; deadline: string; createdAt: string; overdue: boolean }[]
    expect(items.map((i) => i.id)).toEqual([c, p])
    const [ci, pi] = items as [(typeof items)[0], (typeof items)[0]]
    expect(new Date(ci.deadline).getTime() - new Date(ci.createdAt).getTime()).toBe(30 * 60_000)
    expect(new Date(pi.deadline).getTime() - new Date(pi.createdAt).getTime()).toBe(2 * 3_600_000)
    expect(ci.overdue).toBe(false)
    expect(res.json().items[0].reasons[0]).toMatchObject({ type: 'term', term: '辐射泄漏' })
    const posts = await node.app.inject({ url: '/api/review/queue?kind=post', headers: as(reviewer) })
    expect(posts.json().items.map((i: { id: string }) => i.id)).toEqual([p])
    // Inspectors and operators may look, not act.
    const inspector = await signIn(node.app, 'inspector')
    expect((await node.app.inject({ url: '/api/review/queue', headers: as(inspector) })).statusCode).toBe(200)
    expect((await decide(inspector, c, 'approve')).statusCode).toBe(403)
    await decide(reviewer, c, 'approve', '核实无误')
    await decide(reviewer, p, 'reject', '捏造政府消息')
  })
})

describe('claims and decisions', () => {
  it('refuses an item someone else has claimed, until the claim is released by the decision', async () => {
    const id = await hold('听说二道江那边辐射泄漏了，快转告家人')
    const claim = await node.app.inject({
      method: 'POST',
      url: `/api/review/${id}/claim`,
      headers: as(reviewer, 'POST'),
    })
    expect(claim.statusCode, claim.body).toBe(200)
    expect(claim.json()).toMatchObject({ claimedByName: '审核员 高远' })
    const other = await node.app.inject({
      method: 'POST',
      url: `/api/review/${id}/claim`,
      headers: as(reviewer2, 'POST'),
    })
    expect(other.statusCode).toBe(409)
    expect(other.json()).toMatchObject({ code: 'REVIEW_CLAIMED_BY_OTHER', claimedBy: '审核员 高远' })
    const otherDecides = await decide(reviewer2, id, 'approve')
    expect(otherDecides.statusCode).toBe(409)
    expect(otherDecides.json().code).toBe('REVIEW_CLAIMED_BY_OTHER')
    const ok = await decide(reviewer, id, 'label', '属于演绎内容，加注标识后发布')
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'published', fictionLabel: true, claimedBy: null })
    const pub = await node.app.inject({ url: `/api/content/${id}` })
    expect(pub.json()).toMatchObject({ fictionLabel: true })
  })

  it('refuses a decision on a decided item', async () => {
    const id = await hold('辐射泄漏的消息是真的吗')
    expect((await decide(reviewer, id, 'approve', '核实无误')).statusCode).toBe(200)
    const again = await decide(reviewer2, id, 'reject')
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('REVIEW_ALREADY_DECIDED')
    const claim = await node.app.inject({
      method: 'POST',
      url: `/api/review/${id}/claim`,
      headers: as(reviewer2, 'POST'),
    })
    expect(claim.json().code).toBe('REVIEW_ALREADY_DECIDED')
  })

  it('two reviewers deciding at once: exactly one wins, one credit event', async () => {
    const id = await hold('二道江辐射泄漏，赶紧撤离')
    const before = (
      await node.app.inject({ url: `/api/credit/users/${author.id}`, headers: as(admin) })
    ).json()
    const results = await Promise.all([
      decide(reviewer, id, 'reject', '捏造险情'),
      decide(reviewer2, id, 'reject', '捏造险情'),
      decide(admin, id, 'approve', '核实无误'),
    ])
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes).toEqual([200, 409, 409])
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().code).toBe('REVIEW_ALREADY_DECIDED')
    const after = (
      await node.app.inject({ url: `/api/credit/users/${author.id}`, headers: as(admin) })
    ).json()
    const winner = results.find((r) => r.statusCode === 200)!.json()
    const events = after.history.filter((e: { subject: { id: string } | null }) => e.subject?.id === id)
    expect(events).toHaveLength(winner.status === 'rejected' ? 1 : 0)
    if (winner.status === 'rejected') expect(after.score).toBeLessThan(before.score)
  })

  it('a rejection lowers the author’s credit by the severity of the matched terms (A13.3)', async () => {
    const id = await hold('有政府内部消息，下周全城停水')
    const before = (await node.app.inject({ url: '/api/users/me/credit', headers: asAuthor() })).json()
    const res = await decide(reviewer, id, 'reject', '捏造政府消息')
    expect(res.json()).toMatchObject({ status: 'rejected', decisionReason: '捏造政府消息' })
    const after = (await node.app.inject({ url: '/api/users/me/credit', headers: asAuthor() })).json()
    // 政府内部消息 is a prohibited term of severity 2: −15 under the default policy.
    expect(after.score).toBe(Math.max(0, before.score - 15))
    expect(after.history[0]).toMatchObject({ kind: 'violation', subject: { type: 'content', id } })
    const mine = await node.app.inject({ url: '/api/users/me/content', headers: asAuthor() })
    expect(mine.json().items.find((i: { id: string }) => i.id === id)).toMatchObject({
      status: 'rejected',
      decisionReason: '捏造政府消息',
    })
  })

  it('404 for an unknown item', async () => {
    const res = await decide(reviewer, '0190f000-0000-7000-8000-000000000000', 'approve')
    expect(res.statusCode).toBe(404)
  })
})

describe('history', () => {
  it('lists the verdict, the claim and the decision from the ledger', async () => {
    const id = await hold('听说辐射泄漏了')
    await node.app.inject({ method: 'POST', url: `/api/review/${id}/claim`, headers: as(reviewer, 'POST') })
    await decide(reviewer, id, 'reject', '无依据的险情')
    const res = await node.app.inject({ url: `/api/review/${id}/history`, headers: as(reviewer) })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().item).toMatchObject({ id, status: 'rejected' })
    const entries = res.json().entries as {
      action: string
      articles: string[]
      ruleVersion: string | null
      details: Record<string, unknown>
    }[]
    expect(entries.map((e) => e.action)).toEqual(['content.held', 'review.claimed', 'review.rejected'])
    expect(entries[0]).toMatchObject({ articles: ['A8.1', 'A12.1'], ruleVersion: 'rule-set/1+claims.0' })
    expect(entries[0]!.details).toMatchObject({ outcome: 'hold', reasons: [{ term: '辐射泄漏' }] })
    expect(entries[2]!.details).toMatchObject({ decision: 'reject', reason: '无依据的险情' })
  })
})

describe('escalation, templates, bulk decisions and the author told why', () => {
  const notices = async () =>
    (await node.app.inject({ url: '/api/users/me/notices', headers: asAuthor() })).json() as {
      unread: number
      items: { kind: string; zh: string; en: string; articles: string[]; subject: { id: string } | null }[]
    }

  it('an escalated item goes to the top of the queue and only a lead reviewer decides it', async () => {
    const low = await hold('震惊！柳河的朋友们看过来，辐射泄漏？', 'comment')
    const id = await hold('听说二道江辐射泄漏，政府内部消息说要撤离')
    const esc = await node.app.inject({
      method: 'POST',
      url: `/api/review/${id}/escalate`,
      headers: as(reviewer, 'POST'),
      payload: { note: '涉及险情，需主管核实' },
    })
    expect(esc.statusCode, esc.body).toBe(200)
    expect(esc.json()).toMatchObject({ escalatedBy: '审核员 高远', escalationNote: '涉及险情，需主管核实' })
    const queue = (await node.app.inject({ url: '/api/review/queue', headers: as(reviewer) })).json()
    expect(queue.items[0]).toMatchObject({ id })
    expect(queue.items[0].risk).toBeGreaterThan(queue.items.find((i: { id: string }) => i.id === low).risk)
    // A reviewer may no longer decide it, nor escalate it twice; the platform admin (a lead) may.
    const refused = await decide(reviewer2, id, 'reject')
    expect(refused.statusCode).toBe(409)
    expect(refused.json().code).toBe('REVIEW_ESCALATED')
    const again = await node.app.inject({
      method: 'POST',
      url: `/api/review/${id}/escalate`,
      headers: as(reviewer2, 'POST'),
      payload: { note: '再次上报' },
    })
    expect(again.json().code).toBe('REVIEW_ESCALATED')
    expect((await decide(admin, id, 'reject', '捏造险情')).statusCode).toBe(200)
    const history = (await node.app.inject({ url: `/api/review/${id}/history`, headers: as(admin) })).json()
    expect(history.entries.map((e: { action: string }) => e.action)).toEqual([
      'content.held',
      'review.escalated',
      'review.rejected',
    ])
    await decide(reviewer, low, 'approve', '核实无误')
  })

  it('serves reason templates that cite their requirement ids', async () => {
    const res = await node.app.inject({ url: '/api/review/templates', headers: as(reviewer) })
    expect(res.statusCode).toBe(200)
    const items = res.json().items as { key: string; decision: string; articles: string[] }[]
    expect(items.find((t) => t.key === 'dramatised')).toMatchObject({
      decision: 'label',
      articles: ['A11.2'],
    })
    for (const t of items) expect(t.articles.length).toBeGreaterThan(0)
  })

  it('labels an undeclared dramatisation: published with the label, the author told why, credit lowered (A11.2)', async () => {
    const id = await hold('辐射泄漏演绎短剧第一集，纯属虚构')
    const before = (await node.app.inject({ url: '/api/users/me/credit', headers: asAuthor() })).json()
    const res = await decide(reviewer, id, 'label', '含虚构、演绎情节，须标注“虚构/演绎”')
    expect(res.json()).toMatchObject({ status: 'published', fictionLabel: true, fictionDeclared: false })
    const after = (await node.app.inject({ url: '/api/users/me/credit', headers: asAuthor() })).json()
    expect(after.history[0]).toMatchObject({ kind: 'fiction_unlabelled', subject: { type: 'content', id } })
    expect(after.score).toBeLessThan(before.score)
    const n = await notices()
    expect(n.unread).toBeGreaterThan(0)
    expect(n.items[0]).toMatchObject({
      kind: 'fiction_labelled',
      subject: { id },
      articles: ['A11.2', 'A13.3'],
    })
    expect(n.items[0]!.zh).toContain('虚构')
    const read = await node.app.inject({
      method: 'POST',
      url: '/api/users/me/notices/read',
      headers: asAuthor('POST'),
    })
    expect(read.json().marked).toBe(n.unread)
    expect((await notices()).unread).toBe(0)
  })

  it('decides a selection at once, each item alone: a refusal does not undo the others', async () => {
    const a = await hold('辐射泄漏传言一')
    const b = await hold('辐射泄漏传言二')
    const c = await hold('辐射泄漏传言三')
    await node.app.inject({ method: 'POST', url: `/api/review/${c}/claim`, headers: as(reviewer2, 'POST') })
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/review/bulk',
      headers: as(reviewer, 'POST'),
      payload: { ids: [a, b, c], decision: 'reject', reason: '编造险情' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ decided: 2, refused: 1 })
    expect(res.json().results[2]).toMatchObject({ id: c, ok: false, code: 'REVIEW_CLAIMED_BY_OTHER' })
    for (const id of [a, b]) {
      const item = (await node.app.inject({ url: `/api/review/${id}/history`, headers: as(reviewer) })).json()
      expect(item.item.status).toBe('rejected')
    }
    const n = await notices()
    expect(n.items.filter((i) => i.kind === 'content_rejected').map((i) => i.subject?.id)).toEqual(
      expect.arrayContaining([a, b]),
    )
    // Bad selections are refused whole, before anything is decided.
    const dup = await node.app.inject({
      method: 'POST',
      url: '/api/review/bulk',
      headers: as(reviewer, 'POST'),
      payload: { ids: [c, c], decision: 'reject', reason: '编造险情' },
    })
    expect(dup.statusCode).toBe(400)
    const empty = await node.app.inject({
      method: 'POST',
      url: '/api/review/bulk',
      headers: as(reviewer, 'POST'),
      payload: { ids: [], decision: 'reject', reason: '编造险情' },
    })
    expect(empty.statusCode).toBe(400)
    await decide(reviewer2, c, 'approve', '核实无误')
  })
})
