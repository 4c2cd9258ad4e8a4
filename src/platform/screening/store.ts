import { asc, desc, max, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { falseClaim, ruleSetVersion } from './tables.ts'

export type RuleSetRow = typeof ruleSetVersion.$inferSelect
export type ClaimRow = typeof falseClaim.$inferSelect

/** Every process of the node listens here and reloads its screener when another one changed the rules. */
export const SCREENING_CHANNEL = 'qinglang_screening'

/** Tells the node's other processes, on commit, that the rules changed: `origin|what`. */
export async function notifyScreening(tx: Tx, origin: string, what: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${SCREENING_CHANNEL}, ${`${origin}|${what}`})`)
}

export async function latestRuleSet(tx: Tx): Promise<RuleSetRow | undefined> {
  const [row] = await tx.select().from(ruleSetVersion).orderBy(desc(ruleSetVersion.version)).limit(1)
  return row
}

export async function nextVersion(tx: Tx): Promise<number> {
  const [row] = await tx.select({ v: max(ruleSetVersion.version) }).from(ruleSetVersion)
  return (row?.v ?? 0) + 1
}

export async function insertRuleSet(tx: Tx, row: RuleSetRow): Promise<void> {
  await tx.insert(ruleSetVersion).values(row)
}

export function listRuleSets(tx: Tx, limit: number): Promise<RuleSetRow[]> {
  return tx.select().from(ruleSetVersion).orderBy(desc(ruleSetVersion.version)).limit(limit)
}

export function allClaims(tx: Tx): Promise<ClaimRow[]> {
  return tx.select().from(falseClaim).orderBy(asc(falseClaim.createdAt), asc(falseClaim.id))
}

export function listClaims(tx: Tx, limit: number): Promise<ClaimRow[]> {
  return tx.select().from(falseClaim).orderBy(desc(falseClaim.createdAt)).limit(limit)
}

export async function insertClaim(tx: Tx, row: ClaimRow): Promise<void> {
  await tx.insert(falseClaim).values(row)
}
