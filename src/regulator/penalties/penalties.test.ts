// Penalty cases across nodes (A25; SYSTEM.md §10 steps 5–6): an order platform B ignores becomes an A25 case by
// itself, once; the case goes through 调查, 告知, a hearing the platform asked for, 法制审核 by someone else, a
// decision within the bounds, service, execution and publication, each on the ledger. Attempts outside the bounds are
// refused and recorded; steps out of order are refused; clocks past due are flagged once.
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
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
import { type Actor, staffActorByLogin } from '../../core/auth/index.ts'
import { transaction } from '../../core/db/index.ts'
import { regulatorOrganisations } from '../../core/organisations/jurisdiction.ts'
import { entriesAbout, systemActor } from '../../ledger/index.ts'
import { chinaDate } from '../cases/index.ts'
import { flagOverdueOrders } from '../orders/index.ts'
import { allowedMeasures, MEASURE_KINDS, type Measure, VIOLATIONS } from './bounds.ts'
import {
  decidePenaltyCase,
  executePenaltyCase,
  flagOverduePenaltySteps,
  getPenaltyCase,
  holdHearing,
  investigatePenaltyCase,
  legalReview,
  listCreditRecords,
  listPublicDisclosures,
  notifyPenaltyCase,
  numberPrefix,
  openCasesForOverdueOrders,
  openPenaltyCase,
  publishPenaltyCase,
  recordStatement,
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

const actor = (login: string): Promise<Actor> =>
  transaction(regulator.database.db, (tx) => staffActorByLogin(tx, login))

const at = (d: string, h = 10) => new Date(`${d}T${String(h).padStart(2, '0')}:00:00+08:00`)
const tx = <T>(fn: Parameters<typeof transaction<T>>[1]) => transaction(regulator.database.db, fn)

/**
 * An order left past its deadline, and the A25 case it opens: opened now, or at `openedAt` for a test whose steps
 * carry fixed dates (the record is in the order of its dates, so the opening must come before them whatever day the
 * suite runs on).
 */
async function overdueOrderCase(
  issuer: Session = officer,
  openedAt?: Date,
): Promise<{ orderId: string; caseId: string }> {
  const res = await regulator.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: as(issuer, 'POST'),
    payload: {
      toNode: 'platform-b',
      kind: 'remove',
      itemIds: [randomUUID()],
      basis: '《通化市网络虚假信息治理办法》第十九条第二款',
      reason: '经核实，“通化县自来水厂停水一周”系谣言，要求删除相关帖文',
      deadlineAt: new Date(Date.now() + 1000).toISOString(),
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  const orderId = res.json().id as string
  await tx((t) => flagOverdueOrders(t, systemActor('orders', 'orders'), new Date(Date.now() + 5000)))
  expect(await tx((t) => openCasesForOverdueOrders(t, system, openedAt))).toBeGreaterThanOrEqual(1)
  const list = (await regulator.app.inject({ url: '/api/penalty-cases', headers: as(supervisor) })).json()
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

describe('who leads a case and who sees it', () => {
  const open = (who: Session, violated: string[]) =>
    regulator.app.inject({
      method: 'POST',
      url: '/api/penalty-cases',
      headers: as(who, 'POST'),
      payload: { partyNodeId: 'platform-b', violated, title: '范围测试', facts: '范围测试' },
    })

  it('an ignored order’s case is led by the organisation that issued the order, and only it and the city CAC see it', async () => {
    const market = await signIn(regulator.app, 'market.officer')
    const dongchang = await signIn(regulator.app, 'dongchang.officer')
    const { caseId } = await overdueOrderCase(market)
    const marketOrg = (await actor('market.officer')).organisationId
    const c = await regulator.app.inject({ url: `/api/penalty-cases/${caseId}`, headers: as(market) })
    expect(c.statusCode, c.body).toBe(200)
    expect(c.json().leadOrganisationId).toBe(marketOrg)
    // its numbers are the department's, not the CAC's 通网信
    expect(c.json().number).toMatch(/^通市监立〔\d{4}〕\d+号$/)
    // another organisation: as if there were no such case, to read and to act
    for (const url of [`/api/penalty-cases/${caseId}`, `/api/penalty-cases/${caseId}/allowed-measures`]) {
      const r = await regulator.app.inject({ url, headers: as(dongchang) })
      expect(problem(r).code, url).toBe('PENALTY_CASE_NOT_FOUND')
      expect(r.statusCode).toBe(404)
    }
    const act = await regulator.app.inject({
      method: 'POST',
      url: `/api/penalty-cases/${caseId}/investigate`,
      headers: as(dongchang, 'POST'),
      payload: { findings: '越权', aggravated: false },
    })
    expect(problem(act).code).toBe('PENALTY_CASE_NOT_FOUND')
    expect((await getPenaltyCase(regulator.database.db, await actor('cac.supervisor'), caseId)).step).toBe(
      'opened',
    )
    const listed = (await regulator.app.inject({ url: '/api/penalty-cases', headers: as(dongchang) })).json()
    expect(listed.items.map((x: { id: string }) => x.id)).not.toContain(caseId)
    const mine = (await regulator.app.inject({ url: '/api/penalty-cases', headers: as(market) })).json()
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(caseId)
    expect(mine.items.every((x: { leadOrganisationId: string }) => x.leadOrganisationId === marketOrg)).toBe(
      true,
    )
    // the city CAC sees all
    const all = (await regulator.app.inject({ url: '/api/penalty-cases', headers: as(supervisor) })).json()
    expect(all.items.map((x: { id: string }) => x.id)).toContain(caseId)
  })

  it('numbers carry the lead organisation’s abbreviation: 通网信 only for the city CAC', () => {
    const orgs = regulatorOrganisations()
    const prefixes = new Map(orgs.map((o) => [o.key, numberPrefix(o)]))
    expect(prefixes.get('cac')).toBe('通网信')
    expect(prefixes.get('county-220581')).toBe('梅河口网信')
    expect(prefixes.get('county-220521')).toBe('通化网信')
    expect(prefixes.get('market-supervision')).toBe('通市监')
    const others = orgs.filter((o) => o.key !== 'cac').map((o) => prefixes.get(o.key))
    expect(others).not.toContain('通网信')
    expect(new Set(prefixes.values()).size).toBe(orgs.length)
  })

  it('an A22 case is led by a cyberspace office only (第二十二条: 由网信部门), a county one included', async () => {
    const market = await signIn(regulator.app, 'market.officer')
    const dongchang = await signIn(regulator.app, 'dongchang.officer')
    const refused = await open(market, ['A15'])
    expect(refused.statusCode).toBe(403)
    expect(problem(refused).code).toBe('PENALTY_LEAD_NOT_CYBERSPACE')
    // under A25 (有关主管部门) the department may
    expect((await open(market, ['A19.2'])).statusCode).toBe(201)
    const county = await open(dongchang, ['A15'])
    expect(county.statusCode, county.body).toBe(201)
    expect(county.json()).toMatchObject({
      article: 'A22',
      leadOrganisationId: (await actor('dongchang.officer')).organisationId,
    })
    expect(county.json().number).toMatch(/^东昌网信立〔\d{4}〕\d+号$/)
    const city = await open(officer, ['A12.1'])
    expect(city.statusCode, city.body).toBe(201)
  })
})

describe('the procedure', () => {
  it('goes through a hearing to a decision within the bounds, served, executed and published, all on the record', async () => {
    // its steps are dated from 1 December 2026: the case is opened the day before, whatever today is
    const { caseId } = await overdueOrderCase(officer, at('2026-11-30'))
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
          basis: '《通化市网络虚假信息治理办法》第十九条第二款、第二十五条',
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
    // and as a PDF printed from the same page by the node's Chromium (503 where the node has none)
    const pdf = await regulator.app.inject({
      url: `/api/penalty-cases/${caseId}/decision.pdf`,
      headers: as(supervisor),
    })
    if (regulator.config.pdf.chromium === null) {
      expect(pdf.statusCode).toBe(503)
      expect(problem(pdf).code).toBe('PDF_UNAVAILABLE')
    } else {
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200)
      expect(pdf.headers['content-type']).toBe('application/pdf')
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(pdf.rawPayload.toString('latin1')).toMatch(/\/Type\s*\/Page\b/)
    }

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
      payload: { findings: '逾期未执行', aggravated: true, aggravationReason: '经催告仍拒不执行' },
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

  it('records only a bound violated as misconduct: an incomplete form is refused but not recorded', async () => {
    const { caseId } = await overdueOrderCase()
    const li = await actor('cac.officer')
    await tx((t) =>
      investigatePenaltyCase(t, li, caseId, {
        findings: '逾期未执行',
        aggravated: true,
        aggravationReason: '经催告仍拒不执行',
      }),
    )
    const notify = (measures: Measure[]) =>
      regulator.app.inject({
        method: 'POST',
        url: `/api/penalty-cases/${caseId}/notify`,
        headers: as(officer, 'POST'),
        payload: { facts: '逾期', reasons: '—', basis: '第二十五条', aggravated: true, measures },
      })
    const refusals = async () =>
      (await entriesAbout(regulator.database.db, { type: 'penalty_case', id: caseId })).filter(
        (e) => e.entry.action === 'penalty.bounds_refused',
      )
    // the fine the article requires left out, a person's fine without the person, nothing at all: form mistakes
    for (const measures of [
      [{ kind: 'correction_order' }],
      [
        { kind: 'correction_order' },
        { kind: 'fine', amountYuan: 60_000 },
        { kind: 'person_fine', amountYuan: 20_000 },
      ],
      [],
    ] as Measure[][]) {
      const res = await notify(measures)
      expect(res.statusCode, JSON.stringify(measures)).toBe(400)
      expect(problem(res).code).toBe('PENALTY_OUT_OF_BOUNDS')
    }
    expect(await refusals()).toHaveLength(0)
    // an amount out of range is: one entry, for the fine, though a form mistake came with it
    const res = await notify([{ kind: 'fine', amountYuan: 600_000 }])
    expect(res.statusCode).toBe(400)
    const recorded = await refusals()
    expect(recorded.map((e) => e.entry.details.measure)).toEqual(['fine'])
    expect(recorded[0]?.entry.details.problems).toEqual(
      expect.arrayContaining(['amount_out_of_range:fine', 'required_missing:correction_order']),
    )
  })

  it('a disapproving legal review sends the case back for a corrected notice, whose window starts again', async () => {
    const { caseId } = await overdueOrderCase()
    const li = await actor('cac.officer')
    const wang = await actor('cac.admin')
    await tx((t) =>
      investigatePenaltyCase(t, li, caseId, { findings: '逾期未执行', aggravated: false }, at('2026-11-02')),
    )
    const notice = {
      facts: '逾期未执行删除指令',
      reasons: '—',
      basis: '第二十五条',
      aggravated: false,
      measures: [{ kind: 'correction_order' as const }],
    }
    await tx((t) => notifyPenaltyCase(t, li, caseId, notice, at('2026-11-03')))
    await tx((t) => recordStatement(t, li, caseId, { text: '无异议', waivesHearing: true }, at('2026-11-04')))
    // a second notice without being sent back: refused
    await expect(tx((t) => notifyPenaltyCase(t, li, caseId, notice, at('2026-11-05')))).rejects.toMatchObject(
      { details: { reason: 'out_of_order' } },
    )
    await tx((t) =>
      legalReview(
        t,
        wang,
        caseId,
        { opinion: '告知书未写明违法事实发生的时间，请补正', approved: false },
        at('2026-11-05'),
      ),
    )
    const corrected = await tx((t) =>
      notifyPenaltyCase(
        t,
        li,
        caseId,
        { ...notice, facts: '2026年10月30日指令期限届满，平台逾期未执行删除指令' },
        at('2026-11-06'),
      ),
    )
    expect(corrected).toMatchObject({ step: 'notified', legalOpinion: null, hearingWaived: false })
    // Friday 11-06: five working days end Friday 11-13
    expect(corrected.notice?.windowEnds).toBe('2026-11-13')
    // the earlier waiver does not cut the new window short
    await expect(
      tx((t) => legalReview(t, wang, caseId, { opinion: '同意', approved: true }, at('2026-11-09'))),
    ).rejects.toMatchObject({ details: { reason: 'statement_window_open' } })
    await tx((t) => legalReview(t, wang, caseId, { opinion: '同意', approved: true }, at('2026-11-16')))
    const decided = await tx((t) =>
      decidePenaltyCase(
        t,
        li,
        caseId,
        { measures: notice.measures, aggravated: false, performance: '限期改正' },
        at('2026-11-16'),
      ),
    )
    expect(decided.step).toBe('decided')
    const notified = (await entriesAbout(regulator.database.db, { type: 'penalty_case', id: caseId })).filter(
      (e) => e.entry.action === 'penalty.notified',
    )
    expect(notified.map((e) => e.entry.details.corrected ?? false)).toEqual([false, true])
  })

  it('the heavier measures need the aggravation the investigation found: a notice or decision cannot claim it', async () => {
    const { caseId } = await overdueOrderCase()
    const li = await actor('cac.officer')
    const wang = await actor('cac.admin')
    await tx((t) =>
      investigatePenaltyCase(t, li, caseId, { findings: '逾期未执行，已于次日补删', aggravated: false }),
    )
    const heavy = [{ kind: 'correction_order' as const }, { kind: 'fine' as const, amountYuan: 60_000 }]
    const notice = { facts: '逾期', reasons: '—', basis: '第二十五条', aggravated: true, measures: heavy }
    const before = (await entriesAbout(regulator.database.db, { type: 'penalty_case', id: caseId })).length
    const res = await regulator.app.inject({
      method: 'POST',
      url: `/api/penalty-cases/${caseId}/notify`,
      headers: as(officer, 'POST'),
      payload: notice,
    })
    expect(res.statusCode).toBe(409)
    expect(problem(res).code).toBe('PENALTY_AGGRAVATION_NOT_FOUND')
    // nothing written: not even a bounds refusal
    expect((await entriesAbout(regulator.database.db, { type: 'penalty_case', id: caseId })).length).toBe(
      before,
    )
    expect((await getPenaltyCase(regulator.database.db, li, caseId)).step).toBe('investigated')
    // the base measures go through; the decision cannot claim it either
    const base = [{ kind: 'correction_order' as const }]
    await tx((t) => notifyPenaltyCase(t, li, caseId, { ...notice, aggravated: false, measures: base }))
    await tx((t) => recordStatement(t, li, caseId, { text: '无异议', waivesHearing: true }))
    await tx((t) => legalReview(t, wang, caseId, { opinion: '同意', approved: true }))
    await expect(
      tx((t) => decidePenaltyCase(t, li, caseId, { measures: base, aggravated: true, performance: '—' })),
    ).rejects.toMatchObject({ code: 'PENALTY_AGGRAVATION_NOT_FOUND' })
    expect((await getPenaltyCase(regulator.database.db, li, caseId)).step).toBe('legal_reviewed')
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

  it('property: whatever is proposed or decided, what reaches the record is within the bounds of its day', async () => {
    const li = await actor('cac.officer')
    const wang = await actor('cac.admin')
    const measure: fc.Arbitrary<Measure> = fc.record(
      {
        kind: fc.constantFrom(...MEASURE_KINDS),
        amountYuan: fc.oneof(
          fc.integer({ min: 0, max: 700_000 }),
          fc.constantFrom(10_000, 50_000, 100_000, 500_000),
        ),
        personName: fc.constantFrom('张某', '李某'),
      },
      { requiredKeys: ['kind'] },
    )
    const within = (violated: string, aggravated: boolean, ms: readonly Measure[], date: string) => {
      const allowed = allowedMeasures([violated], aggravated, date)
      for (const m of ms) {
        const rule = allowed?.measures.find((r) => r.kind === m.kind)
        expect(rule, m.kind).toBeDefined()
        if (rule?.minYuan !== undefined) {
          expect(m.amountYuan).toBeGreaterThanOrEqual(rule.minYuan)
          expect(m.amountYuan).toBeLessThanOrEqual(rule.maxYuan as number)
        }
      }
    }
    // near the bounds on purpose: the article's own measures, amounts at, inside and just outside the bounds, one
    // dropped or a stranger added now and then, so both refusals and acceptances happen
    const amountNear = (min: number, max: number, pick: number) =>
      pick === 10 ? min - 1 : pick === 11 ? max + 1 : pick % 2 === 0 ? min + pick * 1000 : max - pick * 1000
    const build = (
      violated: string,
      aggravated: boolean,
      picks: number[],
      drop: number | null,
      extra: Measure | null,
    ) => {
      const rules = allowedMeasures([violated], aggravated, chinaDate(new Date()))?.measures ?? []
      const ms: Measure[] = rules.map((r, i) => ({
        kind: r.kind,
        ...(r.minYuan !== undefined
          ? { amountYuan: amountNear(r.minYuan, r.maxYuan as number, picks[i] ?? 0) }
          : {}),
        ...(r.kind === 'confiscation' ? { amountYuan: picks[i] ?? 0 } : {}),
        ...(r.kind === 'person_fine' ? { personName: '张某' } : {}),
        ...(r.kind === 'correction_order' ? { deadline: '2099-12-31' } : {}),
      }))
      if (drop !== null && ms.length > 0) ms.splice(drop % ms.length, 1)
      if (extra) ms.push(extra)
      return ms
    }
    const counts = { notices: 0, refusedNotices: 0, decisions: 0, refusedDecisions: 0 }
    const rarely = <T>(a: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a })
    const shape = fc.record({
      otherCondition: fc.oneof(
        { weight: 5, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      picks: fc.array(fc.nat({ max: 11 }), { minLength: 12, maxLength: 12 }),
      drop: rarely(fc.nat({ max: 10 })),
      extra: rarely(measure),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VIOLATIONS),
        fc.boolean(),
        shape,
        shape,
        fc.boolean(),
        async (violated, aggravated, p, d, asNotified) => {
          const proposed = build(violated, aggravated !== p.otherCondition, p.picks, p.drop, p.extra)
          // the decision as notified, or another set near the bounds
          const decided = asNotified
            ? proposed
            : build(violated, aggravated !== d.otherCondition, d.picks, d.drop, d.extra)
          const opened = await tx((t) =>
            openPenaltyCase(t, li, {
              partyNodeId: 'platform-b',
              violated: [violated],
              title: '性质测试',
              facts: '性质测试',
            }),
          )
          await tx((t) =>
            investigatePenaltyCase(t, li, opened.id, {
              findings: '性质测试',
              aggravated,
              ...(aggravated ? { aggravationReason: '性质测试' } : {}),
            }),
          )
          const notice = { facts: '事实', reasons: '理由', basis: '依据', aggravated, measures: proposed }
          const notified = await tx((t) => notifyPenaltyCase(t, li, opened.id, notice)).catch((e) => e)
          if (!('step' in notified)) {
            counts.refusedNotices++
            expect(notified.code).toBe('PENALTY_OUT_OF_BOUNDS')
            expect((await getPenaltyCase(regulator.database.db, li, opened.id)).step).toBe('investigated')
            return
          }
          counts.notices++
          within(violated, aggravated, notified.notice.measures, chinaDate(new Date()))
          await tx((t) =>
            recordStatement(t, li, opened.id, { text: '无异议，放弃听证', waivesHearing: true }),
          )
          await tx((t) => legalReview(t, wang, opened.id, { opinion: '同意', approved: true }))
          const out = await tx((t) =>
            decidePenaltyCase(t, li, opened.id, { measures: decided, aggravated, performance: '—' }),
          ).catch((e) => e)
          if (!('step' in out)) {
            counts.refusedDecisions++
            expect(['PENALTY_OUT_OF_BOUNDS', 'PENALTY_HEAVIER_THAN_NOTIFIED']).toContain(out.code)
            expect((await getPenaltyCase(regulator.database.db, li, opened.id)).step).toBe('legal_reviewed')
            return
          }
          counts.decisions++
          within(violated, aggravated, out.measures ?? [], chinaDate(new Date(out.decidedAt)))
        },
      ),
      // a fixed seed: the database runs are slow enough to keep few, and the counts below stay meaningful
      { numRuns: 60, seed: 20_261_130 },
    )
    // the property saw both sides of every check
    expect(counts.notices).toBeGreaterThan(0)
    expect(counts.refusedNotices).toBeGreaterThan(0)
    expect(counts.decisions).toBeGreaterThan(0)
    expect(counts.refusedDecisions).toBeGreaterThan(0)
  }, 120_000)
})
