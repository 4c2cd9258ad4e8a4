// The end-to-end story of SYSTEM.md §10, steps 1–4 and the start of 5, across three nodes in one process over
// loopback: a new rumour about Tonghua and its variants spread on platforms A and B; the public report it to
// platform A and to the regulator (with a name and phone, sealed); the regulator routes the report to the competent
// department, which drafts a clarification that someone else approves and publishes; both platforms stop every
// copy, block re-uploads, notify authors, lower their credit, close the reports with feedback and answer with what
// they did; the proofs verify at the regulator; an order to platform B is executed and verified, another ignored
// past its deadline is flagged. Every ledger verifies, and the reporter's name and phone appear nowhere — logs,
// answers, messages between nodes, ledgers, tables — but in the one answer that unseals them.
import { createHash, randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffActorByLogin } from '../../src/core/auth/index.ts'
import { transaction } from '../../src/core/db/index.ts'
import {
  MerkleTree,
  signCheckpoint,
  systemActor,
  verifyInclusion,
  verifyStoredLog,
} from '../../src/ledger/index.ts'
import { FilingSender } from '../../src/platform/filings/index.ts'
import { type Envelope, signEnvelope } from '../../src/protocol/index.ts'
import { addWorkingDays, chinaDate, workingCalendar } from '../../src/regulator/cases/index.ts'
import { runEvaluation } from '../../src/regulator/evaluation/index.ts'
import { flagOverdueOrders } from '../../src/regulator/orders/index.ts'
import {
  decidePenaltyCase,
  executePenaltyCase,
  holdHearing,
  investigatePenaltyCase,
  legalReview,
  listCreditRecords,
  listPublicDisclosures,
  notifyPenaltyCase,
  openCasesForOverdueOrders,
  publishPenaltyCase,
  requestHearing,
  scheduleHearing,
  servePenaltyCase,
} from '../../src/regulator/penalties/index.ts'
import type { ReportFiled } from '../../src/regulator/platform-reports/index.ts'
import { as, problem, type Session, signIn, startTestNode, type TestNode } from '../helpers/node.ts'
import { connect, listen } from '../helpers/peers.ts'
import { asUser, eventually, newUser, type TestUser } from '../helpers/platform.ts'

// --- the story's words (written for this test) ---

/** The rumour: "plastic rice" sold in Dongchang district supermarkets, children in hospital, shops sealed. */
const CLAIM =
  '通化市东昌区几家超市卖的散装大米是塑料做的，煮出来一股怪味，已经有小孩吃了住院，市场监管局连夜查封了超市'
const TRADITIONAL =
  '通化市東昌區幾家超市賣的散裝大米是塑料做的，煮出來一股怪味，已經有小孩吃了住院，市場監管局連夜查封了超市'
const EMOJI =
  '通化市东昌区😱几家超市卖的散装大米🍚是塑料做的，煮出来一股怪味🤮，已经有小孩吃了住院🏥，市场监管局连夜查封了超市！！'
/** Homophones and look-alike characters: 散装→散妆, 怪味→怪未, 查封→察封. */
const HOMOPHONE =
  '通化市东昌区几家超市卖的散妆大米是塑料做的，煮出来一股怪未，已经有小孩吃了住院，市场监管局连夜察封了超市'
const REORDERED =
  '已经有小孩吃了住院，市场监管局连夜查封了超市。通化市东昌区几家超市卖的散装大米是塑料做的，煮出来一股怪味'
const QUOTED = `家长群里都在传：“${CLAIM}”。我家上周刚买了二十斤，现在都不敢下锅了，有没有懂行的说说塑料米怎么分辨？`
const COMMENT = `转给大家看看：${CLAIM}`

/** What the regulator's order names on B: a photo caption that the claim bank does not reach. */
const SLIPPED = '东昌区塑料大米实拍！用火一点就着，还冒黑烟，这种米谁还敢吃？'
const UNRELATED_A = '东昌区新开的粮油市场周末有促销，五常大米每斤便宜一块钱'
const UNRELATED_B = '二道江区今年新米上市，农户在路边摆摊卖自家种的稻花香'

/** The member of the public who reports to the regulator with their name and phone. */
const NAME = '郝玉凤'
const PHONE = '15643578219'
const PHONE_TYPED = '156 4357 8219'

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(96, 3),
])

// --- three nodes, and everything they say ---

let regulator: TestNode
/** A staff member of a node as the actor of a use case called directly (the procedure's days are dated ahead). */
const staffActor = (n: TestNode, login: string) =>
  transaction(n.database.db, (tx) => staffActorByLogin(tx, login))
let platformA: TestNode
let platformB: TestNode
const nodes = () => [regulator, platformA, platformB] as const
const senders = new Map<TestNode, FilingSender>()

/** Every answer any node gave in the scenario, and every body one node POSTed to another. */
const answers: { where: string; body: string }[] = []
const outbound: { from: string; body: string }[] = []
let recording = true

function recordAnswers(n: TestNode) {
  const inject = n.app.inject.bind(n.app) as (o: InjectOptions | string) => Promise<LightMyRequestResponse>
  const wrapped = async (o: InjectOptions | string) => {
    const res = await inject(o)
    if (recording) {
      const url = typeof o === 'string' ? o : String(o.url)
      answers.push({ where: `${n.config.node.id} ${url} → ${res.statusCode}`, body: res.body })
    }
    return res
  }
  ;(n.app as unknown as { inject: typeof wrapped }).inject = wrapped
}

function recordOutbound(n: TestNode) {
  const p = n.protocol as unknown as { fetch: typeof fetch }
  const real = p.fetch
  p.fetch = async (input, init) => {
    if (init?.body !== undefined) outbound.push({ from: n.config.node.id, body: String(init.body) })
    return real(input, init)
  }
}

async function rows<T = Record<string, unknown>>(n: TestNode, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await n.database.db.execute(q)) as unknown as { rows: T[] }).rows
}
async function countOf(n: TestNode, table: string): Promise<number> {
  const [r] = await rows<{ n: number }>(n, sql.raw(`select count(*)::int as n from ${table}`))
  return Number(r?.n)
}
/** Row counts of the tables a refusal must leave alone. */
async function counts(n: TestNode, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of tables) out[t] = await countOf(n, t)
  return out
}

/** One delivery round: the regulator's outbox, then each platform's. */
async function exchange() {
  await regulator.protocol.deliverDue()
  for (const p of [platformA, platformB]) await p.protocol.deliverDue()
}

/** Signs a checkpoint on a platform and sends it to the regulator, which witnesses it; then its filings. */
async function checkpointAndFile(p: TestNode): Promise<{ size: number }> {
  await p.ledger.sequence()
  const c = await p.ledger.checkpoint()
  if (!c) throw new Error('no checkpoint')
  await p.protocol.publishCheckpoint(c, p.ledger.tree)
  await p.protocol.deliverDue()
  await senders.get(p)!.sendDue()
  await p.protocol.deliverDue()
  return c
}

beforeAll(async () => {
  regulator = await startTestNode('regulator')
  platformA = await startTestNode('platform')
  platformB = await startTestNode('platform', {}, { id: 'platform-b' })
  for (const n of nodes()) {
    await listen(n)
    recordAnswers(n)
    recordOutbound(n)
  }
  for (const p of [platformA, platformB]) {
    await connect(regulator, p)
    await connect(p, regulator)
    senders.set(p, new FilingSender({ database: p.database, ledger: p.ledger, protocol: p.protocol }))
  }
})
afterAll(async () => {
  for (const s of senders.values()) await s.stop()
  for (const n of [platformA, platformB, regulator]) await n?.close()
})

// --- helpers of the story ---

let phones = 13904357100
const user = (n: TestNode) => newUser(n, String(phones++))

async function publish(
  n: TestNode,
  u: TestUser,
  text: string,
  opts: { kind?: string; parentId?: string } = {},
): Promise<{ id: string; status: string }> {
  const res = await n.app.inject({
    method: 'POST',
    url: '/api/content',
    headers: asUser(u, 'POST'),
    payload: { kind: opts.kind ?? 'post', text, ...(opts.parentId ? { parentId: opts.parentId } : {}) },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

const get = (n: TestNode, who: Session, url: string) => n.app.inject({ url, headers: as(who) })
const post = (n: TestNode, who: Session, url: string, payload?: unknown) =>
  n.app.inject({
    method: 'POST',
    url,
    headers: as(who, 'POST'),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  })

// --- the story's state, filled in step by step ---

const s = {} as {
  authorA: TestUser
  sharersA: TestUser[]
  authorB: TestUser
  reportersA: TestUser[]
  copiesA: Record<string, string>
  copiesB: Record<string, string>
  slippedB: string
  unrelatedA: string
  unrelatedB: string
  trackingNos: string[]
  publicReportId: string
  code: string
  caseId: string
  clarificationId: string
  clarificationUrl: string
  disposalIds: Record<string, string>
  orderId: string
  ignoredOrderId: string
  penaltyDecidedAt: string
}

let officer: Session // cac.officer
let market: Session // market.officer: the competent department
let admin: Session // cac.admin
let supervisor: Session

describe('SYSTEM.md §10: a rumour from first post to every copy stopped', () => {
  beforeAll(async () => {
    officer = await signIn(regulator.app, 'cac.officer')
    market = await signIn(regulator.app, 'market.officer')
    admin = await signIn(regulator.app, 'cac.admin')
    supervisor = await signIn(regulator.app, 'cac.supervisor')
  })

  it('step 1: the rumour is new, so it and its copies and variants publish on both platforms', async () => {
    s.authorA = await user(platformA)
    s.sharersA = [await user(platformA), await user(platformA)]
    s.authorB = await user(platformB)
    const [x, y] = s.sharersA as [TestUser, TestUser]

    const original = await publish(platformA, s.authorA, CLAIM)
    s.unrelatedA = (await publish(platformA, y, UNRELATED_A)).id
    s.copiesA = {
      original: original.id,
      traditional: (await publish(platformA, x, TRADITIONAL)).id,
      emoji: (await publish(platformA, y, EMOJI)).id,
      quoted: (await publish(platformA, x, QUOTED)).id,
      comment: (await publish(platformA, y, COMMENT, { kind: 'comment', parentId: s.unrelatedA })).id,
    }
    s.unrelatedB = (await publish(platformB, s.authorB, UNRELATED_B)).id
    s.copiesB = {
      copy: (await publish(platformB, s.authorB, CLAIM)).id,
      homophone: (await publish(platformB, s.authorB, HOMOPHONE)).id,
      reordered: (await publish(platformB, s.authorB, REORDERED)).id,
      comment: (await publish(platformB, s.authorB, COMMENT, { kind: 'comment', parentId: s.unrelatedB })).id,
    }
    s.slippedB = (await publish(platformB, s.authorB, SLIPPED)).id

    for (const [n, ids] of [
      [platformA, s.copiesA],
      [platformB, s.copiesB],
    ] as const) {
      for (const id of Object.values(ids)) {
        const seen = await n.app.inject({ url: `/api/content/${id}` })
        expect(seen.statusCode, id).toBe(200)
      }
    }
    expect(original.status).toBe('published')
  })

  it('step 2: the public report it to platform A (tracking number, deadline) and to the regulator (sealed)', async () => {
    s.reportersA = [await user(platformA), await user(platformA), await user(platformA)]
    s.trackingNos = []
    const targets = [s.copiesA.original!, s.copiesA.original!, s.copiesA.emoji!]
    for (const [i, r] of s.reportersA.entries()) {
      const res = await platformA.app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: asUser(r, 'POST'),
        payload: { itemId: targets[i], category: 'rumor', note: '超市大米是正规渠道进货的，这是造谣' },
      })
      expect(res.statusCode, res.body).toBe(201)
      const report = res.json()
      expect(report.trackingNo).toMatch(/^JB\d{8}-[A-Z0-9]{6}$/)
      expect(Date.parse(report.deadlineAt) - Date.parse(report.createdAt)).toBe(24 * 3_600_000)
      s.trackingNos.push(report.trackingNo)
    }

    const filed = await regulator.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: '10.20.0.1',
      payload: {
        category: 'rumor',
        platform: '通化同城圈',
        link: `https://tonghua.example/p/${s.copiesA.original}`,
        description: `有人在通化同城圈发帖说“${CLAIM}”，我家就在东昌区，超市正常营业，大米也没问题，这是造谣，已经在好几个群里传开了。`,
        county: '220502',
        reporterName: NAME,
        reporterContact: PHONE_TYPED,
        evidence: [{ name: '截图.png', type: 'image/png', data: PNG.toString('base64') }],
      },
    })
    expect(filed.statusCode, filed.body).toBe(201)
    s.code = filed.json().code
    expect(filed.json()).toMatchObject({ status: 'received', days: 15 })
    const [row] = await rows<{ id: string }>(regulator, sql`select id from public_report`)
    s.publicReportId = row!.id
    const detail = (await get(regulator, officer, `/api/public-reports/${s.publicReportId}`)).json()
    expect(detail).toMatchObject({ identity: '已密封 / sealed', status: 'received', evidenceCount: 1 })
    expect(detail.evidence[0].sha256).toBe(createHash('sha256').update(PNG).digest('hex'))
  })

  it('step 3: the regulator routes it to the competent department, which drafts a clarification; another approves and publishes', async () => {
    // Plastic rice is a matter for market supervision: an officer says so in the routing rules.
    const current = (await get(regulator, officer, '/api/routing-rules')).json()
    const marketOrg = (
      await rows<{ id: string }>(regulator, sql`select id from organisation where key = 'market-supervision'`)
    )[0]!.id
    const rules = current.rules.map(
      (r: { category: string; countyCode: string | null; organisationId: string }) => ({
        category: r.category,
        countyCode: r.countyCode,
        organisationId: r.category === 'rumor' && r.countyCode === '220502' ? marketOrg : r.organisationId,
      }),
    )
    const saved = await regulator.app.inject({
      method: 'PUT',
      url: '/api/routing-rules',
      headers: as(officer, 'PUT'),
      payload: { rules },
    })
    expect(saved.statusCode, saved.body).toBe(200)

    const routed = await post(regulator, officer, `/api/public-reports/${s.publicReportId}/route`)
    expect(routed.statusCode, routed.body).toBe(201)
    expect(routed.json()).toMatchObject({
      leadOrganisationId: marketOrg,
      countyCode: '220502',
      publicReportIds: [s.publicReportId],
      status: 'open',
    })
    s.caseId = routed.json().id
    // The department sees the case it leads; the report shows routed.
    const mine = (await get(regulator, market, '/api/cases')).json()
    expect(mine.items.map((c: { id: string }) => c.id)).toContain(s.caseId)
    expect((await get(regulator, market, `/api/public-reports/${s.publicReportId}`)).json().status).toBe(
      'routed',
    )

    const drafted = await post(regulator, market, '/api/clarifications', {
      claim: CLAIM,
      title: '关于“东昌区超市售卖塑料大米”的辟谣',
      body: '经通化市市场监督管理局会同东昌区相关部门抽检核实，东昌区各超市在售散装大米均为正规渠道购进，检验合格，不存在“塑料大米”；市场监管部门未查封任何超市，也未接到因食用大米住院的报告。网传信息系谣言，请勿转发。',
      verdict: 'false',
      publicReportIds: [s.publicReportId],
    })
    expect(drafted.statusCode, drafted.body).toBe(201)
    s.clarificationId = drafted.json().id
    expect(drafted.json().publicReportIds).toEqual([s.publicReportId])
    // The drafter's department does not approve its own words; another officer (an admin) does.
    expect(
      (await post(regulator, market, `/api/clarifications/${s.clarificationId}/approve`)).statusCode,
    ).toBe(403)
    const approved = await post(regulator, admin, `/api/clarifications/${s.clarificationId}/approve`)
    expect(approved.json().status, approved.body).toBe('approved')
    const published = await post(regulator, admin, `/api/clarifications/${s.clarificationId}/publish`)
    expect(published.statusCode, published.body).toBe(200)
    s.clarificationUrl = published.json().url
    expect(published.json().deliveries.map((d: { platformNode: string }) => d.platformNode)).toEqual([
      'platform-a',
      'platform-b',
    ])
    const pub = (
      await regulator.app.inject({ url: `/api/public/clarifications/${s.clarificationId}` })
    ).json()
    expect(pub.claimReview).toMatchObject({ '@type': 'ClaimReview', claimReviewed: CLAIM })
  })

  it('step 4: the clarification reaches both platforms; every copy is stopped and labelled, re-uploads blocked', async () => {
    await regulator.protocol.deliverDue()
    s.disposalIds = {}
    for (const p of [platformA, platformB]) {
      const d = await eventually(async () => {
        const [r] = await rows<{ id: string; status: string }>(p, sql`select id, status from disposal`)
        return r?.status === 'finished' ? r : undefined
      })
      s.disposalIds[p.config.node.id] = d.id
      await p.protocol.deliverDue()
    }
    for (const [p, copies, unrelated] of [
      [platformA, s.copiesA, s.unrelatedA],
      [platformB, s.copiesB, s.unrelatedB],
    ] as const) {
      for (const [what, id] of Object.entries(copies)) {
        expect(
          (await p.app.inject({ url: `/api/content/${id}` })).statusCode,
          `${p.config.node.id} ${what}`,
        ).toBe(404)
      }
      expect((await p.app.inject({ url: `/api/content/${unrelated}` })).statusCode).toBe(200)
      const reviewer = await signIn(p.app, 'reviewer')
      const detail = (await get(p, reviewer, `/api/disposals/${s.disposalIds[p.config.node.id]}`)).json()
      expect(detail.disposal).toMatchObject({ status: 'finished', measures: ['stop', 'label'] })
      expect(detail.disposal.rumor).toMatchObject({
        source: 'regulator',
        sourceRef: `tonghua-cac/${s.clarificationId}`,
        clarificationUrl: s.clarificationUrl,
      })
      const applied = detail.items.filter((i: { outcome: string }) => i.outcome === 'applied')
      expect(new Set(applied.map((i: { itemId: string }) => i.itemId))).toEqual(
        new Set(Object.values(copies)),
      )
      for (const i of applied) expect(i).toMatchObject({ restriction: 'stopped', falseLabelled: true })

      // A new upload of the claim, by anyone, is blocked.
      const again = await publish(p, await user(p), `${CLAIM}。`)
      expect(again.status).toBe('rejected')
    }
    const retry = await publish(platformB, await user(platformB), TRADITIONAL)
    expect(retry.status).toBe('rejected')
  })

  it('step 4: authors are told and their credit lowered; the reporters on A and at the regulator get feedback', async () => {
    for (const [p, author, n] of [
      [platformA, s.authorA, 1],
      [platformA, s.sharersA[0]!, 2],
      [platformA, s.sharersA[1]!, 2],
      [platformB, s.authorB, 4],
    ] as const) {
      const notices = (await p.app.inject({ url: '/api/users/me/notices', headers: asUser(author) })).json()
      const disposed = notices.items.filter((x: { kind: string }) => x.kind === 'content_disposed')
      expect(disposed).toHaveLength(n)
      expect(disposed[0].zh).toContain(s.clarificationUrl)
      const credit = (await p.app.inject({ url: '/api/users/me/credit', headers: asUser(author) })).json()
      expect(credit.history.filter((e: { kind: string }) => e.kind === 'violation')).toHaveLength(n)
    }
    for (const [i, r] of s.reportersA.entries()) {
      const mine = (
        await platformA.app.inject({ url: `/api/users/me/reports/${s.trackingNos[i]}`, headers: asUser(r) })
      ).json()
      expect(mine).toMatchObject({ status: 'upheld', disposalId: s.disposalIds['platform-a'] })
      expect(mine.outcomeReason).toBeTruthy()
      expect(mine.outcomeArticles).toContain('A16')
    }
    const seen = (
      await regulator.app.inject({ url: `/api/public/reports/${s.code}`, remoteAddress: '10.20.0.1' })
    ).json()
    expect(seen).toMatchObject({ status: 'closed', feedbackArticles: ['A7', 'A18'] })
    expect(seen.feedback).toContain(s.clarificationUrl)
  })

  it('step 4: each platform answers with what it stopped, and its records prove at the regulator', async () => {
    const c = await eventually(async () => {
      const v = (await get(regulator, officer, `/api/clarifications/${s.clarificationId}`)).json()
      return v.deliveries.every((d: { actedAt: string | null }) => d.actedAt) ? v : undefined
    })
    const by = Object.fromEntries(c.deliveries.map((d: { platformNode: string }) => [d.platformNode, d]))
    expect(by['platform-a']).toMatchObject({ stopped: 5, disposalId: s.disposalIds['platform-a'] })
    expect(by['platform-b']).toMatchObject({ stopped: 4, disposalId: s.disposalIds['platform-b'] })
    expect(by['platform-a'].timeToActMs).toBeGreaterThanOrEqual(0)

    // Each platform's records of the disposal are in a checkpoint the regulator witnessed, by inclusion proof.
    for (const p of [platformA, platformB]) {
      const cp = await checkpointAndFile(p)
      const witnessed = await eventually(async () => {
        const list = (
          await get(regulator, officer, `/api/witness/checkpoints?nodeId=${p.config.node.id}`)
        ).json()
        return list.items.find((w: { size: number }) => w.size === cp.size)
      })
      const inspector = await signIn(p.app, 'inspector')
      const entries = (
        await get(p, inspector, `/api/ledger/entries?subjectId=${s.disposalIds[p.config.node.id]}&limit=100`)
      ).json().items as { index: number; action: string; leafHash: string }[]
      expect(entries.map((e) => e.action)).toContain('disposal.finished')
      for (const e of entries) {
        const proof = (
          await p.app.inject({ url: `/api/ledger/proofs/inclusion?index=${e.index}&size=${cp.size}` })
        ).json()
        const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'))
        expect(
          verifyInclusion(hex(e.leafHash), e.index, cp.size, proof.proof.map(hex), hex(witnessed.root)),
          `${p.config.node.id} ${e.action}`,
        ).toBe(true)
      }
    }
  })

  it('step 5: an order to platform B is acknowledged, executed, and proven to the regulator', async () => {
    const res = await post(regulator, officer, '/api/orders', {
      toNode: 'platform-b',
      kind: 'remove',
      itemIds: [s.slippedB, s.copiesB.copy],
      basis: '《通化市网络虚假信息治理办法》第十九条',
      reason: '“东昌区塑料大米”系谣言（已辟谣），责令删除所列信息',
      deadlineAt: new Date(Date.now() + 3_600_000).toISOString(),
    })
    expect(res.statusCode, res.body).toBe(201)
    s.orderId = res.json().id
    await exchange()
    await exchange()
    expect((await get(regulator, officer, `/api/orders/${s.orderId}`)).json().status).toBe('acknowledged')

    const operator = await signIn(platformB.app, 'operator')
    const done = await post(platformB, operator, `/api/orders/${s.orderId}/execute`)
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ status: 'executed', execution: { missing: [] } })
    expect((await platformB.app.inject({ url: `/api/content/${s.slippedB}` })).statusCode).toBe(404)
    await checkpointAndFile(platformB)
    const proven = await eventually(async () => {
      const o = (await get(regulator, officer, `/api/orders/${s.orderId}`)).json()
      return o.proof ? o : undefined
    })
    expect(proven).toMatchObject({ status: 'executed', caseProposed: false, proof: { proofsVerified: true } })
    const report = (await get(regulator, officer, `/api/platform-reports/${proven.proof.reportId}`)).json()
    expect(report).toMatchObject({ fromNode: 'platform-b', witnessCheck: 'witnessed' })
  })

  it('step 5: an order ignored past its deadline is flagged overdue and proposed as an A25 case', async () => {
    const res = await post(regulator, officer, '/api/orders', {
      toNode: 'platform-b',
      kind: 'stop',
      claim: SLIPPED,
      basis: '《通化市网络虚假信息治理办法》第十九条',
      reason: '停止传输“塑料大米”实拍谣言',
      deadlineAt: new Date(Date.now() + 1000).toISOString(),
    })
    expect(res.statusCode, res.body).toBe(201)
    s.ignoredOrderId = res.json().id
    await exchange()
    await exchange()
    // Platform B has it and acknowledged it — and does nothing.
    expect((await get(regulator, officer, `/api/orders/${s.ignoredOrderId}`)).json().status).toBe(
      'acknowledged',
    )
    const later = new Date(Date.now() + 60_000)
    const flagged = await transaction(regulator.database.db, (tx) =>
      flagOverdueOrders(tx, systemActor('orders', '指令期限 / order deadlines'), later),
    )
    expect(flagged).toBe(1)
    expect((await get(regulator, officer, `/api/orders/${s.ignoredOrderId}`)).json()).toMatchObject({
      status: 'overdue',
      caseProposed: true,
    })
    // Flagged once: a second pass finds nothing, and the executed order is untouched.
    expect(
      await transaction(regulator.database.db, (tx) =>
        flagOverdueOrders(tx, systemActor('orders', '指令期限 / order deadlines'), later),
      ),
    ).toBe(0)
    expect((await get(regulator, officer, `/api/orders/${s.orderId}`)).json().status).toBe('executed')
    await regulator.ledger.sequence()
    const flags = (
      await get(regulator, admin, `/api/ledger/entries?subjectId=${s.ignoredOrderId}&action=order.overdue`)
    ).json().items
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ articles: ['A19.1', 'A25'], details: { caseProposed: true } })
  })

  it('step 5: the ignored order opens an A25 case that goes through a hearing to a decision within the bounds, served, in the credit file and published', async () => {
    const cal = await transaction(regulator.database.db, (tx) => workingCalendar(tx))
    // the procedure's days, counted on the working-day calendar from today (10:00 in China each day)
    const day = (n: number) => new Date(`${addWorkingDays(chinaDate(new Date()), n, cal)}T10:00:00+08:00`)
    const tx = <T>(fn: Parameters<typeof transaction<T>>[1]) => transaction(regulator.database.db, fn)
    expect(await tx((t) => openCasesForOverdueOrders(t, systemActor('penalties', '行政处罚')))).toBe(1)
    // once: the timer's next pass opens nothing more
    expect(await tx((t) => openCasesForOverdueOrders(t, systemActor('penalties', '行政处罚')))).toBe(0)
    const list = (await get(regulator, officer, '/api/penalty-cases')).json().items as {
      id: string
      orderId: string | null
    }[]
    const c = list.find((x) => x.orderId === s.ignoredOrderId)
    expect(c).toBeDefined()
    const caseId = c!.id
    // only what A25 allows is offered, with its bounds: a correction; refused or serious, fines within their range
    const allowed = (
      await get(regulator, officer, `/api/penalty-cases/${caseId}/allowed-measures?aggravated=true`)
    ).json() as { article: string; measures: { kind: string; minYuan?: number; maxYuan?: number }[] }
    expect(allowed.article).toBe('A25')
    expect(allowed.measures.map((m) => m.kind).sort()).toEqual(['correction_order', 'fine', 'person_fine'])
    expect(allowed.measures.find((m) => m.kind === 'fine')).toMatchObject({
      minYuan: 50_000,
      maxYuan: 500_000,
    })
    const li = await staffActor(regulator, 'cac.officer')
    const wang = await staffActor(regulator, 'cac.admin')
    await tx((t) =>
      investigatePenaltyCase(
        t,
        li,
        caseId,
        {
          findings: '平台确认收到停止传输指令，逾期未执行，“塑料大米”实拍谣言仍在传播',
          aggravated: true,
          aggravationReason: '指令期限届满后仍拒不执行',
        },
        day(1),
      ),
    )
    const measures = [
      { kind: 'correction_order' as const, deadline: chinaDate(day(30)) },
      { kind: 'fine' as const, amountYuan: 150_000 },
    ]
    // outside the bounds: refused, and the attempt is on the record in its own transaction
    const tooMuch = await post(regulator, officer, `/api/penalty-cases/${caseId}/notify`, {
      facts: '逾期未执行停止传输指令',
      reasons: '拒不改正',
      basis: '《通化市网络虚假信息治理办法》第十九条第二款、第二十五条',
      aggravated: true,
      measures: [{ kind: 'fine', amountYuan: 900_000 }],
    })
    expect(tooMuch.statusCode).toBe(400)
    expect(problem(tooMuch).code).toBe('PENALTY_OUT_OF_BOUNDS')
    await tx((t) =>
      notifyPenaltyCase(
        t,
        li,
        caseId,
        {
          facts: '逾期未执行停止传输指令',
          reasons: '拒不改正',
          basis: '《通化市网络虚假信息治理办法》第十九条第二款、第二十五条',
          aggravated: true,
          measures,
        },
        day(2),
      ),
    )
    await tx((t) => requestHearing(t, li, caseId, day(3)))
    const hearingOn = chinaDate(day(11))
    await tx((t) => scheduleHearing(t, li, caseId, { hearingOn, place: '市网信办听证室' }, day(3)))
    await tx((t) => holdHearing(t, li, caseId, { record: '平台称值班人员疏忽，已补充删除' }, day(11)))
    await tx((t) =>
      legalReview(t, wang, caseId, { opinion: '事实清楚，依据正确，程序合法', approved: true }, day(12)),
    )
    const decided = await tx((t) =>
      decidePenaltyCase(
        t,
        li,
        caseId,
        { measures, aggravated: true, performance: '罚款自收到本决定书之日起十五日内缴纳' },
        day(12),
      ),
    )
    await tx((t) => servePenaltyCase(t, li, caseId, { method: '电子送达' }, day(13)))
    await tx((t) => executePenaltyCase(t, li, caseId, { note: '罚款已缴纳' }, day(15)))
    const published = await tx((t) => publishPenaltyCase(t, li, caseId, day(16)))
    expect(published.step).toBe('published')
    s.penaltyDecidedAt = day(12).toISOString()

    // the decision names its articles, bounds and deadlines
    const doc = await get(regulator, officer, `/api/penalty-cases/${caseId}/decision`)
    for (const words of [
      '行政处罚决定书',
      decided.decisionNumber as string,
      '第二十五条',
      '150,000 元',
      '听证',
      '60日内',
    ])
      expect(doc.body).toContain(words)
    // in the platform's credit file, and on the public list while its display period runs
    const file = await tx((t) => listCreditRecords(t, { partyNodeId: 'platform-b' }))
    expect(file.find((r) => r.penaltyCaseId === caseId)).toMatchObject({ withdrawnAt: null })
    const shown = await tx((t) => listPublicDisclosures(t, day(17)))
    expect(shown.items.find((x) => x.decisionNumber === decided.decisionNumber)).toMatchObject({
      article: 'A25',
    })
    await regulator.ledger.sequence()
    const refused = (await get(regulator, admin, '/api/ledger/entries?action=penalty.bounds_refused')).json()
      .items
    expect(refused.length).toBeGreaterThanOrEqual(1)
    expect(refused[0].details.officerSignature).toMatchObject({ alg: 'Ed25519' })
  })

  it('step 6: the evaluation shows both platforms side by side, the penalty against B among its figures', async () => {
    const at = new Date(s.penaltyDecidedAt)
    const period = `${chinaDate(at).slice(0, 4)}-Q${Math.floor((Number(chinaDate(at).slice(5, 7)) - 1) / 3) + 1}`
    const chen = await staffActor(regulator, 'cac.supervisor')
    const run = await transaction(regulator.database.db, (tx) =>
      runEvaluation(tx, chen, { period }, new Date(at.getTime() + 86_400_000)),
    )
    const byId = new Map(run.platforms.map((p) => [p.id, p]))
    expect([...byId.keys()].sort()).toEqual(['platform-a', 'platform-b'])
    expect(byId.get('platform-b')?.raw.penalties).toBe(1)
    expect(byId.get('platform-a')?.raw.penalties).toBe(0)
    const totalA = byId.get('platform-a')?.total
    const totalB = byId.get('platform-b')?.total
    expect(totalA).not.toBeNull()
    expect(totalB).not.toBeNull()
    expect(totalB ?? 0).toBeLessThan(totalA ?? 0)
  })

  it('the case closes with its conclusion', async () => {
    const closed = await post(regulator, market, `/api/cases/${s.caseId}/close`, {
      conclusion: '网传“东昌区超市售卖塑料大米”经抽检核实系谣言，已发布辟谣，各平台已处置全部相关信息。',
      articles: ['A7', 'A16'],
    })
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json().status).toBe('closed')
  })

  it('at the end, every node’s ledger verifies from its first entry to its last checkpoint', async () => {
    for (const n of nodes()) {
      await n.ledger.sequence()
      await n.ledger.checkpoint()
      const report = await verifyStoredLog(n.database.db, {
        name: n.config.node.id,
        publicKey: n.ledger.options.keys.publicKey,
      })
      expect(report.problems, n.config.node.id).toEqual([])
      expect(report.ok).toBe(true)
      expect(report.entries).toBe((await n.ledger.status()).size)
      expect(report.entries).toBeGreaterThan(20)
    }
  })
})

describe('refused across nodes, with nothing written', () => {
  const inbox = (payload: unknown) =>
    regulator.app.inject({ method: 'POST', url: '/api/protocol/inbox', payload: payload as object })
  const REGULATOR_TABLES = ['envelope_in', 'ledger_entry', 'platform_report', 'platform_order', 'outbox']

  /** An envelope platform B sent the regulator and the regulator accepted, as B's outbox holds it. */
  async function sentByB(type: string) {
    const [row] = await rows<{ envelope: Envelope; signature: string }>(
      platformB,
      sql`select envelope, signature from outbox where type = ${type} and status = 'delivered' order by created_at desc limit 1`,
    )
    if (!row) throw new Error(`no ${type} from platform B`)
    return row
  }
  const deliveryOfB = async () =>
    (await get(regulator, officer, `/api/clarifications/${s.clarificationId}`))
      .json()
      .deliveries.find((d: { platformNode: string }) => d.platformNode === 'platform-b')

  it('a forged answer: signed with another platform’s key, or from a node that is no peer', async () => {
    const before = await counts(regulator, REGULATOR_TABLES)
    const { envelope } = await sentByB('clarification.acted')
    const forged: Envelope = {
      ...envelope,
      id: randomUUID(),
      issuedAt: new Date().toISOString(),
      body: { ...envelope.body, stopped: 0 },
    }
    const withAKey = await inbox(signEnvelope(forged, platformA.protocol.options.keys.privateKey))
    expect(withAKey.statusCode).toBe(401)
    expect(problem(withAKey).code).toBe('PROTOCOL_BAD_SIGNATURE')
    const stranger = await inbox(
      signEnvelope({ ...forged, from: 'platform-x' }, platformB.protocol.options.keys.privateKey),
    )
    expect(stranger.statusCode).toBeGreaterThanOrEqual(400)
    expect(stranger.statusCode).toBeLessThan(500)
    expect(problem(stranger).code).toBe('PROTOCOL_UNKNOWN_SENDER')
    expect(await counts(regulator, REGULATOR_TABLES)).toEqual(before)
    expect((await deliveryOfB()).stopped).toBe(4)
  })

  it('a replayed answer: the same envelope again is a duplicate, the same id with other content a replay', async () => {
    const before = await counts(regulator, REGULATOR_TABLES)
    const { envelope, signature } = await sentByB('clarification.acted')
    const again = await inbox({ envelope, signature })
    expect(again.statusCode).toBe(202)
    expect(again.json()).toEqual({ status: 'duplicate' })
    const altered = await inbox(
      signEnvelope(
        { ...envelope, body: { ...envelope.body, stopped: 0 } },
        platformB.protocol.options.keys.privateKey,
      ),
    )
    expect(altered.statusCode).toBe(409)
    expect(problem(altered).code).toBe('PROTOCOL_REPLAYED')
    expect(await counts(regulator, REGULATOR_TABLES)).toEqual(before)
    expect((await deliveryOfB()).stopped).toBe(4)
  })

  it('a platform’s proofs against a checkpoint the regulator never saw: another history of a size it witnessed', async () => {
    // Platform B signs, with its own key, a log of the same size as the one the regulator witnessed but with another
    // first entry, and proves its order report against that: every proof holds in the forked tree.
    const { envelope } = await sentByB('report.filed')
    const body = structuredClone(envelope.body) as unknown as ReportFiled
    const size = body.checkpoint.size
    const real = platformB.ledger.tree
    const fork = new MerkleTree()
    for (let i = 0; i < size; i++) {
      fork.append(
        i === 0 ? new Uint8Array(createHash('sha256').update('another history').digest()) : real.leaf(i),
      )
    }
    const hex = (h: Uint8Array) => Buffer.from(h).toString('hex')
    body.checkpoint.note = signCheckpoint(
      { origin: 'platform-b', size, root: fork.root(size), timestamp: Date.now() },
      'platform-b',
      platformB.protocol.options.keys.privateKey,
    )
    body.checkpoint.root = hex(fork.root(size))
    body.checkpoint.fromSize = size
    body.checkpoint.consistencyProof = []
    for (const e of body.entries) e.proof = fork.inclusionProof(e.index, size).map(hex)
    const before = await counts(regulator, REGULATOR_TABLES)
    const res = await inbox(
      signEnvelope(
        {
          ...envelope,
          id: randomUUID(),
          issuedAt: new Date().toISOString(),
          body: body as unknown as Record<string, unknown>,
        },
        platformB.protocol.options.keys.privateKey,
      ),
    )
    expect(res.statusCode, res.body).toBe(409)
    expect(problem(res).code).toBe('PLATFORM_REPORT_CHECKPOINT_CONFLICT')
    expect(await counts(regulator, REGULATOR_TABLES)).toEqual(before)
  })

  it('an order to a node that is not a peer', async () => {
    const before = await counts(regulator, REGULATOR_TABLES)
    for (const toNode of ['platform-c', 'tonghua-cac']) {
      const res = await post(regulator, officer, '/api/orders', {
        toNode,
        kind: 'remove',
        itemIds: [s.slippedB],
        basis: '《通化市网络虚假信息治理办法》第十九条',
        reason: '删除“塑料大米”谣言',
        deadlineAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
      expect(res.statusCode, toNode).toBe(404)
      expect(problem(res).code).toBe('PEER_NOT_FOUND')
    }
    expect(await counts(regulator, REGULATOR_TABLES)).toEqual(before)
  })

  it('evidence of the wrong type or too large', async () => {
    const tables = ['public_report', 'public_report_evidence', 'ledger_entry']
    const before = await counts(regulator, tables)
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])
    const big = Buffer.concat([PNG, Buffer.alloc(1_048_576)])
    for (const [file, status, code] of [
      [
        { name: '截图.png', type: 'image/png', data: exe.toString('base64') },
        415,
        'PUBLIC_REPORT_EVIDENCE_TYPE',
      ],
      [
        { name: '录屏.png', type: 'image/png', data: big.toString('base64') },
        413,
        'PUBLIC_REPORT_EVIDENCE_TOO_LARGE',
      ],
      [
        { name: 'x.exe', type: 'application/x-msdownload', data: exe.toString('base64') },
        400,
        'VALIDATION_FAILED',
      ],
    ] as const) {
      const res = await regulator.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        remoteAddress: '10.20.1.1',
        payload: {
          category: 'rumor',
          platform: '通化同城圈',
          description: '又有人在转东昌区塑料大米的帖子',
          reporterName: NAME,
          reporterContact: PHONE,
          evidence: [file],
        },
      })
      expect(res.statusCode, file.name).toBe(status)
      expect(problem(res).code).toBe(code)
    }
    expect(await counts(regulator, tables)).toEqual(before)
  })

  it('guessed tracking codes: each answered alike, then the address is slowed; nothing is written', async () => {
    const tables = ['public_report', 'ledger_entry']
    const before = await counts(regulator, tables)
    const guesser = '10.20.2.1'
    const last = s.code.at(-1) === 'Z' ? 'Y' : 'Z'
    const near = `${s.code.slice(0, -1)}${last}`
    const lookup = (code: string) =>
      regulator.app.inject({ url: `/api/public/reports/${encodeURIComponent(code)}`, remoteAddress: guesser })
    const first = await lookup(near)
    expect(first.statusCode).toBe(404)
    expect(problem(first).code).toBe('PUBLIC_REPORT_NOT_FOUND')
    const limit = regulator.config.regulator.publicReportLookupsPerMinute
    for (let i = 1; i < limit; i++) {
      const res = await lookup(`TH${String(i).padStart(2, '0')}-0000-0000-0000-0000`)
      expect(res.statusCode).toBe(404)
      expect(res.body).toBe(first.body)
    }
    // past the limit even the right code is not answered to this address: guessing does not pay
    const slowed = await lookup(s.code)
    expect(slowed.statusCode).toBe(429)
    expect(problem(slowed).code).toBe('RATE_LIMITED')
    expect(await counts(regulator, tables)).toEqual(before)
    expect(
      (await regulator.app.inject({ url: `/api/public/reports/${s.code}`, remoteAddress: '10.20.2.2' }))
        .statusCode,
    ).toBe(200)
  })

  it('a handler without the seal role cannot open the reporter’s identity, not even the department handling it', async () => {
    const before = await counts(regulator, ['ledger_entry'])
    for (const who of [market, officer, supervisor]) {
      const res = await post(regulator, who, `/api/public-reports/${s.publicReportId}/unseal`, {
        reason: '回访举报人核实情况',
      })
      expect(res.statusCode).toBe(403)
      expect(problem(res).code).toBe('FORBIDDEN')
    }
    expect(await counts(regulator, ['ledger_entry'])).toEqual(before)
    await regulator.ledger.sequence()
    const opened = (
      await get(
        regulator,
        admin,
        `/api/ledger/entries?subjectId=${s.publicReportId}&action=public_report.identity_unsealed`,
      )
    ).json().items
    expect(opened).toEqual([])
  })
})

describe('the reporter’s name and phone (A18)', () => {
  it('appear in no log line, answer, message between nodes, ledger entry, export or table of any node', async () => {
    // What the handlers and the platforms can see and export, read as each of them.
    const reg = { officer, market, supervisor, admin }
    for (const who of Object.values(reg)) {
      for (const url of [
        '/api/public-reports',
        `/api/public-reports/${s.publicReportId}`,
        '/api/cases',
        `/api/cases/${s.caseId}`,
        '/api/clarifications',
        `/api/clarifications/${s.clarificationId}`,
        '/api/orders',
        '/api/platform-reports',
      ]) {
        await get(regulator, who, url)
      }
    }
    await regulator.app.inject({ url: '/api/public/clarifications' })
    await regulator.app.inject({ url: `/api/public/reports/${s.code}`, remoteAddress: '10.20.3.1' })
    for (const n of nodes()) {
      const who = await signIn(n.app, n === regulator ? 'cac.admin' : 'admin')
      await get(n, who, '/api/ledger/entries?limit=5000')
    }
    for (const p of [platformA, platformB]) {
      const inspector = await signIn(p.app, 'inspector')
      for (const url of [
        '/api/rumors',
        '/api/disposals',
        '/api/orders',
        '/api/filings',
        '/api/reports/queue',
      ])
        await get(p, inspector, url)
    }
    for (const n of nodes()) await n.ledger.sequence()

    const haystacks: [string, string][] = []
    for (const n of nodes()) {
      const id = n.config.node.id
      haystacks.push([`${id} logs`, JSON.stringify(n.logs)])
      const tables = await rows<{ name: string }>(
        n,
        sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      )
      for (const { name } of tables) {
        haystacks.push([
          `${id} table ${name}`,
          JSON.stringify(await rows(n, sql.raw(`select * from "${name}"`))),
        ])
      }
    }
    for (const a of answers) haystacks.push([`answer ${a.where}`, a.body])
    for (const o of outbound) haystacks.push([`message from ${o.from}`, o.body])

    // the scenario really was recorded: all three nodes logged, answered and talked
    for (const n of nodes()) expect(n.logs.length, n.config.node.id).toBeGreaterThan(50)
    expect(answers.length).toBeGreaterThan(200)
    for (const id of ['tonghua-cac', 'platform-a', 'platform-b'])
      expect(outbound.filter((o) => o.from === id).length, id).toBeGreaterThan(0)
    expect(outbound.some((o) => o.body.includes('clarification.published'))).toBe(true)
    expect(
      haystacks.some(([w, t]) => w.endsWith('ledger_entry') && t.includes('public_report.received')),
    ).toBe(true)

    const needles = [NAME, PHONE, PHONE_TYPED, PHONE.slice(-8), `${PHONE.slice(0, 3)}-${PHONE.slice(3, 7)}`]
    for (const [where, text] of haystacks) {
      for (const needle of needles) expect(text.includes(needle), `${needle} in ${where}`).toBe(false)
    }

    // Not vacuous: the identity is there, sealed, and opens for a regulator admin with a reason, on the record.
    recording = false
    const unsealed = await post(regulator, admin, `/api/public-reports/${s.publicReportId}/unseal`, {
      reason: '举报人反映的信息来源需当面核实',
    })
    expect(unsealed.statusCode, unsealed.body).toBe(200)
    expect(unsealed.json()).toMatchObject({ name: NAME, contact: `+86${PHONE}` })
    await regulator.ledger.sequence()
    const opened = (
      await get(
        regulator,
        admin,
        `/api/ledger/entries?subjectId=${s.publicReportId}&action=public_report.identity_unsealed`,
      )
    ).json().items
    expect(opened).toHaveLength(1)
    expect(JSON.stringify(opened)).not.toContain(NAME)
  })
})
