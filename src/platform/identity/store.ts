import { count, eq, inArray } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { userIdentity } from './tables.ts'

export async function findIdentity(tx: Tx, userId: string) {
  const [row] = await tx
    .select({
      userId: userIdentity.userId,
      adapter: userIdentity.adapter,
      verifiedAt: userIdentity.verifiedAt,
    })
    .from(userIdentity)
    .where(eq(userIdentity.userId, userId))
  return row
}

export async function countByHmac(tx: Tx, identityHmac: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(userIdentity)
    .where(eq(userIdentity.identityHmac, identityHmac))
  return row?.n ?? 0
}

export async function insertIdentity(tx: Tx, row: typeof userIdentity.$inferInsert): Promise<void> {
  await tx.insert(userIdentity).values(row)
}

export async function verifiedAmong(tx: Tx, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return []
  const rows = await tx
    .select({ userId: userIdentity.userId })
    .from(userIdentity)
    .where(inArray(userIdentity.userId, userIds))
  return rows.map((r) => r.userId)
}
