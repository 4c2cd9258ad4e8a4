import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { contentItem } from './tables.ts'

export type ContentRow = typeof contentItem.$inferSelect

export async function insertItem(tx: Tx, row: typeof contentItem.$inferInsert): Promise<void> {
  await tx.insert(contentItem).values(row)
}

export async function findItem(tx: Tx, id: string): Promise<ContentRow | undefined> {
  const [row] = await tx.select().from(contentItem).where(eq(contentItem.id, id))
  return row
}

/** The item's row, locked until the transaction ends: deciders of one item take turns. */
export async function lockItem(tx: Tx, id: string): Promise<ContentRow | undefined> {
  const [row] = await tx.select().from(contentItem).where(eq(contentItem.id, id)).for('update')
  return row
}

export async function countSince(tx: Tx, authorId: string, kind: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(contentItem)
    .where(
      and(eq(contentItem.authorId, authorId), eq(contentItem.kind, kind), gte(contentItem.createdAt, since)),
    )
  return row?.n ?? 0
}

export function publishedUnder(tx: Tx, postId: string, limit: number): Promise<ContentRow[]> {
  return tx
    .select()
    .from(contentItem)
    .where(and(eq(contentItem.postId, postId), eq(contentItem.status, 'published')))
    .orderBy(asc(contentItem.createdAt), asc(contentItem.id))
    .limit(limit)
}

export function newestPublishedPosts(tx: Tx, limit: number): Promise<ContentRow[]> {
  return tx
    .select()
    .from(contentItem)
    .where(and(eq(contentItem.kind, 'post'), eq(contentItem.status, 'published')))
    .orderBy(desc(contentItem.createdAt), desc(contentItem.id))
    .limit(limit)
}

export function byAuthor(tx: Tx, authorId: string, limit: number): Promise<ContentRow[]> {
  return tx
    .select()
    .from(contentItem)
    .where(eq(contentItem.authorId, authorId))
    .orderBy(desc(contentItem.createdAt), desc(contentItem.id))
    .limit(limit)
}

export function held(tx: Tx, kinds: string[], limit: number): Promise<ContentRow[]> {
  return tx
    .select()
    .from(contentItem)
    .where(and(eq(contentItem.status, 'held'), inArray(contentItem.kind, kinds)))
    .orderBy(asc(contentItem.createdAt), asc(contentItem.id))
    .limit(limit)
}

export async function setClaim(
  tx: Tx,
  id: string,
  claim: { by: string; name: string; until: Date },
): Promise<void> {
  await tx
    .update(contentItem)
    .set({ claimedBy: claim.by, claimedByName: claim.name, claimExpiresAt: claim.until })
    .where(eq(contentItem.id, id))
}

/** Decides a held item; false when it was no longer held (someone decided first). */
export async function decideHeld(
  tx: Tx,
  id: string,
  d: { status: string; fictionLabel: boolean; decidedBy: string; reason: string; at: Date },
): Promise<boolean> {
  const rows = await tx
    .update(contentItem)
    .set({
      status: d.status,
      fictionLabel: d.fictionLabel,
      decidedAt: d.at,
      decidedBy: d.decidedBy,
      decisionReason: d.reason,
      claimedBy: null,
      claimedByName: null,
      claimExpiresAt: null,
    })
    .where(and(eq(contentItem.id, id), eq(contentItem.status, 'held')))
    .returning({ id: contentItem.id })
  return rows.length === 1
}
