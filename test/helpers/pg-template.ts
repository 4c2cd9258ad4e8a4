import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase } from '../../src/core/db/index.ts'

function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

export async function createTemplate(url: string): Promise<string> {
  const name = `qinglang_tpl_${randomBytes(4).toString('hex')}`
  await admin(url, (c) => c.query(`CREATE DATABASE ${name}`))
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) })
  await db.migrate()
  await db.close()
  return name
}

export async function dropTemplate(url: string, name: string): Promise<void> {
  await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
}

/** A fresh database cloned from the migrated template; returns its URL and a function that drops it. */
export async function cloneTemplate(
  url: string,
  template: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `qinglang_t_${randomBytes(6).toString('hex')}`
  await admin(url, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`))
  return {
    url: withDatabase(url, name),
    drop: () =>
      admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  }
}
