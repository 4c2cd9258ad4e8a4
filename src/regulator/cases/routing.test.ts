// Routing on receipt (A5.2, `QINGLANG_ROUTE_ON_RECEIPT=true`): a public report goes by the routing rules to the
// competent organisation in the transaction that files it, and a report repeating a claim already on an open case
// joins that case instead of opening another. Every step on the ledger, by the rules (a system actor), never by name.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, type Session, signIn, startTestNode, type TestNode } from '../../../test/helpers/node.ts'

let node: TestNode
let cac: Session
let dongchang: Session
const org: Record<string, string> = {}

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await node.database.db.execute(q)) as unknown as { rows: T[] }).rows
}

let addresses = 0
async function fileReport(payload: Record<string, unknown>): Promise<string> {
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/public/reports',
    payload: { platform: '通化同城圈', ...payload },
    remoteAddress: `10.11.0.${++addresses}`,
  })
  expect(res.statusCode, res.body).toBe(201)
  // the public learns nothing of where it went: the receipt is the same as without routing
  expect(res.json().status).toBe('received')
  expect(res.body).not.toContain('caseId')
  const [r] = await rows<{ id: string }>(
    sql`select id from public_report where description = ${payload.description as string}`,
  )
  return r!.id
}

beforeAll(async () => {
  node = await startTestNode('regulator', { QINGLANG_ROUTE_ON_RECEIPT: 'true' })
  cac = await signIn(node.app, 'cac.officer')
  dongchang = await signIn(node.app, 'dongchang.officer')
  for (const o of await rows<{ id: string; key: string }>(sql`select id, key from organisation`))
    org[o.key] = o.id
})
afterAll(async () => node?.close())

describe('routing on receipt', () => {
  it('routes a filed report at once by the rules, and a repeat of the same claim joins the open case', async () => {
    const first = await fileReport({
      category: 'rumor',
      county: '220502',
      description: '网传东昌区新华大街明天起全天停水三天，请大家提前储水',
    })
    const report = (await node.app.inject({ url: `/api/public-reports/${first}`, headers: as(cac) })).json()
    expect(report.status).toBe('routed')
    const cases = (await node.app.inject({ url: '/api/cases', headers: as(dongchang) })).json().items
    expect(cases).toHaveLength(1)
    const c = cases[0]
    expect(c).toMatchObject({ leadOrganisationId: org['county-220502'], publicReportIds: [first] })
    // the report tells staff where it went
    expect(report).toMatchObject({ routedOrganisationId: org['county-220502'], caseId: c.id })

    const repeat = await fileReport({
      category: 'rumor',
      county: '220502',
      description: '网传东昌区新华大街明天起全天停水三天！！请大家提前储水',
    })
    const after = (await node.app.inject({ url: '/api/cases', headers: as(dongchang) })).json().items
    expect(after).toHaveLength(1)
    expect(after[0].publicReportIds).toEqual([first, repeat])

    // a report of another claim opens a case of its own
    const other = await fileReport({
      category: 'illegal',
      description: '有人在群里售卖伪造的通化市残疾人证',
    })
    const all = (await node.app.inject({ url: '/api/cases', headers: as(cac) })).json().items
    expect(all.find((x: { publicReportIds: string[] }) => x.publicReportIds.includes(other))).toMatchObject({
      leadOrganisationId: org['public-security'],
    })

    const entries = await rows<{ action: string; actor_kind: string; actor_name: string }>(
      sql`select action, actor_kind, actor_name from ledger_entry where subject_id in (${first}, ${repeat}, ${c.id}) order by recorded_at`,
    )
    expect(entries.map((e) => e.action)).toEqual([
      'public_report.received',
      'public_report.routed',
      'case.opened',
      'public_report.received',
      'public_report.routed',
      'case.report_attached',
    ])
    const routed = entries.filter((e) => e.action !== 'public_report.received')
    expect(routed.every((e) => e.actor_kind === 'system' && e.actor_name.includes('自动分办'))).toBe(true)
  })

  it('opens a new case when the case about the same claim is already closed', async () => {
    const [c] = (await node.app.inject({ url: '/api/cases', headers: as(dongchang) })).json().items
    const closed = await node.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/close`,
      headers: as(dongchang, 'POST'),
      payload: { conclusion: '经核实，新华大街停水为谣言，已辟谣。', articles: ['A7'] },
    })
    expect(closed.statusCode, closed.body).toBe(200)
    const late = await fileReport({
      category: 'rumor',
      county: '220502',
      description: '网传东昌区新华大街明天起全天停水三天，请大家提前储水哦',
    })
    const cases = (await node.app.inject({ url: '/api/cases', headers: as(dongchang) })).json().items
    expect(cases).toHaveLength(2)
    expect(cases.find((x: { status: string }) => x.status === 'open').publicReportIds).toEqual([late])
  })
})
