import { and, desc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { platformUser, userSession } from './tables.ts'

export type UserRow = typeof platformUser.$inferSelect

export async function findByPhoneHmac(tx: Tx, phoneHmac: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(platformUser).where(eq(platformUser.phoneHmac, phoneHmac))
  return row
}

/** Several users, locked in id order (so two batches never wait on each other in a cycle). */
export function lockByIds(tx: Tx, ids: string[]): Promise<{ id: string; displayName: string }[]> {
  if (ids.length === 0) return Promise.resolve([])
  return tx
    .select({ id: platformUser.id, displayName: platformUser.displayName })
    .from(platformUser)
    .where(inArray(platformUser.id, ids))
    .orderBy(platformUser.id)
    .for('no key update')
}

export async function findById(tx: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(platformUser).where(eq(platformUser.id, id))
  return row
}

export async function insertUser(tx: Tx, row: typeof platformUser.$inferInsert): Promise<void> {
  await tx.insert(platformUser).values(row)
}

export async function insertSession(tx: Tx, row: typeof userSession.$inferInsert): Promise<void> {
  await tx.insert(userSession).values(row)
}

function liveSessionQuery(tx: Tx) {
  return tx
    .select({ session: userSession, user: platformUser })
    .from(userSession)
    .innerJoin(platformUser, eq(platformUser.id, userSession.userId))
    .where(and(eq(userSession.tokenHash, sql.placeholder('tokenHash')), isNull(userSession.revokedAt)))
    .prepare('platform_user_live_session')
}
const liveSession = new WeakMap<Tx, ReturnType<typeof liveSessionQuery>>()

/**
 * The session and its user, on every request a user makes: built once per database handle and sent as a named
 * prepared statement, so neither the query builder nor the server parses it again.
 */
export async function findLiveSession(tx: Tx, tokenHash: string) {
  let query = liveSession.get(tx)
  if (!query) {
    query = liveSessionQuery(tx)
    liveSession.set(tx, query)
  }
  const [row] = await query.execute({ tokenHash })
  return row
}

export async function revokeSession(tx: Tx, tokenHash: string, now: Date): Promise<void> {
  await tx.update(userSession).set({ revokedAt: now }).where(eq(userSession.tokenHash, tokenHash))
}

export function listUsers(tx: Tx, opts: { query?: string; limit: number; offset: number }) {
  const where = opts.query
    ? ilike(platformUser.displayName, `%${opts.query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)
    : undefined
  return tx
    .select()
    .from(platformUser)
    .where(where)
    .orderBy(desc(platformUser.createdAt))
    .limit(opts.limit)
    .offset(opts.offset)
}

export function displayNames(tx: Tx, ids: string[]) {
  return tx
    .select({ id: platformUser.id, displayName: platformUser.displayName })
    .from(platformUser)
    .where(inArray(platformUser.id, ids))
}
