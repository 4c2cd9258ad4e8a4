// Industry conventions (A10) across nodes: the regulator publishes a version, every active platform receives it; a
// platform admin signs it and the signed envelope comes back; the regulator shows which platform signed which
// version, and so does the public page. A signature for another text, or from a platform it was not sent to, is
// refused.
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
import { conventionSignedHandler } from './conventions.ts'

let regulator: TestNode
let platformA: TestNode
let platformB: TestNode
let cac: Session
let supervisor: Session
let adminA: Session
let adminB: Session
let operatorA: Session

async function rows<T>(n: TestNode, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await n.database.db.execute(q)) as unknown as { rows: T[] }).rows
}
const get = (n: TestNode, who: Session | null, url: string) =>
  n.app.inject({ url, ...(who ? { headers: as(who) } : {}) })
const post = (n: TestNode, who: Session, url: string, payload?: Record<string, unknown>) =>
  n.app.inject({ method: 'POST', url, headers: as(who, 'POST'), ...(payload ? { payload } : {}) })

const TEXT = `通化市网络信息服务平台自律公约

第一条 成员平台落实信息内容管理主体责任，建立健全网络虚假信息治理机制。
第二条 成员平台对涉及东昌区、二道江区、通化县、辉南县、柳河县、梅河口市、集安市的突发事件信息加强审核，发现虚假信息及时处置并报告。
第三条 成员平台及时标注、推送市网信办发布的辟谣信息。`

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
  supervisor = await signIn(regulator.app, 'cac.supervisor')
  adminA = await signIn(platformA.app, 'admin')
  adminB = await signIn(platformB.app, 'admin')
  operatorA = await signIn(platformA.app, 'operator')
})
afterAll(async () => {
  for (const n of [regulator, platformA, platformB]) await n?.close()
})

describe('an industry convention', () => {
  it('is signed by member platforms over the protocol, each version on its own', async () => {
    let res = await post(regulator, cac, '/api/conventions', {
      key: 'tonghua-self-discipline',
      title: '通化市网络信息服务平台自律公约',
      body: TEXT,
    })
    expect(res.statusCode, res.body).toBe(201)
    const v1 = res.json()
    expect(v1).toMatchObject({ version: 1 })
    expect(v1.platforms.map((p: { platformNodeId: string }) => p.platformNodeId).sort()).toEqual([
      'platform-a',
      'platform-b',
    ])
    await regulator.protocol.deliverDue()

    const received = (await get(platformA, operatorA, '/api/received-conventions')).json().items
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ id: v1.id, version: 1, body: TEXT, signedAt: null })
    // an operator reads it; only the platform admin signs
    expect((await post(platformA, operatorA, `/api/received-conventions/${v1.id}/sign`)).statusCode).toBe(403)
    res = await post(platformA, adminA, `/api/received-conventions/${v1.id}/sign`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().signedByName).toBe('平台管理员 张伟')
    res = await post(platformA, adminA, `/api/received-conventions/${v1.id}/sign`)
    expect(problem(res).code).toBe('CONVENTION_ALREADY_SIGNED')
    await platformA.protocol.deliverDue()

    // a second version: platform B signs that one only
    res = await post(regulator, cac, '/api/conventions', {
      key: 'tonghua-self-discipline',
      title: '通化市网络信息服务平台自律公约（2027年修订）',
      body: `${TEXT}\n第四条 成员平台每季度向市网信办报送虚假信息治理情况。`,
    })
    const v2 = res.json()
    expect(v2.version).toBe(2)
    await regulator.protocol.deliverDue()
    await post(platformB, adminB, `/api/received-conventions/${v2.id}/sign`)
    await platformB.protocol.deliverDue()

    const list = (await get(regulator, supervisor, '/api/conventions')).json().items
    const signed = (v: { platforms: { platformNodeId: string; signedAt: string | null }[] }) =>
      v.platforms.filter((p) => p.signedAt !== null).map((p) => p.platformNodeId)
    expect(signed(list.find((c: { id: string }) => c.id === v1.id))).toEqual(['platform-a'])
    expect(signed(list.find((c: { id: string }) => c.id === v2.id))).toEqual(['platform-b'])
    // the public page, without signing in
    const pub = (await get(regulator, null, '/api/public/conventions')).json().items
    expect(signed(pub.find((c: { id: string }) => c.id === v1.id))).toEqual(['platform-a'])

    // on the ledgers: published at the regulator, signed at the platform and recorded on receipt at the regulator
    const reg = await rows<{ action: string; actor_kind: string }>(
      regulator,
      sql`select action, actor_kind from ledger_entry where subject_type = 'convention' order by recorded_at`,
    )
    expect(reg.filter((e) => e.action === 'convention.published')).toHaveLength(2)
    expect(reg.filter((e) => e.action === 'convention.signed').map((e) => e.actor_kind)).toEqual([
      'peer',
      'peer',
    ])
    const onA = await rows<{ articles: string[] }>(
      platformA,
      sql`select articles from ledger_entry where action = 'convention.signed'`,
    )
    expect(onA).toHaveLength(1)
    expect(onA[0]!.articles).toEqual(['A10'])
    // the signature arrived in an envelope the inbox verified against platform A's key
    const env = await rows<{ from_node: string }>(
      regulator,
      sql`select from_node from envelope_in where type = 'convention.signed'`,
    )
    expect(env.map((e) => e.from_node).sort()).toEqual(['platform-a', 'platform-b'])
  })

  it('refuses a signature of another text, or from a platform it was not sent to', async () => {
    const c = (
      await post(regulator, cac, '/api/conventions', {
        key: 'rumour-labels',
        title: '辟谣标注公约',
        body: '成员平台统一标注辟谣信息。',
      })
    ).json()
    const ctx = {
      nodeId: regulator.config.node.id,
      peer: {} as never,
      now: new Date(),
      afterCommit: () => {},
    }
    const env = (from: string, sha: string) => ({
      id: randomUUID(),
      type: 'convention.signed',
      from,
      to: regulator.config.node.id,
      issuedAt: new Date().toISOString(),
      body: {
        conventionId: c.id,
        version: 1,
        textSha256: sha,
        signedAt: new Date().toISOString(),
        signedByName: '某人',
      },
    })
    await expect(
      transaction(regulator.database.db, (tx) =>
        conventionSignedHandler.handle(tx, env('platform-a', 'f'.repeat(64)), ctx),
      ),
    ).rejects.toMatchObject({ code: 'CONVENTION_TEXT_MISMATCH' })
    await expect(
      transaction(regulator.database.db, (tx) =>
        conventionSignedHandler.handle(tx, env('platform-x', c.textSha256), ctx),
      ),
    ).rejects.toMatchObject({ code: 'CONVENTION_NOT_FOUND' })
  })
})
