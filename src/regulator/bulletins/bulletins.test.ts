// Bulletins (通报, A5.1): the CAC notifies departments, county offices and platforms; each organisation reads it in
// its console and the reading is recorded once; platforms receive it over the protocol and acknowledge it, which the
// regulator sees. Only those who issued or received a bulletin see it (the CAC sees all); bad recipients are refused
// with nothing written; an acknowledgement from a platform the bulletin did not go to is refused.
import { randomUUID } from 'node:crypto'
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
import { connect, listen } from '../../../test/helpers/peers.ts'
import { transaction } from '../../core/db/index.ts'
import { entriesAbout } from '../../ledger/index.ts'
import { bulletinAcknowledgedHandler } from './bulletins.ts'

let regulator: TestNode
let platformA: TestNode
let platformB: TestNode
let cac: Session
let police: Session
let health: Session
let dongchang: Session
let platformAdmin: Session
let platformReviewer: Session
const org: Record<string, string> = {}

async function rows<T>(n: TestNode, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await n.database.db.execute(q)) as unknown as { rows: T[] }).rows
}
const get = (n: TestNode, who: Session, url: string) => n.app.inject({ url, headers: as(who) })
const post = (n: TestNode, who: Session, url: string, payload?: Record<string, unknown>) =>
  n.app.inject({ method: 'POST', url, headers: as(who, 'POST'), ...(payload ? { payload } : {}) })

async function exchange(p: TestNode): Promise<void> {
  await regulator.protocol.deliverDue()
  await p.protocol.deliverDue()
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
  cac = await signIn(regulator.app, 'cac.officer')
  police = await signIn(regulator.app, 'police.officer')
  health = await signIn(regulator.app, 'health.officer')
  dongchang = await signIn(regulator.app, 'dongchang.officer')
  platformAdmin = await signIn(platformA.app, 'admin')
  platformReviewer = await signIn(platformA.app, 'inspector')
  for (const o of await rows<{ id: string; key: string }>(regulator, sql`select id, key from organisation`))
    org[o.key] = o.id
})
afterAll(async () => {
  for (const n of [regulator, platformA, platformB]) await n?.close()
})

describe('a bulletin', () => {
  it('reaches the departments and county offices named, each reading recorded once', async () => {
    const res = await post(regulator, cac, '/api/bulletins', {
      title: '关于“东昌区自来水有毒”谣言的通报',
      body: '近日网传东昌区自来水有毒，经市卫健委检测水质合格。请各单位关注辖区内相关信息，发现新的变体及时报告。',
      articles: ['A5.1', 'A7'],
      organisationIds: [org.health, org['county-220502']],
    })
    expect(res.statusCode, res.body).toBe(201)
    const b = res.json()
    expect(b.number).toMatch(/^TB-\d{4}-\d{4}$/)
    expect(b.recipients.map((r: { nameZh: string }) => r.nameZh)).toEqual(
      expect.arrayContaining(['通化市卫生健康委员会']),
    )

    // the recipients see it; a department it did not go to does not
    expect(
      (await get(regulator, health, '/api/bulletins?unread=true'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toContain(b.id)
    expect((await get(regulator, dongchang, `/api/bulletins/${b.id}`)).json().addressedToMe).toBe(true)
    expect(
      (await get(regulator, police, '/api/bulletins')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(b.id)
    expect((await get(regulator, police, `/api/bulletins/${b.id}`)).statusCode).toBe(404)
    expect(problem(await post(regulator, police, `/api/bulletins/${b.id}/read`)).code).toBe(
      'BULLETIN_NOT_FOUND',
    )

    const read = await post(regulator, health, `/api/bulletins/${b.id}/read`)
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json().readByMe).toBe(true)
    await post(regulator, health, `/api/bulletins/${b.id}/read`)
    const entries = await transaction(regulator.database.db, (tx) =>
      entriesAbout(tx, { type: 'bulletin', id: b.id }),
    )
    expect(entries.map((e) => e.entry.action).sort()).toEqual(['bulletin.issued', 'bulletin.read'])
    expect(entries.find((e) => e.entry.action === 'bulletin.issued')?.entry.articles).toEqual(['A5.1', 'A7'])
    // the issuer sees who has read it
    const seen = (await get(regulator, cac, `/api/bulletins/${b.id}`)).json()
    const healthRow = seen.recipients.find((r: { id: string }) => r.id === org.health)
    expect(healthRow.readAt).not.toBeNull()
    expect(seen.recipients.find((r: { id: string }) => r.id === org['county-220502']).readAt).toBeNull()
    expect(
      (await get(regulator, health, '/api/bulletins?unread=true'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).not.toContain(b.id)
  })

  it('reaches the platforms named over the protocol, and their acknowledgement comes back', async () => {
    const res = await post(regulator, cac, '/api/bulletins', {
      title: '关于加强“通化火车站停运”相关信息巡查的通报',
      body: '请各平台对“通化火车站停运一周”相关信息加强巡查，发现后依法处置并报告。',
      platformNodeIds: [platformA.config.node.id],
    })
    expect(res.statusCode, res.body).toBe(201)
    const b = res.json()
    await exchange(platformA)
    await exchange(platformB)
    const got = (await get(platformA, platformReviewer, '/api/received-bulletins')).json().items
    expect(got).toMatchObject([
      { id: b.id, number: b.number, acknowledgedAt: null, issuedByOrganisation: '通化市互联网信息办公室' },
    ])
    // platform B was not named: it has nothing
    const bAdmin = await signIn(platformB.app, 'admin')
    expect((await get(platformB, bAdmin, '/api/received-bulletins')).json().items).toEqual([])
    // an inspector reads but does not acknowledge for the platform
    expect(
      (await post(platformA, platformReviewer, `/api/received-bulletins/${b.id}/acknowledge`)).statusCode,
    ).toBe(403)
    const ack = await post(platformA, platformAdmin, `/api/received-bulletins/${b.id}/acknowledge`)
    expect(ack.statusCode, ack.body).toBe(200)
    expect(ack.json().acknowledgedAt).not.toBeNull()
    expect(
      problem(await post(platformA, platformAdmin, `/api/received-bulletins/${b.id}/acknowledge`)).code,
    ).toBe('BULLETIN_ALREADY_ACKNOWLEDGED')
    await exchange(platformA)
    const seen = (await get(regulator, cac, `/api/bulletins/${b.id}`)).json()
    expect(seen.recipients).toMatchObject([{ kind: 'platform', id: platformA.config.node.id }])
    expect(seen.recipients[0].readAt).not.toBeNull()
    expect(seen.recipients[0].readByName).toBeTruthy()
  })
})

describe('bulletins refused', () => {
  it('refuses no recipients, unknown or wrong recipients, a case not one’s own; writes nothing', async () => {
    const count = async () =>
      (
        await rows<{ n: number }>(
          regulator,
          sql`select (select count(*) from bulletin)::int + (select count(*) from ledger_entry)::int as n`,
        )
      )[0]!.n
    const before = await count()
    const base = { title: '通报', body: '内容' }
    expect(problem(await post(regulator, cac, '/api/bulletins', base)).code).toBe('BULLETIN_NO_RECIPIENTS')
    expect(
      problem(await post(regulator, cac, '/api/bulletins', { ...base, organisationIds: [randomUUID()] }))
        .code,
    ).toBe('BULLETIN_RECIPIENT_INVALID')
    expect(
      problem(await post(regulator, cac, '/api/bulletins', { ...base, organisationIds: [org.procuratorate] }))
        .code,
    ).toBe('BULLETIN_RECIPIENT_INVALID')
    expect(
      problem(await post(regulator, cac, '/api/bulletins', { ...base, organisationIds: [org.cac] })).code,
    ).toBe('BULLETIN_RECIPIENT_INVALID')
    expect(
      problem(await post(regulator, cac, '/api/bulletins', { ...base, platformNodeIds: ['nowhere'] })).code,
    ).toBe('BULLETIN_RECIPIENT_INVALID')
    // a case the department is not on: 404, as if it did not exist
    const opened = await post(regulator, cac, '/api/cases', {
      title: '市级案件',
      summary: '',
      leadOrganisationId: org.cac,
    })
    const caseBefore = await count()
    const res = await post(regulator, police, '/api/bulletins', {
      ...base,
      caseId: opened.json().id,
      organisationIds: [org.health],
    })
    expect(res.statusCode).toBe(404)
    expect(await count()).toBe(caseBefore)
    expect(caseBefore).toBeGreaterThan(before)
    // the regulator's bulletins need signing in; a platform has none of these routes
    expect((await regulator.app.inject({ url: '/api/bulletins' })).statusCode).toBe(401)
    expect((await get(platformA, platformAdmin, '/api/bulletins')).statusCode).toBe(404)
  })

  it('refuses an acknowledgement from a platform the bulletin did not go to', async () => {
    const b = (
      await post(regulator, cac, '/api/bulletins', {
        title: '仅致平台 A',
        body: '请核查。',
        platformNodeIds: [platformA.config.node.id],
      })
    ).json()
    const env = {
      id: randomUUID(),
      type: 'bulletin.acknowledged',
      from: 'platform-b',
      to: regulator.config.node.id,
      issuedAt: new Date().toISOString(),
      body: { bulletinId: b.id, acknowledgedAt: new Date().toISOString(), acknowledgedByName: '冒充者' },
    }
    const ctx = {
      nodeId: regulator.config.node.id,
      peer: {} as never,
      now: new Date(),
      afterCommit: () => {},
    }
    await expect(
      transaction(regulator.database.db, (tx) => bulletinAcknowledgedHandler.handle(tx, env, ctx)),
    ).rejects.toMatchObject({ code: 'BULLETIN_NOT_FOUND' })
    const seen = (await get(regulator, cac, `/api/bulletins/${b.id}`)).json()
    expect(seen.recipients[0].readAt).toBeNull()
  })
})
