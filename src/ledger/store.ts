import { and, arrayContains, asc, desc, eq, gte, isNull, lt, type SQL, sql } from 'drizzle-orm'
import type { Tx } from '../core/db/index.ts'
import { ledgerCheckpoint, ledgerEntry, ledgerSequence } from './tables.ts'

export type EntryRow = typeof ledgerEntry.$inferSelect
export type CheckpointRow = typeof ledgerCheckpoint.$inferSelect

export async function insertEntry(tx: Tx, row: typeof ledgerEntry.$inferInsert): Promise<void> {
  await tx.insert(ledgerEntry).values(row)
}

/** Entries committed but not yet given a place in the log, oldest first. */
export function unsequenced(tx: Tx, limit: number): Promise<EntryRow[]> {
  return tx
    .select({ entry: ledgerEntry })
    .from(ledgerEntry)
    .leftJoin(ledgerSequence, eq(ledgerSequence.entryId, ledgerEntry.id))
    .where(isNull(ledgerSequence.seq))
    .orderBy(asc(ledgerEntry.recordedAt), asc(ledgerEntry.id))
    .limit(limit)
    .then((rows) => rows.map((r) => r.entry))
}

export async function pendingStatus(tx: Tx): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await tx
    .select({
      count: sql<number>`count(*)::int`,
      oldest: sql<number | null>`(extract(epoch from min(${ledgerEntry.recordedAt})) * 1000)::float8`,
    })
    .from(ledgerEntry)
    .leftJoin(ledgerSequence, eq(ledgerSequence.entryId, ledgerEntry.id))
    .where(isNull(ledgerSequence.seq))
  return { count: row?.count ?? 0, oldest: row?.oldest == null ? null : new Date(Number(row.oldest)) }
}

export function leafHashesFrom(tx: Tx, fromSeq: number): Promise<{ seq: number; leafHash: string }[]> {
  return tx
    .select({ seq: ledgerSequence.seq, leafHash: ledgerSequence.leafHash })
    .from(ledgerSequence)
    .where(gte(ledgerSequence.seq, fromSeq))
    .orderBy(asc(ledgerSequence.seq))
}

export async function insertSequences(tx: Tx, rows: (typeof ledgerSequence.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(ledgerSequence).values(rows.slice(i, i + 1000))
}

export async function latestCheckpoint(tx: Tx): Promise<CheckpointRow | undefined> {
  const [row] = await tx.select().from(ledgerCheckpoint).orderBy(desc(ledgerCheckpoint.size)).limit(1)
  return row
}

export async function insertCheckpoint(tx: Tx, row: CheckpointRow): Promise<void> {
  await tx.insert(ledgerCheckpoint).values(row).onConflictDoNothing()
}

export function listCheckpoints(tx: Tx, fromSize: number, limit: number): Promise<CheckpointRow[]> {
  return tx
    .select()
    .from(ledgerCheckpoint)
    .where(gte(ledgerCheckpoint.size, fromSize))
    .orderBy(asc(ledgerCheckpoint.size))
    .limit(limit)
}

export interface EntryFilter {
  from?: number
  to?: number
  action?: string
  subjectType?: string
  subjectId?: string
  article?: string
  actorId?: string
}

export function listSequenced(tx: Tx, f: EntryFilter, limit: number, newestFirst = false) {
  const where: SQL[] = []
  if (f.from !== undefined) where.push(gte(ledgerSequence.seq, f.from))
  if (f.to !== undefined) where.push(lt(ledgerSequence.seq, f.to))
  if (f.action) where.push(eq(ledgerEntry.action, f.action))
  if (f.subjectType) where.push(eq(ledgerEntry.subjectType, f.subjectType))
  if (f.subjectId) where.push(eq(ledgerEntry.subjectId, f.subjectId))
  if (f.article) where.push(arrayContains(ledgerEntry.articles, [f.article]))
  if (f.actorId) where.push(eq(ledgerEntry.actorId, f.actorId))
  return tx
    .select({
      entry: ledgerEntry,
      seq: ledgerSequence.seq,
      leafData: ledgerSequence.leafData,
      leafHash: ledgerSequence.leafHash,
    })
    .from(ledgerSequence)
    .innerJoin(ledgerEntry, eq(ledgerEntry.id, ledgerSequence.entryId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(newestFirst ? desc(ledgerSequence.seq) : asc(ledgerSequence.seq))
    .limit(limit)
}

export async function countSequenced(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(ledgerSequence)
  return row?.n ?? 0
}

/** Every entry about one subject, sequenced or not yet, in the order the acts happened. */
export function entriesAbout(tx: Tx, subject: { type: string; id: string }) {
  return tx
    .select({ entry: ledgerEntry, seq: ledgerSequence.seq })
    .from(ledgerEntry)
    .leftJoin(ledgerSequence, eq(ledgerSequence.entryId, ledgerEntry.id))
    .where(and(eq(ledgerEntry.subjectType, subject.type), eq(ledgerEntry.subjectId, subject.id)))
    .orderBy(asc(ledgerEntry.recordedAt), asc(ledgerEntry.id))
}
