// Orders to platforms (责令, A19): stop transmission of or remove named items or every copy of a claim, with the legal
// basis and a deadline, sent as `order.issued`. The platform acknowledges at once (`order.acknowledged`), its staff
// execute it (the disposal of the platform issue), it answers `order.executed` and files the proof as `report.filed`
// about the order — which this node keeps only after verifying the platform's signed checkpoint and the inclusion
// proof of every entry. An order is `verified` when that proof is here. One not executed by its deadline is flagged
// `overdue` and proposed as an A25 case.
import { and, desc, eq, inArray, isNotNull, lte } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { ClaimBank } from '../../engine/index.ts'
import { append, appendMany, type LedgerActor } from '../../ledger/index.ts'
import {
  type Envelope,
  getPeer,
  type HandlerContext,
  type MessageHandler,
  type ProtocolNode,
} from '../../protocol/index.ts'
import { reportsAbout } from '../platform-reports/index.ts'
import { type OrderTarget, platformOrder } from './tables.ts'

type Row = typeof platformOrder.$inferSelect

export type OrderKind = 'stop' | 'remove'

export interface OrderExecution {
  stopped: number
  missing: string[]
  disposalIds: string[]
  filingId: string | null
  executedAt: string
}

export interface OrderView {
  id: string
  toNode: string
  kind: OrderKind
  target: OrderTarget
  basis: string
  articles: string[]
  reason: string
  deadlineAt: string
  issuedByName: string
  issuedAt: string
  status: 'issued' | 'acknowledged' | 'executed' | 'overdue'
  acknowledgedAt: string | null
  executedAt: string | null
  execution: OrderExecution | null
  overdueAt: string | null
  /** The platform's filed proof of execution arrived and verified (report.filed about this order). */
  proof: { reportId: string; proofsVerified: boolean; receivedAt: string } | null
  /** It passed its deadline without execution (even if executed later): an A25 case is proposed. */
  caseProposed: boolean
}

function present(r: Row, proof: OrderView['proof']): OrderView {
  return {
    id: r.id,
    toNode: r.toNode,
    kind: r.kind as OrderKind,
    target: r.target,
    basis: r.basis,
    articles: r.articles,
    reason: r.reason,
    deadlineAt: r.deadlineAt.toISOString(),
    issuedByName: r.issuedByName,
    issuedAt: r.issuedAt.toISOString(),
    status: r.status as OrderView['status'],
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    executedAt: r.executedAt?.toISOString() ?? null,
    execution: (r.execution as OrderExecution | null) ?? null,
    overdueAt: r.overdueAt?.toISOString() ?? null,
    proof,
    caseProposed: r.overdueAt !== null,
  }
}

async function proofsOf(tx: Tx, rows: Row[]): Promise<Map<string, OrderView['proof']>> {
  const out = new Map<string, OrderView['proof']>()
  const reports = await reportsAbout(
    tx,
    'order',
    rows.map((r) => r.id),
  )
  for (const p of reports) {
    const order = rows.find((r) => r.id === p.subjectId)
    // only the platform the order went to can prove its execution
    if (!order || order.toNode !== p.fromNode || out.has(p.subjectId)) continue
    out.set(p.subjectId, {
      reportId: p.id,
      proofsVerified: p.proofsVerified,
      receivedAt: p.receivedAt.toISOString(),
    })
  }
  return out
}

export interface IssueOrderInput {
  toNode: string
  kind: OrderKind
  itemIds?: string[]
  claim?: string
  basis: string
  articles?: string[]
  reason: string
  deadlineAt: string
}

export async function issueOrder(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  input: IssueOrderInput,
  now: Date = new Date(),
): Promise<OrderView> {
  const peer = await getPeer(tx, input.toNode)
  if (peer.kind !== 'platform') throw new DomainError('ORDER_TARGET_INVALID', { field: 'toNode' })
  const itemIds = [...new Set(input.itemIds ?? [])]
  const claim = input.claim?.trim() || undefined
  if (itemIds.length === 0 && !claim) throw new DomainError('ORDER_TARGET_INVALID', { field: 'itemIds' })
  if (claim) {
    const probe = new ClaimBank().add({ id: 'probe', text: claim })
    if (!probe.ok) {
      throw new DomainError('FALSE_CLAIM_INVALID', {
        errors: [{ field: 'claim', zh: probe.zh, en: probe.en }],
      })
    }
  }
  const deadline = new Date(input.deadlineAt)
  if (!(deadline.getTime() > now.getTime())) {
    throw new DomainError('ORDER_DEADLINE_INVALID', { field: 'deadlineAt' })
  }
  const articles = input.articles && input.articles.length > 0 ? input.articles : ['A19.1', 'A16']
  const id = newId(now.getTime())
  const target: OrderTarget = { ...(itemIds.length > 0 ? { itemIds } : {}), ...(claim ? { claim } : {}) }
  const envelopeId = await protocol.send(tx, actor, {
    to: input.toNode,
    type: 'order.issued',
    body: {
      orderId: id,
      kind: input.kind,
      target,
      basis: input.basis,
      articles,
      reason: input.reason,
      deadlineAt: deadline.toISOString(),
      issuedAt: now.toISOString(),
    },
    articles: ['A19.1'],
  })
  await tx.insert(platformOrder).values({
    id,
    toNode: input.toNode,
    kind: input.kind,
    target,
    basis: input.basis,
    articles,
    reason: input.reason,
    deadlineAt: deadline,
    issuedBy: actor.staffId,
    issuedByName: actor.name,
    issuedAt: now,
    envelopeId,
    status: 'issued',
  })
  await append(tx, {
    actor,
    action: 'order.issued',
    subject: { type: 'order', id },
    articles: ['A19.1'],
    evidence: { target, basis: input.basis, reason: input.reason },
    details: { to: input.toNode, kind: input.kind, deadlineAt: deadline.toISOString(), articles },
    at: now,
  })
  return getOrder(tx, id)
}

export async function getOrder(tx: Tx, id: string): Promise<OrderView> {
  const [row] = await tx.select().from(platformOrder).where(eq(platformOrder.id, id))
  if (!row) throw new DomainError('ORDER_NOT_FOUND', { id })
  return present(row, (await proofsOf(tx, [row])).get(id) ?? null)
}

export async function listOrders(
  tx: Tx,
  opts: { toNode?: string; status?: string; limit?: number } = {},
): Promise<OrderView[]> {
  const rows = await tx
    .select()
    .from(platformOrder)
    .where(
      and(
        opts.toNode ? eq(platformOrder.toNode, opts.toNode) : undefined,
        opts.status ? eq(platformOrder.status, opts.status) : undefined,
      ),
    )
    .orderBy(desc(platformOrder.issuedAt))
    .limit(opts.limit ?? 100)
  const proofs = await proofsOf(tx, rows)
  return rows.map((r) => present(r, proofs.get(r.id) ?? null))
}

/** Orders past their deadline and not executed: flagged `overdue`, each proposed as an A25 case on the record. */
export async function flagOverdueOrders(tx: Tx, actor: LedgerActor, now: Date = new Date()): Promise<number> {
  const due = await tx
    .select()
    .from(platformOrder)
    .where(and(inArray(platformOrder.status, ['issued', 'acknowledged']), lte(platformOrder.deadlineAt, now)))
    .for('update')
  if (due.length === 0) return 0
  await tx
    .update(platformOrder)
    .set({ status: 'overdue', overdueAt: now })
    .where(
      inArray(
        platformOrder.id,
        due.map((d) => d.id),
      ),
    )
  await appendMany(
    tx,
    due.map((d) => ({
      actor,
      action: 'order.overdue',
      subject: { type: 'order', id: d.id },
      articles: ['A19.1', 'A25'],
      details: {
        to: d.toNode,
        deadlineAt: d.deadlineAt.toISOString(),
        caseProposed: true,
        proposal: 'A25 — 平台拒不执行停止传输、删除等处置要求 / the platform failed to execute an order',
      },
      at: now,
    })),
  )
  return due.length
}

/** Orders flagged overdue (each proposed as an A25 case), oldest first: read by the penalty procedure. */
export async function listOverdueOrders(tx: Tx): Promise<OrderView[]> {
  const rows = await tx
    .select()
    .from(platformOrder)
    .where(isNotNull(platformOrder.overdueAt))
    .orderBy(platformOrder.overdueAt)
  return rows.map((r) => present(r, null))
}

/** Who issued each order (the staff member's id, as the order records it): the penalty procedure gives an A25 case
 * opened for an ignored order to the issuer's organisation. */
export async function orderIssuers(tx: Tx, orderIds: readonly string[]): Promise<Map<string, string>> {
  if (orderIds.length === 0) return new Map()
  const rows = await tx
    .select({ id: platformOrder.id, issuedBy: platformOrder.issuedBy })
    .from(platformOrder)
    .where(inArray(platformOrder.id, [...orderIds]))
  return new Map(rows.map((r) => [r.id, r.issuedBy]))
}

// --- the platform's answers ---

const OrderAckSchema = Type.Object(
  { orderId: Type.String({ format: 'uuid' }), receivedAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
)

export const orderAcknowledgedHandler: MessageHandler = {
  type: 'order.acknowledged',
  body: OrderAckSchema,
  articles: ['A19.1'],
  receivers: ['regulator'],
  senders: ['platform'],
  async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
    const b = env.body as { orderId: string }
    const updated = await tx
      .update(platformOrder)
      .set({ status: 'acknowledged', acknowledgedAt: ctx.now })
      .where(
        and(
          eq(platformOrder.id, b.orderId),
          eq(platformOrder.toNode, env.from),
          eq(platformOrder.status, 'issued'),
        ),
      )
      .returning({ id: platformOrder.id })
    if (updated.length === 0) await mustBeMine(tx, b.orderId, env.from)
  },
}

export const OrderExecutedSchema = Type.Object(
  {
    orderId: Type.String({ format: 'uuid' }),
    stopped: Type.Integer({ minimum: 0 }),
    missing: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500 }),
    disposalIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500 }),
    filingId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
    executedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)

async function mustBeMine(tx: Tx, orderId: string, from: string): Promise<void> {
  const [row] = await tx.select().from(platformOrder).where(eq(platformOrder.id, orderId))
  // an order to another platform, or none: refused, nothing stored
  if (!row || row.toNode !== from) throw new DomainError('ORDER_NOT_FOUND', { id: orderId, from })
}

export const orderExecutedHandler: MessageHandler = {
  type: 'order.executed',
  body: OrderExecutedSchema,
  articles: ['A19.1', 'A16'],
  receivers: ['regulator'],
  senders: ['platform'],
  async handle(tx: Tx, env: Envelope): Promise<void> {
    const b = env.body as unknown as OrderExecution & { orderId: string }
    await mustBeMine(tx, b.orderId, env.from)
    // executed late is still executed; the overdue flag and its proposal stay on the record
    await tx
      .update(platformOrder)
      .set({
        status: 'executed',
        executedAt: new Date(b.executedAt),
        execution: {
          stopped: b.stopped,
          missing: b.missing,
          disposalIds: b.disposalIds,
          filingId: b.filingId,
          executedAt: b.executedAt,
        },
      })
      .where(eq(platformOrder.id, b.orderId))
  },
}
