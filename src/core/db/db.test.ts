import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../../test/helpers/db.ts'
import { organisation } from '../organisations/tables.ts'
import { afterCommit, type Database, isUniqueViolation, transaction } from './index.ts'

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

describe('afterCommit', () => {
  const keys = async () =>
    (await database.db.select({ key: organisation.key }).from(organisation)).map((r) => r.key)

  it('runs once the transaction has committed, and sees what it wrote', async () => {
    const seen: string[][] = []
    let ran = false
    await transaction(database.db, async (tx) => {
      await tx.insert(organisation).values(row('h-commit'))
      afterCommit(tx, () => {
        ran = true
        void keys().then((k) => seen.push(k))
      })
      expect(ran).toBe(false)
    })
    expect(ran).toBe(true)
    await new Promise((r) => setTimeout(r, 50))
    expect(seen[0]).toContain('h-commit')
  })

  it('never runs when the transaction rolls back', async () => {
    let ran = false
    await expect(
      transaction(database.db, async (tx) => {
        afterCommit(tx, () => {
          ran = true
        })
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    await new Promise((r) => setTimeout(r, 20))
    expect(ran).toBe(false)
  })

  it('waits for the outer transaction around a savepoint, and drops a rolled-back savepoint’s hooks', async () => {
    const order: string[] = []
    await transaction(database.db, async (tx) => {
      await transaction(tx, async (inner) => {
        afterCommit(inner, () => order.push('inner'))
      })
      expect(order).toEqual([])
      await transaction(tx, async (inner) => {
        afterCommit(inner, () => order.push('rolled back'))
        throw new Error('savepoint refused')
      }).catch(() => {})
      afterCommit(tx, () => order.push('outer'))
    })
    expect(order).toEqual(['inner', 'outer'])
  })

  it('on a handle outside any transaction, runs on the next turn', async () => {
    let ran = false
    afterCommit(database.db, () => {
      ran = true
    })
    expect(ran).toBe(false)
    await new Promise((r) => setImmediate(r))
    expect(ran).toBe(true)
  })
})
