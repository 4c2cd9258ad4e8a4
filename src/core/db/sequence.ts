// Numbers that count up within a prefix (`TH-2026-`, `通网信罚〔2026〕`): the next one is the count of numbers already
// carrying the prefix, plus one, under a transaction-scoped lock on the prefix, so two acts never share a number and a
// rolled-back act leaves no gap. Works alike on PGlite and PostgreSQL.
import { count, like, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Tx } from './connection.ts'

/** The next number (1, 2, …) of the sequence of `prefix` in `column` of `table`. */
export async function nextInSequence(
  tx: Tx,
  table: PgTable,
  column: PgColumn,
  prefix: string,
): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`qinglang/sequence/${prefix}`}))`)
  const [row] = await tx
    .select({ n: count() })
    .from(table)
    .where(like(column, `${prefix}%`))
  return (row?.n ?? 0) + 1
}

/** `TH-2026-0007`: a prefix, the year in China, a four-digit place in the year. */
export async function nextYearNumber(
  tx: Tx,
  table: PgTable,
  column: PgColumn,
  code: string,
  year: string,
): Promise<string> {
  const prefix = `${code}-${year}-`
  return `${prefix}${String(await nextInSequence(tx, table, column, prefix)).padStart(4, '0')}`
}
