import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { Tx } from '../core/db/index.ts'
import { envelopeIn, outbox, peer, witnessAlert, witnessCheckpoint } from './tables.ts'

export type PeerRow = typeof peer.$inferSelect
export type OutboxRow = typeof outbox.$inferSelect
export type EnvelopeInRow = typeof envelopeIn.$inferSelect
export type WitnessRow = typeof witnessCheckpoint.$inferSelect
export type AlertRow = typeof witnessAlert.$inferSelect

export async function findPeer(tx: Tx, nodeId: string): Promise<PeerRow | undefined> {
  const [row] = await tx.select().from(peer).where(eq(peer.nodeId, nodeId))
  return row
}

export function listPeers(tx: Tx): Promise<PeerRow[]> {
  return tx.select().from(peer).orderBy(asc(peer.kind), asc(peer.nodeId))
}

export async function insertPeer(tx: Tx, row: typeof peer.$inferInsert): Promise<void> {
  await tx.insert(peer).values(row)
}

export async function updatePeer(
  tx: Tx,
  nodeId: string,
  patch: Partial<typeof peer.$inferInsert>,
): Promise<void> {
  await tx.update(peer).set(patch).where(eq(peer.nodeId, nodeId))
}

export async function findEnvelopeIn(tx: Tx, id: string): Promise<EnvelopeInRow | undefined> {
  const [row] = await tx.select().from(envelopeIn).where(eq(envelopeIn.id, id))
  return row
}

export async function insertEnvelopeIn(tx: Tx, row: typeof envelopeIn.$inferInsert): Promise<void> {
  await tx.insert(envelopeIn).values(row)
}

export function listEnvelopesIn(tx: Tx, limit: number): Promise<EnvelopeInRow[]> {
  return tx.select().from(envelopeIn).orderBy(desc(envelopeIn.receivedAt)).limit(limit)
}

export async function insertOutbox(tx: Tx, row: typeof outbox.$inferInsert): Promise<void> {
  await tx.insert(outbox).values(row)
}

export function listOutbox(tx: Tx, status: string | undefined, limit: number): Promise<OutboxRow[]> {
  return tx
    .select()
    .from(outbox)
    .where(status ? eq(outbox.status, status) : undefined)
    .orderBy(desc(outbox.createdAt))
    .limit(limit)
}

export async function findOutbox(tx: Tx, id: string): Promise<OutboxRow | undefined> {
  const [row] = await tx.select().from(outbox).where(eq(outbox.id, id))
  return row
}

/**
 * Claims due messages for one delivery round: pushes their next attempt past a lease, so another worker (or
 * process) skips them while this one delivers outside any transaction.
 */
export async function claimDue(tx: Tx, now: Date, leaseMs: number, limit: number): Promise<OutboxRow[]> {
  const due = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true })
  if (due.length === 0) return []
  const ids = due.map((d) => d.id)
  await tx
    .update(outbox)
    .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
    .where(inArray(outbox.id, ids))
  return tx.select().from(outbox).where(inArray(outbox.id, ids)).orderBy(asc(outbox.createdAt))
}

export async function markOutbox(
  tx: Tx,
  id: string,
  patch: Partial<typeof outbox.$inferInsert>,
): Promise<void> {
  await tx.update(outbox).set(patch).where(eq(outbox.id, id))
}

/** Delivery state of sent envelopes, by id. */
export async function deliveryOf(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, Pick<OutboxRow, 'status' | 'attempts' | 'deliveredAt' | 'lastError'>>> {
  if (ids.length === 0) return new Map()
  const rows = await tx
    .select({
      id: outbox.id,
      status: outbox.status,
      attempts: outbox.attempts,
      deliveredAt: outbox.deliveredAt,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(inArray(outbox.id, [...ids]))
  return new Map(rows.map(({ id, ...rest }) => [id, rest]))
}

export async function outboxCounts(tx: Tx): Promise<Record<string, number>> {
  const rows = await tx
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.status)
  return Object.fromEntries(rows.map((r) => [r.status, r.n]))
}

/** The largest checkpoint size this node has already published to a peer, whatever the delivery state. */
export async function lastPublishedSize(tx: Tx, toNode: string): Promise<number> {
  const [row] = await tx
    .select({ size: sql<number | null>`max((${outbox.envelope}->'body'->>'size')::bigint)` })
    .from(outbox)
    .where(and(eq(outbox.toNode, toNode), eq(outbox.type, 'checkpoint.published')))
  return row?.size == null ? 0 : Number(row.size)
}

export async function findWitness(tx: Tx, nodeId: string, size: number): Promise<WitnessRow | undefined> {
  const [row] = await tx
    .select()
    .from(witnessCheckpoint)
    .where(and(eq(witnessCheckpoint.nodeId, nodeId), eq(witnessCheckpoint.size, size)))
  return row
}

/** The witnessed checkpoints of a peer nearest below and above a size. */
export async function neighbours(
  tx: Tx,
  nodeId: string,
  size: number,
): Promise<{ below?: WitnessRow; above?: WitnessRow }> {
  const [below] = await tx
    .select()
    .from(witnessCheckpoint)
    .where(and(eq(witnessCheckpoint.nodeId, nodeId), sql`${witnessCheckpoint.size} < ${size}`))
    .orderBy(desc(witnessCheckpoint.size))
    .limit(1)
  const [above] = await tx
    .select()
    .from(witnessCheckpoint)
    .where(and(eq(witnessCheckpoint.nodeId, nodeId), sql`${witnessCheckpoint.size} > ${size}`))
    .orderBy(asc(witnessCheckpoint.size))
    .limit(1)
  return { below, above }
}

export async function insertWitness(tx: Tx, row: typeof witnessCheckpoint.$inferInsert): Promise<void> {
  await tx.insert(witnessCheckpoint).values(row)
}

export async function setWitnessStatus(tx: Tx, nodeId: string, size: number, status: string): Promise<void> {
  await tx
    .update(witnessCheckpoint)
    .set({ status })
    .where(and(eq(witnessCheckpoint.nodeId, nodeId), eq(witnessCheckpoint.size, size)))
}

export function listWitness(tx: Tx, nodeId: string | undefined, limit: number): Promise<WitnessRow[]> {
  return tx
    .select()
    .from(witnessCheckpoint)
    .where(nodeId ? eq(witnessCheckpoint.nodeId, nodeId) : undefined)
    .orderBy(desc(witnessCheckpoint.receivedAt))
    .limit(limit)
}

export function listUnverified(tx: Tx, limit: number): Promise<WitnessRow[]> {
  return tx
    .select()
    .from(witnessCheckpoint)
    .where(eq(witnessCheckpoint.status, 'unverified'))
    .orderBy(asc(witnessCheckpoint.receivedAt))
    .limit(limit)
}

export async function insertAlert(tx: Tx, row: typeof witnessAlert.$inferInsert): Promise<void> {
  await tx.insert(witnessAlert).values(row)
}

export function listAlerts(tx: Tx, limit: number): Promise<AlertRow[]> {
  return tx.select().from(witnessAlert).orderBy(desc(witnessAlert.createdAt)).limit(limit)
}
