// Account credit (A13.3): events move the score within bounds, tiers gate services, appeals restore, time heals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, type Session, signIn, startTestNode, type TestNode } from '../../../test/helpers/node.ts'
import { transaction } from '../../core/db/index.ts'
import { systemActor } from '../../ledger/index.ts'
import { checkCharacter } from '../identity/index.ts'
import { capabilitiesOf, DEFAULT_CREDIT_POLICY, recordCreditEvent, recoverCredit } from './index.ts'

let node: TestNode
let operator: Session

async function newUser(phone: string) {
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/users',
    payload: { phone, password: 'credit-user-pass', displayName: '信用测试' },
  })
  expect(res.statusCode, res.body).toBe(201)
  return {
    cookie: `ql_user=${res.cookies[0]!.value}`,
    csrf: res.json().csrfToken as string,
    id: res.json().user.id as string,
  }
}
const idNumber = (seq: string) => {
  const first17 = `22058119850720${seq}`
  return first17 + checkCharacter(first17)
}

beforeAll(async () => {
  node = await startTestNode('platform')
  operator = await signIn(node.app, 'operator')
})
afterAll(async () => node?.close())

describe('account credit', () => {
  let user: { cookie: string; csrf: string; id: string }

  it('starts at the initial score, and rises when the identity is verified', async () => {
    user = await newUser('13504351001')
    const before = (
      await node.app.inject({ url: '/api/users/me/credit', headers: { cookie: user.cookie } })
    ).json()
    expect(before).toMatchObject({ score: 60, tier: { key: 'normal' }, policyVersion: 0, history: [] })
    await node.app.inject({
      method: 'POST',
      url: '/api/users/me/identity',
      headers: { cookie: user.cookie, 'x-csrf-token': user.csrf },
      payload: { realName: '赵春梅', idNumber: idNumber('124') },
    })
    const after = (
      await node.app.inject({ url: '/api/users/me/credit', headers: { cookie: user.cookie } })
    ).json()
    expect(after).toMatchObject({ score: 70, tier: { key: 'good' } })
    expect(after.history[0]).toMatchObject({ kind: 'identity_verified', delta: 10, scoreAfter: 70 })
    expect(after.tiers.map((t: { key: string }) => t.key)).toEqual(
      DEFAULT_CREDIT_POLICY.tiers.map((t) => t.key),
    )
  })

  it('falls by severity for a confirmed violation, which changes what the account may do', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: `/api/credit/users/${user.id}/events`,
      headers: as(operator, 'POST'),
      payload: {
        kind: 'violation',
        severity: 3,
        reason: '传播“通化自来水被污染”谣言，经核实为虚假信息',
        subject: { type: 'post', id: 'p-123' },
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      delta: -30,
      scoreAfter: 40,
      policyVersion: 0,
      subject: { type: 'post', id: 'p-123' },
    })
    const caps = await capabilitiesOf(node.database.db, user.id)
    expect(caps.tier.key).toBe('low')
    expect(caps.capabilities).toMatchObject({ preReview: true, recommend: false, publishing: true })
  })

  it('restores the deduction once when an appeal is upheld', async () => {
    const credit = (
      await node.app.inject({ url: `/api/credit/users/${user.id}`, headers: as(operator) })
    ).json()
    const violation = credit.history.find((e: { kind: string }) => e.kind === 'violation')
    const restore = () =>
      node.app.inject({
        method: 'POST',
        url: `/api/credit/events/${violation.id}/restore`,
        headers: as(operator, 'POST'),
        payload: { reason: '申诉成立：该帖转载官方辟谣' },
      })
    const ok = await restore()
    expect(ok.json()).toMatchObject({
      kind: 'appeal_upheld',
      delta: 30,
      scoreAfter: 70,
      restoresEventId: violation.id,
    })
    const again = await restore()
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('CREDIT_ALREADY_RESTORED')
  })

  it('keeps the score within bounds and records what actually moved', async () => {
    const up = await node.app.inject({
      method: 'POST',
      url: `/api/credit/users/${user.id}/events`,
      headers: as(operator, 'POST'),
      payload: { kind: 'adjustment', delta: 100, reason: '测试上限' },
    })
    expect(up.json()).toMatchObject({ delta: 30, scoreAfter: 100 })
    for (let i = 0; i < 4; i++) {
      await node.app.inject({
        method: 'POST',
        url: `/api/credit/users/${user.id}/events`,
        headers: as(operator, 'POST'),
        payload: { kind: 'violation', severity: 3, reason: '多次违规' },
      })
    }
    const c = (await node.app.inject({ url: `/api/credit/users/${user.id}`, headers: as(operator) })).json()
    expect(c.score).toBe(0)
    expect(c.history[0].delta).toBe(-10)
    expect(c.capabilities.publishing).toBe(false)
  })

  it('lets only those who manage credit change it', async () => {
    const reviewer = await signIn(node.app, 'reviewer')
    const res = await node.app.inject({
      method: 'POST',
      url: `/api/credit/users/${user.id}/events`,
      headers: as(reviewer, 'POST'),
      payload: { kind: 'adjustment', delta: 5, reason: '越权' },
    })
    expect(res.statusCode).toBe(403)
    expect(
      (await node.app.inject({ url: `/api/credit/users/${user.id}`, headers: as(reviewer) })).statusCode,
    ).toBe(200)
  })
})

describe('the credit policy', () => {
  it('refuses an inconsistent policy, naming every problem', async () => {
    const bad = structuredClone(DEFAULT_CREDIT_POLICY)
    bad.tiers[1]!.min = 95
    bad.tiers.at(-1)!.min = 5
    bad.deltas.violation['2'] = 4
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/credit/policy',
      headers: as(operator, 'POST'),
      payload: { document: bad, note: '错误示例' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('CREDIT_POLICY_INVALID')
    expect(res.json().errors.map((e: { en: string }) => e.en)).toEqual([
      'tiers must be ordered by min, highest first',
      'the lowest tier must start at 0, so every score has a tier',
      'violation 2 must lower the score',
    ])
  })

  it('publishes a new version that decides tiers from then on, on the record', async () => {
    const strict = structuredClone(DEFAULT_CREDIT_POLICY)
    strict.tiers.find((t) => t.key === 'normal')!.capabilities.preReview = true
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/credit/policy',
      headers: as(operator, 'POST'),
      payload: { document: strict, note: '汛期谣言多发，一般等级先审后发' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().version).toBe(1)
    const fresh = await newUser('13504351002')
    expect((await capabilitiesOf(node.database.db, fresh.id)).capabilities.preReview).toBe(true)
    expect((await node.app.inject({ url: '/api/credit/policy' })).json()).toMatchObject({
      version: 1,
      note: '汛期谣言多发，一般等级先审后发',
    })
    await node.ledger.sequence()
    const { readLog } = await import('../../ledger/index.ts')
    const found: string[] = []
    for await (const e of (await readLog(node.database.db)).entries)
      if (e.entry.action.startsWith('credit')) found.push(`${e.entry.action} ${e.entry.ruleVersion}`)
    expect(found).toContain('credit_policy.published credit-policy/1')
    expect(found).toContain('credit.changed credit-policy/0')
  })
})

describe('concurrent events', () => {
  it('on one account all count: the account row is locked while each is added', async () => {
    const u = await newUser('13504351005')
    const system = systemActor('test', '测试')
    await Promise.all(
      Array.from({ length: 8 }, () =>
        transaction(node.database.db, (tx) =>
          recordCreditEvent(tx, system, { userId: u.id, kind: 'adjustment', delta: -2, reason: '并发' }),
        ),
      ),
    )
    const c = (await node.app.inject({ url: `/api/credit/users/${u.id}`, headers: as(operator) })).json()
    expect(c.score).toBe(44)
    expect(
      c.history.map((e: { scoreAfter: number }) => e.scoreAfter).sort((a: number, b: number) => a - b),
    ).toEqual([44, 46, 48, 50, 52, 54, 56, 58])
  })
})

describe('recovery over time', () => {
  it('adds the daily recovery after a quiet period, once a day, never above the initial score', async () => {
    const u = await newUser('13504351003')
    const system = systemActor('test', '测试')
    const long = new Date(Date.now() - 40 * 86_400_000)
    await transaction(node.database.db, (tx) =>
      recordCreditEvent(tx, system, {
        userId: u.id,
        kind: 'violation',
        severity: 1,
        reason: '轻微违规',
        at: long,
      }),
    )
    const now = new Date()
    expect(await transaction(node.database.db, (tx) => recoverCredit(tx, now))).toBeGreaterThanOrEqual(1)
    expect(await transaction(node.database.db, (tx) => recoverCredit(tx, now))).toBe(0)
    const c = (await node.app.inject({ url: `/api/credit/users/${u.id}`, headers: as(operator) })).json()
    expect(c.score).toBe(56)
    expect(c.history[0]).toMatchObject({ kind: 'recovery', delta: 1 })

    const recent = await newUser('13504351004')
    await transaction(node.database.db, (tx) =>
      recordCreditEvent(tx, system, {
        userId: recent.id,
        kind: 'violation',
        severity: 1,
        reason: '近期违规',
      }),
    )
    await transaction(node.database.db, (tx) => recoverCredit(tx, new Date(now.getTime() + 86_400_000)))
    expect(
      (await node.app.inject({ url: `/api/credit/users/${recent.id}`, headers: as(operator) })).json().score,
    ).toBe(55)
  })
})

describe('the staff list of users', () => {
  it('shows display names, verification and credit, never phones or identities', async () => {
    const res = await node.app.inject({ url: '/api/platform/users?q=信用', headers: as(operator) })
    expect(res.statusCode).toBe(200)
    const items = res.json().items as {
      displayName: string
      identityVerified: boolean
      score: number
      tier: string
    }[]
    expect(items.length).toBeGreaterThanOrEqual(4)
    expect(items.some((u) => u.identityVerified)).toBe(true)
    expect(items.every((u) => typeof u.score === 'number' && u.tier.length > 0)).toBe(true)
    expect(res.body).not.toMatch(/1350435100\d/)
    expect(res.body).not.toContain('赵春梅')
  })
})
