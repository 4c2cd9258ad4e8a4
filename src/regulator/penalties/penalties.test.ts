// Penalty cases across nodes (A25; SYSTEM.md §10 steps 5–6): an order platform B ignores becomes an A25 case by
// itself, once; the case goes through 调查, 告知, a hearing the platform asked for, 法制审核 by someone else, a
// decision within the bounds, service, execution and publication, each on the ledger. Attempts outside the bounds are
// refused and recorded; steps out of order are refused; clocks past due are flagged once.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  problem,
  type Session,
  signIn,
  startTestNode,
  type TestNode,
} from '../../../test/helpers/node.ts'
import { connect, listen } from '../../../test/helpers/peers.ts'
import { type Actor, findStaffByLogin } from '../../core/auth/index.ts'
import { transaction } from '../../core/db/index.ts'
import { entriesAbout, systemActor } from '../../ledger/index.ts'
import { flagOverdueOrders } from '../orders/index.ts'
import {
  decidePenaltyCase,
  executePenaltyCase,
  flagOverduePenaltySteps,
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
} from './penalties.ts'

let regulator: TestNode
let platformB: TestNode
let officer: Session
let admin: Session
let supervisor: Session
const system = systemActor('penalties', '行政处罚')

async function actor(login: string): Promise<Actor> {
  const s = await transaction(regulator.database.db, (tx) => findStaffByLogin(tx, login))
  if (!s) throw new Error(login)
  return {
    kind: 'staff',
    id: s.id,
    staffId: s.id,
    organisationId: s.organisationId,
    roles: s.roles,
    name: s.displayName,
  }
}

const at = (d: string, h = 10) => new Date(`${d}T${String(h).padStart(2, '0')}:00:00+08:00`)
const tx = <T>(fn: Parameters<typeof transaction<T>>[1]) => transaction(regulator.database.db, fn)

async function overdueOrderCase(): Promise<{ orderId: string; caseId: string }> {
  const res = await regulator.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: as(officer, 'POST'),
    payload: {
      toNode: 'platform-b',
      kind: 'remove',
      itemIds: [randomUUID()],
      basis: '《通化市网络虚假信息治理若干规定》第十九条第二款',
      reason: '经核实，“通化县自来水厂停水一周”系谣言，要求删除相关帖文',
      deadlineAt: new Date(Date.now() + 1000).toISOString(),
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  const orderId = res.json().id as string
  await tx((t) => flagOverdueOrders(t, systemActor('orders', 'orders'), new Date(Date.now() + 5000)))
  expect(await tx((t) => openCasesForOverdueOrders(t, system))).toBeGreaterThanOrEqual(1)
  const list = (await regulator.app.inject({ url: '/api/penalty-cases', headers: as(officer) })).json()
  const c = list.items.find((x: { orderId: string }) => x.orderId === orderId)
  return { orderId, caseId: c.id }
}

beforeAll(async () => {
  regulator = await startTestNode('regulator')
  platformB = await startTestNode('platform', {}, { id: 'platform-b' })
  for (const n of [regulator, platformB]) await listen(n)
  await connect(regulator, platformB)
  await connect(platformB, regulator)
  officer = await signIn(regulator.app, 'cac.officer')
  admin = await signIn(regulator.app, 'cac.admin')
  supervisor = await signIn(regulator.app, 'cac.supervisor')
})
afterAll(async () => {
  for (const n of [platformB, regulator]) await n?.close()
})

describe('an order ignored past its deadline', () => {
  it('opens one A25 case against the platform, by the system, with the order as evidence', async () => {
    const { orderId, caseId } = await overdueOrderCase()
    // again: nothing new
    expect(await tx((t) => openCasesForOverdueOrders(t, system))).toBe(0)
    const c = (
      await regulator.app.inject({ url: `/api/penalty-cases/${caseId}`, headers: as(supervisor) })
    ).json()
    expect(c).toMatchObject({
      orderId,
      article: 'A25',
      violated: ['A19.2'],
      partyKind: 'platform',
      partyNodeId: 'platform-b',
      step: 'opened',
      clock: { id: 'decision', overdue: false },
    })
    expect(c.number).toMatch(/^通网信立〔\d{4}〕\d+号$/)
    const [opened] = await entriesAbout(regulator.database.db, { type: 'penalty_case', id: caseId })
    expect(opened?.entry).toMatchObject({
      action: 'penalty_case.opened',
      articles: ['A25', 'A19.2'],
      actorKind: 'system',
      details: { orderId, automatic: true, proposedMeasures: ['correction_order', 'fine', 'person_fine'] },
    })
  })

  it('offers only what A25 allows, with its bounds', async () => {
    const { caseId } = await overdueOrderCase()
    const base = (
      await regulator.app.inject({
        url: `/api/penalty-cases/${caseId}/allowed-measures`,
        headers: as(officer),
      })
    ).json()
    expect(base.measures.map((m: { kind: string }) => m.kind)).toEqual(['correction_order'])
    const heavy = (
      await regulator.app.inject({
        url: `/api/penalty-cases/${caseId}/allowed-measures?aggravated=true`,
        headers: as(officer),
      })
    ).json()
    expect(heavy).toMatchObject({ article: 'A25', version: '2025-03' })
    expect(heavy.measures).toContainEqual({
      kind: 'fine',
      aggravatedOnly: true,
      required: true,
      minYuan: 50_000,
      maxYuan: 500_000,
    })
  })
})

describe('the procedure', () => {
  it('goes through a hearing to a decision within the bounds, served, executed and published, all on the record', async () => {
    const { caseId } = await overdueOrderCase()
    const li = await actor('cac.officer')
    const wang = await actor('cac.admin')
    await tx((t) =>
      investigatePenaltyCase(
        t,
        li,
        caseId,
        {
          findings: '平台收到指令并确认收悉，逾期未删除，复查时帖文仍可访问',
          aggravated: true,
          aggravationReason: '经催告后仍拒不执行，谣言继续传播',
        },
        at('2026-12-01'),
      ),
    )
    const measures = [
      { kind: 'correction_order' as const, deadline: '2026-12-31' },
      { kind: 'fine' as const, amountYuan: 150_000 },
      { kind: 'person_fine' as const, amountYuan: 20_000, personName: '赵某（内容安全负责人）' },
    ]
    await tx((t) =>
      notifyPenaltyCase(
        t,
        li,
        caseId,
        {
          facts: '逾期未执行删除指令',
          reasons: '拒不改正，情节严重',
          basis: '《通化市网络虚假信息治理若干规定》第十九条第二款、第二十五条',
          aggravated: true,
          measures,
        },
        at('2026-12-02'),
      ),
    )
    // a decision cannot skip the legal review, nor the review the hearing asked for
    await expect(
      tx((t) =>
        decidePenaltyCase(t, li, caseId, { measures, aggravated: true, performance: '—' }, at('2026-12-03')),
      ),
    ).rejects.toMatchObject({ code: 'PENALTY_PROCEDURE_REFUSED', details: { reason: 'out_of_order' } })
    await tx((t) => requestHearing(t, li, caseId, at('2026-12-08')))
    await expect(
      tx((t) => legalReview(t, wang, caseId, { opinion: '同意', approved: true }, at('2026-12-09'))),
    ).rejects.toMatchObject({ details: { reason: 'hearing_pending' } })
    // seven working days' notice: from 2026-12-09, the 18th is the seventh
    await expect(
      tx((t) =>
        scheduleHearing(
          t,
          li,
          caseId,
          { hearingOn: '2026-12-17', place: '市网信办听证室' },
          at('2026-12-09'),
        ),
      ),
    ).rejects.toMatchObject({ details: { reason: 'hearing_notice_too_short' } })
    await tx((t) =>
      scheduleHearing(t, li, caseId, { hearingOn: '2026-12-18', place: '市网信办听证室' }, at('2026-12-09')),
    )
    await tx((t) =>
      holdHearing(t, li, caseId, { record: '平台称技术故障，未提交证据' }, at('2026-12-18', 15)),
    )
    // the investigator may not review his own case
    await expect(
      tx((t) => legalReview(t, li, caseId, { opinion: '同意', approved: true }, at('2026-12-21'))),
    ).rejects.toMatchObject({ code: 'PENALTY_REVIEWER_IS_INVESTIGATOR' })
    await tx((t) =>
      legalReview(
        t,
        wang,
        caseId,
        { opinion: '事实清楚，证据确凿，适用依据正确', approved: true },
        at('2026-12-21'),
      ),
    )
    // heavier than notified: refused
    await expect(
      tx((t) =>
        decidePenaltyCase(
          t,
          li,
          caseId,
          {
            measures: [
              { kind: 'correction_order', deadline: '2026-12-31' },
              { kind: 'fine', amountYuan: 200_000 },
            ],
            aggravated: true,
            performance: '—',
          },
          at('2026-12-22'),
        ),
      ),
    ).rejects.toMatchObject({ code: 'PENALTY_HEAVIER_THAN_NOTIFIED' })
    const decided = await tx((t) =>
      decidePenaltyCase(
        t,
        li,
        caseId,
        { measures, aggravated: true, performance: '罚款自收到本决定书之日起十五日内缴至指定银行账户' },
        at('2026-12-22'),
      ),
    )
    expect(decided.decisionNumber).toMatch(/^通网信罚〔2026〕\d+号$/)
    expect(decided.clock).toMatchObject({ id: 'service', due: '2026-12-31' })
    await tx((t) => servePenaltyCase(t, li, caseId, { method: '直接送达' }, at('2026-12-23')))
    await tx((t) =>
      executePenaltyCase(t, li, caseId, { note: '罚款已缴纳，相关帖文已删除' }, at('2026-12-28')),
    )
    const published = await tx((t) => publishPenaltyCase(t, li, caseId, at('2026-12-29')))
    expect(published.step).toBe('published')

    const actions = (await entriesAbout(regulator.database.db, { type: 'penalty_case', id: caseId })).map(
      (e) => e.entry.action,
    )
    expect(actions).toEqual([
      'penalty_case.opened',
      'penalty.investigated',
      'penalty.notified',
      'penalty.hearing_requested',
      'penalty.hearing_scheduled',
      'penalty.hearing_held',
      'penalty.legal_reviewed',
      'penalty.decided',
      'penalty.served',
      'penalty.executed',
      'penalty.published',
    ])
    const d = (await entriesAbout(regulator.database.db, { type: 'penalty_case', id: caseId })).find(
      (e) => e.entry.action === 'penalty.decided',
    )
    expect(d?.entry.articles).toEqual(['A25', 'A19.2'])
    expect(d?.entry.details).toMatchObject({
      partyKind: 'platform',
      partyNodeId: 'platform-b',
      violated: ['A19.2'],
      measures: [
        { kind: 'correction_order' },
        { kind: 'fine', amountYuan: 150_000 },
        { kind: 'person_fine' },
      ],
      decisionNumber: decided.decisionNumber,
    })

    // the decision document carries what the law requires
    const doc = await regulator.app.inject({
      url: `/api/penalty-cases/${caseId}/decision`,
      headers: as(supervisor),
    })
    expect(doc.statusCode).toBe(200)
    expect(doc.headers['content-type']).toContain('text/html')
    for (const s of [
      '行政处罚决定书',
      decided.decisionNumber as string,
      '第十九条第二款',
      '处五万元以上五十万元以下罚款',
      '150,000 元',
      '60日内依法申请行政复议',
      '6个月内依法向人民法院提起行政诉讼',
      '十五日内',
      '2026年12月22日',
      '听证',
    ])
      expect(doc.body).toContain(s)

    // A26: the served decision is in the party's credit file; published, it is on the public list for a year,
    // without the person's name (not before its date: the walk is dated ahead of today)
    const file = await tx((t) => listCreditRecords(t, { partyNodeId: 'platform-b' }))
    expect(file.find((r) => r.penaltyCaseId === caseId)).toMatchObject({
      decisionNumber: decided.decisionNumber,
      withdrawnAt: null,
    })
    const shown = await tx((t) => listPublicDisclosures(t, at('2027-01-05')))
    const mine = shown.items.find((x) => x.decisionNumber === decided.decisionNumber)
    expect(mine).toMatchObject({
      from: '2026-12-29',
      until: '2027-12-29',
      months: 12,
      personsFined: 1,
      article: 'A25',
    })
    expect(JSON.stringify(shown)).not.toContain('赵某')
    const anonymous = await regulator.app.inject({ url: '/api/public/disclosures' })
    expect(anonymous.statusCode).toBe(200)
    expect(JSON.stringify(anonymous.json())).not.toContain('赵某')

    // revoked on review: on the record, and the document says so
    const revoked = await regulator.app.inject({
      method: 'POST',
      url: `/api/penalty-cases/${caseId}/revoke`,
      headers: as(admin, 'POST'),
      payload: { reason: '行政复议决定撤销' },
    })
    expect(revoked.statusCode, revoked.body).toBe(200)
    expect(revoked.json().revokedAt).not.toBeNull()
    const after = await regulator.app.inject({
      url: `/api/penalty-cases/${caseId}/decision`,
      headers: as(admin),
    })
    expect(after.body).toContain('本决定已于')
    // withdrawn from the credit file and from disclosure at once
    const withdrawn = await tx((t) => listCreditRecords(t, { partyNodeId: 'platform-b' }))
    expect(withdrawn.find((r) => r.penaltyCaseId === caseId)?.withdrawnAt).not.toBeNull()
    const gone = await tx((t) => listPublicDisclosures(t, at('2027-01-05')))
    expect(gone.items.find((x) => x.decisionNumber === decided.decisionNumber)).toBeUndefined()
  })

  it('refuses measures outside the bounds and records the attempt in its own transaction', async () => {
    const { caseId } = await overdueOrderCase()
    const inv = await regulator.app.inject({
      method: 'POST',
      url: `/api/penalty-cases/${caseId}/investigate`,
      headers: as(officer, 'POST'),
      payload: { findings: '逾期未执行', aggravated: false },
    })
    expect(inv.statusCode, inv.body).toBe(200)
    const res = await regulator.app.inject({
      method: 'POST',
      url: `/api/penalty-cases/${caseId}/notify`,
      headers: as(officer, 'POST'),
      payload: {
        facts: '逾期未执行',
        reasons: '—',
        basis: '第二十五条',
        aggravated: true,
        measures: [{ kind: 'correction_order' }, { kind: 'fine', amountYuan: 800_000 }, { kind: 'warning' }],
      },
    })
    expect(res.statusCode).toBe(400)
    expect(problem(res).code).toBe('PENALTY_OUT_OF_BOUNDS')
    const c = (
      await regulator.app.inject({ url: `/api/penalty-cases/${caseId}`, headers: as(officer) })
    ).json()
    expect(c.step).toBe('investigated')
    const refused = (await entriesAbout(regulator.database.db, { type: 'penalty_case', id: caseId })).filter(
      (e) => e.entry.action === 'penalty.bounds_refused',
    )
    expect(refused.map((e) => e.entry.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          violated: ['A19.2'],
          measure: 'fine',
          amountYuan: 800_000,
          min: 50_000,
          max: 500_000,
        }),
        expect.objectContaining({ measure: 'warning' }),
      ]),
    )
    expect(refused[0]?.entry.actorName).toBe('李明（网信执法）')
    // steps out of order are refused (409), and the decision document does not exist yet
    const early = await regulator.app.inject({
      method: 'POST',
      url: `/api/penalty-cases/${caseId}/serve`,
      headers: as(officer, 'POST'),
      payload: { method: '直接送达' },
    })
    expect(problem(early).code).toBe('PENALTY_PROCEDURE_REFUSED')
    const doc = await regulator.app.inject({
      url: `/api/penalty-cases/${caseId}/decision`,
      headers: as(officer),
    })
    expect(doc.statusCode).toBe(409)
  })

  it('flags a step past its clock once, with the step and the lead organisation', async () => {
    const { caseId } = await overdueOrderCase()
    const late = new Date(Date.now() + 100 * 86_400_000)
    const n = await tx((t) => flagOverduePenaltySteps(t, system, late))
    expect(n).toBeGreaterThanOrEqual(1)
    expect(await tx((t) => flagOverduePenaltySteps(t, system, late))).toBe(0)
    const flags = (await entriesAbout(regulator.database.db, { type: 'penalty_case', id: caseId })).filter(
      (e) => e.entry.action === 'penalty.step_overdue',
    )
    expect(flags).toHaveLength(1)
    expect(flags[0]?.entry.details).toMatchObject({ step: 'decided', clock: 'decision' })
    expect(typeof flags[0]?.entry.details.leadOrganisationId).toBe('string')
  })
})
