import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../../test/helpers/db.ts'
import { organisation } from '../organisations/tables.ts'
import { type Database, isUniqueViolation, transaction } from './index.ts'

let database: Database
beforeAll(async () => {
  database = await freshDatabase()
})
afterAll(async () => database?.close())

const row = (key: string) => ({
  id: crypto.randomUUID(),
  key,
  kind: 'platform',
  nameZh: '测试',
  nameEn: 'Test',
})

describe('transaction', () => {
  it('commits everything a use case wrote', async () => {
    await transaction(database.db, async (tx) => {
      await tx.insert(organisation).values(row('t-commit-1'))
      await tx.insert(organisation).values(row('t-commit-2'))
    })
    const [n] = await database.db.select({ n: count() }).from(organisation)
    expect(n?.n).toBe(2)
  })

  it('writes nothing when the use case fails half-way', async () => {
    await expect(
      transaction(database.db, async (tx) => {
        await tx.insert(organisation).values(row('t-rollback'))
        throw new Error('refused after the first write')
      }),
    ).rejects.toThrow('refused after the first write')
    expect(await database.db.select().from(organisation).where(eq(organisation.key, 't-rollback'))).toEqual(
      [],
    )
  })

  it('reports unique violations from either driver', async () => {
    const e = await transaction(database.db, (tx) => tx.insert(organisation).values(row('t-commit-1'))).catch(
      (x) => x,
    )
    expect(isUniqueViolation(e)).toBe(true)
    expect(isUniqueViolation(new Error('other'))).toBe(false)
  })
})
