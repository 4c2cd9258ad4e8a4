// Orders across nodes (A19; SYSTEM.md §10 step 5's start): the regulator orders a platform to remove named items or
// every copy of a claim by a deadline; the platform acknowledges, executes (its disposal), answers, and files the
// proof, which the regulator verifies against the platform's signed checkpoint; an order ignored past its deadline
// is flagged and proposed as an A25 case. Forged answers and bad orders are refused and store nothing.
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
import { entriesAbout, systemActor } from '../../ledger/index.ts'
import { FilingSender } from '../../platform/filings/index.ts'
import type { Envelope } from '../../protocol/index.ts'
import { flagOverdueOrders, orderExecutedHandler } from './orders.ts'

let regulator: TestNode
let platformA: TestNode
let platformB: TestNode
let officer: Session
const senders: FilingSender[] = []

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

const issue = (payload: Record<string, unknown>) =>
  regulator.app.inject({ method: 'POST', url: '/api/orders', headers: as(officer, 'POST'), payload })
const orderAt = async (id: string) =>
  (await regulator.app.inject({ url: `/api/orders/${id}`, headers: as(officer) })).json()
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString()

/** One delivery round each way. */
async function exchange(p: TestNode) {
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
    senders.push(new FilingSender({ database: p.database, ledger: p.ledger, protocol: p.protocol }))
  }
  officer = await signIn(regulator.app, 'cac.officer')
})
afterAll(async () => {
  for (const s of senders) await s.stop()
  for (const n of [platformA, platformB, regulator]) await n?.close()
})

describe('an order to remove named items', () => {
  it('is acknowledged, executed by the platform, answered and proven', async () => {
    const ids = await publish(platformA, '13904355001', [
      '网传通化某小学食堂饭菜有毒，多名学生中毒住院，学校封锁消息',
      '转发：通化某小学食堂饭菜有毒，学生中毒住院了',
    ])
    const gone = randomUUID()
    const res = await issue({
      toNode: 'platform-a',
      kind: 'remove',
      itemIds: [...ids, gone],
      basis: '《通化市网络虚假信息治理办法》第十九条',
      reason: '经市教育局、卫健委核实，该校未发生食物中毒事件',
      deadlineAt: inAnHour(),
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    expect(order).toMatchObject({ status: 'issued', toNode: 'platform-a', articles: ['A19.1', 'A16'] })
    await exchange(platformA)
    expect((await orderAt(order.id)).status).toBe('acknowledged')

    // The platform's operator sees it and executes it.
    const operator = await signIn(platformA.app, 'operator')
    const list = (await platformA.app.inject({ url: '/api/orders', headers: as(operator) })).json()
    expect(list.items[0]).toMatchObject({ id: order.id, status: 'received', overdue: false })
    const done = await platformA.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/execute`,
      headers: as(operator, 'POST'),
    })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ status: 'executed', execution: { stopped: 2, missing: [gone] } })
    for (const id of ids)
      expect((await platformA.app.inject({ url: `/api/content/${id}` })).statusCode).toBe(404)
    const again = await platformA.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/execute`,
      headers: as(operator, 'POST'),
    })
    expect(problem(again).code).toBe('ORDER_ALREADY_EXECUTED')
    await platformA.protocol.deliverDue()
    const executed = await orderAt(order.id)
    expect(executed).toMatchObject({ status: 'executed', execution: { stopped: 2 }, caseProposed: false })

    // The proof: a report about the order with inclusion proofs against the platform's signed checkpoint.
    await platformA.ledger.sequence()
    await platformA.ledger.checkpoint()
    expect(await senders[0]!.sendDue()).toBeGreaterThanOrEqual(1)
    await platformA.protocol.deliverDue()
    const proven = await eventually(async () => {
      const o = await orderAt(order.id)
      return o.proof ? o : undefined
    })
    expect(proven.proof.proofsVerified).toBe(true)
  })
})

describe('an order to remove every copy of a claim', () => {
  it('sweeps the platform and answers with what the sweep stopped', async () => {
    const claim = '通化市明天起全市机动车单双号限行一个月，违者罚款两千元，赶紧转告'
    const ids = await publish(platformB, '13904355002', [
      claim,
      '通化市明天起全市機動車單雙號限行一個月，違者罰款兩千元，趕緊轉告',
    ])
    const res = await issue({
      toNode: 'platform-b',
      kind: 'stop',
      claim,
      basis: '《通化市网络虚假信息治理办法》第十九条',
      reason: '市公安局交警支队已辟谣，无限行计划',
      deadlineAt: inAnHour(),
    })
    expect(res.statusCode, res.body).toBe(201)
    await exchange(platformB)
    const operator = await signIn(platformB.app, 'operator')
    const started = await platformB.app.inject({
      method: 'POST',
      url: `/api/orders/${res.json().id}/execute`,
      headers: as(operator, 'POST'),
    })
    expect(started.json().status, started.body).toBe('executing')
    await eventually(async () => {
      const o = (
        await platformB.app.inject({ url: `/api/orders/${res.json().id}`, headers: as(operator) })
      ).json()
      return o.status === 'executed' ? o : undefined
    })
    for (const id of ids)
      expect((await platformB.app.inject({ url: `/api/content/${id}` })).statusCode).toBe(404)
    await platformB.protocol.deliverDue()
    expect(await orderAt(res.json().id)).toMatchObject({ status: 'executed', execution: { stopped: 2 } })
  })
})

describe('an order ignored past its deadline', () => {
  it('is flagged overdue and proposed as an A25 case, on the record', async () => {
    const res = await issue({
      toNode: 'platform-b',
      kind: 'remove',
      itemIds: [randomUUID()],
      basis: '《通化市网络虚假信息治理办法》第十九条',
      reason: '删除涉谣内容',
      deadlineAt: new Date(Date.now() + 1000).toISOString(),
    })
    expect(res.statusCode, res.body).toBe(201)
    const n = await transaction(regulator.database.db, (tx) =>
      flagOverdueOrders(tx, systemActor('test', 'test'), new Date(Date.now() + 5000)),
    )
    expect(n).toBe(1)
    expect(await orderAt(res.json().id)).toMatchObject({ status: 'overdue', caseProposed: true })
    const [flag] = (await entriesAbout(regulator.database.db, { type: 'order', id: res.json().id })).filter(
      (e) => e.entry.action === 'order.overdue',
    )
    expect(flag?.entry.articles).toEqual(['A19.1', 'A25'])
  })
})

describe('bad orders and forged answers', () => {
  it('refuses an unknown peer, a past deadline, an order naming nothing; stores nothing', async () => {
    const base = {
      kind: 'stop',
      itemIds: [randomUUID()],
      basis: '第十九条',
      reason: '测试',
      deadlineAt: inAnHour(),
    }
    expect(problem(await issue({ ...base, toNode: 'platform-x' })).code).toBe('PEER_NOT_FOUND')
    expect(
      problem(await issue({ ...base, toNode: 'platform-a', deadlineAt: '2020-01-01T00:00:00Z' })).code,
    ).toBe('ORDER_DEADLINE_INVALID')
    expect(problem(await issue({ ...base, toNode: 'platform-a', itemIds: [] })).code).toBe(
      'ORDER_TARGET_INVALID',
    )
    const before = (await regulator.app.inject({ url: '/api/orders', headers: as(officer) })).json().items
      .length
    expect(before).toBe(3)
  })

  it('refuses an answer from a platform the order was not sent to', async () => {
    const [order] = (
      await regulator.app.inject({ url: '/api/orders?platform=platform-a', headers: as(officer) })
    ).json().items
    const env = {
      id: randomUUID(),
      type: 'order.executed',
      from: 'platform-b',
      to: 'tonghua-cac',
      issuedAt: new Date().toISOString(),
      body: {
        orderId: order.id,
        stopped: 99,
        missing: [],
        disposalIds: [],
        filingId: null,
        executedAt: new Date().toISOString(),
      },
    } as Envelope
    await expect(
      transaction(regulator.database.db, (tx) =>
        orderExecutedHandler.handle(tx, env, {
          nodeId: 'tonghua-cac',
          peer: {} as never,
          now: new Date(),
          afterCommit: () => {},
        }),
      ),
    ).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' })
    expect((await orderAt(order.id)).execution.stopped).toBe(2)
  })
})
