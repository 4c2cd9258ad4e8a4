// Inspections of platforms (监督检查, A19.1): routine or special, for a period. `inspection.requested` goes to the
// platform, which answers at once with its figures (staffing, report handling, disposals, appeals) and files the
// records behind them as `report.filed` about the inspection; the inspection is `verified` when that report's proofs
// verified against the platform's signed checkpoint.
import { and, desc, eq } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { append } from '../../ledger/index.ts'
import {
  type Envelope,
  getPeer,
  type HandlerContext,
  type MessageHandler,
  type ProtocolNode,
} from '../../protocol/index.ts'
import { reportsAbout } from '../platform-reports/index.ts'
import { inspection } from './tables.ts'

type Row = typeof inspection.$inferSelect

export interface InspectionView {
  id: string
  toNode: string
  kind: 'routine' | 'special'
  periodFrom: string
  periodTo: string
  reason: string
  requestedByName: string
  requestedAt: string
  status: 'requested' | 'answered'
  answeredAt: string | null
  /** The platform's figures as it answered them (the platform's own shape, kept as received). */
  figures: Record<string, unknown> | null
  filingId: string | null
  /** The records' proof: the report about this inspection, verified against the platform's checkpoint. */
  proof: { reportId: string; proofsVerified: boolean; receivedAt: string } | null
}

async function present(tx: Tx, rows: Row[]): Promise<InspectionView[]> {
  const reports = await reportsAbout(
    tx,
    'inspection',
    rows.map((r) => r.id),
  )
  return rows.map((r) => {
    const p = reports.find((x) => x.subjectId === r.id && x.fromNode === r.toNode)
    return {
      id: r.id,
      toNode: r.toNode,
      kind: r.kind as InspectionView['kind'],
      periodFrom: r.periodFrom.toISOString(),
      periodTo: r.periodTo.toISOString(),
      reason: r.reason,
      requestedByName: r.requestedByName,
      requestedAt: r.requestedAt.toISOString(),
      status: r.status as InspectionView['status'],
      answeredAt: r.answeredAt?.toISOString() ?? null,
      figures: (r.figures as Record<string, unknown> | null) ?? null,
      filingId: r.filingId,
      proof: p
        ? { reportId: p.id, proofsVerified: p.proofsVerified, receivedAt: p.receivedAt.toISOString() }
        : null,
    }
  })
}

export interface RequestInspectionInput {
  toNode: string
  kind: 'routine' | 'special'
  periodFrom: string
  periodTo: string
  reason: string
}

export async function requestInspection(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  input: RequestInspectionInput,
  now: Date = new Date(),
): Promise<InspectionView> {
  const peer = await getPeer(tx, input.toNode)
  if (peer.kind !== 'platform') throw new DomainError('INSPECTION_INVALID', { field: 'toNode' })
  const from = new Date(input.periodFrom)
  const to = new Date(input.periodTo)
  if (!(from.getTime() < to.getTime()) || from.getTime() > now.getTime()) {
    throw new DomainError('INSPECTION_INVALID', { field: 'periodFrom' })
  }
  if (to.getTime() - from.getTime() > 366 * 86_400_000) {
    throw new DomainError('INSPECTION_INVALID', { field: 'periodTo', maxDays: 366 })
  }
  const id = newId(now.getTime())
  const envelopeId = await protocol.send(tx, actor, {
    to: input.toNode,
    type: 'inspection.requested',
    body: {
      inspectionId: id,
      kind: input.kind,
      periodFrom: from.toISOString(),
      periodTo: to.toISOString(),
      reason: input.reason,
    },
    articles: ['A19.1'],
  })
  await tx.insert(inspection).values({
    id,
    toNode: input.toNode,
    kind: input.kind,
    periodFrom: from,
    periodTo: to,
    reason: input.reason,
    requestedBy: actor.staffId,
    requestedByName: actor.name,
    requestedAt: now,
    envelopeId,
    status: 'requested',
  })
  await append(tx, {
    actor,
    action: 'inspection.requested',
    subject: { type: 'inspection', id },
    articles: ['A19.1'],
    details: {
      to: input.toNode,
      kind: input.kind,
      from: from.toISOString(),
      to_: to.toISOString(),
      reason: input.reason,
    },
    at: now,
  })
  return getInspection(tx, id)
}

export async function getInspection(tx: Tx, id: string): Promise<InspectionView> {
  const [row] = await tx.select().from(inspection).where(eq(inspection.id, id))
  if (!row) throw new DomainError('INSPECTION_NOT_FOUND', { id })
  const [view] = await present(tx, [row])
  if (!view) throw new Error('inspection lost')
  return view
}

export async function listInspections(
  tx: Tx,
  opts: { toNode?: string; limit?: number } = {},
): Promise<InspectionView[]> {
  const rows = await tx
    .select()
    .from(inspection)
    .where(opts.toNode ? eq(inspection.toNode, opts.toNode) : undefined)
    .orderBy(desc(inspection.requestedAt))
    .limit(opts.limit ?? 100)
  return present(tx, rows)
}

const InspectionAnsweredSchema = Type.Object(
  {
    inspectionId: Type.String({ format: 'uuid' }),
    figures: Type.Record(Type.String(), Type.Unknown()),
    filingId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
  },
  { additionalProperties: false },
)

/** The platform's answer: kept only from the platform the inspection went to, once. */
export const inspectionAnsweredHandler: MessageHandler = {
  type: 'inspection.answered',
  body: InspectionAnsweredSchema,
  articles: ['A19.1', 'A19.2'],
  receivers: ['regulator'],
  senders: ['platform'],
  async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
    const b = env.body as { inspectionId: string; figures: Record<string, unknown>; filingId: string | null }
    const updated = await tx
      .update(inspection)
      .set({ status: 'answered', answeredAt: ctx.now, figures: b.figures, filingId: b.filingId })
      .where(
        and(
          eq(inspection.id, b.inspectionId),
          eq(inspection.toNode, env.from),
          eq(inspection.status, 'requested'),
        ),
      )
      .returning({ id: inspection.id })
    if (updated.length === 0)
      throw new DomainError('INSPECTION_NOT_FOUND', { id: b.inspectionId, from: env.from })
  },
}
