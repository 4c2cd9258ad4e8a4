// Referrals (A20) and individuals (A21): the statutory clocks counted in calendar days (a period ending on a rest day
// ends on the next working day) and in months, across month ends and holidays; the steps in the order the law sets,
// each by the organisation it falls to; a step past its deadline flagged once; the procuratorate sees only what is
// addressed to it; an individual's real name and ID number sealed, never in logs, answers or the ledger.
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
import type { Actor } from '../../core/auth/index.ts'
import { staffActorByLogin } from '../../core/auth/index.ts'
import { transaction } from '../../core/db/index.ts'
import { systemActor } from '../../ledger/index.ts'
import { buildCalendar } from '../cases/index.ts'
import { addMonths, clockById, periodEnd } from './clocks.ts'
import { flagOverdueReferralSteps, recordReferralStep, sendReferral } from './referrals.ts'

let node: TestNode
let cac: Session
let police: Session
let market: Session
let procurator: Session
let supervisor: Session
let health: Session
const org: Record<string, string> = {}

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await node.database.db.execute(q)) as unknown as { rows: T[] }).rows
}
const get = (who: Session, url: string) => node.app.inject({ url, headers: as(who) })
const post = (who: Session, url: string, payload: Record<string, unknown>) =>
  node.app.inject({ method: 'POST', url, headers: as(who, 'POST'), payload })

const actor = (login: string): Promise<Actor> =>
  transaction(node.database.db, (tx) => staffActorByLogin(tx, login))

async function openCase(title: string): Promise<string> {
  const res = await post(cac, '/api/cases', {
    title,
    summary: `${title}：网传信息经核查不实，涉嫌违法。`,
    leadOrganisationId: org.cac,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id
}

async function ledger(action: string, subjectId: string) {
  return rows<{ action: string; details: Record<string, unknown>; articles: string[] }>(
    sql`select action, details, articles from ledger_entry where action = ${action} and subject_id = ${subjectId}`,
  )
}

beforeAll(async () => {
  node = await startTestNode('regulator')
  cac = await signIn(node.app, 'cac.officer')
  police = await signIn(node.app, 'police.officer')
  market = await signIn(node.app, 'market.officer')
  health = await signIn(node.app, 'health.officer')
  procurator = await signIn(node.app, 'procurator')
  supervisor = await signIn(node.app, 'cac.supervisor')
  for (const o of await rows<{ id: string; key: string }>(sql`select id, key from organisation`))
    org[o.key] = o.id
})
afterAll(async () => {
  await node?.close()
})

describe('referral clocks', () => {
  const cal = buildCalendar()
  const three = clockById('criminal.review')
  it('count calendar days without the first, across a month end', () => {
    // received Friday 30 January 2026: the third day is Monday 2 February, a working day
    expect(periodEnd('2026-01-30', three, cal)).toBe('2026-02-02')
    expect(periodEnd('2026-12-30', three, cal)).toBe('2027-01-04') // 2 January 2027 is a Saturday
  })
  it('end on the next working day when the last day is a rest day or a holiday', () => {
    // received 30 September 2026: the third day, 3 October, falls in the National Day holiday (1–7 October)
    expect(periodEnd('2026-09-30', three, cal)).toBe('2026-10-08')
    // a Thursday: the third day is a Sunday
    expect(periodEnd('2026-11-26', three, cal)).toBe('2026-11-30')
    // the make-up working day (调休) Saturday 10 October 2026 counts as working
    expect(periodEnd('2026-10-07', three, cal)).toBe('2026-10-10')
  })
  it('count months to the same day, or the month’s last day, then past a rest day', () => {
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28')
    expect(addMonths('2028-12-31', 2)).toBe('2029-02-28')
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29')
    const reply = clockById('public_interest.reply')
    expect(periodEnd('2026-12-31', reply, cal)).toBe('2027-03-01') // 28 February 2027 is a Sunday
    expect(periodEnd('2026-08-31', reply, cal)).toBe('2026-11-02') // 31 October 2026 is a Saturday
    expect(periodEnd('2026-03-16', reply, cal)).toBe('2026-05-18') // 16 May 2026 is a Saturday
    expect(periodEnd('2026-03-02', clockById('public_interest.reply_urgent'), cal)).toBe('2026-03-17')
  })
  it('carry a citation each', () => {
    expect(three.citation).toContain('第八条')
    expect(clockById('criminal.decide').citation).toContain('第五条')
    expect(clockById('criminal.reconsideration_answer').citation).toContain('第九条')
    expect(clockById('public_interest.reply').citation).toContain('第二十一条')
  })
})

describe('a referral to public security', () => {
  it('goes step by step in the law’s order, each step by its organisation, deadlines from the dates', async () => {
    const caseId = await openCase('柳河县“水库溃坝”谣言案')
    const sent = await post(cac, '/api/referrals', {
      caseId,
      kind: 'criminal',
      reason: '行为人编造柳河县水库溃坝的虚假险情并在网络传播，造成群众恐慌，涉嫌编造、故意传播虚假信息罪。',
      materials: [{ kind: 'evidence', title: '网页截图及电子数据提取笔录', sha256: 'a'.repeat(64) }],
    })
    expect(sent.statusCode, sent.body).toBe(201)
    const r = sent.json()
    expect(r).toMatchObject({
      kind: 'criminal',
      status: 'sent',
      receivingOrganisationId: org['public-security'],
    })
    expect(r.number).toMatch(/^YS-\d{4}-\d{4}$/)
    expect(r.materials[0]).toMatchObject({ kind: 'case_file' })
    expect(r.materials[1]).toMatchObject({ kind: 'evidence', sha256: 'a'.repeat(64) })
    expect(r.steps.map((s: { step: string }) => s.step)).toEqual(['reported', 'decided', 'sent'])

    // out of order: no filing decision before receipt; the referring organ cannot sign the receipt
    let res = await post(police, `/api/referrals/${r.id}/steps`, { step: 'file', note: '立案' })
    expect(res.statusCode).toBe(409)
    expect(problem(res).code).toBe('REFERRAL_STEP_NOT_ALLOWED')
    res = await post(cac, `/api/referrals/${r.id}/steps`, { step: 'receive' })
    expect(res.statusCode).toBe(403)
    expect(problem(res).code).toBe('REFERRAL_NOT_YOURS')
    // another department is not party to it, and does not learn that it exists
    expect((await get(health, `/api/referrals/${r.id}`)).statusCode).toBe(404)
    // nor does the procuratorate, until it is drawn in
    expect((await get(procurator, `/api/referrals/${r.id}`)).statusCode).toBe(404)
    expect((await get(procurator, '/api/referrals')).json().items).toHaveLength(0)

    res = await post(police, `/api/referrals/${r.id}/steps`, { step: 'receive' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().deadline).toMatchObject({ clock: 'criminal.review', window: false, overdue: false })
    expect(res.json().deadline.citation).toContain('第八条')
    res = await post(police, `/api/referrals/${r.id}/steps`, { step: 'decline' })
    expect(res.statusCode).toBe(400) // a non-filing gives its reasons
    res = await post(police, `/api/referrals/${r.id}/steps`, {
      step: 'decline',
      note: '现有证据不能证明严重扰乱社会秩序，不予立案，退回案卷材料。',
    })
    expect(res.json()).toMatchObject({
      status: 'not_filed',
      deadline: { clock: 'criminal.reconsideration_window', window: true },
    })
    res = await post(cac, `/api/referrals/${r.id}/steps`, {
      step: 'request_reconsideration',
      note: '群众恐慌造成柳河县城区道路拥堵，已属严重扰乱社会秩序，提请复议。',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'reconsideration_requested',
      deadline: { clock: 'criminal.reconsideration_answer' },
    })
    res = await post(police, `/api/referrals/${r.id}/steps`, {
      step: 'decline',
      note: '复议维持不予立案决定。',
    })
    expect(res.json().status).toBe('not_filed_upheld')
    // not a second reconsideration
    res = await post(cac, `/api/referrals/${r.id}/steps`, {
      step: 'request_reconsideration',
      note: '再次复议',
    })
    expect(problem(res).code).toBe('REFERRAL_STEP_NOT_ALLOWED')
    res = await post(cac, `/api/referrals/${r.id}/steps`, {
      step: 'request_supervision',
      note: '建议市检察院立案监督。',
    })
    expect(res.json().status).toBe('supervision_requested')

    // now addressed to the procuratorate: it sees it and records its supervision; others cannot record that
    expect((await get(procurator, `/api/referrals/${r.id}`)).statusCode).toBe(200)
    res = await post(procurator, `/api/referrals/${r.id}/steps`, { step: 'close', note: 'x' })
    expect(res.statusCode).toBe(403) // procurators hold no referral.manage
    res = await post(procurator, `/api/referrals/${r.id}/procuratorate-steps`, {
      step: 'supervise',
      note: '要求公安机关说明不立案理由，理由不能成立，通知立案。',
    })
    expect(res.json().status).toBe('supervised')
    res = await post(cac, `/api/referrals/${r.id}/steps`, { step: 'close', note: '公安机关已立案侦查。' })
    expect(res.json()).toMatchObject({ status: 'closed', outcome: '公安机关已立案侦查。', deadline: null })

    const actions = (
      await rows<{ action: string }>(
        sql`select action from ledger_entry where subject_id = ${r.id} order by recorded_at, id`,
      )
    ).map((x) => x.action)
    expect(actions).toEqual([
      'referral.sent',
      'referral.received',
      'referral.answered',
      'referral.reconsideration_requested',
      'referral.answered',
      'referral.supervision_requested',
      'referral.answered',
      'referral.closed',
    ])
    for (const e of await ledger('referral.sent', r.id)) expect(e.articles).toEqual(['A20', 'A21'])
  })

  it('computes deadlines from the dates across a holiday, and flags a step past its deadline once', async () => {
    const caseId = await openCase('集安市“边境口岸关闭”谣言案')
    const cacA = await actor('cac.officer')
    const policeA = await actor('police.officer')
    // reported on 24 September, decided on 29 September: past the 3 days of 第五条, on the record
    const r = await transaction(node.database.db, (tx) =>
      sendReferral(
        tx,
        cacA,
        {
          caseId,
          kind: 'criminal',
          reason: '编造口岸关闭信息，涉嫌犯罪。',
          reportedOn: '2026-09-24',
          decidedOn: '2026-09-29',
        },
        new Date('2026-09-29T02:00:00Z'),
      ),
    )
    expect(r.lateClocks).toEqual(['criminal.decide'])
    const received = await transaction(node.database.db, (tx) =>
      recordReferralStep(
        tx,
        policeA,
        r.id,
        'manage',
        { step: 'receive', on: '2026-09-30' },
        new Date('2026-09-30T03:00:00Z'),
      ),
    )
    // three days from 30 September end in the National Day holiday: the deadline is 8 October
    expect(received.deadline).toMatchObject({ clock: 'criminal.review', dueOn: '2026-10-08' })
    const sys = systemActor('referrals', 'test')
    // the last instant of 8 October in China is not yet past
    expect(
      await transaction(node.database.db, (tx) =>
        flagOverdueReferralSteps(tx, sys, new Date('2026-10-08T15:59:00Z')),
      ),
    ).toBe(0)
    expect(
      await transaction(node.database.db, (tx) =>
        flagOverdueReferralSteps(tx, sys, new Date('2026-10-08T16:00:00Z')),
      ),
    ).toBeGreaterThanOrEqual(1)
    expect(
      await transaction(node.database.db, (tx) =>
        flagOverdueReferralSteps(tx, sys, new Date('2026-10-09T16:00:00Z')),
      ),
    ).toBe(0)
    const flagged = await ledger('referral.step_overdue', r.id)
    expect(flagged).toHaveLength(1)
    expect(flagged[0]!.details).toMatchObject({
      step: 'decision',
      clock: 'criminal.review',
      dueOn: '2026-10-08',
      referringOrganisation: 'cac',
      owedBy: 'public-security',
    })
    expect(flagged[0]!.articles).toContain('A20')
    // the decision made late is recorded as late
    const filed = await transaction(node.database.db, (tx) =>
      recordReferralStep(
        tx,
        policeA,
        r.id,
        'manage',
        { step: 'file', on: '2026-10-09' },
        new Date('2026-10-09T03:00:00Z'),
      ),
    )
    expect(filed).toMatchObject({ status: 'filed', lateClocks: ['criminal.decide', 'criminal.review'] })
  })

  it('refuses a reconsideration asked after its 3 days, and a date before the last step', async () => {
    const caseId = await openCase('通化县“学校食物中毒”谣言案')
    const cacA = await actor('cac.officer')
    const policeA = await actor('police.officer')
    const at = (d: string) => new Date(`${d}T02:00:00Z`)
    const r = await transaction(node.database.db, (tx) =>
      sendReferral(
        tx,
        cacA,
        {
          caseId,
          kind: 'criminal',
          reason: '涉嫌编造虚假疫情。',
          reportedOn: '2026-06-01',
          decidedOn: '2026-06-02',
        },
        at('2026-06-02'),
      ),
    )
    expect(r.lateClocks).toEqual([])
    await transaction(node.database.db, (tx) =>
      recordReferralStep(tx, policeA, r.id, 'manage', { step: 'receive' }, at('2026-06-03')),
    )
    await expect(
      transaction(node.database.db, (tx) =>
        recordReferralStep(
          tx,
          policeA,
          r.id,
          'manage',
          { step: 'decline', note: '不予立案', on: '2026-06-01' },
          at('2026-06-04'),
        ),
      ),
    ).rejects.toMatchObject({ code: 'REFERRAL_DATE_INVALID' })
    const nf = await transaction(node.database.db, (tx) =>
      recordReferralStep(
        tx,
        policeA,
        r.id,
        'manage',
        { step: 'decline', note: '不予立案' },
        at('2026-06-04'),
      ),
    )
    // 4 June + 3 days = Sunday 7 June: the window runs to Monday 8 June
    expect(nf.deadline).toMatchObject({ clock: 'criminal.reconsideration_window', dueOn: '2026-06-08' })
    await expect(
      transaction(node.database.db, (tx) =>
        recordReferralStep(
          tx,
          cacA,
          r.id,
          'manage',
          { step: 'request_reconsideration', note: '复议' },
          at('2026-06-09'),
        ),
      ),
    ).rejects.toMatchObject({ code: 'REFERRAL_WINDOW_CLOSED' })
    // nor does a date written back into the window reopen it: the right is exercised when it is recorded
    await expect(
      transaction(node.database.db, (tx) =>
        recordReferralStep(
          tx,
          cacA,
          r.id,
          'manage',
          { step: 'request_reconsideration', note: '复议', on: '2026-06-08' },
          at('2026-06-10'),
        ),
      ),
    ).rejects.toMatchObject({ code: 'REFERRAL_WINDOW_CLOSED' })
    // a window is a right, never flagged as overdue
    expect(
      await transaction(node.database.db, (tx) =>
        flagOverdueReferralSteps(tx, systemActor('t', 't'), at('2026-07-01')),
      ),
    ).toBe(0)
    expect(await ledger('referral.step_overdue', r.id)).toHaveLength(0)
  })
})

describe('a referral to the procuratorate for public-interest litigation', () => {
  it('is received, answered by a suggestion whose addressee replies within two months, and closed', async () => {
    const caseId = await openCase('梅河口市“大米掺塑料”谣言损害商户案')
    const res0 = await post(cac, '/api/referrals', {
      caseId,
      kind: 'public_interest',
      reason: '谣言持续扩散，市场监管部门未及时公开抽检结果，社会公共利益受损。',
    })
    expect(res0.statusCode, res0.body).toBe(201)
    const r = res0.json()
    expect(r.receivingOrganisationId).toBe(org.procuratorate)
    // the procuratorate sees it at once (addressed to it); a supervisor of the CAC sees it too
    expect((await get(procurator, '/api/referrals')).json().items.map((x: { id: string }) => x.id)).toContain(
      r.id,
    )
    expect((await get(supervisor, `/api/referrals/${r.id}`)).statusCode).toBe(200)
    // the market department is not yet party to it
    expect((await get(market, `/api/referrals/${r.id}`)).statusCode).toBe(404)
    // a public-interest step is the procuratorate's
    let res = await post(cac, `/api/referrals/${r.id}/procuratorate-steps`, { step: 'receive' })
    expect(res.statusCode).toBe(403)
    res = await post(procurator, `/api/referrals/${r.id}/procuratorate-steps`, {
      step: 'suggest',
      note: 'x',
      addresseeName: 'x',
    })
    expect(problem(res).code).toBe('REFERRAL_STEP_NOT_ALLOWED')
    res = await post(procurator, `/api/referrals/${r.id}/procuratorate-steps`, { step: 'receive' })
    expect(res.json().status).toBe('received')
    res = await post(procurator, `/api/referrals/${r.id}/procuratorate-steps`, {
      step: 'suggest',
      note: '建议依法公开抽检结果，督促涉事平台处置相关信息。',
      addresseeOrganisationId: org['market-supervision'],
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'suggestion_issued',
      addresseeName: '通化市市场监督管理局',
      deadline: { clock: 'public_interest.reply' },
    })
    // the addressee now sees it and replies in writing
    expect((await get(market, `/api/referrals/${r.id}`)).statusCode).toBe(200)
    res = await post(market, `/api/referrals/${r.id}/steps`, {
      step: 'reply',
      note: '已公开大米抽检结果，未检出塑料成分，并联合网信部门通报平台处置。',
    })
    expect(res.json().status).toBe('replied')
    res = await post(procurator, `/api/referrals/${r.id}/procuratorate-steps`, {
      step: 'close',
      note: '行政机关已依法履职，终结审查。',
    })
    expect(res.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) })
    res = await post(procurator, `/api/referrals/${r.id}/procuratorate-steps`, {
      step: 'litigate',
      note: '起诉',
    })
    expect(problem(res).code).toBe('REFERRAL_STEP_NOT_ALLOWED')
  })
})

describe('an individual party to a case', () => {
  const NAME = '欧阳振华'
  const ID = '220502199001011234'
  it('keeps the real name and ID number sealed: never in answers, logs or the ledger; unsealing is on the record', async () => {
    const caseId = await openCase('东昌区“自来水有毒”谣言个人案')
    let res = await post(cac, `/api/cases/${caseId}/individuals`, {
      label: `当事人${NAME}`,
      realName: NAME,
      idNumber: ID,
      conduct: '在本地群发布东昌区自来水有毒的虚假信息',
    })
    expect(problem(res).code).toBe('INDIVIDUAL_TEXT_IDENTIFIES')
    res = await post(cac, `/api/cases/${caseId}/individuals`, {
      label: '当事人甲',
      realName: NAME,
      idNumber: ID,
      countyCode: '220502',
      conduct: '在本地群发布东昌区自来水有毒的虚假信息，转发逾千次',
    })
    expect(res.statusCode, res.body).toBe(201)
    const p = res.json()
    expect(p).toMatchObject({ label: '当事人甲', identity: '已密封 / sealed', outcome: null })

    // outcome: a criminal referral must link this case's referral to public security
    res = await post(cac, `/api/cases/${caseId}/individuals/${p.id}/outcome`, {
      outcome: 'criminal_referral',
      lawIds: ['cl-291-1-2'],
    })
    expect(problem(res).code).toBe('INDIVIDUAL_REFERRAL_REQUIRED')
    res = await post(cac, `/api/cases/${caseId}/individuals/${p.id}/outcome`, {
      outcome: 'administrative_penalty',
      lawIds: ['cc-1024'],
    })
    expect(problem(res).code).toBe('INDIVIDUAL_LAW_UNKNOWN')
    res = await post(cac, `/api/cases/${caseId}/individuals/${p.id}/outcome`, {
      outcome: 'civil',
      lawIds: ['no-such-law'],
    })
    expect(problem(res).code).toBe('INDIVIDUAL_LAW_UNKNOWN')
    const ref = (
      await post(cac, '/api/referrals', {
        caseId,
        kind: 'criminal',
        reason: '编造虚假疫情，严重扰乱社会秩序。',
      })
    ).json()
    res = await post(cac, `/api/cases/${caseId}/individuals/${p.id}/outcome`, {
      outcome: 'criminal_referral',
      lawIds: ['cl-291-1-2', 'tonghua-11'],
      competentOrgan: '通化市公安局',
      referralId: ref.id,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ outcome: 'criminal_referral', referralId: ref.id })
    expect(res.json().laws.map((l: { id: string }) => l.id)).toEqual(['cl-291-1-2', 'tonghua-11'])
    const recorded = await ledger('case.individual_outcome_recorded', caseId)
    expect(recorded).toHaveLength(1)
    expect(recorded[0]!.articles).toEqual(['A21', 'A11.1', 'A20'])
    expect(recorded[0]!.details).toMatchObject({ outcome: 'criminal_referral', referralNumber: ref.number })

    // only the regulator's admins open the seal, with a reason: not the supervisor, not the officer on the case
    res = await post(supervisor, `/api/cases/${caseId}/individuals/${p.id}/unseal`, { reason: '核查' })
    expect(res.statusCode).toBe(403)
    res = await post(cac, `/api/cases/${caseId}/individuals/${p.id}/unseal`, { reason: '核查' })
    expect(res.statusCode).toBe(403)
    const cacAdmin = await signIn(node.app, 'cac.admin')
    res = await post(cacAdmin, `/api/cases/${caseId}/individuals/${p.id}/unseal`, {
      reason: `核对${NAME}身份`,
    })
    expect(problem(res).code).toBe('INDIVIDUAL_TEXT_IDENTIFIES')
    const answers: string[] = [
      (await get(cac, `/api/cases/${caseId}/individuals`)).body,
      (await get(cac, `/api/referrals?caseId=${caseId}`)).body,
      (await get(cac, `/api/ledger/entries?limit=500`)).body,
    ]
    await node.ledger.sequence()
    const haystacks: [string, string][] = [
      ['logs', JSON.stringify(node.logs)],
      ...answers.map((a, i): [string, string] => [`answer ${i}`, a]),
    ]
    for (const t of ['ledger_entry', 'case_individual', 'referral', 'case_file']) {
      haystacks.push([t, JSON.stringify(await rows(sql.raw(`select * from "${t}"`)))])
    }
    for (const [where, text] of haystacks) {
      for (const needle of [NAME, ID, ID.slice(6, 14)])
        expect(text.includes(needle), `${needle} in ${where}`).toBe(false)
    }
    // not vacuous: the identity is there and opens, on the record
    res = await post(cacAdmin, `/api/cases/${caseId}/individuals/${p.id}/unseal`, {
      reason: '移送公安机关需核对当事人身份',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ realName: NAME, idNumber: ID })
    expect(await ledger('case.individual_identity_unsealed', caseId)).toHaveLength(1)
  })

  it('is seen only by those on the case', async () => {
    const caseId = await openCase('辉南县“疫情封城”谣言个人案')
    const res = await post(cac, `/api/cases/${caseId}/individuals`, {
      label: '当事人乙',
      realName: '张某某',
      conduct: '转发虚假封城通知',
    })
    expect(res.statusCode).toBe(201)
    expect((await get(health, `/api/cases/${caseId}/individuals`)).statusCode).toBe(404)
    expect((await get(cac, '/api/individual-laws')).json().items.length).toBeGreaterThan(5)
  })
})
