// Staff accountability (A27): supervisors' findings recomputed from ledger entries appended here, the pattern rules
// at their thresholds, accountability records on the ledger, and officers kept out.
import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  problem,
  type Session,
  signIn,
  startTestNode,
  type TestNode,
} from '../../../test/helpers/node.ts'
import type { Actor } from '../../core/auth/index.ts'
import { transaction } from '../../core/db/index.ts'
import { type AppendInput, appendMany, type LedgerActor, systemActor } from '../../ledger/index.ts'
import type { RunningNode } from '../../server/start.ts'
import { closePublicReport, filePublicReport, publicReportIdentityKey } from '../public-reports/index.ts'
import { type Finding, type SupervisionView, supervisionView } from './accountability.ts'

let node: TestNode
let supervisor: Session
let admin: Session
let officerSession: Session
const people: Record<string, Actor> = {}
const orgs: Record<string, string> = {}

const rowsOf = async <T>(q: SQL): Promise<T[]> =>
  ((await node.database.db.execute(q)) as unknown as { rows: T[] }).rows

beforeAll(async () => {
  node = await startTestNode('regulator')
  supervisor = await signIn(node.app, 'cac.supervisor')
  admin = await signIn(node.app, 'cac.admin')
  officerSession = await signIn(node.app, 'cac.officer')
  for (const r of await rowsOf<{ id: string; login: string; organisation_id: string; display_name: string }>(
    sql`select id, login, organisation_id, display_name from staff`,
  )) {
    people[r.login] = {
      kind: 'staff',
      id: r.id,
      staffId: r.id,
      organisationId: r.organisation_id,
      roles: [],
      name: r.display_name,
    }
  }
  for (const r of await rowsOf<{ id: string; key: string }>(sql`select id, key from organisation`))
    orgs[r.key] = r.id
})
afterAll(async () => node?.close())

// China time → instant.
const cst = (s: string) => new Date(`${s}+08:00`)
const officer = () => people['cac.officer'] as Actor
const health = () => people['health.officer'] as Actor
const cacAdmin = () => people['cac.admin'] as Actor

const act = (
  actor: Actor | LedgerActor,
  action: string,
  at: string,
  subject: string,
  details: Record<string, unknown> = {},
) =>
  ({
    actor,
    action,
    subject: { type: action.split('.')[0] as string, id: subject },
    articles: ['A27'],
    details,
    at: cst(at),
  }) satisfies AppendInput
const record = (inputs: AppendInput[]) => transaction(node.database.db, (tx) => appendMany(tx, inputs))

const view = async (q: string, session = supervisor): Promise<SupervisionView> => {
  const res = await node.app.inject({ url: `/api/accountability?${q}`, headers: as(session) })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const ofKind = (v: SupervisionView, kind: Finding['kind'], ruleId?: string) =>
  v.findings.filter((f) => f.kind === kind && (ruleId === undefined || f.ruleId === ruleId))

describe('findings recomputed from the ledger', () => {
  const system = systemActor('test', '定时任务')
  const caseId = '01900000-0000-7000-8000-0000000000c1'
  const orderId = '01900000-0000-7000-8000-0000000000d1'
  const penaltyId = '01900000-0000-7000-8000-0000000000e1'

  beforeAll(async () => {
    await record([
      // A case opened by the CAC officer, flagged overdue by the system: the officer answers, the lead department.
      act(officer(), 'case.opened', '2026-11-02T10:00:00', caseId, {
        number: '通网案〔2026〕9号',
        lead: 'health',
      }),
      act(system, 'case.overdue', '2026-11-09T00:01:00', caseId, {
        number: '通网案〔2026〕9号',
        deadlineAt: '2026-11-08T16:00:00Z',
      }),
      act(officer(), 'order.issued', '2026-11-03T09:00:00', orderId),
      act(system, 'order.overdue', '2026-11-06T09:00:00', orderId, { deadlineAt: '2026-11-06T01:00:00Z' }),
      // From the penalties area: its details name the lead organisation.
      act(health(), 'penalty.proposed', '2026-11-04T09:00:00', penaltyId),
      act(system, 'penalty.step_overdue', '2026-11-12T09:00:00', penaltyId, {
        step: '告知',
        leadOrganisationId: orgs.health,
      }),
      act(health(), 'penalty.bounds_refused', '2026-11-05T10:00:00', penaltyId, {
        reason: '罚款 60 万元超出 A22 幅度',
      }),
    ])
  })

  it('names the officer and department of each overdue step', async () => {
    const v = await view('from=2026-11-01&to=2026-11-15')
    const overdue = ofKind(v, 'overdue_step')
    const byAction = Object.fromEntries(overdue.map((f) => [f.action, f]))
    expect(byAction['case.overdue']).toMatchObject({
      staffId: officer().staffId,
      organisationId: orgs.health,
    })
    expect(byAction['case.overdue']?.zh).toContain('通网案〔2026〕9号')
    expect(byAction['order.overdue']).toMatchObject({ staffId: officer().staffId, organisationId: orgs.cac })
    expect(byAction['penalty.step_overdue']).toMatchObject({
      staffId: health().staffId,
      organisationId: orgs.health,
    })
    expect(byAction['penalty.step_overdue']?.zh).toContain('告知')
    expect(ofKind(v, 'bounds_refused')).toEqual([
      expect.objectContaining({ staffId: health().staffId, zh: expect.stringContaining('60 万元') }),
    ])
    // Per officer and per department.
    expect(v.officers.find((o) => o.staffId === officer().staffId)?.counts.overdue_step).toBe(2)
    expect(v.departments.find((d) => d.organisationId === orgs.health)?.counts).toMatchObject({
      overdue_step: 2,
      bounds_refused: 1,
    })
    // Outside the period nothing is shown; a filter by officer shows only theirs.
    expect(ofKind(await view('from=2026-11-13&to=2026-11-15'), 'overdue_step')).toEqual([])
    const mine = await view(`from=2026-11-01&to=2026-11-15&staffId=${health().staffId}`)
    expect(mine.findings.every((f) => f.staffId === health().staffId)).toBe(true)
  })

  it('finds seal openings, and more than three in a week as a pattern; three do not', async () => {
    const opens = (actor: Actor, days: string[]) =>
      days.map((d, i) =>
        act(
          actor,
          'public_report.identity_unsealed',
          `2026-10-${d}T10:00:00`,
          `01900000-0000-7000-8000-00000000${actor === officer() ? 'a' : 'b'}00${i}`,
          {
            reason: '核实举报人联系方式以便补充证据',
          },
        ),
      )
    await record([...opens(cacAdmin(), ['05', '06', '07', '09']), ...opens(officer(), ['05', '06', '08'])])
    const v = await view('from=2026-10-01&to=2026-10-31')
    expect(ofKind(v, 'seal_opened')).toHaveLength(7)
    const pattern = ofKind(v, 'pattern', 'seal_openings_week')
    expect(pattern).toHaveLength(1)
    expect(pattern[0]).toMatchObject({ staffId: cacAdmin().staffId })
    expect(pattern[0]?.entryIds).toHaveLength(4)
    expect(pattern[0]?.zh).toContain('超过 3 次')
  })

  it('finds the opening of an individual’s sealed identity in a case, counted with the other seals of the week', async () => {
    // As the referrals area records it (unsealIndividualIdentity): subject the case, the individual in details.
    const caseOf = (i: number) => `01900000-0000-7000-8000-0000000004c${i}`
    await record([
      ...['03', '04', '05'].map((d, i) =>
        act(health(), 'case.individual_identity_unsealed', `2026-09-${d}T10:00:00`, caseOf(i), {
          individualId: `01900000-0000-7000-8000-0000000004d${i}`,
          label: `当事人${i + 1}`,
          reason: '向公安机关移送前核对当事人身份',
        }),
      ),
      act(health(), 'public_report.identity_unsealed', '2026-09-06T10:00:00', caseOf(9), {
        reason: '核实举报人联系方式',
      }),
    ])
    const v = await view('from=2026-09-01&to=2026-09-30')
    const opened = ofKind(v, 'seal_opened').filter((f) => f.action === 'case.individual_identity_unsealed')
    expect(opened).toHaveLength(3)
    expect(opened[0]).toMatchObject({ staffId: health().staffId, subject: { type: 'case', id: caseOf(2) } })
    expect(opened[0]?.zh).toBe('开启案件涉及个人的身份密封，理由：向公安机关移送前核对当事人身份')
    // Three individuals and one reporter within a week: more than three seals opened.
    const pattern = ofKind(v, 'pattern', 'seal_openings_week')
    expect(pattern).toEqual([expect.objectContaining({ staffId: health().staffId })])
    expect(pattern[0]?.entryIds).toHaveLength(4)
  })

  it('says when the period held more entries than it reads, and which were read', async () => {
    const ids = ['01900000-0000-7000-8000-0000000005a1', '01900000-0000-7000-8000-0000000005a2']
    await record([
      act(health(), 'penalty.bounds_refused', '2026-08-03T10:00:00', ids[0] as string, { reason: '第一次' }),
      act(health(), 'penalty.bounds_refused', '2026-08-04T10:00:00', ids[1] as string, { reason: '第二次' }),
      act(health(), 'case.department_added', '2026-08-05T10:00:00', '01900000-0000-7000-8000-0000000005a3'),
    ])
    const q = { from: '2026-08-01', to: '2026-08-31' }
    const at = (cap: number) =>
      transaction(node.database.db, (tx) => supervisionView(tx, health(), q, new Date(), cap))
    const cut = await at(2)
    expect(cut.truncated).toBe(true)
    // The earliest entries are the ones read.
    expect(ofKind(cut, 'bounds_refused').map((f) => f.subject?.id)).toEqual([...ids].reverse())
    expect((await at(3)).truncated).toBe(false)
    // Over HTTP at the real cap.
    expect((await view('from=2026-08-01&to=2026-08-31')).truncated).toBe(false)
  })

  it('finds acts on non-working days or off hours from three on, and rapid closures from five in ten minutes', async () => {
    // 2026-11-22 is a Sunday; 2026-11-23 a Monday. A week already past: the officer's real sign-in of this run (an
    // act too) must fall outside the window, or on a weekend or evening it would be a fourth off-hours act.
    await record([
      act(officer(), 'case.department_added', '2026-11-22T10:00:00', '01900000-0000-7000-8000-0000000001a1'),
      act(officer(), 'case.department_added', '2026-11-22T11:00:00', '01900000-0000-7000-8000-0000000001a2'),
      act(officer(), 'case.department_added', '2026-11-23T22:30:00', '01900000-0000-7000-8000-0000000001a3'),
      act(health(), 'case.department_added', '2026-11-22T10:00:00', '01900000-0000-7000-8000-0000000001a4'),
      act(health(), 'case.department_added', '2026-11-23T07:59:00', '01900000-0000-7000-8000-0000000001a5'),
      act(health(), 'case.department_added', '2026-11-23T08:00:00', '01900000-0000-7000-8000-0000000001a6'),
      ...[0, 2, 4, 6, 9].map((m, i) =>
        act(
          cacAdmin(),
          'public_report.closed',
          `2026-11-24T09:0${m}:00`,
          `01900000-0000-7000-8000-0000000002a${i}`,
        ),
      ),
      ...[0, 3, 6, 9, 10].map((m, i) =>
        act(
          health(),
          'public_report.closed',
          `2026-11-25T09:${String(m).padStart(2, '0')}:00`,
          `01900000-0000-7000-8000-0000000002b${i}`,
        ),
      ),
    ])
    const v = await view('from=2026-11-22&to=2026-11-26')
    const off = ofKind(v, 'pattern', 'off_hours')
    expect(off.map((f) => f.staffId)).toEqual([officer().staffId])
    expect(off[0]?.entryIds).toHaveLength(3)
    const rapid = ofKind(v, 'pattern', 'rapid_closures')
    expect(rapid.map((f) => f.staffId)).toEqual([cacAdmin().staffId])
    expect(rapid[0]?.zh).toContain('10 分钟内办结 5 件')
  })

  it('finds an officer deciding their own draft', async () => {
    await record([
      act(health(), 'penalty.drafted', '2026-12-14T09:00:00', '01900000-0000-7000-8000-0000000003a1'),
      act(health(), 'penalty.decided', '2026-12-14T10:00:00', '01900000-0000-7000-8000-0000000003a1'),
      act(health(), 'penalty.drafted', '2026-12-14T09:00:00', '01900000-0000-7000-8000-0000000003a2'),
      act(officer(), 'penalty.decided', '2026-12-14T11:00:00', '01900000-0000-7000-8000-0000000003a2'),
    ])
    const own = ofKind(await view('from=2026-12-14&to=2026-12-14'), 'pattern', 'own_draft_decided')
    expect(own).toEqual([
      expect.objectContaining({
        staffId: health().staffId,
        subject: { type: 'penalty', id: '01900000-0000-7000-8000-0000000003a1' },
      }),
    ])
  })

  it('finds public reports closed late or without feedback, and those still open past their deadline', async () => {
    const settings = {
      days: 15,
      identityKey: publicReportIdentityKey(node.secrets.masterKey),
      publicUrl: 'http://x',
    }
    const file = (at: string) =>
      transaction(node.database.db, (tx) =>
        filePublicReport(
          tx,
          {
            category: 'rumor',
            platform: '通化同城圈',
            description: '有人称柳河县自来水厂停水一周，经查不实',
          },
          settings,
          cst(at),
        ),
      )
    await file('2026-09-01T09:00:00')
    await file('2026-09-02T09:00:00')
    const [late, open] = await rowsOf<{ id: string; deadline_at: Date }>(
      sql`select id, deadline_at from public_report order by received_at`,
    )
    await transaction(node.database.db, (tx) =>
      closePublicReport(
        tx,
        officer(),
        late!.id,
        { feedback: '已核实为谣言，已责令平台删除', articles: ['A16'] },
        cst('2026-10-30T09:00:00'),
      ),
    )
    const v = await view('from=2026-09-01&to=2026-10-31')
    expect(ofKind(v, 'public_report_late')).toEqual([
      expect.objectContaining({
        staffId: officer().staffId,
        subject: { type: 'public_report', id: late!.id },
      }),
    ])
    expect(ofKind(v, 'public_report_open_overdue')).toEqual([
      expect.objectContaining({ staffId: null, subject: { type: 'public_report', id: open!.id } }),
    ])
    expect(ofKind(v, 'public_report_no_feedback')).toEqual([])
  })
})

describe('accountability records', () => {
  const period = { from: '2026-11-01', to: '2026-11-15' }
  const post = (session: Session, url: string, payload: object) =>
    node.app.inject({ method: 'POST', url, headers: as(session, 'POST'), payload })

  it('turns findings into a record on the ledger, concluded once with its outcome', async () => {
    const v = await view(`from=${period.from}&to=${period.to}&staffId=${health().staffId}`)
    const ids = v.findings.map((f) => f.id)
    expect(ids.length).toBeGreaterThan(0)
    const res = await post(supervisor, '/api/accountability/records', {
      staffId: health().staffId,
      ...period,
      findingIds: ids,
      measure: 'interview_reminder',
      note: '处罚程序告知环节逾期，且曾试图超出法定幅度作出罚款决定，拟约谈提醒。',
    })
    expect(res.statusCode, res.body).toBe(201)
    const rec = res.json()
    expect(rec).toMatchObject({ status: 'open', staffId: health().staffId, organisationId: orgs.health })
    expect(rec.number).toMatch(/^问责〔\d{4}〕1号$/)
    expect(rec.findings.map((f: { id: string }) => f.id)).toEqual(ids)

    const concluded = await post(supervisor, `/api/accountability/records/${rec.id}/conclude`, {
      outcome: '已约谈，当事人作出书面说明并整改。',
    })
    expect(concluded.statusCode).toBe(200)
    expect(concluded.json()).toMatchObject({
      status: 'concluded',
      outcome: '已约谈，当事人作出书面说明并整改。',
    })
    const again = await post(supervisor, `/api/accountability/records/${rec.id}/conclude`, {
      outcome: '再次',
    })
    expect(again.statusCode).toBe(409)
    expect(problem(again).code).toBe('ACCOUNTABILITY_ALREADY_CONCLUDED')

    await node.ledger.sequence()
    const entries = (
      await node.app.inject({
        url: `/api/ledger/entries?subjectType=accountability_record&subjectId=${rec.id}`,
        headers: as(admin),
      })
    ).json().items
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'accountability.recorded',
      'accountability.concluded',
    ])
    expect(entries[0].articles).toEqual(['A27'])
    expect(entries[0].details).toMatchObject({ measure: 'interview_reminder', findingIds: ids })
    // The supervisor's own act is signed with the supervisor's key.
    expect(entries[0].details.officerSignature).toMatchObject({ alg: 'Ed25519' })

    const list = (await node.app.inject({ url: '/api/accountability/records', headers: as(admin) })).json()
      .items
    expect(list.map((r: { id: string }) => r.id)).toContain(rec.id)
  })

  it('refuses a finding that is not about that officer, or not in the period, writing nothing', async () => {
    const v = await view(`from=${period.from}&to=${period.to}&staffId=${officer().staffId}`)
    const before = (await node.app.inject({ url: '/api/accountability/records', headers: as(admin) })).json()
      .items.length
    for (const findingIds of [[v.findings[0]!.id], ['overdue_step:01900000-0000-7000-8000-000000000000']]) {
      const res = await post(supervisor, '/api/accountability/records', {
        staffId: health().staffId,
        ...period,
        findingIds,
        measure: 'criticism',
        note: '测试',
      })
      expect(res.statusCode).toBe(422)
      expect(problem(res).code).toBe('ACCOUNTABILITY_FINDING_UNKNOWN')
    }
    const after = (await node.app.inject({ url: '/api/accountability/records', headers: as(admin) })).json()
      .items.length
    expect(after).toBe(before)
  })

  it('refuses a bad period with a 400', async () => {
    for (const q of [
      'from=2026-11-15&to=2026-11-01',
      'from=2026-02-30&to=2026-03-01',
      'from=2024-01-01&to=2026-01-01',
    ]) {
      const res = await node.app.inject({ url: `/api/accountability?${q}`, headers: as(supervisor) })
      expect(res.statusCode, q).toBe(400)
      expect(problem(res).code).toBe('ACCOUNTABILITY_PERIOD_INVALID')
    }
  })

  it('keeps officers out: they see no one’s findings and keep no records', async () => {
    expect(
      (await node.app.inject({ url: '/api/accountability', headers: as(officerSession) })).statusCode,
    ).toBe(403)
    expect(
      (await node.app.inject({ url: '/api/accountability/records', headers: as(officerSession) })).statusCode,
    ).toBe(403)
    const res = await post(officerSession, '/api/accountability/records', {
      staffId: health().staffId,
      ...period,
      findingIds: ['x'],
      measure: 'criticism',
      note: '测试',
    })
    expect(res.statusCode).toBe(403)
    // An admin reads but does not keep records.
    expect(
      (
        await post(admin, '/api/accountability/records', {
          staffId: health().staffId,
          ...period,
          findingIds: ['x'],
          measure: 'criticism',
          note: '测试',
        })
      ).statusCode,
    ).toBe(403)
  })
})

describe('the demo', () => {
  let demo: TestNode
  beforeAll(async () => {
    demo = await startTestNode('regulator')
  })
  afterAll(async () => demo?.close())

  it('shows a seal opening and the overdue public report, and one open accountability record', async () => {
    const { seedPublicReports } = await import('../../demo/demo.ts')
    const { seedAccountability } = await import('../../demo/accountability.ts')
    const node = demo as unknown as RunningNode
    await seedPublicReports(node)
    await seedAccountability([node])
    await seedAccountability([node]) // once only
    const sup = await signIn(demo.app, 'cac.supervisor')
    const v: SupervisionView = (
      await demo.app.inject({ url: '/api/accountability', headers: as(sup) })
    ).json()
    expect(v.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['seal_opened', 'public_report_open_overdue']),
    )
    const records = (await demo.app.inject({ url: '/api/accountability/records', headers: as(sup) })).json()
      .items
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ status: 'open', measure: 'interview_reminder' })
    expect(records[0].findings[0].zh).toContain('开启举报人身份密封')
  })
})
