// Inspections (A19.1, A19.2): the regulator asks a platform for a period's figures and records; the platform answers
// at once with its staffing, report handling, disposal and appeal figures, and files the records as report.filed about
// the inspection, which the regulator verifies against the platform's signed checkpoint.
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
import { FilingSender } from '../../platform/filings/index.ts'
import type { Envelope } from '../../protocol/index.ts'
import { inspectionAnsweredHandler } from './inspections.ts'

let regulator: TestNode
let platform: TestNode
let officer: Session
let sender: FilingSender

beforeAll(async () => {
  regulator = await startTestNode('regulator')
  platform = await startTestNode('platform')
  for (const n of [regulator, platform]) await listen(n)
  await connect(regulator, platform)
  await connect(platform, regulator)
  sender = new FilingSender({
    database: platform.database,
    ledger: platform.ledger,
    protocol: platform.protocol,
  })
  officer = await signIn(regulator.app, 'cac.officer')
})
afterAll(async () => {
  await sender?.stop()
  for (const n of [platform, regulator]) await n?.close()
})

const request = (payload: Record<string, unknown>) =>
  regulator.app.inject({ method: 'POST', url: '/api/inspections', headers: as(officer, 'POST'), payload })

describe('an inspection of a platform', () => {
  it('is answered at once with the period’s figures, and its records are proven', async () => {
    // a day of work on the platform: a report decided, an item disposed of
    const author = await newUser(platform, '13904354001')
    const reporter = await newUser(platform, '13904354002')
    const post = await platform.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: asUser(author, 'POST'),
      payload: { kind: 'post', text: '听说通化县明天全县停课，教育局内部消息' },
    })
    const itemId = post.json().id as string
    await platform.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: asUser(reporter, 'POST'),
      payload: { itemId, category: 'rumor' },
    })
    const reviewer = await signIn(platform.app, 'reviewer')
    const decided = await platform.app.inject({
      method: 'POST',
      url: `/api/reports/items/${itemId}/decision`,
      headers: as(reviewer, 'POST'),
      payload: {
        outcome: 'uphold',
        reason: '教育局未发布停课通知',
        measures: ['stop', 'remove'],
        category: 'false',
      },
    })
    expect(decided.statusCode, decided.body).toBe(200)
    // an operator pins an official notice in recommendation (A14): the inspection reads the model and the pin
    const operator = await signIn(platform.app, 'operator')
    const notice = await platform.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: asUser(author, 'POST'),
      payload: { kind: 'post', text: '通化县教育局：本周各校正常上课' },
    })
    const pin = await platform.app.inject({
      method: 'POST',
      url: '/api/recommendation/interventions',
      headers: as(operator, 'POST'),
      payload: {
        targetKind: 'item',
        target: notice.json().id,
        action: 'pin',
        reason: '官方辟谣通知置顶',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    })
    expect(pin.statusCode, pin.body).toBe(201)

    const res = await request({
      toNode: 'platform-a',
      kind: 'special',
      periodFrom: new Date(Date.now() - 86_400_000).toISOString(),
      periodTo: new Date(Date.now() + 60_000).toISOString(),
      reason: '涉校园谣言处置情况专项检查',
    })
    expect(res.statusCode, res.body).toBe(201)
    const id = res.json().id as string
    await regulator.protocol.deliverDue()
    await platform.protocol.deliverDue()
    const answered = await eventually(async () => {
      const v = (await regulator.app.inject({ url: `/api/inspections/${id}`, headers: as(officer) })).json()
      return v.status === 'answered' ? v : undefined
    })
    expect(answered.figures.reports).toMatchObject({ received: 1, upheld: 1, open: 0 })
    expect(answered.figures.disposals).toMatchObject({ disposals: 1, itemsApplied: 1 })
    expect(answered.figures.staffing.screened).toBeGreaterThanOrEqual(1)
    expect(answered.figures.records.cited).toBeGreaterThanOrEqual(4)
    expect(answered.figures.recommendation).toMatchObject({
      modelVersion: 0,
      model: { encourageBoost: 0.1 },
      interventions: [{ action: 'pin', reason: '官方辟谣通知置顶', active: true }],
    })
    // the platform keeps what it answered
    const inspector = await signIn(platform.app, 'inspector')
    const mine = (await platform.app.inject({ url: '/api/inspections', headers: as(inspector) })).json()
    expect(mine.items[0]).toMatchObject({ id, kind: 'special', fromNode: 'tonghua-cac' })

    await platform.ledger.sequence()
    await platform.ledger.checkpoint()
    expect(await sender.sendDue()).toBeGreaterThanOrEqual(1)
    await platform.protocol.deliverDue()
    const proven = await eventually(async () => {
      const v = (await regulator.app.inject({ url: `/api/inspections/${id}`, headers: as(officer) })).json()
      return v.proof ? v : undefined
    })
    expect(proven.proof.proofsVerified).toBe(true)
  })

  it('refuses a period that has not begun, a platform it does not know, and an answer from anyone else', async () => {
    const future = await request({
      toNode: 'platform-a',
      kind: 'routine',
      periodFrom: new Date(Date.now() + 86_400_000).toISOString(),
      periodTo: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      reason: '例行检查',
    })
    expect(problem(future).code).toBe('INSPECTION_INVALID')
    const unknown = await request({
      toNode: 'platform-x',
      kind: 'routine',
      periodFrom: new Date(Date.now() - 86_400_000).toISOString(),
      periodTo: new Date().toISOString(),
      reason: '例行检查',
    })
    expect(problem(unknown).code).toBe('PEER_NOT_FOUND')
    const env = {
      id: randomUUID(),
      type: 'inspection.answered',
      from: 'platform-b',
      to: 'tonghua-cac',
      issuedAt: new Date().toISOString(),
      body: { inspectionId: randomUUID(), figures: {}, filingId: null },
    } as Envelope
    await expect(
      transaction(regulator.database.db, (tx) =>
        inspectionAnsweredHandler.handle(tx, env, {
          nodeId: 'tonghua-cac',
          peer: {} as never,
          now: new Date(),
          afterCommit: () => {},
        }),
      ),
    ).rejects.toMatchObject({ code: 'INSPECTION_NOT_FOUND' })
  })
})
