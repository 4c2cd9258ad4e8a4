// Periodic evaluation of platforms and counties (A17). Indicators and weights are versioned data (each edit a new
// version); a run for a period gathers the raw figures — what each platform submitted (`metrics.submitted`), what
// the regulator itself holds (clarifications acted on, orders executed by their deadline, penalties decided on the
// ledger, public reports and cases by county), the public survey and departments' and enterprises' input — and
// scores them under the version in force; the run is kept with that version and published on the ledger.
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { COUNTIES, getOrganisation } from '../../core/organisations/index.ts'
import { type Period, parsePeriod } from '../../core/periods.ts'
import { append } from '../../ledger/index.ts'
import { listPeers } from '../../protocol/index.ts'
import { caseCountyFigures } from '../cases/index.ts'
import { clarificationActFigures } from '../clarifications/index.ts'
import { orderDueFigures } from '../orders/index.ts'
import { decidedPenaltiesByPlatform } from '../penalties/index.ts'
import { publicReportCountyFigures } from '../public-reports/index.ts'
import type { MetricsFigures } from './metrics.ts'
import {
  DEFAULT_INDICATORS,
  type Indicator,
  indicatorProblem,
  mean,
  type Scorecard,
  scorecard,
  share,
} from './scoring.ts'
import {
  evaluationIndicatorSet,
  evaluationRun,
  platformMetrics,
  stakeholderInput,
  surveyResponse,
} from './tables.ts'

export interface IndicatorSetView {
  version: number
  indicators: Indicator[]
  note: string
  createdByName: string
  createdAt: string
}

const presentSet = (r: typeof evaluationIndicatorSet.$inferSelect): IndicatorSetView => ({
  version: r.version,
  indicators: r.indicators as Indicator[],
  note: r.note,
  createdByName: r.createdByName,
  createdAt: r.createdAt.toISOString(),
})

/** Every version, newest first; version 1 is the shipped default, written the first time it is asked for. */
export async function listIndicatorSets(tx: Tx): Promise<IndicatorSetView[]> {
  const rows = await tx.select().from(evaluationIndicatorSet).orderBy(desc(evaluationIndicatorSet.version))
  if (rows.length > 0) return rows.map(presentSet)
  const [first] = await tx
    .insert(evaluationIndicatorSet)
    .values({
      version: 1,
      indicators: DEFAULT_INDICATORS,
      note: '初始指标体系 / initial indicators',
      createdByName: '系统 / system',
      createdAt: new Date(0),
    })
    .onConflictDoNothing()
    .returning()
  return first ? [presentSet(first)] : listIndicatorSets(tx)
}

export async function currentIndicators(tx: Tx): Promise<IndicatorSetView> {
  const [newest] = await listIndicatorSets(tx)
  if (!newest) throw new Error('no indicator set')
  return newest
}

/** A new version of the indicators and weights; the old ones stay as they were, and runs keep theirs. */
export async function reviseIndicators(
  tx: Tx,
  actor: Actor,
  input: { indicators: Indicator[]; note: string },
  now: Date = new Date(),
): Promise<IndicatorSetView> {
  const problem = indicatorProblem(input.indicators)
  if (problem) throw new DomainError('EVALUATION_INDICATORS_INVALID', { problem })
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('qinglang/evaluation-indicators'))`)
  const current = await currentIndicators(tx)
  const [row] = await tx
    .insert(evaluationIndicatorSet)
    .values({
      version: current.version + 1,
      indicators: input.indicators,
      note: input.note,
      createdByName: actor.name,
      createdAt: now,
    })
    .returning()
  if (!row) throw new Error('indicator set lost')
  await append(tx, {
    actor,
    action: 'evaluation.indicators_revised',
    subject: { type: 'evaluation_indicators', id: String(row.version) },
    articles: ['A17'],
    evidence: input.indicators,
    details: { version: row.version, note: input.note },
    at: now,
  })
  return presentSet(row)
}

export interface EvaluationFigures {
  platforms: { id: string; nameZh: string; nameEn: string; raw: Record<string, number | null> }[]
  counties: { id: string; nameZh: string; nameEn: string; raw: Record<string, number | null> }[]
}

/** The raw figures of a period, per platform and per county, before any weighting. */
export async function evaluationFigures(tx: Tx, p: Period): Promise<EvaluationFigures> {
  const peers = (await listPeers(tx)).filter((x) => x.kind === 'platform')
  const metrics = await tx.select().from(platformMetrics).where(eq(platformMetrics.period, p.label))
  const clarifications = await clarificationActFigures(tx, p.from, p.to)
  const orders = await orderDueFigures(tx, p.from, p.to)
  // decisions in the period, less those revoked, as the penalties area counts them
  const penalties = await decidedPenaltiesByPlatform(tx, p.from, p.to)
  const inPeriod = (t: typeof surveyResponse.submittedAt) => and(gte(t, p.from), lt(t, p.to))
  const survey = await tx.select().from(surveyResponse).where(inPeriod(surveyResponse.submittedAt))
  const inputs = await tx.select().from(stakeholderInput).where(eq(stakeholderInput.period, p.label))
  const platforms = peers.map((peer) => {
    const m = metrics.find((r) => r.platformNode === peer.nodeId)?.figures as MetricsFigures | undefined
    const c = clarifications.find((r) => r.platformNode === peer.nodeId)
    const o = orders.find((r) => r.platformNode === peer.nodeId)
    return {
      id: peer.nodeId,
      nameZh: peer.nameZh,
      nameEn: peer.nameEn,
      raw: {
        reports_in_time: m ? share(m.reports.decidedInTime, m.reports.decided + m.reports.overdue) : null,
        report_median_hours: m?.reports.medianHoursToDecision ?? null,
        clarification_minutes: c?.medianMinutesToAct ?? null,
        orders_in_time: o ? share(o.executedInTime, o.due) : null,
        staffing_ratio: m ? share(m.staffing.days - m.staffing.daysBelowRatio, m.staffing.days) : null,
        appeals_overturned: m ? share(m.appeals.overturned, m.appeals.filed) : null,
        penalties: penalties.get(peer.nodeId) ?? 0,
        survey_score: mean(survey.filter((s) => s.platformNode === peer.nodeId).map((s) => s.handling)),
        stakeholder_score: mean(inputs.filter((s) => s.platformNode === peer.nodeId).map((s) => s.score)),
      },
    }
  })
  const reports = await publicReportCountyFigures(tx, p.from, p.to)
  const cases = await caseCountyFigures(tx, p.from, p.to)
  const counties = COUNTIES.map((county) => {
    const r = reports.find((x) => x.countyCode === county.code)
    const c = cases.find((x) => x.countyCode === county.code)
    const answers = survey.filter((s) => s.countyCode === county.code)
    return {
      id: county.code,
      nameZh: county.zh,
      nameEn: county.en,
      raw: {
        county_reports_in_time: r ? share(r.closedInTime, r.received) : null,
        county_median_hours: r?.medianHoursToClose ?? null,
        county_cases_closed: c ? share(c.closed, c.opened) : null,
        county_survey_score: mean(answers.map((s) => (s.handling + s.clarificationSpeed + s.reporting) / 3)),
      },
    }
  })
  return { platforms, counties }
}

export interface EvaluationRunView {
  id: string
  period: string
  periodFrom: string
  periodTo: string
  indicatorVersion: number
  indicators: Indicator[]
  platforms: Scorecard[]
  counties: Scorecard[]
  status: 'draft' | 'published'
  runByName: string
  runAt: string
  publishedByName: string | null
  publishedAt: string | null
}

async function presentRun(tx: Tx, r: typeof evaluationRun.$inferSelect): Promise<EvaluationRunView> {
  const [set] = await tx
    .select()
    .from(evaluationIndicatorSet)
    .where(eq(evaluationIndicatorSet.version, r.indicatorVersion))
  const result = r.result as { platforms: Scorecard[]; counties: Scorecard[] }
  return {
    id: r.id,
    period: r.period,
    periodFrom: r.periodFrom.toISOString(),
    periodTo: r.periodTo.toISOString(),
    indicatorVersion: r.indicatorVersion,
    indicators: (set?.indicators as Indicator[] | undefined) ?? [],
    platforms: result.platforms,
    counties: result.counties,
    status: r.status as EvaluationRunView['status'],
    runByName: r.runByName,
    runAt: r.runAt.toISOString(),
    publishedByName: r.publishedByName,
    publishedAt: r.publishedAt?.toISOString() ?? null,
  }
}

/** Scores a period under the indicators in force, keeps the result with their version, records the run. */
export async function runEvaluation(
  tx: Tx,
  actor: Actor,
  input: { period: string },
  now: Date = new Date(),
): Promise<EvaluationRunView> {
  const p = parsePeriod(input.period)
  if (!p) throw new DomainError('EVALUATION_PERIOD_INVALID', { period: input.period })
  if (p.from.getTime() > now.getTime())
    throw new DomainError('EVALUATION_PERIOD_INVALID', { period: p.label })
  const set = await currentIndicators(tx)
  const figures = await evaluationFigures(tx, p)
  const of = (scope: 'platform' | 'county') => set.indicators.filter((i) => i.scope === scope)
  const result = {
    platforms: figures.platforms.map((x) => scorecard(x, of('platform'), x.raw)),
    counties: figures.counties.map((x) => scorecard(x, of('county'), x.raw)),
  }
  const id = newId(now.getTime())
  const [row] = await tx
    .insert(evaluationRun)
    .values({
      id,
      period: p.label,
      periodFrom: p.from,
      periodTo: p.to,
      indicatorVersion: set.version,
      result,
      status: 'draft',
      runByName: actor.name,
      runAt: now,
    })
    .returning()
  if (!row) throw new Error('evaluation run lost')
  await append(tx, {
    actor,
    action: 'evaluation.run',
    subject: { type: 'evaluation', id },
    articles: ['A17'],
    evidence: result,
    details: {
      period: p.label,
      indicatorVersion: set.version,
      totals: Object.fromEntries(result.platforms.map((s) => [s.id, s.total])),
    },
    at: now,
  })
  return presentRun(tx, row)
}

/** Publishes a run: the period's result of record. One published run per period. */
export async function publishEvaluation(
  tx: Tx,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<EvaluationRunView> {
  const [row] = await tx.select().from(evaluationRun).where(eq(evaluationRun.id, id)).for('update')
  if (!row) throw new DomainError('EVALUATION_NOT_FOUND', { id })
  if (row.status === 'published') throw new DomainError('EVALUATION_ALREADY_PUBLISHED', { id })
  // two drafts of one period published at once: the second waits here, then finds the first
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`evaluation-publish:${row.period}`}))`)
  const [other] = await tx
    .select({ id: evaluationRun.id })
    .from(evaluationRun)
    .where(and(eq(evaluationRun.period, row.period), eq(evaluationRun.status, 'published')))
  if (other) throw new DomainError('EVALUATION_ALREADY_PUBLISHED', { id: other.id, period: row.period })
  const [updated] = await tx
    .update(evaluationRun)
    .set({ status: 'published', publishedByName: actor.name, publishedAt: now })
    .where(eq(evaluationRun.id, id))
    .returning()
  if (!updated) throw new Error('evaluation run lost')
  await append(tx, {
    actor,
    action: 'evaluation.published',
    subject: { type: 'evaluation', id },
    articles: ['A17'],
    details: { period: row.period, indicatorVersion: row.indicatorVersion },
    at: now,
  })
  return presentRun(tx, updated)
}

export async function getEvaluation(tx: Tx, id: string): Promise<EvaluationRunView> {
  const [row] = await tx.select().from(evaluationRun).where(eq(evaluationRun.id, id))
  if (!row) throw new DomainError('EVALUATION_NOT_FOUND', { id })
  return presentRun(tx, row)
}

export async function listEvaluations(tx: Tx, limit = 100): Promise<EvaluationRunView[]> {
  const rows = await tx.select().from(evaluationRun).orderBy(desc(evaluationRun.runAt)).limit(limit)
  const out: EvaluationRunView[] = []
  for (const r of rows) out.push(await presentRun(tx, r))
  return out
}

/** One survey answer: scores only. The platform must be a known platform peer; the county one of the seven. */
export async function submitSurvey(
  tx: Tx,
  input: {
    platform: string
    county?: string
    handling: number
    clarificationSpeed: number
    reporting: number
  },
  now: Date = new Date(),
): Promise<{ received: true }> {
  const peers = (await listPeers(tx)).filter((x) => x.kind === 'platform')
  if (!peers.some((x) => x.nodeId === input.platform))
    throw new DomainError('SURVEY_INVALID', { field: 'platform' })
  if (input.county !== undefined && !COUNTIES.some((c) => c.code === input.county))
    throw new DomainError('SURVEY_INVALID', { field: 'county' })
  await tx.insert(surveyResponse).values({
    id: newId(now.getTime()),
    platformNode: input.platform,
    countyCode: input.county ?? null,
    handling: input.handling,
    clarificationSpeed: input.clarificationSpeed,
    reporting: input.reporting,
    submittedAt: now,
  })
  return { received: true }
}

/** What the survey asks about: the platforms and counties to choose from. */
export async function surveyChoices(tx: Tx): Promise<{
  platforms: { id: string; nameZh: string; nameEn: string }[]
  counties: { code: string; zh: string; en: string }[]
}> {
  const peers = (await listPeers(tx)).filter((x) => x.kind === 'platform' && x.status === 'active')
  return {
    platforms: peers.map((x) => ({ id: x.nodeId, nameZh: x.nameZh, nameEn: x.nameEn })),
    counties: COUNTIES.map((c) => ({ code: c.code, zh: c.zh, en: c.en })),
  }
}

export interface SurveySummary {
  period: string
  answers: number
  byPlatform: {
    platform: string
    answers: number
    handling: number | null
    clarificationSpeed: number | null
    reporting: number | null
  }[]
}

export async function surveySummary(tx: Tx, period: string): Promise<SurveySummary> {
  const p = parsePeriod(period)
  if (!p) throw new DomainError('EVALUATION_PERIOD_INVALID', { period })
  const rows = await tx
    .select()
    .from(surveyResponse)
    .where(and(gte(surveyResponse.submittedAt, p.from), lt(surveyResponse.submittedAt, p.to)))
  const platforms = [...new Set(rows.map((r) => r.platformNode))].sort()
  return {
    period: p.label,
    answers: rows.length,
    byPlatform: platforms.map((platform) => {
      const mine = rows.filter((r) => r.platformNode === platform)
      return {
        platform,
        answers: mine.length,
        handling: mean(mine.map((r) => r.handling)),
        clarificationSpeed: mean(mine.map((r) => r.clarificationSpeed)),
        reporting: mean(mine.map((r) => r.reporting)),
      }
    }),
  }
}

export interface StakeholderInputView {
  id: string
  platformNode: string
  period: string
  source: 'department' | 'enterprise'
  sourceName: string
  score: number
  comment: string
  recordedByName: string
  recordedAt: string
}

/**
 * A department's score of a platform (its own organisation is the source), or an enterprise's — a platform
 * representative's, recorded by staff with the enterprise's name.
 */
export async function recordStakeholderInput(
  tx: Tx,
  actor: Actor,
  input: {
    platform: string
    period: string
    source: 'department' | 'enterprise'
    enterpriseName?: string
    score: number
    comment: string
  },
  now: Date = new Date(),
): Promise<StakeholderInputView> {
  const p = parsePeriod(input.period)
  if (!p) throw new DomainError('EVALUATION_PERIOD_INVALID', { period: input.period })
  const peers = (await listPeers(tx)).filter((x) => x.kind === 'platform')
  if (!peers.some((x) => x.nodeId === input.platform))
    throw new DomainError('EVALUATION_INPUT_INVALID', { field: 'platform' })
  let sourceName: string
  if (input.source === 'enterprise') {
    if (!input.enterpriseName?.trim())
      throw new DomainError('EVALUATION_INPUT_INVALID', { field: 'enterpriseName' })
    sourceName = input.enterpriseName.trim()
  } else sourceName = (await getOrganisation(tx, actor.organisationId)).nameZh
  const id = newId(now.getTime())
  const [row] = await tx
    .insert(stakeholderInput)
    .values({
      id,
      platformNode: input.platform,
      period: p.label,
      source: input.source,
      sourceName,
      score: input.score,
      comment: input.comment,
      recordedByName: actor.name,
      recordedAt: now,
    })
    .returning()
  if (!row) throw new Error('input lost')
  await append(tx, {
    actor,
    action: 'evaluation.input_recorded',
    subject: { type: 'evaluation_input', id },
    articles: ['A17'],
    details: {
      platform: input.platform,
      period: p.label,
      source: input.source,
      sourceName,
      score: input.score,
    },
    at: now,
  })
  return presentInput(row)
}

const presentInput = (r: typeof stakeholderInput.$inferSelect): StakeholderInputView => ({
  id: r.id,
  platformNode: r.platformNode,
  period: r.period,
  source: r.source as StakeholderInputView['source'],
  sourceName: r.sourceName,
  score: r.score,
  comment: r.comment,
  recordedByName: r.recordedByName,
  recordedAt: r.recordedAt.toISOString(),
})

export async function listStakeholderInput(tx: Tx, period?: string): Promise<StakeholderInputView[]> {
  const rows = await tx
    .select()
    .from(stakeholderInput)
    .where(period ? eq(stakeholderInput.period, period) : undefined)
    .orderBy(desc(stakeholderInput.recordedAt))
    .limit(500)
  return rows.map(presentInput)
}
