// Each platform's orders falling due in a period and how many were executed by their deadline (A19, for A17).
import { and, gte, lt, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { platformOrder } from './tables.ts'

export interface OrderDueFigures {
  platformNode: string
  due: number
  executedInTime: number
}

export async function orderDueFigures(tx: Tx, from: Date, to: Date): Promise<OrderDueFigures[]> {
  const o = platformOrder
  const rows = await tx
    .select({
      platformNode: o.toNode,
      due: sql<number>`count(*)::int`,
      inTime: sql<number>`count(*) filter (where ${o.executedAt} <= ${o.deadlineAt})::int`,
    })
    .from(o)
    .where(and(gte(o.deadlineAt, from), lt(o.deadlineAt, to)))
    .groupBy(o.toNode)
  return rows.map((r) => ({ platformNode: r.platformNode, due: r.due, executedInTime: r.inTime }))
}
