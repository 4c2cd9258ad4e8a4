// Clarifications across three nodes (A7, A16; SYSTEM.md §10 steps 3–4): a department drafts, a second department
// co-signs, someone else approves, publication reaches both platforms over the protocol; each enters the claim in
// its rumor registry, stops and labels every copy with the clarification's link, and answers with what it stopped;
// the regulator shows each platform's time to act. The public sees the clarification with its ClaimReview.
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
import { asUser, eventually, newUser } from '../../../test/helpers/platform.ts'
import { transaction } from '../../core/db/index.ts'
import { getOrganisationByKey } from '../../core/organisations/index.ts'

let regulator: TestNode
let platformA: TestNode
let platformB: TestNode
let officer: Session
let health: Session
let police: Session
let admin: Session
let healthOrgId: string

const CLAIM = '通化市中心医院发现多例新型传染病患者，医院已经全面封锁，医生护士都被隔离了，近期千万不要去医院'
const VARIANTS = [
  CLAIM,
  '通化市中心醫院發現多例新型傳染病患者，醫院已經全面封鎖，醫生護士都被隔離了，近期千萬不要去醫院',
  `家族群里刚发的：${CLAIM}。真的假的？`,
]

async function publish(node: TestNode, phone: string, texts: string[]): Promise<string[]> {
  const u = await newUser(node, phone)
  const ids: string[] = []
  for (const text of texts) {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: asUser(u, 'POST'),
      payload: { kind: 'post', text },
    })
    expect(res.json().status, res.body).toBe('published')
    ids.push(res.json().id)
  }
  return ids
}

beforeAll(async () => {
  regulator = await startTestNode('regulator')
  platformA = await startTestNode('platform')
  platformB = await startTestNode('platform', {}, { id: 'platform-b' })
  for (const n of [regulator, platformA, platformB]) await listen(n)
  for (const p of [platformA, platformB]) {
    await connect(regulator, p)
    await connect(p, regulator)
  }
  officer = await signIn(regulator.app, 'cac.officer')
  health = await signIn(regulator.app, 'health.officer')
  police = await signIn(regulator.app, 'police.officer')
  admin = await signIn(regulator.app, 'cac.admin')
  healthOrgId = (await transaction(regulator.database.db, (tx) => getOrganisationByKey(tx, 'health'))).id
})
afterAll(async () => {
  for (const n of [platformA, platformB, regulator]) await n?.close()
})

const draft = (who: Session, payload: Record<string, unknown>) =>
  regulator.app.inject({ method: 'POST', url: '/api/clarifications', headers: as(who, 'POST'), payload })
const act = (who: Session, id: string, step: string) =>
  regulator.app.inject({ method: 'POST', url: `/api/clarifications/${id}/${step}`, headers: as(who, 'POST') })

describe('a clarification from draft to every platform', () => {
  it('is co-signed, approved by someone else, published, and stops every copy on both platforms', async () => {
    const onA = await publish(platformA, '13904356001', VARIANTS)
    const onB = await publish(platformB, '13904356002', VARIANTS.slice(0, 2))
    const unrelatedB = await publish(platformB, '13904356003', [
      '通化市中心医院新门诊楼今天启用，挂号在一楼大厅',
    ])

    const reportedAt = new Date(Date.now() - 2 * 3_600_000).toISOString()
    const created = await draft(officer, {
      claim: CLAIM,
      title: '关于“通化市中心医院发现新型传染病、全面封锁”的辟谣',
      body: '经市卫生健康委员会核实，通化市中心医院未发现任何新型传染病病例，医院诊疗秩序正常，网传信息系谣言。',
      verdict: 'false',
      cosignOrgId: healthOrgId,
      reportedAt,
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    expect(created.json()).toMatchObject({ status: 'draft', cosignOrgId: healthOrgId, cosignedAt: null })

    // Only the department asked may co-sign; approval waits for it and is for someone other than the drafter.
    expect(problem(await act(police, id, 'cosign')).code).toBe('CLARIFICATION_COSIGN_INVALID')
    expect((await act(officer, id, 'approve')).statusCode).toBe(403)
    expect(problem(await act(admin, id, 'approve')).code).toBe('CLARIFICATION_COSIGN_MISSING')
    expect(problem(await act(admin, id, 'publish')).code).toBe('CLARIFICATION_STATE')
    const cosigned = await act(health, id, 'cosign')
    expect(cosigned.statusCode, cosigned.body).toBe(200)
    expect(cosigned.json().cosignedByName).toBeTruthy()
    expect((await act(admin, id, 'approve')).json().status).toBe('approved')
    const published = await act(admin, id, 'publish')
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json().deliveries.map((d: { platformNode: string }) => d.platformNode)).toEqual([
      'platform-a',
      'platform-b',
    ])
    expect(published.json().reportToClarificationMs).toBeGreaterThanOrEqual(2 * 3_600_000)

    // Delivered; each platform registers the claim, sweeps, stops and labels every copy, and answers.
    await regulator.protocol.deliverDue()
    for (const p of [platformA, platformB]) {
      await eventually(async () => {
        const d = await p.database.db.execute('select status from disposal')
        const rows = (d as unknown as { rows: { status: string }[] }).rows
        return rows.length === 1 && rows[0]?.status === 'finished' ? true : undefined
      })
      await p.protocol.deliverDue()
    }
    for (const [p, ids] of [
      [platformA, onA],
      [platformB, onB],
    ] as const) {
      for (const itemId of ids) {
        expect((await p.app.inject({ url: `/api/content/${itemId}` })).statusCode).toBe(404)
      }
    }
    expect((await platformB.app.inject({ url: `/api/content/${unrelatedB[0]}` })).statusCode).toBe(200)
    const reviewer = await signIn(platformA.app, 'reviewer')
    const registry = (await platformA.app.inject({ url: '/api/rumors', headers: as(reviewer) })).json()
    expect(registry.items[0]).toMatchObject({
      source: 'regulator',
      sourceRef: `tonghua-cac/${id}`,
      clarificationUrl: published.json().url,
    })

    const seen = await eventually(async () => {
      const c = (
        await regulator.app.inject({ url: `/api/clarifications/${id}`, headers: as(officer) })
      ).json()
      return c.deliveries.every((d: { actedAt: string | null }) => d.actedAt) ? c : undefined
    })
    const byNode = Object.fromEntries(
      seen.deliveries.map((d: { platformNode: string }) => [d.platformNode, d]),
    ) as Record<string, { stopped: number; timeToActMs: number }>
    expect(byNode['platform-a']?.stopped).toBe(3)
    expect(byNode['platform-b']?.stopped).toBe(2)
    expect(byNode['platform-a']?.timeToActMs).toBeGreaterThanOrEqual(0)

    // The public reads it, with its ClaimReview; the drafters' names are not part of it.
    const pub = await regulator.app.inject({ url: `/api/public/clarifications/${id}` })
    expect(pub.statusCode).toBe(200)
    expect(pub.json().claimReview).toMatchObject({ '@type': 'ClaimReview', claimReviewed: CLAIM })
    expect(JSON.stringify(pub.json())).not.toContain(cosigned.json().cosignedByName)
    const list = (await regulator.app.inject({ url: '/api/public/clarifications' })).json()
    expect(list.items.map((c: { id: string }) => c.id)).toContain(id)
  })

  it('answers the public reports it names: the first one dates the report, each reporter reads the clarification', async () => {
    const filed = await regulator.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: {
        category: 'rumor',
        platform: '通化同城圈',
        description: '网上说梅河口市下周起全市停供暖气一个月，物业群都在转',
      },
    })
    expect(filed.statusCode, filed.body).toBe(201)
    const code = filed.json().code as string
    const list = (await regulator.app.inject({ url: '/api/public-reports', headers: as(officer) })).json()
    const report = list.items.find((r: { description: string }) => r.description.includes('停供暖气'))
    const created = await draft(officer, {
      claim: '梅河口市下周起全市停供暖气一个月',
      title: '关于“梅河口市停供暖气一个月”的辟谣',
      body: '经梅河口市住建局核实，全市供暖正常，无停供计划。',
      verdict: 'false',
      publicReportIds: [report.id],
    })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json().publicReportIds).toEqual([report.id])
    expect(
      problem(
        await draft(officer, {
          claim: '梅河口市下周起全市停供暖气一个月',
          title: 't',
          body: 'b',
          verdict: 'false',
          publicReportIds: [randomUUID()],
        }),
      ).code,
    ).toBe('PUBLIC_REPORT_NOT_FOUND')
    expect((await act(admin, created.json().id, 'approve')).statusCode).toBe(200)
    const published = await act(admin, created.json().id, 'publish')
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json().reportToClarificationMs).toBeGreaterThanOrEqual(0)
    // the reporter, who left no name, reads the outcome by the code
    const seen = (await regulator.app.inject({ url: `/api/public/reports/${code}` })).json()
    expect(seen).toMatchObject({ status: 'closed', feedbackArticles: ['A7', 'A18'] })
    expect(seen.feedback).toContain(published.json().url)
  })

  it('refuses to let the drafter approve, keeps drafts off the public list, and refuses a claim too short', async () => {
    const own = await draft(admin, {
      claim: '集安明天停电停水一整天的消息',
      title: '辟谣',
      body: '不实',
      verdict: 'false',
    })
    expect(own.statusCode, own.body).toBe(201)
    expect(problem(await act(admin, own.json().id, 'approve')).code).toBe('CLARIFICATION_SELF_APPROVAL')
    expect(
      (await regulator.app.inject({ url: `/api/public/clarifications/${own.json().id}` })).statusCode,
    ).toBe(404)
    const short = await draft(officer, { claim: '停水', title: '辟谣', body: '不实', verdict: 'false' })
    expect(problem(short).code).toBe('FALSE_CLAIM_INVALID')
    const own2 = await draft(officer, {
      claim: '通化县明天全县停课的通知是真的',
      title: '辟谣',
      body: '不实',
      verdict: 'false',
      // the officer's own department (the city CAC) cannot co-sign its own draft
      cosignOrgId: (await transaction(regulator.database.db, (tx) => getOrganisationByKey(tx, 'cac'))).id,
    })
    expect(problem(own2).code).toBe('CLARIFICATION_COSIGN_INVALID')
  })
})
