import { and, asc, eq, gt, isNull } from 'drizzle-orm'
import type { Tx } from '../db/index.ts'
import { apiToken, staff, staffSession } from './tables.ts'

export type StaffRow = typeof staff.$inferSelect
export type TokenRow = typeof apiToken.$inferSelect

export async function findStaffByLogin(tx: Tx, login: string): Promise<StaffRow | undefined> {
  const [row] = await tx.select().from(staff).where(eq(staff.login, login))
  return row
}

export async function findStaffById(tx: Tx, id: string): Promise<StaffRow | undefined> {
  const [row] = await tx.select().from(staff).where(eq(staff.id, id))
  return row
}

export async function lockStaff(tx: Tx, id: string): Promise<StaffRow | undefined> {
  const [row] = await tx.select().from(staff).where(eq(staff.id, id)).for('update')
  return row
}

export function listStaff(tx: Tx): Promise<StaffRow[]> {
  return tx.select().from(staff).orderBy(asc(staff.login))
}

export async function insertStaff(tx: Tx, row: typeof staff.$inferInsert): Promise<void> {
  await tx.insert(staff).values(row)
}

export async function updateStaff(
  tx: Tx,
  id: string,
  patch: Partial<typeof staff.$inferInsert>,
): Promise<void> {
  await tx.update(staff).set(patch).where(eq(staff.id, id))
}

export async function insertSession(tx: Tx, row: typeof staffSession.$inferInsert): Promise<void> {
  await tx.insert(staffSession).values(row)
}

export async function findLiveSession(tx: Tx, tokenHash: string, now: Date) {
  const [row] = await tx
    .select({ session: staffSession, staff })
    .from(staffSession)
    .innerJoin(staff, eq(staff.id, staffSession.staffId))
    .where(and(eq(staffSession.tokenHash, tokenHash), isNull(staffSession.revokedAt)))
  if (!row) return undefined
  return { ...row, expired: row.session.expiresAt <= now }
}

export async function revokeSession(tx: Tx, tokenHash: string, now: Date): Promise<void> {
  await tx.update(staffSession).set({ revokedAt: now }).where(eq(staffSession.tokenHash, tokenHash))
}

export async function revokeSessionsOf(tx: Tx, staffId: string, now: Date): Promise<void> {
  await tx
    .update(staffSession)
    .set({ revokedAt: now })
    .where(
      and(eq(staffSession.staffId, staffId), isNull(staffSession.revokedAt), gt(staffSession.expiresAt, now)),
    )
}

export async function insertToken(tx: Tx, row: typeof apiToken.$inferInsert): Promise<void> {
  await tx.insert(apiToken).values(row)
}

export async function findTokenByHash(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({ token: apiToken, staff })
    .from(apiToken)
    .innerJoin(staff, eq(staff.id, apiToken.createdBy))
    .where(eq(apiToken.tokenHash, tokenHash))
  return row
}

export async function findTokenById(tx: Tx, id: string): Promise<TokenRow | undefined> {
  const [row] = await tx.select().from(apiToken).where(eq(apiToken.id, id))
  return row
}

export function listTokens(tx: Tx): Promise<TokenRow[]> {
  return tx.select().from(apiToken).orderBy(asc(apiToken.createdAt))
}

export async function touchToken(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, id))
}

export async function revokeToken(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.update(apiToken).set({ revokedAt: now }).where(eq(apiToken.id, id))
}
