import { and, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { disposal, disposalItem, legalHold, retainedContent, rumor } from './tables.ts'

export type RumorRow = typeof rumor.$inferSelect
export type DisposalRow = typeof disposal.$inferSelect
export type DisposalItemRow = typeof disposalItem.$inferSelect
export type RetainedRow = typeof retainedContent.$inferSelect
export type HoldRow = typeof legalHold.$inferSelect

export async function insertRumor(tx: Tx, row: RumorRow): Promise<void> {
  await tx.insert(rumor).values(row)
}

export async function findRumor(tx: Tx, id: string): Promise<RumorRow | undefined> {
  const [row] = await tx.select().from(rumor).where(eq(rumor.id, id))
  return row
}

export function listRumors(tx: Tx, limit: number): Promise<RumorRow[]> {
  return tx.select().from(rumor).orderBy(desc(rumor.confirmedAt), desc(rumor.id)).limit(limit)
}

export function rumorsByIds(tx: Tx, ids: string[]): Promise<RumorRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  return tx.select().from(rumor).where(inArray(rumor.id, ids))
}

export async function insertDisposal(tx: Tx, row: typeof disposal.$inferInsert): Promise<void> {
  await tx.insert(disposal).values(row)
}

export async function findDisposal(tx: Tx, id: string): Promise<DisposalRow | undefined> {
  const [row] = await tx.select().from(disposal).where(eq(disposal.id, id))
  return row
}

export async function lockDisposal(tx: Tx, id: string): Promise<DisposalRow | undefined> {
  const [row] = await tx.select().from(disposal).where(eq(disposal.id, id)).for('update')
  return row
}

export function listDisposals(tx: Tx, limit: number): Promise<DisposalRow[]> {
  return tx.select().from(disposal).orderBy(desc(disposal.createdAt), desc(disposal.id)).limit(limit)
}

export function sweepingDisposals(tx: Tx): Promise<DisposalRow[]> {
  return tx.select().from(disposal).where(eq(disposal.status, 'sweeping')).orderBy(disposal.createdAt)
}

export async function addCounts(
  tx: Tx,
  id: string,
  d: { candidates?: number; applied: number; toReview: number },
): Promise<void> {
  await tx
    .update(disposal)
    .set({
      candidates: sql`${disposal.candidates} + ${d.candidates ?? 0}`,
      applied: sql`${disposal.applied} + ${d.applied}`,
      toReview: sql`${disposal.toReview} + ${d.toReview}`,
    })
    .where(eq(disposal.id, id))
}

export async function finishDisposal(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(disposal).set({ status: 'finished', finishedAt: at }).where(eq(disposal.id, id))
}

/** Records what a disposal did to these items; returns the ones not recorded before (never twice). */
export async function insertDisposalItems(
  tx: Tx,
  rows: (typeof disposalItem.$inferInsert)[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set()
  const done = await tx
    .insert(disposalItem)
    .values(rows)
    .onConflictDoNothing()
    .returning({ itemId: disposalItem.itemId })
  return new Set(done.map((r) => r.itemId))
}

export async function doneItemIds(tx: Tx, disposalId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ itemId: disposalItem.itemId })
    .from(disposalItem)
    .where(eq(disposalItem.disposalId, disposalId))
  return new Set(rows.map((r) => r.itemId))
}

export function disposalItems(tx: Tx, disposalId: string, limit: number): Promise<DisposalItemRow[]> {
  return tx
    .select()
    .from(disposalItem)
    .where(eq(disposalItem.disposalId, disposalId))
    .orderBy(disposalItem.afterMs, disposalItem.itemId)
    .limit(limit)
}

/** The newest disposal applied to an item, if any. */
export async function latestApplied(
  tx: Tx,
  itemId: string,
): Promise<(DisposalItemRow & { createdBy: string }) | undefined> {
  const [row] = await tx
    .select({ item: disposalItem, createdBy: disposal.createdBy })
    .from(disposalItem)
    .innerJoin(disposal, eq(disposal.id, disposalItem.disposalId))
    .where(and(eq(disposalItem.itemId, itemId), eq(disposalItem.outcome, 'applied')))
    .orderBy(desc(disposalItem.appliedAt))
    .limit(1)
  return row ? { ...row.item, createdBy: row.createdBy } : undefined
}

export async function insertRetained(tx: Tx, rows: (typeof retainedContent.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return
  await tx
    .insert(retainedContent)
    .values(rows)
    .onConflictDoUpdate({
      target: retainedContent.itemId,
      set: {
        sealed: sql`excluded.sealed`,
        digest: sql`excluded.digest`,
        removedAt: sql`excluded.removed_at`,
        retainUntil: sql`excluded.retain_until`,
        purgedAt: null,
      },
    })
}

export async function findRetained(tx: Tx, itemId: string): Promise<RetainedRow | undefined> {
  const [row] = await tx.select().from(retainedContent).where(eq(retainedContent.itemId, itemId))
  return row
}

export async function deleteRetained(tx: Tx, itemId: string): Promise<void> {
  await tx.delete(retainedContent).where(eq(retainedContent.itemId, itemId))
}

/** Retained copies past their period and not under a live legal hold. */
export function expiredRetained(tx: Tx, now: Date, limit: number): Promise<RetainedRow[]> {
  return tx
    .select()
    .from(retainedContent)
    .where(
      and(
        lte(retainedContent.retainUntil, now),
        isNull(retainedContent.purgedAt),
        sql`not exists (select 1 from ${legalHold} h where h.item_id = ${retainedContent.itemId} and h.released_at is null)`,
      ),
    )
    .limit(limit)
}

export async function markPurged(tx: Tx, itemIds: string[], at: Date): Promise<void> {
  if (itemIds.length === 0) return
  await tx
    .update(retainedContent)
    .set({ sealed: null, purgedAt: at })
    .where(inArray(retainedContent.itemId, itemIds))
}

/** Items among these under a live legal hold. */
export async function heldByLaw(tx: Tx, itemIds: string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set()
  const rows = await tx
    .select({ itemId: legalHold.itemId })
    .from(legalHold)
    .where(and(inArray(legalHold.itemId, itemIds), isNull(legalHold.releasedAt)))
  return new Set(rows.map((r) => r.itemId))
}

export async function findHold(tx: Tx, itemId: string): Promise<HoldRow | undefined> {
  const [row] = await tx.select().from(legalHold).where(eq(legalHold.itemId, itemId))
  return row
}

export async function upsertHold(tx: Tx, row: HoldRow): Promise<void> {
  await tx
    .insert(legalHold)
    .values(row)
    .onConflictDoUpdate({
      target: legalHold.itemId,
      set: {
        reason: row.reason,
        placedBy: row.placedBy,
        placedAt: row.placedAt,
        releasedBy: null,
        releasedAt: null,
        releaseReason: null,
      },
    })
}

export async function releaseHold(
  tx: Tx,
  itemId: string,
  r: { by: string; at: Date; reason: string },
): Promise<void> {
  await tx
    .update(legalHold)
    .set({ releasedBy: r.by, releasedAt: r.at, releaseReason: r.reason })
    .where(eq(legalHold.itemId, itemId))
}

export function liveHolds(tx: Tx, limit: number): Promise<HoldRow[]> {
  return tx
    .select()
    .from(legalHold)
    .where(isNull(legalHold.releasedAt))
    .orderBy(desc(legalHold.placedAt))
    .limit(limit)
}

export async function rumorBySource(
  tx: Tx,
  source: string,
  sourceRef: string,
): Promise<RumorRow | undefined> {
  const [row] = await tx
    .select()
    .from(rumor)
    .where(and(eq(rumor.source, source), eq(rumor.sourceRef, sourceRef)))
    .limit(1)
  return row
}

/** Disposals started in [from, to): how many, of claims, items stopped, the median time to finish (A19). */
export async function periodFigures(
  tx: Tx,
  from: Date,
  to: Date,
): Promise<{
  disposals: number
  claims: number
  itemsApplied: number
  sentToReview: number
  medianMs: number | null
}> {
  const [row] = await tx
    .select({
      disposals: sql<number>`count(*)::int`,
      claims: sql<number>`count(*) filter (where ${disposal.rumorId} is not null)::int`,
      applied: sql<number>`coalesce(sum(${disposal.applied}), 0)::int`,
      review: sql<number>`coalesce(sum(${disposal.toReview}), 0)::int`,
      median: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${disposal.finishedAt} - ${disposal.createdAt})) filter (where ${disposal.finishedAt} is not null)`,
    })
    .from(disposal)
    .where(and(sql`${disposal.createdAt} >= ${from}`, sql`${disposal.createdAt} < ${to}`))
  return {
    disposals: row?.disposals ?? 0,
    claims: row?.claims ?? 0,
    itemsApplied: row?.applied ?? 0,
    sentToReview: row?.review ?? 0,
    medianMs: row?.median == null ? null : Math.round(Number(row.median) * 1000),
  }
}

/** Disposals of claims the regulator clarified (A7), begun in [from, to), and the median minutes each took (A17). */
export async function clarificationDisposalFigures(
  tx: Tx,
  from: Date,
  to: Date,
): Promise<{ disposals: number; medianMinutesToAct: number | null }> {
  const [row] = await tx
    .select({
      n: sql<number>`count(*)::int`,
      median: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${disposal.finishedAt} - ${disposal.createdAt})) filter (where ${disposal.finishedAt} is not null)`,
    })
    .from(disposal)
    .innerJoin(rumor, eq(rumor.id, disposal.rumorId))
    .where(
      and(
        eq(rumor.source, 'regulator'),
        sql`${disposal.createdAt} >= ${from}`,
        sql`${disposal.createdAt} < ${to}`,
      ),
    )
  return {
    disposals: row?.n ?? 0,
    medianMinutesToAct: row?.median == null ? null : Math.round((Number(row.median) / 60) * 10) / 10,
  }
}
