import { asc, eq } from 'drizzle-orm'
import type { Tx } from '../db/index.ts'
import { organisation } from './tables.ts'

export type OrganisationRow = typeof organisation.$inferSelect

export function listAll(tx: Tx): Promise<OrganisationRow[]> {
  return tx.select().from(organisation).orderBy(asc(organisation.kind), asc(organisation.key))
}

export async function findById(tx: Tx, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await tx.select().from(organisation).where(eq(organisation.id, id))
  return row
}

export async function findByKey(tx: Tx, key: string): Promise<OrganisationRow | undefined> {
  const [row] = await tx.select().from(organisation).where(eq(organisation.key, key))
  return row
}

export async function insert(tx: Tx, row: typeof organisation.$inferInsert): Promise<void> {
  await tx.insert(organisation).values(row).onConflictDoNothing({ target: organisation.key })
}
