// Orders from the regulator (责令, A19) on the platform: `order.issued` is stored and acknowledged at once; staff see
// it with its basis and deadline and execute it, which runs the disposal (A16) — each named item stopped or removed,
// a named claim confirmed and swept; then the platform answers `order.executed` and files the proof as `report.filed`
// about the order (its ledger entries with inclusion proofs against a signed checkpoint).
import { and, eq, gte, lt, sql } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError, isDomainError } from '../../core/errors.ts'
import { append, type LedgerActor, systemActor } from '../../ledger/index.ts'
import type { Envelope, HandlerContext, MessageHandler, ProtocolNode } from '../../protocol/index.ts'
import {
  confirmRumor,
  type DisposalContext,
  disposalEvidence,
  disposeItem,
  type Measure,
} from '../disposal/index.ts'
import { queueFiling } from '../filings/index.ts'
import { receivedOrder } from './tables.ts'

type Row = typeof receivedOrder.$inferSelect

export interface ReceivedOrderView {
  id: string
  fromNode: string
  kind: 'stop' | 'remove'
  target: { itemIds?: string[]; claim?: string }
  basis: string
  articles: string[]
  reason: string
  deadlineAt: string
  receivedAt: string
  overdue: boolean
  status: 'received' | 'executing' | 'executed'
  executedByName: string | null
  executedAt: string | null
  execution: OrderExecution | null
}

export interface OrderExecution {
  stopped: number
  missing: string[]
  disposalIds: string[]
  filingId: string | null
}

const present = (r: Row, now: Date): ReceivedOrderView => ({
  id: r.id,
  fromNode: r.fromNode,
  kind: r.kind as ReceivedOrderView['kind'],
  target: r.target,
  basis: r.basis,
  articles: r.articles,
  reason: r.reason,
  deadlineAt: r.deadlineAt.toISOString(),
  receivedAt: r.receivedAt.toISOString(),
  overdue: r.status !== 'executed' && r.deadlineAt <= now,
  status: r.status as ReceivedOrderView['status'],
  executedByName: r.executedByName,
  executedAt: r.executedAt?.toISOString() ?? null,
  execution: (r.execution as OrderExecution | null) ?? null,
})

export const OrderIssuedSchema = Type.Object(
  {
    orderId: Type.String({ format: 'uuid' }),
    kind: Type.Enum(['stop', 'remove']),
    target: Type.Object(
      {
        itemIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500 })),
        claim: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
      },
      { additionalProperties: false },
    ),
    basis: Type.String({ minLength: 1, maxLength: 500 }),
    articles: Type.Array(Type.String({ maxLength: 20 }), { minItems: 1, maxItems: 20 }),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
    deadlineAt: Type.String({ format: 'date-time' }),
    issuedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)

/** Stores an order and acknowledges it in the same transaction; the same order again changes nothing. */
export function orderIssuedHandler(deps: { protocol: () => ProtocolNode }): MessageHandler {
  return {
    type: 'order.issued',
    body: OrderIssuedSchema,
    articles: ['A19.1'],
    receivers: ['platform'],
    senders: ['regulator'],
    async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
      const b = env.body as {
        orderId: string
        kind: string
        target: { itemIds?: string[]; claim?: string }
        basis: string
        articles: string[]
        reason: string
        deadlineAt: string
      }
      const stored = await tx
        .insert(receivedOrder)
        .values({
          id: b.orderId,
          fromNode: env.from,
          kind: b.kind,
          target: b.target,
          basis: b.basis,
          articles: b.articles,
          reason: b.reason,
          deadlineAt: new Date(b.deadlineAt),
          receivedAt: ctx.now,
          status: 'received',
        })
        .onConflictDoNothing()
        .returning({ id: receivedOrder.id })
      if (stored.length === 0) return
      await deps.protocol().send(tx, systemActor('orders', '监管指令 / orders'), {
        to: env.from,
        type: 'order.acknowledged',
        body: { orderId: b.orderId, receivedAt: ctx.now.toISOString() },
        articles: ['A19.1'],
      })
    },
  }
}

export async function listOrders(tx: Tx, now: Date = new Date()): Promise<ReceivedOrderView[]> {
  const rows = await tx.select().from(receivedOrder).orderBy(receivedOrder.deadlineAt)
  return rows.map((r) => present(r, now))
}

export async function getOrder(tx: Tx, id: string, now: Date = new Date()): Promise<ReceivedOrderView> {
  const [row] = await tx.select().from(receivedOrder).where(eq(receivedOrder.id, id))
  if (!row) throw new DomainError('ORDER_NOT_FOUND', { id })
  return present(row, now)
}

export interface OrderDeps {
  ctx: DisposalContext
  protocol: ProtocolNode
}

const measuresOf = (kind: string): Measure[] => (kind === 'remove' ? ['stop', 'remove'] : ['stop'])

/** The answer and the filed proof, once every part of the order is done. */
async function answer(
  tx: Tx,
  actor: Actor | LedgerActor,
  deps: OrderDeps,
  row: Row,
  execution: OrderExecution,
  now: Date,
): Promise<OrderExecution> {
  const evidence = await disposalEvidence(tx, deps.ctx, execution.disposalIds)
  let filingId: string | null = null
  if (evidence.entryIds.length > 0) {
    const filings = await queueFiling(tx, actor, {
      subject: { type: 'order', id: row.id },
      category: 'order',
      found: {
        zh: `执行监管指令：${row.reason}（${row.basis}）`,
        en: `Order executed: ${row.reason} (${row.basis})`,
        at: row.receivedAt,
      },
      measures: row.kind === 'remove' ? ['stopped', 'removed', 'records_kept'] : ['stopped', 'records_kept'],
      doneAt: now,
      items: evidence.items,
      ledgerEntryIds: evidence.entryIds,
    })
    filingId = filings.find((f) => f.toNode === row.fromNode)?.id ?? null
  }
  const done = { ...execution, filingId }
  await tx
    .update(receivedOrder)
    .set({ status: 'executed', execution: done, executedAt: now })
    .where(eq(receivedOrder.id, row.id))
  try {
    await deps.protocol.send(tx, actor, {
      to: row.fromNode,
      type: 'order.executed',
      body: { orderId: row.id, ...done, executedAt: now.toISOString() },
      articles: ['A19.1', 'A16'],
    })
  } catch (e) {
    // a regulator no longer a peer: the execution stands and is on the record; nobody to answer
    if (!(isDomainError(e) && (e.code === 'PEER_NOT_FOUND' || e.code === 'PEER_SUSPENDED'))) throw e
  }
  await append(tx, {
    actor,
    action: 'order.executed',
    subject: { type: 'order', id: row.id },
    articles: ['A19.1', 'A16'],
    details: { from: row.fromNode, ...done },
    at: now,
  })
  return done
}

/**
 * Executes an order: every named item disposed of now (those gone already are reported missing); a named claim
 * confirmed and swept, the answer then sent when the sweep finishes. Returns the disposal whose sweep starts after
 * the commit, if any (`confirmRumor` starts it through `DisposalContext.startSweep`; `sweeper.run` joins it).
 */
export async function executeOrder(
  tx: Tx,
  actor: Actor,
  deps: OrderDeps,
  id: string,
  now: Date = new Date(),
): Promise<{ order: ReceivedOrderView; sweep: string | null }> {
  const [row] = await tx.select().from(receivedOrder).where(eq(receivedOrder.id, id)).for('update')
  if (!row) throw new DomainError('ORDER_NOT_FOUND', { id })
  if (row.status !== 'received')
    throw new DomainError('ORDER_ALREADY_EXECUTED', { id, orderStatus: row.status })
  const reason = `执行${row.fromNode}指令：${row.reason}（${row.basis}） / executing an order of ${row.fromNode}: ${row.reason}`
  const disposalIds: string[] = []
  const missing: string[] = []
  for (const itemId of row.target.itemIds ?? []) {
    try {
      const d = await disposeItem(
        tx,
        actor,
        deps.ctx,
        itemId,
        { measures: measuresOf(row.kind), reason, category: 'false' },
        now,
      )
      disposalIds.push(d.id)
    } catch (e) {
      if (isDomainError(e) && (e.code === 'CONTENT_NOT_FOUND' || e.code === 'DISPOSAL_ITEM_INVALID')) {
        missing.push(itemId)
      } else throw e
    }
  }
  await tx
    .update(receivedOrder)
    .set({ executedBy: actor.staffId, executedByName: actor.name })
    .where(eq(receivedOrder.id, id))
  const partial: OrderExecution = { stopped: disposalIds.length, missing, disposalIds, filingId: null }
  if (row.target.claim) {
    const r = await confirmRumor(
      tx,
      actor,
      deps.ctx,
      {
        text: row.target.claim,
        verdict: 'false',
        source: 'regulator',
        sourceRef: `${row.fromNode}/order/${row.id}`,
        measures: measuresOf(row.kind),
        reason,
        category: 'false',
      },
      now,
    )
    await tx
      .update(receivedOrder)
      .set({ status: 'executing', execution: { ...partial, disposalIds: [...disposalIds, r.disposal.id] } })
      .where(eq(receivedOrder.id, id))
    return { order: await getOrder(tx, id, now), sweep: r.disposal.id }
  }
  await answer(tx, actor, deps, row, partial, now)
  return { order: await getOrder(tx, id, now), sweep: null }
}

/**
 * In the transaction that finishes a claim's sweep: a sweep run for an order completes it — the answer and the
 * proof are sent with the items the sweep stopped.
 */
export async function finishOrderSweep(
  tx: Tx,
  deps: OrderDeps,
  disposal: { id: string; applied: number },
  rumor: { source: string; sourceRef: string } | null,
  now: Date = new Date(),
): Promise<boolean> {
  if (rumor?.source !== 'regulator') return false
  const parts = rumor.sourceRef.split('/')
  if (parts.length !== 3 || parts[1] !== 'order') return false
  const [row] = await tx
    .select()
    .from(receivedOrder)
    .where(eq(receivedOrder.id, parts[2] ?? ''))
    .for('update')
  if (row?.status !== 'executing') return false
  const before = (row.execution as OrderExecution | null) ?? {
    stopped: 0,
    missing: [],
    disposalIds: [disposal.id],
    filingId: null,
  }
  await answer(
    tx,
    systemActor('orders', '监管指令 / orders'),
    deps,
    row,
    { ...before, stopped: before.stopped + disposal.applied },
    now,
  )
  return true
}

/** Orders received in [from, to): how many were executed, how many by their deadline, the median hours (A17). */
export async function receivedOrderFigures(
  tx: Tx,
  from: Date,
  to: Date,
): Promise<{
  received: number
  executed: number
  executedInTime: number
  medianHoursToExecute: number | null
}> {
  const [row] = await tx
    .select({
      received: sql<number>`count(*)::int`,
      executed: sql<number>`count(*) filter (where ${receivedOrder.executedAt} is not null)::int`,
      inTime: sql<number>`count(*) filter (where ${receivedOrder.executedAt} <= ${receivedOrder.deadlineAt})::int`,
      median: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${receivedOrder.executedAt} - ${receivedOrder.receivedAt})) filter (where ${receivedOrder.executedAt} is not null)`,
    })
    .from(receivedOrder)
    .where(and(gte(receivedOrder.receivedAt, from), lt(receivedOrder.receivedAt, to)))
  return {
    received: row?.received ?? 0,
    executed: row?.executed ?? 0,
    executedInTime: row?.inTime ?? 0,
    medianHoursToExecute: row?.median == null ? null : Math.round((Number(row.median) / 3600) * 10) / 10,
  }
}
