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
  /**
   * Plain SQL outside the query builder, for the job queue (pg-boss) only. Without values the text may hold several
   * statements.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
  /** Calls `onMessage` for each NOTIFY on `channel` until the returned function is called. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/

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
      executeSql: async (text, values) => {
        const r = await pool.query(text, values as unknown[] | undefined)
        // A multi-statement text gives one result per statement; the last one answers.
        const last = Array.isArray(r) ? r[r.length - 1] : r
        return { rows: (last?.rows ?? []) as Record<string, unknown>[] }
      },
      listen: async (channel, onMessage) => {
        if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`)
        // LISTEN holds a connection of its own for as long as it lasts.
        const client = await pool.connect()
        const handler = (m: pg.Notification) => {
          if (m.channel === channel) onMessage(m.payload ?? '')
        }
        client.on('notification', handler)
        await client.query(`LISTEN ${channel}`)
        return async () => {
          client.off('notification', handler)
          try {
            await client.query(`UNLISTEN ${channel}`)
          } finally {
            client.release()
          }
        }
      },
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
    executeSql: async (text, values) => {
      if (values === undefined || values.length === 0) {
        const results = await client.exec(text)
        return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] }
      }
      const r = await client.query(text, values)
      return { rows: r.rows as Record<string, unknown>[] }
    },
    listen: async (channel, onMessage) => {
      if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`)
      const unsubscribe = await client.listen(channel, onMessage)
      return async () => {
        if (!client.closed) await unsubscribe()
      }
    },
  }
}

/**
 * The one way a use case runs: everything it writes, including its ledger entry, commits or rolls back together.
 */
export function transaction<T>(db: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const services = bound.get(db)
  const outer = commitHooks.get(db)
  const hooks: (() => void)[] = []
  const done = db.transaction((tx) => {
    if (services) bound.set(tx, services)
    commitHooks.set(tx, hooks)
    return fn(tx as unknown as Tx)
  })
  return done.then((value) => {
    // A savepoint's hooks wait for the transaction around it; a rolled-back one's never run (they are dropped
    // with the rejection above).
    if (outer) outer.push(...hooks)
    else
      for (const hook of hooks) {
        try {
          hook()
        } catch (err) {
          onHookError(err)
        }
      }
    return value
  })
}

// What each open transaction will do once it has committed (see `afterCommit`).
const commitHooks = new WeakMap<object, (() => void)[]>()
// Hooks catch their own failures (delivery logs through the node); a throw that escapes is a bug, shown here.
const onHookError = (err: unknown) => console.error('after-commit hook failed', err)

/**
 * Runs `fn` once the transaction `tx` belongs to has committed: at once after the outermost commit, never if it
 * rolls back. On a handle that is not a transaction opened with `transaction()` (autocommit), `fn` runs on the next
 * turn of the event loop. Hooks must not throw; a throw is reported and does not undo anything.
 */
export function afterCommit(tx: Tx, fn: () => void): void {
  const hooks = commitHooks.get(tx)
  if (hooks) hooks.push(fn)
  else
    setImmediate(() => {
      try {
        fn()
      } catch (err) {
        onHookError(err)
      }
    })
}

// Services a node binds to its database at start (the officers' signer), found again from any transaction opened
// with `transaction()`: several nodes may share a process (the demo, cross-node tests), each with its own keys.
const bound = new WeakMap<object, Map<symbol, unknown>>()

/** Binds a node-wide service to its database handle; transactions opened on it with `transaction()` inherit it. */
export function bindService<T>(db: Tx, key: symbol, service: T): void {
  const services = bound.get(db) ?? new Map<symbol, unknown>()
  services.set(key, service)
  bound.set(db, services)
}

/** The service bound to the database of this handle or transaction, if any. */
export function boundService<T>(tx: Tx, key: symbol): T | undefined {
  return bound.get(tx)?.get(key) as T | undefined
}
