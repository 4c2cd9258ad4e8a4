// Reads a node's whole log from its database, in order and in pages, for verification.

import type { KeyObject } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Tx } from '../core/db/index.ts'
import { listOfficerKeys } from './officer-keys.ts'
import * as store from './store.ts'
import { LogChecker, type OfficerKeyRecord, type SequencedEntry, type VerifyReport } from './verify.ts'
import type { CheckerRequest } from './verify-worker.ts'

const PAGE = 5000
const WORKER_FROM = 20_000

type SequencedRow = Awaited<ReturnType<typeof store.sequencedAfter>>[number]
const sequenced = (r: SequencedRow): SequencedEntry => ({
  seq: r.seq,
  entry: r.entry,
  leafData: r.leafData,
  leafHash: r.leafHash,
})

async function readCheckpoints(db: Tx): Promise<{ size: number; note: string }[]> {
  const checkpoints: { size: number; note: string }[] = []
  for (let from = 0; ; ) {
    const page = await store.listCheckpoints(db, from, 1000)
    checkpoints.push(...page.map((c) => ({ size: c.size, note: c.note })))
    if (page.length < 1000) return checkpoints
    from = (page.at(-1)?.size ?? from) + 1
  }
}

/** How many indexes the stored log has given (its highest plus one). */
export const storedLogSize = (db: Tx): Promise<number> => store.logSize(db)

/** The whole log entry by entry, as the schema maps it (for verifyLog, and for tests). */
export async function readLog(db: Tx): Promise<{
  size: number
  entries: AsyncIterable<SequencedEntry>
  checkpoints: { size: number; note: string }[]
  officerKeys: OfficerKeyRecord[]
}> {
  const size = await store.logSize(db)
  const checkpoints = await readCheckpoints(db)
  const officerKeys = await listOfficerKeys(db)
  async function* entries(): AsyncIterable<SequencedEntry> {
    for (let after = -1; ; ) {
      const rows = await store.sequencedAfter(db, after, PAGE)
      for (const r of rows) yield sequenced(r)
      if (rows.length < PAGE) return
      after = rows.at(-1)?.seq ?? after
    }
  }
  return { size, entries: entries(), checkpoints, officerKeys }
}

interface PageState {
  ok: boolean
  size: number
  stopped: boolean
}

/** The checks, on a worker thread or (where one cannot start) on this one; the same LogChecker either way. */
interface Checker {
  page(text: string, count: number): Promise<PageState>
  entries(entries: SequencedEntry[]): Promise<PageState>
  recheck(): Promise<number[]>
  altered(entries: SequencedEntry[]): Promise<void>
  finish(
    checkpoints: { size: number; note: string }[],
    key: { name: string; publicKey: KeyObject },
  ): Promise<VerifyReport>
  close(): Promise<void>
}

function localChecker(officerKeys: OfficerKeyRecord[]): Checker {
  const c = new LogChecker(officerKeys)
  const state = (ok: boolean) => ({ ok, size: c.tree.size, stopped: c.stopped })
  return {
    page: async (text, count) => state(c.page(text, count)),
    entries: async (entries) => {
      for (const e of entries) if (!c.stopped) c.entry(e)
      return state(true)
    },
    recheck: async () => c.recheck,
    altered: async (entries) => {
      for (const e of entries) c.altered(e)
    },
    finish: async (checkpoints, key) => c.finish(checkpoints, key),
    close: async () => {},
  }
}

/**
 * The worker: this module's sibling, started through tsx's loader when we run from TypeScript sources (a worker
 * does not inherit the loader's hooks), directly when compiled.
 */
function startWorker(): Worker {
  const file = new URL('./verify-worker.ts', import.meta.url)
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./verify-worker.js', import.meta.url))
  const tsx = path.join(
    path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
    'dist/esm/api/index.mjs',
  )
  const code = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((m) => m.register()).then(() => import(${JSON.stringify(file.href)}))`
  return new Worker(code, { eval: true })
}

async function workerChecker(officerKeys: OfficerKeyRecord[]): Promise<Checker> {
  const worker = startWorker()
  const waiting: { resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = []
  let failed: unknown = null
  const fail = (e: unknown) => {
    failed ??= e
    for (const w of waiting.splice(0)) w.reject(e)
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the verify worker exited (${code})`)))
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve())
    worker.once('error', reject)
    worker.once('exit', () => reject(new Error('the verify worker did not start')))
  })
  worker.on('message', (m: unknown) => waiting.shift()?.resolve(m))
  const ask = <T>(m: CheckerRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failed) return reject(failed)
      waiting.push({ resolve: resolve as (v: unknown) => void, reject })
      worker.postMessage(m)
    })
  await ask({ type: 'keys', officerKeys })
  return {
    page: (text, count) => ask({ type: 'page', text, count }),
    entries: (entries) => ask({ type: 'entries', entries }),
    recheck: () => ask({ type: 'recheck' }),
    altered: (entries) => ask({ type: 'altered', entries }),
    finish: (checkpoints, key) => ask({ type: 'finish', checkpoints, key }),
    close: async () => {
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}

/**
 * Verifies the log stored in a database (`ledger verify --data DIR` or DATABASE_URL): pages of one text value
 * each, checked on a worker thread while the next page is read; a page that does not split cleanly, and every
 * entry whose fast check is inconclusive, is checked again through the schema's own mapping, so the report is the
 * same as verifyLog over readLog.
 */
export async function verifyStoredLog(
  db: Tx,
  key: { name: string; publicKey: KeyObject },
  onProgress?: (done: number) => void,
  options: { worker?: boolean } = {},
): Promise<VerifyReport> {
  const checkpoints = await readCheckpoints(db)
  // Every officer key the node ever published: officers' signatures are checked with the entries.
  // A database from before officer keys has no such table, and no signatures: an empty key list fits it.
  const officerKeys = await listOfficerKeys(db).catch(() => [])
  // A worker costs a few hundred milliseconds to start: worth it from tens of thousands of entries.
  const useWorker = options.worker ?? (await store.logSize(db)) >= WORKER_FROM
  let checker: Checker
  try {
    checker = useWorker ? await workerChecker(officerKeys) : localChecker(officerKeys)
  } catch {
    checker = localChecker(officerKeys)
  }
  try {
    let after = -1
    let next = store.logTextPage(db, after, PAGE)
    for (;;) {
      const page = await next
      if (page.count === 0) break
      const checked = checker.page(page.text, page.count)
      // The next page is read while this one is checked.
      next = store.logTextPage(db, page.last, PAGE)
      next.catch(() => {}) // when we stop early; otherwise the error surfaces at the await above
      let state = await checked
      let last = page.last
      if (!state.ok) {
        const rows = (await store.sequencedAfter(db, after, page.count)).map(sequenced)
        state = await checker.entries(rows)
        last = rows.at(-1)?.seq ?? last
      }
      onProgress?.(state.size)
      if (state.stopped) {
        await next.catch(() => {})
        break
      }
      after = last
    }
    for (const seq of await checker.recheck()) {
      await checker.altered((await store.sequencedAfter(db, seq - 1, 1)).map(sequenced))
    }
    return await checker.finish(checkpoints, key)
  } finally {
    await checker.close()
  }
}
