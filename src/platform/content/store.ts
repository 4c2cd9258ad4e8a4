import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { contentItem, reviewDecision } from './tables.ts'

export type ContentRow = typeof contentItem.$inferSelect
export type ContentInsert = typeof contentItem.$inferInsert

/** Inserts an item and returns it as stored. */
export async function insertItem(tx: Tx, row: typeof contentItem.$inferInsert): Promise<ContentRow> {
  const [stored] = await tx.insert(contentItem).values(row).returning()
  if (!stored) throw new Error('content insert returned nothing')
  return stored
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

/** Items of these authors since a moment, per author and kind. */
export async function countsSince(
  tx: Tx,
  authorIds: string[],
  since: Date,
): Promise<{ authorId: string; kind: string; n: number }[]> {
  if (authorIds.length === 0) return []
  return tx
    .select({ authorId: contentItem.authorId, kind: contentItem.kind, n: sql<number>`count(*)::int` })
    .from(contentItem)
    .where(and(inArray(contentItem.authorId, authorIds), gte(contentItem.createdAt, since)))
    .groupBy(contentItem.authorId, contentItem.kind)
}

export function findItems(tx: Tx, ids: string[]): Promise<ContentRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  return tx.select().from(contentItem).where(inArray(contentItem.id, ids))
}

/** Inserts items in one statement and returns them as stored, in the order given. */
export async function insertItems(tx: Tx, rows: (typeof contentItem.$inferInsert)[]): Promise<ContentRow[]> {
  if (rows.length === 0) return []
  const stored = await tx.insert(contentItem).values(rows).returning()
  const byId = new Map(stored.map((r) => [r.id, r]))
  return rows.map((r) => {
    const s = byId.get(r.id)
    if (!s) throw new Error('content insert returned too little')
    return s
  })
}

export function publishedUnder(tx: Tx, postId: string, limit: number): Promise<ContentRow[]> {
  return tx
    .select()
    .from(contentItem)
    .where(
      and(
        eq(contentItem.postId, postId),
        eq(contentItem.status, 'published'),
        sql`${contentItem.restriction} is distinct from 'stopped'`,
      ),
    )
    .orderBy(asc(contentItem.createdAt), asc(contentItem.id))
    .limit(limit)
}

export function newestPublishedPosts(tx: Tx, limit: number): Promise<ContentRow[]> {
  return tx
    .select()
    .from(contentItem)
    .where(
      and(eq(contentItem.kind, 'post'), eq(contentItem.status, 'published'), isNull(contentItem.restriction)),
    )
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
    .orderBy(asc(sql`coalesce(${contentItem.heldAt}, ${contentItem.createdAt})`), asc(contentItem.id))
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

export async function insertDecision(
  tx: Tx,
  row: { id: string; itemId: string; staffId: string; decision: string; decidedAt: Date },
): Promise<void> {
  await tx.insert(reviewDecision).values(row)
}

/** Sends a held item up to a lead reviewer; its claim is released. */
export async function escalateHeld(
  tx: Tx,
  id: string,
  e: { by: string; note: string; at: Date },
): Promise<boolean> {
  const rows = await tx
    .update(contentItem)
    .set({
      escalatedAt: e.at,
      escalatedBy: e.by,
      escalationNote: e.note,
      claimedBy: null,
      claimedByName: null,
      claimExpiresAt: null,
    })
    .where(and(eq(contentItem.id, id), eq(contentItem.status, 'held')))
    .returning({ id: contentItem.id })
  return rows.length === 1
}

/**
 * Takes a published item back for review (a patrol hit or a person's flag): out of public view until a reviewer
 * decides, with the verdict that caught it. False when it was no longer published.
 */
export async function withdrawForReview(
  tx: Tx,
  id: string,
  w: { verdict: unknown; ruleVersion: string; patrolRunId: string | null; at: Date },
): Promise<boolean> {
  const rows = await tx
    .update(contentItem)
    .set({
      status: 'held',
      verdict: w.verdict,
      ruleVersion: w.ruleVersion,
      patrolRunId: w.patrolRunId,
      heldAt: w.at,
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
    })
    .where(and(eq(contentItem.id, id), eq(contentItem.status, 'published')))
    .returning({ id: contentItem.id })
  return rows.length === 1
}

/** A patrol re-screens what the public can see: published and not restricted by a disposal (A16 already acted). */
const inWindow = (since: Date, until: Date) =>
  and(
    eq(contentItem.status, 'published'),
    isNull(contentItem.restriction),
    gte(contentItem.createdAt, since),
    lt(contentItem.createdAt, until),
  )

/** Published items created in [since, until), after the cursor, in (created_at, id) order. */
export function publishedInWindow(
  tx: Tx,
  w: { since: Date; until: Date; after: { at: Date; id: string } | null; limit: number },
): Promise<ContentRow[]> {
  const after = w.after
  return tx
    .select()
    .from(contentItem)
    .where(
      and(
        inWindow(w.since, w.until),
        after
          ? or(
              gt(contentItem.createdAt, after.at),
              and(eq(contentItem.createdAt, after.at), gt(contentItem.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(contentItem.createdAt), asc(contentItem.id))
    .limit(w.limit)
}

export async function countPublishedInWindow(tx: Tx, since: Date, until: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(contentItem)
    .where(inWindow(since, until))
  return row?.n ?? 0
}

/** A random sample of published items since a moment that nobody has looked at yet. */
export function samplePublished(tx: Tx, since: Date, limit: number): Promise<ContentRow[]> {
  return tx
    .select()
    .from(contentItem)
    .where(
      and(
        eq(contentItem.status, 'published'),
        isNull(contentItem.restriction),
        gte(contentItem.createdAt, since),
        sql`not exists (select 1 from patrol_look l where l.item_id = ${contentItem.id})`,
      ),
    )
    .orderBy(sql`random()`)
    .limit(limit)
}

/** Held items now and the oldest one's wait (for the node's metrics). */
export async function reviewBacklog(tx: Tx): Promise<{ held: number; oldest: Date | null }> {
  const [row] = await tx
    .select({
      n: sql<number>`count(*)::int`,
      oldest: sql<string | null>`min(coalesce(${contentItem.heldAt}, ${contentItem.createdAt}))`,
    })
    .from(contentItem)
    .where(eq(contentItem.status, 'held'))
  return { held: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null }
}

/** A timestamp's day in Tonghua (UTC+8), `YYYY-MM-DD`, whatever the session's time zone. */
export const tonghuaDay = (col: unknown) =>
  sql<string>`to_char((${col} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`

/** Items created, held and decided (by person) per Tonghua day since a moment, and the backlog now (A12.2). */
export async function contentDailyFigures(tx: Tx, since: Date) {
  const screened = await tx
    .select({ day: tonghuaDay(contentItem.createdAt), n: sql<number>`count(*)::int` })
    .from(contentItem)
    .where(gte(contentItem.createdAt, since))
    .groupBy(sql`1`)
  const held = await tx
    .select({ day: tonghuaDay(contentItem.heldAt), n: sql<number>`count(*)::int` })
    .from(contentItem)
    .where(gte(contentItem.heldAt, since))
    .groupBy(sql`1`)
  const reviews = await tx
    .select({
      day: tonghuaDay(reviewDecision.decidedAt),
      staffId: reviewDecision.staffId,
      n: sql<number>`count(*)::int`,
    })
    .from(reviewDecision)
    .where(gte(reviewDecision.decidedAt, since))
    .groupBy(sql`1`, reviewDecision.staffId)
  return { screened, held, reviews, backlog: await reviewBacklog(tx) }
}

/** Published and held items stored after `seq`, in insertion order: what an in-memory index has not seen. */
export function itemsAfterSeq(
  tx: Tx,
  seq: number,
  limit: number,
): Promise<{ id: string; text: string; seq: number }[]> {
  return tx
    .select({ id: contentItem.id, text: contentItem.text, seq: contentItem.seq })
    .from(contentItem)
    .where(and(gt(contentItem.seq, seq), inArray(contentItem.status, ['published', 'held'])))
    .orderBy(asc(contentItem.seq))
    .limit(limit)
}

/** The highest insertion number so far (0 when empty). */
export async function maxSeq(tx: Tx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${contentItem.seq}), 0)::bigint` })
    .from(contentItem)
  return Number(row?.n ?? 0)
}

/** Items applied by a disposal, or restored: the status, restriction, label and text it sets. */
export async function setDisposition(
  tx: Tx,
  ids: string[],
  set: {
    status?: string
    restriction?: string | null
    falseLabel?: unknown
    text?: string
    disposalId?: string | null
    decidedAt?: Date
    decisionReason?: string
  },
): Promise<void> {
  if (ids.length === 0) return
  await tx.update(contentItem).set(set).where(inArray(contentItem.id, ids))
}

/** Items that hang under these (comments, replies, bullet comments of a post; replies of a comment). */
export function itemsUnder(tx: Tx, ids: string[]): Promise<{ id: string; authorId: string }[]> {
  if (ids.length === 0) return Promise.resolve([])
  return tx
    .select({ id: contentItem.id, authorId: contentItem.authorId })
    .from(contentItem)
    .where(or(inArray(contentItem.postId, ids), inArray(contentItem.parentId, ids)))
}

/** Published posts since a time, not restricted nor labelled false, newest first: recommendation's candidates (A14). */
export function recommendablePosts(tx: Tx, since: Date, limit: number): Promise<ContentRow[]> {
  return tx
    .select()
    .from(contentItem)
    .where(
      and(
        eq(contentItem.kind, 'post'),
        eq(contentItem.status, 'published'),
        isNull(contentItem.restriction),
        isNull(contentItem.falseLabel),
        gte(contentItem.createdAt, since),
      ),
    )
    .orderBy(desc(contentItem.createdAt), desc(contentItem.id))
    .limit(limit)
}

/** Of these ids, those that may still be listed and recommended: published, not restricted, not labelled false. */
export async function listableIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await tx
    .select({ id: contentItem.id })
    .from(contentItem)
    .where(
      and(
        inArray(contentItem.id, [...ids]),
        eq(contentItem.status, 'published'),
        isNull(contentItem.restriction),
        isNull(contentItem.falseLabel),
      ),
    )
  return new Set(rows.map((r) => r.id))
}
