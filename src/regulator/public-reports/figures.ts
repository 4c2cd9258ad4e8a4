// Public reports received in a period, by county: closed by the deadline, median hours to close (A18, for A17).
import { and, gte, isNotNull, lt, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { publicReport } from './tables.ts'

export interface PublicReportCountyFigures {
  countyCode: string
  received: number
  closedInTime: number
  medianHoursToClose: number | null
}

export async function publicReportCountyFigures(
  tx: Tx,
  from: Date,
  to: Date,
): Promise<PublicReportCountyFigures[]> {
  const p = publicReport
  const rows = await tx
    .select({
      countyCode: sql<string>`${p.countyCode}`,
      received: sql<number>`count(*)::int`,
      inTime: sql<number>`count(*) filter (where ${p.closedAt} <= ${p.deadlineAt})::int`,
      median: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${p.closedAt} - ${p.receivedAt})) filter (where ${p.closedAt} is not null)`,
    })
    .from(p)
    .where(and(gte(p.receivedAt, from), lt(p.receivedAt, to), isNotNull(p.countyCode)))
    .groupBy(p.countyCode)
  return rows.map((r) => ({
    countyCode: r.countyCode,
    received: r.received,
    closedInTime: r.inTime,
    medianHoursToClose: r.median == null ? null : Math.round((Number(r.median) / 3600) * 10) / 10,
  }))
}
