// Cases opened in a period, by county, and how many are closed (A5.1, for the A17 evaluation).
import { and, gte, isNotNull, lt, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { caseFile } from './tables.ts'

export async function caseCountyFigures(
  tx: Tx,
  from: Date,
  to: Date,
): Promise<{ countyCode: string; opened: number; closed: number }[]> {
  const c = caseFile
  return tx
    .select({
      countyCode: sql<string>`${c.countyCode}`,
      opened: sql<number>`count(*)::int`,
      closed: sql<number>`count(*) filter (where ${c.closedAt} is not null)::int`,
    })
    .from(c)
    .where(and(gte(c.openedAt, from), lt(c.openedAt, to), isNotNull(c.countyCode)))
    .groupBy(c.countyCode)
}
