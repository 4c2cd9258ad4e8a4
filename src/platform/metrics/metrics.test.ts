// A platform's evaluation figures (A17) come from what it did: a report decided by its deadline shows as such in the
// month's figures the timer sends at the month's end, once; periods are months and quarters in Tonghua time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, signIn, startTestNode, type TestNode } from '../../../test/helpers/node.ts'
import { connect, listen } from '../../../test/helpers/peers.ts'
import { asUser, newUser } from '../../../test/helpers/platform.ts'
import { transaction } from '../../core/db/index.ts'
import { lastPeriods, parsePeriod, periodContaining, previousPeriod } from '../../core/periods.ts'
import { systemActor } from '../../ledger/index.ts'
import { listMetricsSubmissions, submitDueMetrics } from './metrics.ts'

let regulator: TestNode
let platform: TestNode

beforeAll(async () => {
  regulator = await startTestNode('regulator')
  platform = await startTestNode('platform')
  for (const n of [regulator, platform]) await listen(n)
  await connect(platform, regulator)
})
afterAll(async () => {
  for (const n of [platform, regulator]) await n?.close()
})

describe('evaluation periods', () => {
  it('are months and quarters that begin at midnight in Tonghua', () => {
    expect(parsePeriod('2026-10')?.from.toISOString()).toBe('2026-09-30T16:00:00.000Z')
    expect(parsePeriod('2026-12')?.to.toISOString()).toBe('2026-12-31T16:00:00.000Z')
    expect(parsePeriod('2026-Q1')).toMatchObject({ kind: 'quarter' })
    expect(parsePeriod('2026-Q1')?.to.toISOString()).toBe('2026-03-31T16:00:00.000Z')
    for (const bad of ['2026-13', '2026-Q5', '2026-1', '26-01', '2026-00'])
      expect(parsePeriod(bad)).toBeNull()
    // 1 January 01:00 in Tonghua is still 31 December in UTC
    expect(periodContaining('month', new Date('2026-12-31T17:00:00Z')).label).toBe('2027-01')
    expect(previousPeriod(parsePeriod('2027-Q1') as never).label).toBe('2026-Q4')
    expect(lastPeriods('month', new Date('2026-03-15T00:00:00Z'), 3).map((p) => p.label)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ])
  })
})

describe('the figures a platform sends', () => {
  it('count what it did in the month, and the timer sends each ended period once', async () => {
    // the report, its decision and the month read below must fall in one month: a run that starts in the last
    // minute of a month waits for the next one to begin
    const untilMonthEnd = periodContaining('month', new Date()).to.getTime() - Date.now()
    if (untilMonthEnd < 60_000) await new Promise((r) => setTimeout(r, untilMonthEnd + 1_000))
    const author = await newUser(platform, '13904355001')
    const reporter = await newUser(platform, '13904355002')
    const post = await platform.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: asUser(author, 'POST'),
      payload: { kind: 'post', text: '集安市明天起全市封路，高速全部关闭' },
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
        reason: '交通部门未发布封路通告',
        measures: ['stop', 'remove'],
        category: 'false',
      },
    })
    expect(decided.statusCode, decided.body).toBe(200)

    const month = periodContaining('month', new Date())
    const atMonthEnd = new Date(month.to.getTime() + 3_600_000)
    const actor = systemActor('metrics', '考核数据报送')
    const sent = await transaction(platform.database.db, (tx) =>
      submitDueMetrics(tx, actor, platform.protocol, 2000, atMonthEnd),
    )
    expect(sent).toBe(2) // this month, and the quarter before the one the month's end falls in
    const again = await transaction(platform.database.db, (tx) =>
      submitDueMetrics(tx, actor, platform.protocol, 2000, atMonthEnd),
    )
    expect(again).toBe(0)
    const mine = await listMetricsSubmissions(platform.database.db)
    const figures = mine.find((m) => m.period === month.label)?.figures
    expect(figures?.reports).toMatchObject({ received: 1, decided: 1, decidedInTime: 1, overdue: 0 })
    expect(figures?.disposals).toMatchObject({ disposals: 1, itemsApplied: 1 })
    expect(figures?.staffing.screened).toBeGreaterThanOrEqual(1)
    expect(mine.every((m) => m.toNodes.join() === 'tonghua-cac')).toBe(true)
  }, 120_000)
})
