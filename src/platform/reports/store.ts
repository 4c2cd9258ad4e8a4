import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { contentReport, reporterStanding } from './tables.ts'

export type ReportRow = typeof contentReport.$inferSelect
export type StandingRow = typeof reporterStanding.$inferSelect

/** The reporter's standing row, created if missing and locked: one reporter's reports are filed one at a time. */
export async function lockStanding(tx: Tx, userId: string): Promise<StandingRow> {
  await tx.insert(reporterStanding).values({ userId }).onConflictDoNothing()
  const [row] = await tx
    .select()
    .from(reporterStanding)
    .where(eq(reporterStanding.userId, userId))
    .for('update')
  if (!row) throw new Error('reporter standing vanished')
  return row
}

export function standings(tx: Tx, userIds: string[]): Promise<StandingRow[]> {
  if (userIds.length === 0) return Promise.resolve([])
  return tx.select().from(reporterStanding).where(inArray(reporterStanding.userId, userIds))
}

export async function countSince(tx: Tx, reporterId: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(contentReport)
    .where(and(eq(contentReport.reporterId, reporterId), gte(contentReport.createdAt, since)))
  return row?.n ?? 0
}

export async function openReportOf(
  tx: Tx,
  itemId: string,
  reporterId: string,
): Promise<ReportRow | undefined> {
  const [row] = await tx
    .select()
    .from(contentReport)
    .where(
      and(
        eq(contentReport.itemId, itemId),
        eq(contentReport.reporterId, reporterId),
        eq(contentReport.status, 'open'),
      ),
    )
  return row
}

export async function insertReport(tx: Tx, row: typeof contentReport.$inferInsert): Promise<ReportRow> {
  const [stored] = await tx.insert(contentReport).values(row).returning()
  if (!stored) throw new Error('report insert returned nothing')
  return stored
}

export function byReporter(tx: Tx, reporterId: string, limit: number): Promise<ReportRow[]> {
  return tx
    .select()
    .from(contentReport)
    .where(eq(contentReport.reporterId, reporterId))
    .orderBy(desc(contentReport.createdAt), desc(contentReport.id))
    .limit(limit)
}

export async function byTrackingNo(tx: Tx, trackingNo: string): Promise<ReportRow | undefined> {
  const [row] = await tx.select().from(contentReport).where(eq(contentReport.trackingNo, trackingNo))
  return row
}

export function openReports(tx: Tx, limit: number): Promise<ReportRow[]> {
  return tx
    .select()
    .from(contentReport)
    .where(eq(contentReport.status, 'open'))
    .orderBy(asc(contentReport.deadlineAt))
    .limit(limit)
}

export function onItem(tx: Tx, itemId: string): Promise<ReportRow[]> {
  return tx
    .select()
    .from(contentReport)
    .where(eq(contentReport.itemId, itemId))
    .orderBy(desc(contentReport.createdAt))
}

/** Open reports on these items, locked: one decision closes them all. */
export function lockOpenOn(tx: Tx, itemIds: string[]): Promise<ReportRow[]> {
  if (itemIds.length === 0) return Promise.resolve([])
  return tx
    .select()
    .from(contentReport)
    .where(and(inArray(contentReport.itemId, itemIds), eq(contentReport.status, 'open')))
    .orderBy(asc(contentReport.createdAt))
    .for('update')
}

export async function closeReports(
  tx: Tx,
  ids: string[],
  c: { status: string; at: Date; by: string; reason: string; articles: string[]; disposalId: string | null },
): Promise<void> {
  if (ids.length === 0) return
  await tx
    .update(contentReport)
    .set({
      status: c.status,
      decidedAt: c.at,
      decidedBy: c.by,
      outcomeReason: c.reason,
      outcomeArticles: c.articles,
      disposalId: c.disposalId,
    })
    .where(and(inArray(contentReport.id, ids), eq(contentReport.status, 'open')))
}

export async function countOutcomes(
  tx: Tx,
  reporterIds: string[],
  field: 'upheld' | 'dismissed',
): Promise<void> {
  for (const id of reporterIds) {
    await tx.insert(reporterStanding).values({ userId: id }).onConflictDoNothing()
    await tx
      .update(reporterStanding)
      .set({ [field]: sql`${reporterStanding[field]} + 1` })
      .where(eq(reporterStanding.userId, id))
  }
}

export async function setMute(
  tx: Tx,
  userId: string,
  m: { until: Date | null; reason: string | null; by: string | null },
): Promise<void> {
  await tx.insert(reporterStanding).values({ userId }).onConflictDoNothing()
  await tx
    .update(reporterStanding)
    .set({ mutedUntil: m.until, mutedReason: m.reason, mutedBy: m.by })
    .where(eq(reporterStanding.userId, userId))
}

export async function overdueCount(tx: Tx, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(contentReport)
    .where(and(eq(contentReport.status, 'open'), lte(contentReport.deadlineAt, now)))
  return row?.n ?? 0
}

/** Reports received in [from, to) and how they ended (an inspection's figures, A19). */
export async function periodFigures(
  tx: Tx,
  from: Date,
  to: Date,
  now: Date,
): Promise<{
  received: number
  upheld: number
  dismissed: number
  open: number
  overdue: number
  /** Decided, and of those decided by their deadline (A17 evaluation). */
  decided: number
  decidedInTime: number
  medianHoursToDecision: number | null
}> {
  const [row] = await tx
    .select({
      received: count(),
      upheld: sql<number>`count(*) filter (where ${contentReport.status} = 'upheld')::int`,
      dismissed: sql<number>`count(*) filter (where ${contentReport.status} = 'dismissed')::int`,
      open: sql<number>`count(*) filter (where ${contentReport.status} = 'open')::int`,
      overdue: sql<number>`count(*) filter (where ${contentReport.status} = 'open' and ${contentReport.deadlineAt} <= ${now})::int`,
      decided: sql<number>`count(*) filter (where ${contentReport.decidedAt} is not null)::int`,
      inTime: sql<number>`count(*) filter (where ${contentReport.decidedAt} <= ${contentReport.deadlineAt})::int`,
      median: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${contentReport.decidedAt} - ${contentReport.createdAt})) filter (where ${contentReport.decidedAt} is not null)`,
    })
    .from(contentReport)
    .where(and(gte(contentReport.createdAt, from), sql`${contentReport.createdAt} < ${to}`))
  return {
    received: row?.received ?? 0,
    upheld: row?.upheld ?? 0,
    dismissed: row?.dismissed ?? 0,
    open: row?.open ?? 0,
    overdue: row?.overdue ?? 0,
    decided: row?.decided ?? 0,
    decidedInTime: row?.inTime ?? 0,
    medianHoursToDecision: row?.median == null ? null : Math.round((Number(row.median) / 3600) * 10) / 10,
  }
}
