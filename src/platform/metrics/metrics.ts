// A platform's figures for an evaluation period (A17): report handling (median time, share decided by the
// deadline), time to act on the regulator's clarifications and orders, reviewer staffing against the platform's
// ratio (A12.2), appeals overturned and disposals. Sent to every regulator peer as a signed `metrics.submitted`
// at the end of each month and quarter (timer) or on demand by staff; each period once.
import { desc, eq, sql } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { lastPeriods, type Period, parsePeriod } from '../../core/periods.ts'
import { append, type LedgerActor } from '../../ledger/index.ts'
import { listPeers, type ProtocolNode } from '../../protocol/index.ts'
import { appealFigures } from '../appeals/index.ts'
import { clarificationDisposalFigures, disposalFigures } from '../disposal/index.ts'
import { receivedOrderFigures } from '../orders/index.ts'
import { reportFigures } from '../reports/index.ts'
import { staffingFigures } from '../staffing/index.ts'
import { metricsSubmission } from './tables.ts'

export type PlatformMetrics = {
  reports: {
    received: number
    decided: number
    decidedInTime: number
    overdue: number
    medianHoursToDecision: number | null
  }
  clarifications: { disposals: number; medianMinutesToAct: number | null }
  orders: { received: number; executed: number; executedInTime: number; medianHoursToExecute: number | null }
  staffing: {
    reviewersOnRoster: number
    itemsPerReviewer: number
    days: number
    daysBelowRatio: number
    screened: number
    reviewed: number
    backlog: number
  }
  appeals: { filed: number; overturned: number; dismissed: number }
  disposals: { disposals: number; itemsApplied: number }
}

export interface MetricsSubmissionView {
  id: string
  period: string
  periodFrom: string
  periodTo: string
  figures: PlatformMetrics
  toNodes: string[]
  submittedByName: string
  submittedAt: string
}

const DAY_MS = 86_400_000
const TZ_MS = 8 * 3_600_000

/** The figures of a period, from what the platform holds (read only). */
export async function platformMetrics(
  tx: Tx,
  period: Period,
  itemsPerReviewer: number,
  now: Date,
): Promise<PlatformMetrics> {
  const { from, to } = period
  const days = Math.min(90, Math.max(1, Math.ceil((now.getTime() - from.getTime()) / DAY_MS) + 1))
  const staffing = await staffingFigures(tx, { days, itemsPerReviewer }, now)
  const fromDay = new Date(from.getTime() + TZ_MS).toISOString().slice(0, 10)
  const toDay = new Date(to.getTime() + TZ_MS).toISOString().slice(0, 10)
  const inPeriod = staffing.days.filter((d) => d.day >= fromDay && d.day < toDay)
  const reports = await reportFigures(tx, from, to, now)
  const appeals = await appealFigures(tx, from, to)
  const disposals = await disposalFigures(tx, from, to)
  return {
    reports: {
      received: reports.received,
      decided: reports.decided,
      decidedInTime: reports.decidedInTime,
      overdue: reports.overdue,
      medianHoursToDecision: reports.medianHoursToDecision,
    },
    clarifications: await clarificationDisposalFigures(tx, from, to),
    orders: await receivedOrderFigures(tx, from, to),
    staffing: {
      reviewersOnRoster: staffing.reviewersOnRoster,
      itemsPerReviewer,
      days: inPeriod.length,
      daysBelowRatio: inPeriod.filter((d) => d.belowRatio).length,
      screened: inPeriod.reduce((a, d) => a + d.screened, 0),
      reviewed: inPeriod.reduce((a, d) => a + d.reviewed, 0),
      backlog: staffing.backlog,
    },
    appeals: { filed: appeals.filed, overturned: appeals.upheld, dismissed: appeals.dismissed },
    disposals: { disposals: disposals.disposals, itemsApplied: disposals.itemsApplied },
  }
}

type Row = typeof metricsSubmission.$inferSelect
const present = (r: Row): MetricsSubmissionView => ({
  id: r.id,
  period: r.period,
  periodFrom: r.periodFrom.toISOString(),
  periodTo: r.periodTo.toISOString(),
  figures: r.figures as PlatformMetrics,
  toNodes: r.toNodes,
  submittedByName: r.submittedByName,
  submittedAt: r.submittedAt.toISOString(),
})

/**
 * Sends a period's figures to every active regulator peer, signed, once: a period already sent is answered with
 * what was sent (`created: false`). A period that has not ended is refused.
 */
export async function submitMetrics(
  tx: Tx,
  actor: Actor | LedgerActor,
  protocol: ProtocolNode,
  input: { period: string; itemsPerReviewer: number },
  now: Date = new Date(),
): Promise<{ submission: MetricsSubmissionView; created: boolean }> {
  const period = parsePeriod(input.period)
  if (!period) throw new DomainError('METRICS_INVALID', { field: 'period' })
  if (period.to.getTime() > now.getTime()) {
    throw new DomainError('METRICS_PERIOD_OPEN', { period: period.label, endsAt: period.to.toISOString() })
  }
  // one sender at a time, so the timer and staff never both send a period
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('qinglang/metrics-submission'))`)
  const [seen] = await tx.select().from(metricsSubmission).where(eq(metricsSubmission.period, period.label))
  if (seen) return { submission: present(seen), created: false }
  const figures = await platformMetrics(tx, period, input.itemsPerReviewer, now)
  return { submission: await sendMetrics(tx, actor, protocol, period, figures, now), created: true }
}

/**
 * Sends figures of a period to every active regulator peer and keeps what was sent; the period must not have been
 * sent. `submitMetrics` computes them; the demo sends the months before its data began with this.
 */
export async function sendMetrics(
  tx: Tx,
  actor: Actor | LedgerActor,
  protocol: ProtocolNode,
  period: Period,
  figures: PlatformMetrics,
  now: Date = new Date(),
): Promise<MetricsSubmissionView> {
  const regulators = (await listPeers(tx)).filter((p) => p.kind === 'regulator' && p.status === 'active')
  if (regulators.length === 0) throw new DomainError('METRICS_NO_REGULATOR', {})
  const id = newId(now.getTime())
  for (const r of regulators) {
    await protocol.send(tx, actor, {
      to: r.nodeId,
      type: 'metrics.submitted',
      body: {
        submissionId: id,
        period: period.label,
        periodFrom: period.from.toISOString(),
        periodTo: period.to.toISOString(),
        figures,
      },
      articles: ['A17'],
    })
  }
  const [row] = await tx
    .insert(metricsSubmission)
    .values({
      id,
      period: period.label,
      periodFrom: period.from,
      periodTo: period.to,
      figures,
      toNodes: regulators.map((r) => r.nodeId),
      submittedBy: actor.staffId ?? actor.id,
      submittedByName: actor.name,
      submittedAt: now,
    })
    .returning()
  await append(tx, {
    actor,
    action: 'metrics.submitted',
    subject: { type: 'metrics', id },
    articles: ['A17'],
    evidence: figures,
    details: { period: period.label, to: regulators.map((r) => r.nodeId) },
    at: now,
  })
  if (!row) throw new Error('metrics submission lost')
  return present(row)
}

/** The timer's round: every ended month and quarter of the last year not yet sent is sent now. */
export async function submitDueMetrics(
  tx: Tx,
  actor: LedgerActor,
  protocol: ProtocolNode,
  itemsPerReviewer: number,
  now: Date = new Date(),
  opts: { months?: number; quarters?: number } = {},
): Promise<number> {
  const regulators = (await listPeers(tx)).filter((p) => p.kind === 'regulator' && p.status === 'active')
  if (regulators.length === 0) return 0
  const due = [
    ...lastPeriods('month', now, opts.months ?? 1),
    ...lastPeriods('quarter', now, opts.quarters ?? 1),
  ]
  let sent = 0
  for (const p of due) {
    const r = await submitMetrics(tx, actor, protocol, { period: p.label, itemsPerReviewer }, now)
    if (r.created) sent++
  }
  return sent
}

export async function listMetricsSubmissions(tx: Tx, limit = 100): Promise<MetricsSubmissionView[]> {
  const rows = await tx
    .select()
    .from(metricsSubmission)
    .orderBy(desc(metricsSubmission.periodFrom), desc(metricsSubmission.period))
    .limit(limit)
  return rows.map(present)
}
