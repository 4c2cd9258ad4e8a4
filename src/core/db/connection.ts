import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import type { Config } from '../config.ts'

/** Both drivers give the same query builder; code is written against this type only. */
export type Tx = PgDatabase<PgQueryResultHKT>

export interface Database {
  kind: 'pglite' | 'postgres'
  db: Tx
  migrate(): Promise<void>
  ping(): Promise<void>
  close(): Promise<void>
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle')

export async function openDatabase(cfg: Config['db']): Promise<Database> {
  if (cfg.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: cfg.url, max: 10 })
    // An idle client that loses its server must not crash the process; the next query reports the error.
    pool.on('error', () => {})
    const db = drizzleNodePg(pool)
    return {
      kind: 'postgres',
      db,
      migrate: () => migrateNodePg(db, { migrationsFolder: MIGRATIONS_DIR }),
      ping: async () => {
        await db.execute(sql`select 1`)
      },
      close: () => pool.end(),
    }
  }
  if (cfg.dataDir !== null) mkdirSync(cfg.dataDir, { recursive: true })
  const client = cfg.dataDir === null ? new PGlite() : new PGlite(cfg.dataDir)
  return wrapPglite(client)
}

/** Wraps an open PGlite instance (tests load one from a migrated template). */
export async function wrapPglite(client: PGlite): Promise<Database> {
  await client.waitReady
  const db = drizzlePglite(client)
  return {
    kind: 'pglite',
    db,
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
    ping: async () => {
      await db.execute(sql`select 1`)
    },
    close: () => client.close(),
  }
}

/**
 * The one way a use case runs: everything it writes, including its ledger entry, commits or rolls back together.
 */
export function transaction<T>(db: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Tx))
}
