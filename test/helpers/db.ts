// A fresh migrated database for a test file: PGlite in memory by default, a clone of the migrated template on
// the PostgreSQL server when TEST_DATABASE_URL is set.
import { inject } from 'vitest'
import { type Database, openDatabase } from '../../src/core/db/index.ts'
import { cloneTemplate } from './pg-template.ts'

export const usingServer = Boolean(process.env.TEST_DATABASE_URL)

export async function freshDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const clone = await cloneTemplate(url, inject('pgTemplate'))
    const db = await openDatabase({ kind: 'postgres', url: clone.url })
    return {
      ...db,
      migrate: db.migrate,
      close: async () => {
        await db.close()
        await clone.drop()
      },
    }
  }
  const db = await openDatabase({ kind: 'pglite', dataDir: null })
  await db.migrate()
  return db
}
