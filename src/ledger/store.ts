import { and, arrayContains, asc, desc, eq, gt, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Tx } from '../core/db/index.ts'
import { ledgerCheckpoint, ledgerEntry, ledgerPending, ledgerSequence } from './tables.ts'

export type EntryRow = typeof ledgerEntry.$inferSelect
export type CheckpointRow = typeof ledgerCheckpoint.$inferSelect

export async function insertEntry(tx: Tx, row: typeof ledgerEntry.$inferInsert): Promise<void> {
  await tx.insert(ledgerEntry).values(row)
}

type EntryInsert = typeof ledgerEntry.$inferInsert

const ENTRY_COLUMNS = sql.raw(
  'id, recorded_at, actor_kind, actor_id, actor_staff_id, actor_organisation_id, actor_name, action, ' +
    'subject_type, subject_id, articles, rule_version, evidence_digest, details',
)
const ENTRY_RECORD = sql.raw(
  'id uuid, recorded_at timestamptz, actor_kind text, actor_id text, actor_staff_id text, ' +
    'actor_organisation_id text, actor_name text, action text, subject_type text, subject_id text, ' +
    'articles text[], rule_version text, evidence_digest text, details jsonb',
)

/**
 * Many entries in one INSERT whose only parameter is their JSON: neither the query builder nor the driver touches
 * each value, which is most of the cost of row-by-row inserts.
 */
export async function insertEntries(tx: Tx, rows: readonly EntryInsert[]): Promise<void> {
  if (rows.length === 0) return
  const records = rows.map((e) => ({
    id: e.id,
    recorded_at: e.recordedAt.toISOString(),
    actor_kind: e.actorKind,
    actor_id: e.actorId,
    actor_staff_id: e.actorStaffId ?? null,
    actor_organisation_id: e.actorOrganisationId ?? null,
    actor_name: e.actorName,
    action: e.action,
    subject_type: e.subjectType,
    subject_id: e.subjectId,
    articles: e.articles,
    rule_version: e.ruleVersion ?? null,
    evidence_digest: e.evidenceDigest,
    details: e.details,
  }))
  await tx.execute(sql`insert into ledger_entry (${ENTRY_COLUMNS}) select ${ENTRY_COLUMNS}
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(${ENTRY_RECORD})`)
}

/**
 * Entries waiting in the queue, oldest first. `sequenced` is true for a queued entry that already has its index
 * (it cannot happen through the code, but the sequencer then only takes it off the queue).
 */
export function unsequenced(tx: Tx, limit: number): Promise<{ entry: EntryRow; sequenced: boolean }[]> {
  return tx
    .select({ entry: ledgerEntry, seq: ledgerSequence.seq })
    .from(ledgerPending)
    .innerJoin(ledgerEntry, eq(ledgerEntry.id, ledgerPending.entryId))
    .leftJoin(ledgerSequence, eq(ledgerSequence.entryId, ledgerPending.entryId))
    .orderBy(asc(ledgerPending.recordedAt), asc(ledgerPending.entryId))
    .limit(limit)
    .then((rows) => rows.map((r) => ({ entry: r.entry, sequenced: r.seq !== null })))
}

/** Takes sequenced entries off the queue (the database refuses it for an entry without its index). */
export async function dequeue(tx: Tx, entryIds: readonly string[]): Promise<void> {
  if (entryIds.length === 0) return
  await tx.execute(sql`delete from ledger_pending
    where entry_id in (select jsonb_array_elements_text(${JSON.stringify(entryIds)}::jsonb)::uuid)`)
}

/**
 * Clears the queue's dead rows. Every sequenced entry leaves one behind, and PGlite has no autovacuum: without this
 * each pass would walk an index of every entry ever queued. Outside any transaction.
 */
export async function vacuumQueue(db: Tx): Promise<void> {
  await db.execute(sql`vacuum ledger_pending`)
}

export async function pendingStatus(tx: Tx): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await tx
    .select({
      count: sql<number>`count(*)::int`,
      oldest: sql<number | null>`(extract(epoch from min(${ledgerPending.recordedAt})) * 1000)::float8`,
    })
    .from(ledgerPending)
  return { count: row?.count ?? 0, oldest: row?.oldest == null ? null : new Date(Number(row.oldest)) }
}

export function leafHashesFrom(tx: Tx, fromSeq: number): Promise<{ seq: number; leafHash: string }[]> {
  return tx
    .select({ seq: ledgerSequence.seq, leafHash: ledgerSequence.leafHash })
    .from(ledgerSequence)
    .where(gte(ledgerSequence.seq, fromSeq))
    .orderBy(asc(ledgerSequence.seq))
}

/** A sequencing pass's rows in one INSERT, their JSON as its only parameter. */
export async function insertSequences(
  tx: Tx,
  rows: readonly { seq: number; entryId: string; leafData: string; leafHash: string }[],
): Promise<void> {
  if (rows.length === 0) return
  const records = rows.map((r) => ({
    seq: r.seq,
    entry_id: r.entryId,
    leaf_data: r.leafData,
    leaf_hash: r.leafHash,
  }))
  await tx.execute(sql`insert into ledger_sequence (seq, entry_id, leaf_data, leaf_hash)
    select seq, entry_id, leaf_data, leaf_hash from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
    as x(seq bigint, entry_id uuid, leaf_data text, leaf_hash text)`)
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

/**
 * One page of the log for verification, as ONE text value: rows joined by \x1e, each row's fields by \x1f, in
 * the order LogChecker.page reads them (nullable fields carry a leading '=' when set, nothing when null). Cheap
 * for the database and one string for the reader, instead of thousands of row objects. Keyset with LIMIT keeps
 * the plan an index walk of ledger_sequence with one entry lookup per row (a seq range without it let the planner
 * hash-join the whole entry table for every page: PGlite has no statistics).
 */
export async function logTextPage(
  tx: Tx,
  afterSeq: number,
  limit: number,
): Promise<{ count: number; last: number; text: string }> {
  const result = await tx.execute(sql`select count(*)::int as count, max(seq)::text as last,
      coalesce(string_agg(r, E'\x1e' order by seq), '') as text
    from (select s.seq, concat_ws(E'\x1f', s.seq, s.leaf_hash, s.leaf_data, e.id, e.recorded_at, e.actor_kind,
        e.actor_id, coalesce('=' || e.actor_staff_id, ''), coalesce('=' || e.actor_organisation_id, ''),
        e.actor_name, e.action, e.subject_type, e.subject_id, array_to_json(e.articles),
        coalesce('=' || e.rule_version, ''), e.evidence_digest, e.details) as r
      from ledger_sequence s join ledger_entry e on e.id = s.entry_id
      where s.seq > ${afterSeq} order by s.seq limit ${limit}) page`)
  const [row] = (result as unknown as { rows: { count: number; last: string | null; text: string }[] }).rows
  return {
    count: row?.count ?? 0,
    last: row?.last == null ? afterSeq : Number(row.last),
    text: row?.text ?? '',
  }
}

/** The same page as plain fields, through the schema's own mapping (what the checks compare against). */
export function sequencedAfter(tx: Tx, afterSeq: number, limit: number) {
  return tx
    .select({
      entry: ledgerEntry,
      seq: ledgerSequence.seq,
      leafData: ledgerSequence.leafData,
      leafHash: ledgerSequence.leafHash,
    })
    .from(ledgerSequence)
    .innerJoin(ledgerEntry, eq(ledgerEntry.id, ledgerSequence.entryId))
    .where(gt(ledgerSequence.seq, afterSeq))
    .orderBy(asc(ledgerSequence.seq))
    .limit(limit)
}

/** The number of indexes given so far (the highest plus one); a verifier checks there are no gaps. */
export async function logSize(tx: Tx): Promise<number> {
  const [row] = await tx.select({ n: sql<string | null>`max(${ledgerSequence.seq})` }).from(ledgerSequence)
  return row?.n == null ? 0 : Number(row.n) + 1
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

/** The ids among `ids` that name an entry of the log, sequenced or not yet. */
export async function knownEntryIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await tx
    .select({ id: ledgerEntry.id })
    .from(ledgerEntry)
    .where(inArray(ledgerEntry.id, [...ids]))
  return new Set(rows.map((r) => r.id))
}

/** The sequenced ones among `ids`: index, the bytes that were hashed and the leaf hash. */
export function sequencedByIds(
  tx: Tx,
  ids: readonly string[],
): Promise<{ entryId: string; seq: number; leafData: string; leafHash: string }[]> {
  if (ids.length === 0) return Promise.resolve([])
  return tx
    .select({
      entryId: ledgerSequence.entryId,
      seq: ledgerSequence.seq,
      leafData: ledgerSequence.leafData,
      leafHash: ledgerSequence.leafHash,
    })
    .from(ledgerSequence)
    .where(inArray(ledgerSequence.entryId, [...ids]))
}

/** Entries recorded in [from, to) with one of these actions, oldest first (what an inspection asks to see). */
export function entriesInPeriod(
  tx: Tx,
  f: { from: Date; to: Date; actions: readonly string[] },
  limit: number,
): Promise<{ id: string; action: string; recordedAt: Date }[]> {
  if (f.actions.length === 0) return Promise.resolve([])
  return tx
    .select({ id: ledgerEntry.id, action: ledgerEntry.action, recordedAt: ledgerEntry.recordedAt })
    .from(ledgerEntry)
    .where(
      and(
        gte(ledgerEntry.recordedAt, f.from),
        lt(ledgerEntry.recordedAt, f.to),
        inArray(ledgerEntry.action, [...f.actions]),
      ),
    )
    .orderBy(asc(ledgerEntry.recordedAt), asc(ledgerEntry.id))
    .limit(limit)
}

/**
 * Entries recorded in [from, to), oldest first, whole: those of the given actions, and (with `staffActs`) every act
 * of a person. For the supervisors' review of officers' work (A27).
 */
export function entriesForReview(
  tx: Tx,
  f: { from: Date; to: Date; actions: readonly string[]; staffActs?: boolean },
  limit: number,
): Promise<EntryRow[]> {
  const which: SQL[] = []
  if (f.actions.length > 0) which.push(inArray(ledgerEntry.action, [...f.actions]))
  if (f.staffActs) which.push(sql`${ledgerEntry.actorStaffId} is not null`)
  if (which.length === 0) return Promise.resolve([])
  return tx
    .select()
    .from(ledgerEntry)
    .where(and(gte(ledgerEntry.recordedAt, f.from), lt(ledgerEntry.recordedAt, f.to), or(...which)))
    .orderBy(asc(ledgerEntry.recordedAt), asc(ledgerEntry.id))
    .limit(limit)
}

/** For each subject id, the first entry about it acted by a person (who opened the case, issued the order …). */
export async function firstStaffEntries(
  tx: Tx,
  subjectIds: readonly string[],
): Promise<Map<string, EntryRow>> {
  const out = new Map<string, EntryRow>()
  if (subjectIds.length === 0) return out
  const rows = await tx
    .select()
    .from(ledgerEntry)
    .where(
      and(
        inArray(ledgerEntry.subjectId, [...new Set(subjectIds)]),
        sql`${ledgerEntry.actorStaffId} is not null`,
      ),
    )
    .orderBy(asc(ledgerEntry.recordedAt), asc(ledgerEntry.id))
  for (const r of rows) {
    const k = `${r.subjectType}:${r.subjectId}`
    if (!out.has(k)) out.set(k, r)
  }
  return out
}
