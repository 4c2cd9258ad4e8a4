// Periodic evaluation (A17): a platform's figures for a period cross the protocol signed (`metrics.submitted`), are
// checked and kept once per platform × period; indicators and weights are versioned data; an evaluation run scores
// each platform and county, and the scorecard equals the figures recomputed here from the raw events; the public
// survey takes scores only, validated and rate-limited.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
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
import { eventually } from '../../../test/helpers/platform.ts'
import { type Actor, staffActorByLogin } from '../../core/auth/index.ts'
import { type Tx, transaction } from '../../core/db/index.ts'
import { periodContaining, previousPeriod } from '../../core/periods.ts'
import { ledgerEntry } from '../../ledger/tables.ts'
import type { Envelope } from '../../protocol/index.ts'
import {
  decidePenaltyCase,
  investigatePenaltyCase,
  legalReview,
  type Measure,
  notifyPenaltyCase,
  openPenaltyCase,
  recordStatement,
  revokePenaltyCase,
} from '../penalties/index.ts'
import { type MetricsFigures, metricsSubmittedHandler } from './metrics.ts'
import { DEFAULT_INDICATORS, type Indicator, normalise } from './scoring.ts'
import { platformMetrics, surveyResponse } from './tables.ts'

let regulator: TestNode
let platform: TestNode
let officer: Session
let supervisor: Session
let operator: Session

beforeAll(async () => {
  regulator = await startTestNode('regulator')
  platform = await startTestNode('platform')
  for (const n of [regulator, platform]) await listen(n)
  await connect(regulator, platform)
  await connect(platform, regulator)
  officer = await signIn(regulator.app, 'cac.officer')
  supervisor = await signIn(regulator.app, 'cac.supervisor')
  operator = await signIn(platform.app, 'operator')
})
afterAll(async () => {
  for (const n of [platform, regulator]) await n?.close()
})

const thisMonth = periodContaining('month', new Date())
const lastMonth = previousPeriod(thisMonth)

const figures = (over: Partial<MetricsFigures> = {}): MetricsFigures => ({
  reports: { received: 40, decided: 36, decidedInTime: 33, overdue: 2, medianHoursToDecision: 5.5 },
  clarifications: { disposals: 2, medianMinutesToAct: 12 },
  orders: { received: 1, executed: 1, executedInTime: 1, medianHoursToExecute: 3 },
  staffing: {
    reviewersOnRoster: 6,
    itemsPerReviewer: 2000,
    days: 30,
    daysBelowRatio: 3,
    screened: 52_000,
    reviewed: 900,
    backlog: 4,
  },
  appeals: { filed: 8, overturned: 2, dismissed: 5 },
  disposals: { disposals: 9, itemsApplied: 61 },
  ...over,
})

/** Runs the regulator's handler as the inbox would, after the signature checks, at `now`. */
const receive = (from: string, body: Record<string, unknown>, now: Date) =>
  transaction(regulator.database.db, (tx) =>
    metricsSubmittedHandler.handle(
      tx,
      {
        id: randomUUID(),
        type: 'metrics.submitted',
        from,
        to: 'tonghua-cac',
        issuedAt: now.toISOString(),
        body,
      } as Envelope,
      { nodeId: 'tonghua-cac', peer: {} as never, now, afterCommit: () => {} },
    ),
  )
const bodyFor = (p: typeof thisMonth, f: MetricsFigures) => ({
  submissionId: randomUUID(),
  period: p.label,
  periodFrom: p.from.toISOString(),
  periodTo: p.to.toISOString(),
  figures: f,
})
const actions = async (n: TestNode, action: string) =>
  n.database.db.select().from(ledgerEntry).where(eq(ledgerEntry.action, action))

describe('a platform’s evaluation figures', () => {
  it('cross the protocol signed, are kept by the regulator once, and a period is sent once', async () => {
    const early = await platform.app.inject({
      method: 'POST',
      url: '/api/metrics/submissions',
      headers: as(operator, 'POST'),
      payload: { period: thisMonth.label },
    })
    expect(problem(early).code).toBe('METRICS_PERIOD_OPEN')

    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/metrics/submissions',
      headers: as(operator, 'POST'),
      payload: { period: lastMonth.label },
    })
    expect(res.statusCode, res.body).toBe(201)
    const sent = res.json()
    expect(sent).toMatchObject({ period: lastMonth.label, toNodes: ['tonghua-cac'] })
    expect(sent.figures.reports).toMatchObject({ received: 0, decided: 0 })
    await platform.protocol.deliverDue()
    const kept = await eventually(async () => {
      const r = await regulator.app.inject({
        url: `/api/platform-metrics?platform=platform-a&period=${lastMonth.label}`,
        headers: as(officer),
      })
      return r.json().items.length > 0 ? r.json().items : undefined
    })
    expect(kept).toHaveLength(1)
    expect(kept[0]).toMatchObject({
      platformNode: 'platform-a',
      period: lastMonth.label,
      figures: sent.figures,
    })

    // again: answered with what was sent, nothing new goes
    const again = await platform.app.inject({
      method: 'POST',
      url: '/api/metrics/submissions',
      headers: as(operator, 'POST'),
      payload: { period: lastMonth.label },
    })
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(sent.id)
    expect(await actions(platform, 'metrics.submitted')).toHaveLength(1)
    expect(await actions(regulator, 'metrics.received')).toHaveLength(1)
    const listed = await platform.app.inject({ url: '/api/metrics/submissions', headers: as(operator) })
    expect(listed.json().items.map((x: { period: string }) => x.period)).toEqual([lastMonth.label])
  })

  it('is kept once per platform × period even when sent again in another envelope', async () => {
    const after = new Date(thisMonth.to.getTime() + 60_000)
    await receive('platform-b', bodyFor(thisMonth, figures()), after)
    await receive(
      'platform-b',
      bodyFor(thisMonth, figures({ disposals: { disposals: 1, itemsApplied: 1 } })),
      after,
    )
    const rows = await regulator.database.db
      .select()
      .from(platformMetrics)
      .where(and(eq(platformMetrics.platformNode, 'platform-b'), eq(platformMetrics.period, thisMonth.label)))
    expect(rows).toHaveLength(1)
    expect((rows[0]?.figures as MetricsFigures | undefined)?.disposals.disposals).toBe(9)
  })

  it('refuses figures that contradict one another, a period that has not ended, and a wrong period', async () => {
    const after = new Date(thisMonth.to.getTime() + 60_000)
    const bad = [
      figures({
        reports: { received: 3, decided: 5, decidedInTime: 1, overdue: 0, medianHoursToDecision: 1 },
      }),
      figures({
        reports: { received: 5, decided: 3, decidedInTime: 4, overdue: 0, medianHoursToDecision: 1 },
      }),
      figures({ appeals: { filed: 2, overturned: 2, dismissed: 1 } }),
      figures({ orders: { received: 1, executed: 1, executedInTime: 2, medianHoursToExecute: 1 } }),
    ]
    for (const f of bad) {
      await expect(receive('platform-c', bodyFor(thisMonth, f), after)).rejects.toMatchObject({
        code: 'METRICS_INVALID',
      })
    }
    await expect(receive('platform-c', bodyFor(thisMonth, figures()), new Date())).rejects.toMatchObject({
      code: 'METRICS_INVALID',
    })
    await expect(
      receive(
        'platform-c',
        { ...bodyFor(thisMonth, figures()), periodFrom: lastMonth.from.toISOString() },
        after,
      ),
    ).rejects.toMatchObject({ code: 'METRICS_INVALID' })
    const rows = await regulator.database.db
      .select()
      .from(platformMetrics)
      .where(eq(platformMetrics.platformNode, 'platform-c'))
    expect(rows).toHaveLength(0)
  })
})

let surveys = 0
const survey = (payload: Record<string, unknown>) => {
  surveys++
  return regulator.app.inject({ method: 'POST', url: '/api/public/survey', payload })
}

describe('the public survey', () => {
  it('takes scores 1–5 about a known platform, and nothing that names the person', async () => {
    const choices = (await regulator.app.inject({ url: '/api/public/survey' })).json()
    expect(choices.platforms.map((p: { id: string }) => p.id)).toEqual(['platform-a'])
    expect(choices.counties).toHaveLength(7)
    const ok = { platform: 'platform-a', handling: 4, clarificationSpeed: 5, reporting: 3 }
    expect(problem(await survey({ ...ok, handling: 6 })).code).toBe('VALIDATION_FAILED')
    expect(problem(await survey({ ...ok, name: '王强' })).code).toBe('VALIDATION_FAILED')
    expect(problem(await survey({ ...ok, platform: 'platform-x' })).code).toBe('SURVEY_INVALID')
    expect(problem(await survey({ ...ok, county: '110101' })).code).toBe('VALIDATION_FAILED')
    expect(await regulator.database.db.select().from(surveyResponse)).toHaveLength(0)
  })
})

/** A real A22 decision against a platform, through the procedure; revoked afterwards when asked. */
async function decidedPenalty(party: string, revoke: boolean): Promise<void> {
  const staff = (login: string): Promise<Actor> =>
    transaction(regulator.database.db, (tx) => staffActorByLogin(tx, login))
  const li = await staff('cac.officer')
  const wang = await staff('cac.admin')
  const run = <T>(fn: (tx: Tx) => Promise<T>) => transaction(regulator.database.db, fn)
  const c = await run((tx) =>
    openPenaltyCase(tx, li, {
      partyNodeId: party,
      violated: ['A15'],
      title: '举报超期未处理',
      facts: '举报超期未处理',
    }),
  )
  await run((tx) => investigatePenaltyCase(tx, li, c.id, { findings: '举报超期未处理', aggravated: false }))
  const measures: Measure[] = [
    { kind: 'interview' },
    { kind: 'correction_order', deadline: '2099-01-01' },
    { kind: 'warning' },
  ]
  const notice = { facts: '举报超期', reasons: '—', basis: '第二十二条', aggravated: false, measures }
  await run((tx) => notifyPenaltyCase(tx, li, c.id, notice))
  await run((tx) => recordStatement(tx, li, c.id, { text: '无异议', waivesHearing: true }))
  await run((tx) => legalReview(tx, wang, c.id, { opinion: '同意', approved: true }))
  await run((tx) => decidePenaltyCase(tx, li, c.id, { measures, aggravated: false, performance: '限期改正' }))
  if (revoke) await run((tx) => revokePenaltyCase(tx, wang, c.id, { reason: '自行纠正' }))
}

describe('an evaluation run', () => {
  it('shows per platform and per county exactly the figures recomputed from the raw events', async () => {
    // raw events of this month: the platform's figures, survey answers, a department's and an enterprise's
    // input, three penalties decided against platform-a of which one is since revoked, public reports by county
    const sent = figures()
    for (const revoke of [false, false, true]) await decidedPenalty('platform-a', revoke)
    await receive('platform-a', bodyFor(thisMonth, sent), new Date(thisMonth.to.getTime() + 60_000))
    const answers = [
      { platform: 'platform-a', county: '220521', handling: 4, clarificationSpeed: 5, reporting: 3 },
      { platform: 'platform-a', county: '220521', handling: 2, clarificationSpeed: 4, reporting: 4 },
      { platform: 'platform-a', handling: 5, clarificationSpeed: 3, reporting: 5 },
    ]
    for (const a of answers) expect((await survey(a)).statusCode).toBe(201)
    const inputs = [
      {
        platform: 'platform-a',
        period: thisMonth.label,
        source: 'department',
        score: 4,
        comment: '配合涉疫谣言处置及时',
      },
      {
        platform: 'platform-a',
        period: thisMonth.label,
        source: 'enterprise',
        enterpriseName: '通化同城圈运营公司',
        score: 3,
        comment: '审核人力紧张，已增补',
      },
    ]
    for (const payload of inputs) {
      const r = await regulator.app.inject({
        method: 'POST',
        url: '/api/evaluation/inputs',
        headers: as(officer, 'POST'),
        payload,
      })
      expect(r.statusCode, r.body).toBe(201)
    }
    const noName = await regulator.app.inject({
      method: 'POST',
      url: '/api/evaluation/inputs',
      headers: as(officer, 'POST'),
      payload: { ...inputs[1], enterpriseName: ' ' },
    })
    expect(problem(noName).code).toBe('EVALUATION_INPUT_INVALID')
    const reports = ['220521', '220521', '220582']
    const ids: string[] = []
    for (const county of reports) {
      const r = await regulator.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        payload: {
          category: 'rumor',
          platform: '通化同城圈',
          description: '网传通化县自来水停供三天',
          county,
        },
      })
      expect(r.statusCode, r.body).toBe(201)
      const list = await regulator.app.inject({ url: '/api/public-reports', headers: as(officer) })
      ids.push(list.json().items[0].id)
    }
    const closed = await regulator.app.inject({
      method: 'POST',
      url: `/api/public-reports/${ids[0]}/close`,
      headers: as(officer, 'POST'),
      payload: { feedback: '经核实为谣言，已通报平台处置', articles: ['A18'] },
    })
    expect(closed.statusCode, closed.body).toBe(200)

    const run = await regulator.app.inject({
      method: 'POST',
      url: '/api/evaluations',
      headers: as(supervisor, 'POST'),
      payload: { period: thisMonth.label },
    })
    expect(run.statusCode, run.body).toBe(201)
    const result = run.json()
    expect(result.indicatorVersion).toBe(1)

    // recomputed here, from the raw events
    const expectedA: Record<string, number | null> = {
      reports_in_time: 33 / (36 + 2),
      report_median_hours: 5.5,
      clarification_minutes: null, // no clarification was sent this month
      orders_in_time: null, // no order fell due
      staffing_ratio: (30 - 3) / 30,
      appeals_overturned: 2 / 8,
      penalties: 2, // the revoked decision does not count
      survey_score: (4 + 2 + 5) / 3,
      stakeholder_score: (4 + 3) / 2,
    }
    const a = result.platforms.find((p: { id: string }) => p.id === 'platform-a')
    for (const [k, v] of Object.entries(expectedA)) {
      if (v === null) expect(a.raw[k], k).toBeNull()
      else expect(a.raw[k], k).toBeCloseTo(v, 2)
    }
    const total = (raw: Record<string, number | null>, set: Indicator[]) => {
      let sum = 0
      let w = 0
      for (const i of set) {
        const v = raw[i.key]
        if (v === null || v === undefined) continue
        const t = Math.min(1, Math.max(0, (v - i.worst) / (i.best - i.worst))) * 100
        sum += t * i.weight
        w += i.weight
      }
      return sum / w
    }
    const platformSet = DEFAULT_INDICATORS.filter((i) => i.scope === 'platform')
    expect(a.total).toBeCloseTo(total(expectedA, platformSet), 0)
    expect(a.scores.penalties).toBe(normalise({ best: 0, worst: 3 }, 2))

    const tonghuaCounty = result.counties.find((c: { id: string }) => c.id === '220521')
    expect(tonghuaCounty.raw.county_reports_in_time).toBeCloseTo(1 / 2, 4)
    expect(tonghuaCounty.raw.county_survey_score).toBeCloseTo(((4 + 5 + 3) / 3 + (2 + 4 + 4) / 3) / 2, 2)
    const jian = result.counties.find((c: { id: string }) => c.id === '220582')
    expect(jian.raw.county_reports_in_time).toBe(0)
    expect(jian.raw.county_median_hours).toBeNull()
    const countySet = DEFAULT_INDICATORS.filter((i) => i.scope === 'county')
    expect(tonghuaCounty.total).toBeCloseTo(total(tonghuaCounty.raw, countySet), 0)

    const published = await regulator.app.inject({
      method: 'POST',
      url: `/api/evaluations/${result.id}/publish`,
      headers: as(supervisor, 'POST'),
    })
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json().status).toBe('published')
    const twice = await regulator.app.inject({
      method: 'POST',
      url: `/api/evaluations/${result.id}/publish`,
      headers: as(supervisor, 'POST'),
    })
    expect(problem(twice).code).toBe('EVALUATION_ALREADY_PUBLISHED')
    expect(await actions(regulator, 'evaluation.run')).toHaveLength(1)
    expect(await actions(regulator, 'evaluation.published')).toHaveLength(1)
    const officerRun = await regulator.app.inject({
      method: 'POST',
      url: '/api/evaluations',
      headers: as(officer, 'POST'),
      payload: { period: thisMonth.label },
    })
    expect(officerRun.statusCode).toBe(403)
  })

  it('uses the weights in force, each edit a new version, and a run keeps the version it used', async () => {
    const before = (
      await regulator.app.inject({ url: '/api/evaluation/indicators', headers: as(officer) })
    ).json()
    expect(before.items.map((s: { version: number }) => s.version)).toEqual([1])
    const edited = DEFAULT_INDICATORS.map((i) => (i.key === 'penalties' ? { ...i, weight: 60 } : i))
    const wrong = DEFAULT_INDICATORS.map((i) => (i.key === 'penalties' ? { ...i, direction: 'higher' } : i))
    const refused = await regulator.app.inject({
      method: 'POST',
      url: '/api/evaluation/indicators',
      headers: as(supervisor, 'POST'),
      payload: { indicators: wrong, note: '方向填反' },
    })
    expect(problem(refused).code).toBe('EVALUATION_INDICATORS_INVALID')
    const revised = await regulator.app.inject({
      method: 'POST',
      url: '/api/evaluation/indicators',
      headers: as(supervisor, 'POST'),
      payload: { indicators: edited, note: '加大行政处罚权重' },
    })
    expect(revised.statusCode, revised.body).toBe(201)
    expect(revised.json().version).toBe(2)
    const after = (
      await regulator.app.inject({ url: '/api/evaluation/indicators', headers: as(officer) })
    ).json()
    expect(after.items.map((s: { version: number }) => s.version)).toEqual([2, 1])
    expect(after.items[1].indicators).toEqual(DEFAULT_INDICATORS)

    const run = (
      await regulator.app.inject({
        method: 'POST',
        url: '/api/evaluations',
        headers: as(supervisor, 'POST'),
        payload: { period: thisMonth.label },
      })
    ).json()
    expect(run.indicatorVersion).toBe(2)
    const runs = (await regulator.app.inject({ url: '/api/evaluations', headers: as(officer) })).json().items
    const [newer, older] = runs
    expect(older.indicatorVersion).toBe(1)
    const aNew = newer.platforms.find((p: { id: string }) => p.id === 'platform-a')
    const aOld = older.platforms.find((p: { id: string }) => p.id === 'platform-a')
    expect(aNew.raw).toEqual(aOld.raw)
    // penalties score 33.3 pulls the total down more under the heavier weight
    expect(aNew.total).toBeLessThan(aOld.total)
    expect((await actions(regulator, 'evaluation.indicators_revised')).length).toBe(1)
    const bad = await regulator.app.inject({
      method: 'POST',
      url: '/api/evaluations',
      headers: as(supervisor, 'POST'),
      payload: { period: '2099-01' },
    })
    expect(problem(bad).code).toBe('EVALUATION_PERIOD_INVALID')
  })
})

describe('the survey’s rate limit', () => {
  it('slows an address to a few answers an hour', async () => {
    const ok = { platform: 'platform-a', handling: 3, clarificationSpeed: 3, reporting: 3 }
    while (surveys < 10) expect((await survey(ok)).statusCode).toBe(201)
    const limited = await survey(ok)
    expect(limited.statusCode).toBe(429)
    expect(await regulator.database.db.select().from(surveyResponse)).toHaveLength(3 + (10 - 7))
  })
})
