// Answering the regulator's inspections (A19.2): `inspection.requested` names a period; the platform answers at
// once, in the transaction that receives it, with its figures for that period — reviewer staffing and workload
// (A12.2), report handling (A15), disposals (A16), appeals — and files the records behind them (the ledger entries of
// those acts, at most 200) as `report.filed` about the inspection, so the regulator verifies them against the
// platform's signed checkpoint. Nobody has to act for the answer to go: cooperation is the default.
import { desc } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Tx } from '../../core/db/index.ts'
import { entriesInPeriod, systemActor } from '../../ledger/index.ts'
import type { Envelope, HandlerContext, MessageHandler, ProtocolNode } from '../../protocol/index.ts'
import { appealFigures } from '../appeals/index.ts'
import { disposalFigures } from '../disposal/index.ts'
import { queueFiling } from '../filings/index.ts'
import { recommendationFigures } from '../recommendation/index.ts'
import { reportFigures } from '../reports/index.ts'
import { staffingFigures } from '../staffing/index.ts'
import { receivedInspection } from './tables.ts'

/** The acts an inspection's records are: decisions on reports, disposals and their items, appeals, reviews. */
export const INSPECTED_ACTIONS = [
  'report.upheld',
  'report.dismissed',
  'disposal.started',
  'disposal.finished',
  'rumor.confirmed',
  'appeal.upheld',
  'appeal.dismissed',
  'review.rejected',
  'review.approved',
  'order.executed',
  'recommendation.model_published',
  'recommendation.intervened',
  'recommendation.intervention_revoked',
] as const

export const InspectionRequestedSchema = Type.Object(
  {
    inspectionId: Type.String({ format: 'uuid' }),
    kind: Type.Enum(['routine', 'special']),
    periodFrom: Type.String({ format: 'date-time' }),
    periodTo: Type.String({ format: 'date-time' }),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
)

export type InspectionFigures = {
  period: { from: string; to: string }
  staffing: { days: number; screened: number; held: number; reviewed: number; reviewersOnDutyMax: number }
  reports: Awaited<ReturnType<typeof reportFigures>>
  disposals: Awaited<ReturnType<typeof disposalFigures>>
  appeals: Awaited<ReturnType<typeof appealFigures>>
  /** The recommendation model in force and the human interventions active now or made in the period (A14). */
  recommendation: Awaited<ReturnType<typeof recommendationFigures>>
  records: { cited: number; more: boolean }
}

const DAY_MS = 86_400_000

export async function inspectionFigures(
  tx: Tx,
  period: { from: Date; to: Date },
  itemsPerReviewer: number,
  now: Date,
): Promise<{ figures: InspectionFigures; records: string[] }> {
  const days = Math.min(90, Math.max(1, Math.ceil((now.getTime() - period.from.getTime()) / DAY_MS)))
  const staffing = await staffingFigures(tx, { days, itemsPerReviewer }, now)
  const inPeriod = staffing.days.filter((d) => d.day >= period.from.toISOString().slice(0, 10))
  const records = await entriesInPeriod(tx, { ...period, actions: INSPECTED_ACTIONS }, 201)
  return {
    figures: {
      period: { from: period.from.toISOString(), to: period.to.toISOString() },
      staffing: {
        days: inPeriod.length,
        screened: inPeriod.reduce((a, d) => a + d.screened, 0),
        held: inPeriod.reduce((a, d) => a + d.held, 0),
        reviewed: inPeriod.reduce((a, d) => a + d.reviewed, 0),
        reviewersOnDutyMax: Math.max(0, ...inPeriod.map((d) => d.onDuty)),
      },
      reports: await reportFigures(tx, period.from, period.to, now),
      disposals: await disposalFigures(tx, period.from, period.to),
      appeals: await appealFigures(tx, period.from, period.to),
      recommendation: await recommendationFigures(tx, period, now),
      records: { cited: Math.min(200, records.length), more: records.length > 200 },
    },
    records: records.slice(0, 200).map((r) => r.id),
  }
}

/** Answers an inspection in the transaction that receives it; the same inspection again changes nothing. */
export function inspectionRequestedHandler(deps: {
  protocol: () => ProtocolNode
  itemsPerReviewer: number
}): MessageHandler {
  return {
    type: 'inspection.requested',
    body: InspectionRequestedSchema,
    articles: ['A19.1', 'A19.2'],
    receivers: ['platform'],
    senders: ['regulator'],
    async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
      const b = env.body as {
        inspectionId: string
        kind: string
        periodFrom: string
        periodTo: string
        reason: string
      }
      const period = { from: new Date(b.periodFrom), to: new Date(b.periodTo) }
      const { figures, records } = await inspectionFigures(tx, period, deps.itemsPerReviewer, ctx.now)
      const actor = systemActor('inspections', '监督检查 / inspections')
      let filingId: string | null = null
      if (records.length > 0) {
        const filings = await queueFiling(tx, actor, {
          subject: { type: 'inspection', id: b.inspectionId },
          category: 'inspection',
          found: {
            zh: `监督检查答复（${b.kind === 'special' ? '专项' : '例行'}）：${b.reason}`,
            en: `Answer to a ${b.kind} inspection: ${b.reason}`,
            at: ctx.now,
          },
          measures: ['records_kept'],
          doneAt: ctx.now,
          items: [],
          ledgerEntryIds: records,
        })
        filingId = filings.find((f) => f.toNode === env.from)?.id ?? null
      }
      const stored = await tx
        .insert(receivedInspection)
        .values({
          id: b.inspectionId,
          fromNode: env.from,
          kind: b.kind,
          periodFrom: period.from,
          periodTo: period.to,
          reason: b.reason,
          receivedAt: ctx.now,
          figures,
          filingId,
        })
        .onConflictDoNothing()
        .returning({ id: receivedInspection.id })
      if (stored.length === 0) return
      await deps.protocol().send(tx, actor, {
        to: env.from,
        type: 'inspection.answered',
        body: { inspectionId: b.inspectionId, figures, filingId },
        articles: ['A19.2'],
      })
    },
  }
}

export interface ReceivedInspectionView {
  id: string
  fromNode: string
  kind: string
  periodFrom: string
  periodTo: string
  reason: string
  receivedAt: string
  figures: InspectionFigures
  filingId: string | null
}

export async function listReceivedInspections(tx: Tx, limit = 100): Promise<ReceivedInspectionView[]> {
  const rows = await tx
    .select()
    .from(receivedInspection)
    .orderBy(desc(receivedInspection.receivedAt))
    .limit(limit)
  return rows.map((r) => ({
    id: r.id,
    fromNode: r.fromNode,
    kind: r.kind,
    periodFrom: r.periodFrom.toISOString(),
    periodTo: r.periodTo.toISOString(),
    reason: r.reason,
    receivedAt: r.receivedAt.toISOString(),
    figures: r.figures as InspectionFigures,
    filingId: r.filingId,
  }))
}
