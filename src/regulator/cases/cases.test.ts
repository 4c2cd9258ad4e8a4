// Cases (A4, A5.1, A5.2): public reports routed by category and county to the competent organisation, which leads a
// case; only the departments on a case see it (the city CAC sees all); joint enforcement adds a department;
// consultations are recorded; a county office escalates to the city; supervision counts deadlines in working days
// and flags overdue cases to the supervisors on the ledger; bad input is refused with nothing written.
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
import { transaction } from '../../core/db/index.ts'
import { systemActor } from '../../ledger/index.ts'
import { flagOverdueCases, remindCasesDueSoon, setCaseDeadline } from './cases.ts'

let node: TestNode
let cac: Session
let police: Session
let health: Session
let market: Session
let dongchang: Session
let meihekou: Session
let supervisor: Session
const org: Record<string, string> = {}

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await node.database.db.execute(q)) as unknown as { rows: T[] }).rows
}

beforeAll(async () => {
  node = await startTestNode('regulator')
  const sign = (login: string) => signIn(node.app, login)
  cac = await sign('cac.officer')
  police = await sign('police.officer')
  health = await sign('health.officer')
  market = await sign('market.officer')
  dongchang = await sign('dongchang.officer')
  meihekou = await sign('meihekou.officer')
  supervisor = await sign('cac.supervisor')
  for (const o of await rows<{ id: string; key: string }>(sql`select id, key from organisation`))
    org[o.key] = o.id
})
afterAll(async () => node?.close())

const get = (who: Session, url: string) => node.app.inject({ url, headers: as(who) })
const post = (who: Session, url: string, payload?: Record<string, unknown>) =>
  node.app.inject({ method: 'POST', url, headers: as(who, 'POST'), ...(payload ? { payload } : {}) })

let addresses = 0
async function fileReport(payload: Record<string, unknown>): Promise<string> {
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/public/reports',
    payload: { platform: '通化同城圈', ...payload },
    remoteAddress: `10.9.0.${++addresses}`,
  })
  expect(res.statusCode, res.body).toBe(201)
  const [r] = await rows<{ id: string }>(
    sql`select id from public_report where description = ${payload.description as string}`,
  )
  return r!.id
}

async function counts(): Promise<Record<string, number>> {
  const [r] = await rows<Record<string, number>>(sql`select
    (select count(*)::int from case_file) as cases,
    (select count(*)::int from case_department) as departments,
    (select count(*)::int from case_consultation) as consultations,
    (select count(*)::int from routing_rule) as rules,
    (select count(*)::int from ledger_entry) as entries`)
  return r!
}

async function actorOf(login: string): Promise<Actor> {
  const [s] = await rows<{ id: string; organisation_id: string; display_name: string }>(
    sql`select id, organisation_id, display_name from staff where login = ${login}`,
  )
  return {
    kind: 'staff',
    id: s!.id,
    staffId: s!.id,
    organisationId: s!.organisation_id,
    roles: ['supervisor'],
    name: s!.display_name,
  }
}

let countyCaseId: string
let policeCaseId: string

describe('routing public reports (A5.2)', () => {
  it('routes a report to the department its category and county name, and opens a case it leads', async () => {
    const rumor = await fileReport({
      category: 'rumor',
      county: '220502',
      description: '网传东昌区滨江路大桥出现裂缝即将封闭，请绕行',
    })
    const res = await post(cac, `/api/public-reports/${rumor}/route`)
    expect(res.statusCode, res.body).toBe(201)
    const c = res.json()
    expect(c.number).toMatch(/^TH-\d{4}-\d{4}$/)
    expect(c.leadOrganisationId).toBe(org['county-220502'])
    expect(c.countyCode).toBe('220502')
    expect(c.publicReportIds).toEqual([rumor])
    expect(c.departments.map((d: { key: string; role: string }) => `${d.key}:${d.role}`)).toEqual([
      'county-220502:lead',
    ])
    countyCaseId = c.id
    expect((await get(cac, `/api/public-reports/${rumor}`)).json().status).toBe('routed')

    const illegal = await fileReport({
      category: 'illegal',
      description: '有人在群里售卖伪造的通化市核酸检测证明',
    })
    const p = (await post(cac, `/api/public-reports/${illegal}/route`)).json()
    expect(p.leadOrganisationId).toBe(org['public-security'])
    expect(p.countyCode).toBeNull()
    policeCaseId = p.id

    const entries = await rows<{ action: string; articles: string[]; details: Record<string, unknown> }>(
      sql`select action, articles, details from ledger_entry where subject_id in (${rumor}, ${c.id}) order by recorded_at`,
    )
    expect(entries.map((e) => e.action)).toEqual([
      'public_report.received',
      'public_report.routed',
      'case.opened',
    ])
    expect(entries[1]!.articles).toEqual(['A5.2', 'A18'])
    expect(entries[1]!.details.to).toBe('county-220502')
    expect(entries[2]!.articles).toContain('A5.1')
  })

  it('previews where a report would go, and a repeat of a claim on an open case joins that case', async () => {
    const first = await fileReport({
      category: 'rumor',
      county: '220503',
      description: '网传二道江区化工厂夜里爆炸，空气有毒，附近居民赶紧撤离',
    })
    const preview = (await get(cac, `/api/public-reports/${first}/route`)).json()
    expect(preview).toMatchObject({ organisationId: org['county-220503'], joinsCase: null })
    const opened = (await post(cac, `/api/public-reports/${first}/route`)).json()
    const repeat = await fileReport({
      category: 'rumor',
      county: '220503',
      description: '網傳二道江區化工廠夜裡爆炸，空氣有毒，附近居民趕緊撤離！',
    })
    expect((await get(supervisor, `/api/public-reports/${repeat}/route`)).json()).toMatchObject({
      organisationId: org['county-220503'],
      joinsCase: { id: opened.id, number: opened.number },
    })
    const joined = await post(cac, `/api/public-reports/${repeat}/route`)
    expect(joined.statusCode, joined.body).toBe(201)
    expect(joined.json()).toMatchObject({ id: opened.id, publicReportIds: [first, repeat] })
    // once routed there is nothing to preview
    expect(problem(await get(cac, `/api/public-reports/${repeat}/route`)).code).toBe(
      'PUBLIC_REPORT_ALREADY_ROUTED',
    )
  })

  it('follows the rules officers save, a county rule over the city-wide one, and refuses routing twice', async () => {
    const defaults = (await get(cac, '/api/routing-rules')).json()
    expect(defaults.defaults).toBe(true)
    const rules = defaults.rules.map(
      (r: { category: string; countyCode: string | null; organisationId: string }) => ({
        category: r.category,
        countyCode: r.countyCode,
        organisationId: r.organisationId,
      }),
    )
    rules.push({ category: 'reputation', countyCode: '220581', organisationId: org['county-220581'] })
    const saved = await node.app.inject({
      method: 'PUT',
      url: '/api/routing-rules',
      headers: as(cac, 'PUT'),
      payload: { rules },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().defaults).toBe(false)

    const inMeihekou = await fileReport({
      category: 'reputation',
      county: '220581',
      description: '有人捏造梅河口某米业公司大米掺假的消息',
    })
    const elsewhere = await fileReport({
      category: 'reputation',
      county: '220521',
      description: '有人捏造通化县某参业公司人参造假的消息',
    })
    expect((await post(cac, `/api/public-reports/${inMeihekou}/route`)).json().leadOrganisationId).toBe(
      org['county-220581'],
    )
    expect((await post(cac, `/api/public-reports/${elsewhere}/route`)).json().leadOrganisationId).toBe(
      org['market-supervision'],
    )

    const before = await counts()
    const again = await post(cac, `/api/public-reports/${elsewhere}/route`)
    expect(again.statusCode).toBe(409)
    expect(problem(again).code).toBe('PUBLIC_REPORT_ALREADY_ROUTED')
    // A rule set without a city-wide rule for every category is refused.
    const incomplete = await node.app.inject({
      method: 'PUT',
      url: '/api/routing-rules',
      headers: as(cac, 'PUT'),
      payload: { rules: rules.filter((r: { category: string }) => r.category !== 'fiction') },
    })
    expect(incomplete.statusCode).toBe(400)
    expect(problem(incomplete).code).toBe('ROUTING_RULES_INCOMPLETE')
    const duplicate = await node.app.inject({
      method: 'PUT',
      url: '/api/routing-rules',
      headers: as(cac, 'PUT'),
      payload: { rules: [...rules, rules[0]] },
    })
    expect(problem(duplicate).code).toBe('ROUTING_RULES_DUPLICATE')
    expect(await counts()).toEqual(before)
  })
})

describe('who sees a case (A5.1)', () => {
  it('shows a case to the departments on it and the CAC, and to no one else', async () => {
    expect((await get(police, `/api/cases/${policeCaseId}`)).statusCode).toBe(200)
    expect((await get(cac, `/api/cases/${policeCaseId}`)).statusCode).toBe(200)
    const hidden = await get(health, `/api/cases/${policeCaseId}`)
    expect(hidden.statusCode).toBe(404)
    expect(problem(hidden).code).toBe('CASE_NOT_FOUND')
    const ids = (who: Session) =>
      get(who, '/api/cases').then((r) => r.json().items.map((c: { id: string }) => c.id))
    expect(await ids(health)).not.toContain(policeCaseId)
    expect(await ids(police)).toContain(policeCaseId)
    expect(await ids(police)).not.toContain(countyCaseId)
    expect(await ids(cac)).toEqual(expect.arrayContaining([policeCaseId, countyCaseId]))
  })

  it('adds a department for joint enforcement, which then sees the case', async () => {
    const res = await post(police, `/api/cases/${policeCaseId}/departments`, {
      organisationId: org.health,
      reason: '涉及伪造核酸检测证明，需卫健委认定',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().departments.map((d: { key: string; role: string }) => `${d.key}:${d.role}`)).toEqual([
      'public-security:lead',
      'health:joint',
    ])
    expect((await get(health, `/api/cases/${policeCaseId}`)).statusCode).toBe(200)
    const [e] = await rows<{ articles: string[]; details: Record<string, unknown> }>(
      sql`select articles, details from ledger_entry where subject_id = ${policeCaseId} and action = 'case.department_added'`,
    )
    expect(e!.articles).toEqual(['A5.1', 'A5.2'])
    expect(e!.details.department).toBe('health')
  })

  it('records a consultation among the departments', async () => {
    const res = await post(health, `/api/cases/${policeCaseId}/consultations`, {
      heldOn: '2026-11-27',
      participantIds: [org['public-security'], org.health, org.cac],
      conclusions: '公安机关立案侦查；卫健委出具证明真伪认定意见；网信办通知平台删除相关信息',
    })
    expect(res.statusCode, res.body).toBe(200)
    const [c] = res.json().consultations
    expect(c.heldOn).toBe('2026-11-27')
    expect(c.participants).toHaveLength(3)
    const [e] = await rows<{ articles: string[] }>(
      sql`select articles from ledger_entry where subject_id = ${policeCaseId} and action = 'case.consultation_recorded'`,
    )
    expect(e!.articles).toEqual(['A5.1'])
  })
})

describe('escalation to the city (A4)', () => {
  it('lets the county office take its case to the city, which then leads it', async () => {
    // Another county's office is not on the case: for it, there is no such case.
    const stranger = await post(meihekou, `/api/cases/${countyCaseId}/escalate`, { reason: '重大' })
    expect(stranger.statusCode).toBe(404)
    // A city case has no county to escalate from.
    const city = await post(police, `/api/cases/${policeCaseId}/escalate`, { reason: '重大' })
    expect(city.statusCode).toBe(409)
    expect(problem(city).code).toBe('CASE_NOT_COUNTY')
    // The city CAC sees the case but does not escalate to itself: the county office asks.
    const fromCity = await post(cac, `/api/cases/${countyCaseId}/escalate`, { reason: '重大' })
    expect(fromCity.statusCode).toBe(403)
    expect(problem(fromCity).code).toBe('CASE_ESCALATION_NOT_COUNTY_OFFICE')

    const res = await post(dongchang, `/api/cases/${countyCaseId}/escalate`, {
      reason: '涉及跨区县传播，社会影响较大，提请市级办理',
    })
    expect(res.statusCode, res.body).toBe(200)
    const c = res.json()
    expect(c.escalated).toBe(true)
    expect(c.leadOrganisationId).toBe(org.cac)
    expect(c.departments.map((d: { key: string; role: string }) => `${d.key}:${d.role}`).sort()).toEqual([
      'cac:lead',
      'county-220502:joint',
    ])
    expect((await get(dongchang, `/api/cases/${countyCaseId}`)).statusCode).toBe(200)
    const [e] = await rows<{ articles: string[]; details: Record<string, unknown> }>(
      sql`select articles, details from ledger_entry where subject_id = ${countyCaseId} and action = 'case.escalated'`,
    )
    expect(e!.articles).toEqual(['A4', 'A5.1'])
    expect(e!.details).toMatchObject({ from: 'county-220502', to: 'cac', county: '220502' })
    const twice = await post(dongchang, `/api/cases/${countyCaseId}/escalate`, { reason: '再次' })
    expect(problem(twice).code).toBe('CASE_ALREADY_ESCALATED')
  })
})

describe('supervision in working days (A5.1)', () => {
  it('counts a deadline in working days across the National Day holiday', async () => {
    // Set on Wednesday 30 September 2026 at 10:00 in Tonghua: 1–7 October are holidays, Saturday 10 October is a
    // make-up working day, so three working days end on 10 October.
    const actor = await actorOf('cac.supervisor')
    const c = await transaction(node.database.db, (tx) =>
      setCaseDeadline(
        tx,
        actor,
        countyCaseId,
        { workingDays: 3, reason: '国庆前督办' },
        new Date('2026-09-30T02:00:00Z'),
      ),
    )
    expect(c.deadlineDays).toBe(3)
    expect(c.deadlineAt).toBe('2026-10-10T15:59:59.999Z')
  })

  it('sets a deadline through the API for supervisors, and flags the case overdue on the ledger once', async () => {
    const refused = await post(police, `/api/cases/${policeCaseId}/deadline`, {
      workingDays: 5,
      reason: '督办',
    })
    expect(refused.statusCode).toBe(403)
    const res = await post(supervisor, `/api/cases/${policeCaseId}/deadline`, {
      workingDays: 5,
      reason: '市网信办督办：五个工作日内办结',
    })
    expect(res.statusCode, res.body).toBe(200)
    const c = res.json()
    expect(c.workingDaysLeft).toBe(5)
    expect(c.overdue).toBe(false)

    const after = new Date(Date.parse(c.deadlineAt) + 1000)
    const flag = () =>
      transaction(node.database.db, (tx) => flagOverdueCases(tx, systemActor('test', 'test'), after))
    expect(await flag()).toBe(2) // the county case's deadline of 10 October is long past too
    expect(await flag()).toBe(0)
    const [e] = await rows<{ articles: string[]; details: Record<string, unknown> }>(
      sql`select articles, details from ledger_entry where subject_id = ${policeCaseId} and action = 'case.overdue'`,
    )
    expect(e!.articles).toEqual(['A5.1'])
    expect(e!.details).toMatchObject({ escalatedTo: 'supervisor', deadlineDays: 5 })
    const overdue = (await get(supervisor, '/api/cases?overdue=true'))
      .json()
      .items.map((i: { id: string }) => i.id)
    expect(overdue).toContain(countyCaseId)
  })
})

describe('reminders and links (A5.1)', () => {
  it('reminds the departments the working day before the deadline, once', async () => {
    const opened = await post(cac, '/api/cases', {
      title: '二道江区“化工厂爆炸”谣言溯源',
      summary: '市网信办督办，两个工作日内查明首发账号。',
      leadOrganisationId: org.cac,
    })
    expect(opened.statusCode, opened.body).toBe(201)
    const id = opened.json().id
    const actor = await actorOf('cac.supervisor')
    const friday = new Date('2026-11-27T02:00:00Z')
    const c = await transaction(node.database.db, (tx) =>
      setCaseDeadline(tx, actor, id, { workingDays: 2, reason: '两个工作日内查明' }, friday),
    )
    expect(c.deadlineAt).toBe('2026-12-01T15:59:59.999Z') // Monday and Tuesday; the weekend does not count
    const remind = (at: Date) =>
      transaction(node.database.db, (tx) => remindCasesDueSoon(tx, systemActor('test', 'test'), at))
    expect(await remind(friday)).toBe(0)
    expect(await remind(new Date('2026-11-30T01:00:00Z'))).toBe(1) // Monday: one working day left
    expect(await remind(new Date('2026-11-30T05:00:00Z'))).toBe(0)
    const [e] = await rows<{ details: Record<string, unknown> }>(
      sql`select details from ledger_entry where subject_id = ${id} and action = 'case.deadline_reminded'`,
    )
    expect(e!.details).toMatchObject({ workingDaysLeft: 1 })
  })

  it('links a public report to a case once, and refuses what does not exist', async () => {
    const report = await fileReport({
      category: 'illegal',
      description: '有人冒充通化市公安局发布“全市摩托车禁行”的假通告',
    })
    const linked = await post(police, `/api/cases/${policeCaseId}/links`, { publicReportIds: [report] })
    expect(linked.statusCode, linked.body).toBe(200)
    expect(linked.json().publicReportIds).toContain(report)
    const before = await counts()
    const again = await post(police, `/api/cases/${policeCaseId}/links`, { publicReportIds: [report] })
    expect(problem(again).code).toBe('CASE_LINK_NOTHING_NEW')
    const unknown = await post(police, `/api/cases/${policeCaseId}/links`, {
      clarificationIds: ['00000000-0000-4000-8000-000000000000'],
    })
    expect(problem(unknown).code).toBe('CASE_LINK_NOT_FOUND')
    expect(
      (await post(meihekou, `/api/cases/${policeCaseId}/links`, { publicReportIds: [report] })).statusCode,
    ).toBe(404)
    expect(await counts()).toEqual(before)
  })
})

describe('refusals write nothing', () => {
  it('refuses an unknown department, a department not on the case, and closing twice', async () => {
    const before = await counts()
    const unknown = await post(police, `/api/cases/${policeCaseId}/departments`, {
      organisationId: '0190aaaa-0000-7000-8000-000000000000',
      reason: '测试',
    })
    expect(unknown.statusCode).toBe(400)
    expect(problem(unknown).code).toBe('CASE_ORGANISATION_INVALID')
    const procuratorate = await post(police, `/api/cases/${policeCaseId}/departments`, {
      organisationId: org.procuratorate,
      reason: '测试',
    })
    expect(problem(procuratorate).code).toBe('CASE_ORGANISATION_INVALID')
    const already = await post(police, `/api/cases/${policeCaseId}/departments`, {
      organisationId: org.health,
      reason: '测试',
    })
    expect(already.statusCode).toBe(409)
    const notOn = await post(market, `/api/cases/${policeCaseId}/departments`, {
      organisationId: org['market-supervision'],
      reason: '自行加入',
    })
    expect(notOn.statusCode).toBe(404)
    const bad = await post(police, `/api/cases/${policeCaseId}/consultations`, {
      heldOn: '2026-02-30',
      participantIds: [org.health, org['public-security']],
      conclusions: '无效日期',
    })
    expect(bad.statusCode).toBe(400)
    const notOwn = await post(police, '/api/cases', {
      title: '替卫健委立案',
      summary: '',
      leadOrganisationId: org.health,
    })
    expect(problem(notOwn).code).toBe('CASE_LEAD_NOT_OWN')
    const badLink = await post(police, '/api/cases', {
      title: '关联不存在的辟谣',
      summary: '',
      leadOrganisationId: org['public-security'],
      clarificationIds: ['0190aaaa-0000-7000-8000-000000000001'],
    })
    expect(badLink.statusCode).toBe(400)
    expect(problem(badLink).code).toBe('CASE_LINK_NOT_FOUND')
    expect(await counts()).toEqual(before)

    const close = () =>
      post(police, `/api/cases/${policeCaseId}/close`, {
        conclusion: '已立案侦查，涉案账号已关停，相关信息已删除',
        articles: ['A5.1', 'A11.1'],
      })
    const first = await close()
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json().status).toBe('closed')
    const afterClose = await counts()
    const second = await close()
    expect(second.statusCode).toBe(409)
    expect(problem(second).code).toBe('CASE_CLOSED')
    expect(await counts()).toEqual(afterClose)
  })

  it('opens a case by hand for one’s own organisation, numbered in sequence', async () => {
    const res = await post(market, '/api/cases', {
      title: '某直播间虚假宣传通化葡萄酒功效',
      summary: '市场监管局日常巡查发现',
      leadOrganisationId: org['market-supervision'],
    })
    expect(res.statusCode, res.body).toBe(201)
    const number = res.json().number as string
    // counted after the call, within the number's own year, so that a run spanning the new year still holds
    const year = /^TH-(\d{4})-\d{4}$/.exec(number)?.[1]
    expect(year).toBeDefined()
    const n = (
      await rows<{ n: number }>(
        sql`select count(*)::int as n from case_file where number like ${`TH-${year}-%`}`,
      )
    )[0]!.n
    expect(number).toBe(`TH-${year}-${String(n).padStart(4, '0')}`)
  })
})
