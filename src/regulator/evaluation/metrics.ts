// A platform's figures for an evaluation period (A17), received as a signed `metrics.submitted`: checked for shape,
// for a real ended period, and for figures that agree with one another, before one row is written; kept once per
// platform × period (a repeat changes nothing).
import { and, asc, eq } from 'drizzle-orm'
import { type Static, Type } from 'typebox'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { PERIOD_RE, parsePeriod } from '../../core/periods.ts'
import { append, peerActor } from '../../ledger/index.ts'
import type { Envelope, HandlerContext, MessageHandler } from '../../protocol/index.ts'
import { platformMetrics } from './tables.ts'

const Count = Type.Integer({ minimum: 0, maximum: 1_000_000_000 })
const Amount = Type.Union([Type.Number({ minimum: 0, maximum: 1_000_000 }), Type.Null()])
const Obj = <T extends Parameters<typeof Type.Object>[0]>(p: T) =>
  Type.Object(p, { additionalProperties: false })

export const MetricsFiguresSchema = Obj({
  reports: Obj({
    received: Count,
    decided: Count,
    decidedInTime: Count,
    overdue: Count,
    medianHoursToDecision: Amount,
  }),
  clarifications: Obj({ disposals: Count, medianMinutesToAct: Amount }),
  orders: Obj({ received: Count, executed: Count, executedInTime: Count, medianHoursToExecute: Amount }),
  staffing: Obj({
    reviewersOnRoster: Count,
    itemsPerReviewer: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    days: Type.Integer({ minimum: 0, maximum: 92 }),
    daysBelowRatio: Type.Integer({ minimum: 0, maximum: 92 }),
    screened: Count,
    reviewed: Count,
    backlog: Count,
  }),
  appeals: Obj({ filed: Count, overturned: Count, dismissed: Count }),
  disposals: Obj({ disposals: Count, itemsApplied: Count }),
})
export type MetricsFigures = Static<typeof MetricsFiguresSchema>

export const MetricsSubmittedSchema = Obj({
  submissionId: Type.String({ format: 'uuid' }),
  period: Type.String({ pattern: PERIOD_RE.source }),
  periodFrom: Type.String({ format: 'date-time' }),
  periodTo: Type.String({ format: 'date-time' }),
  figures: MetricsFiguresSchema,
})
type MetricsSubmitted = Static<typeof MetricsSubmittedSchema>

/** Figures that contradict one another or a period that does not exist or has not ended are refused. */
export function checkMetrics(b: MetricsSubmitted, now: Date): void {
  const bad = (field: string) => new DomainError('METRICS_INVALID', { field })
  const p = parsePeriod(b.period)
  if (!p) throw bad('period')
  if (Date.parse(b.periodFrom) !== p.from.getTime() || Date.parse(b.periodTo) !== p.to.getTime())
    throw bad('periodFrom')
  if (p.to.getTime() > now.getTime() + 300_000) throw bad('periodTo')
  const f = b.figures
  if (f.reports.decided > f.reports.received) throw bad('reports.decided')
  if (f.reports.decidedInTime > f.reports.decided) throw bad('reports.decidedInTime')
  if (f.reports.overdue > f.reports.received - f.reports.decided) throw bad('reports.overdue')
  if (f.orders.executed > f.orders.received) throw bad('orders.executed')
  if (f.orders.executedInTime > f.orders.executed) throw bad('orders.executedInTime')
  if (f.appeals.overturned + f.appeals.dismissed > f.appeals.filed) throw bad('appeals.overturned')
  if (f.staffing.daysBelowRatio > f.staffing.days) throw bad('staffing.daysBelowRatio')
  const maxDays = Math.ceil((p.to.getTime() - p.from.getTime()) / 86_400_000)
  if (f.staffing.days > maxDays) throw bad('staffing.days')
}

export const metricsSubmittedHandler: MessageHandler = {
  type: 'metrics.submitted',
  body: MetricsSubmittedSchema,
  articles: ['A17'],
  receivers: ['regulator'],
  senders: ['platform'],
  async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
    const b = env.body as MetricsSubmitted
    checkMetrics(b, ctx.now)
    const id = newId(ctx.now.getTime())
    const stored = await tx
      .insert(platformMetrics)
      .values({
        id,
        platformNode: env.from,
        period: b.period,
        periodFrom: new Date(b.periodFrom),
        periodTo: new Date(b.periodTo),
        figures: b.figures,
        envelopeId: env.id,
        receivedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: platformMetrics.id })
    if (stored.length === 0) return
    await append(tx, {
      actor: peerActor(env.from),
      action: 'metrics.received',
      subject: { type: 'platform_metrics', id },
      articles: ['A17'],
      evidence: b.figures,
      details: { platform: env.from, period: b.period, envelopeId: env.id },
      at: ctx.now,
    })
  },
}

export interface PlatformMetricsView {
  id: string
  platformNode: string
  period: string
  periodFrom: string
  periodTo: string
  figures: MetricsFigures
  receivedAt: string
}

export async function listPlatformMetrics(
  tx: Tx,
  opts: { platform?: string; period?: string } = {},
): Promise<PlatformMetricsView[]> {
  const rows = await tx
    .select()
    .from(platformMetrics)
    .where(
      and(
        opts.platform ? eq(platformMetrics.platformNode, opts.platform) : undefined,
        opts.period ? eq(platformMetrics.period, opts.period) : undefined,
      ),
    )
    .orderBy(asc(platformMetrics.periodFrom), asc(platformMetrics.period), asc(platformMetrics.platformNode))
    .limit(1000)
  return rows.map((r) => ({
    id: r.id,
    platformNode: r.platformNode,
    period: r.period,
    periodFrom: r.periodFrom.toISOString(),
    periodTo: r.periodTo.toISOString(),
    figures: r.figures as MetricsFigures,
    receivedAt: r.receivedAt.toISOString(),
  }))
}
