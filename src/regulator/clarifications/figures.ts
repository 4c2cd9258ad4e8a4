// Each platform's time to act on clarifications sent in a period (A7, read for the A17 evaluation).
import { and, gte, lt, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { clarificationDelivery } from './tables.ts'

export interface ClarificationActFigures {
  platformNode: string
  sent: number
  acted: number
  /** Median minutes from sending to the platform's answer, of those answered. */
  medianMinutesToAct: number | null
}

export async function clarificationActFigures(
  tx: Tx,
  from: Date,
  to: Date,
): Promise<ClarificationActFigures[]> {
  const d = clarificationDelivery
  const rows = await tx
    .select({
      platformNode: d.platformNode,
      sent: sql<number>`count(*)::int`,
      acted: sql<number>`count(*) filter (where ${d.actedAt} is not null)::int`,
      median: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${d.actedAt} - ${d.sentAt})) filter (where ${d.actedAt} is not null)`,
    })
    .from(d)
    .where(and(gte(d.sentAt, from), lt(d.sentAt, to)))
    .groupBy(d.platformNode)
  return rows.map((r) => ({
    platformNode: r.platformNode,
    sent: r.sent,
    acted: r.acted,
    medianMinutesToAct: r.median == null ? null : Math.round((Number(r.median) / 60) * 10) / 10,
  }))
}
