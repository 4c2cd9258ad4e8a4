// Benchmark of recording acts in the ledger (src/ledger/append.ts) and of sequencing them (Ledger.sequence()), on
// the PostgreSQL server and on PGlite in memory: entries/s committed by 1, 4 and 16 concurrent writers, each
// transaction recording 1 or 100 entries through append() (one INSERT each, as the use cases do) or 100 or 1,000
// through appendMany() (one INSERT statement); the sequencer's rate over N pending entries; and the sequencing gap
// (status().oldestPendingAgeMs sampled every 100 ms while the writers run with the 200 ms sequencing timer; that
// throughput includes the timer's passes and the sampling). Then a profile of one entry's cost and of the
// sequencer's steps. Prints Markdown tables and writes bench/results/ledger-append.json.
// Run: npx tsx bench/ledger-append.ts [entries per batched run] [runs] [server|pglite]
//   (runs of one entry per transaction write a tenth as many entries; BENCH_PG_URL overrides the server, whose
//   databases qinglang_bench_<random> are created per cell and dropped at the end)
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { loadConfig } from '../src/core/config.ts'
import { type Database, type Tx, transaction } from '../src/core/db/index.ts'
import { newId } from '../src/core/ids.ts'
import { leafData, leafHashOf, toHex } from '../src/ledger/entry.ts'
import {
  type AppendInput,
  append,
  appendMany,
  evidenceDigest,
  type Ledger,
  type LedgerActor,
} from '../src/ledger/index.ts'
import * as store from '../src/ledger/store.ts'
import { ledgerEntry } from '../src/ledger/tables.ts'
import { createLedger, prepareDatabase } from '../src/server/start.ts'
import { EVIDENCE_TEXTS, MODERATOR, REASON } from './ledger-common.ts'

const ENTRIES = Number(process.argv[2] ?? 10_000)
const RUNS = Number(process.argv[3] ?? 5)
const ONLY = process.argv[4] as 'server' | 'pglite' | undefined
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const WRITERS = [1, 4, 16]
/** How each transaction records its entries: append() per entry, or one appendMany(). */
const METHODS = [
  { method: 'append', batch: 1 },
  { method: 'append', batch: 100 },
  { method: 'appendMany', batch: 100 },
  { method: 'appendMany', batch: 1000 },
] as const
type Method = (typeof METHODS)[number]['method']
const SEQUENCE_INTERVAL_MS = 200
const SAMPLE_INTERVAL_MS = 100
const GOAL_PER_SECOND = 20_000
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'ledger-append.json')

// ---------------------------------------------------------------------------------------------------------------
// A realistic entry: a moderator removes a post under A16, with the post's text as evidence.

function entryInput(writer: number, i: number): AppendInput {
  const postId = `post-${writer}-${i}`
  return {
    actor: MODERATOR,
    action: 'post.removed',
    subject: { type: 'post', id: postId },
    articles: ['A16'],
    ruleVersion: 'claim-bank-2026.11',
    evidence: { postId, text: EVIDENCE_TEXTS[i % EVIDENCE_TEXTS.length] },
    details: { reason: REASON },
  }
}

/** The row `append` writes for an input, built the same way (for the query-building and multi-row figures). */
function entryRow(input: AppendInput): typeof ledgerEntry.$inferInsert {
  const actor = input.actor as LedgerActor
  const at = new Date()
  return {
    id: newId(at.getTime()),
    recordedAt: at,
    actorKind: actor.kind,
    actorId: actor.id,
    actorStaffId: actor.staffId,
    actorOrganisationId: actor.organisationId,
    actorName: actor.name,
    action: input.action,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    articles: [...new Set(input.articles)],
    ruleVersion: input.ruleVersion ?? null,
    evidenceDigest: evidenceDigest(input.evidence),
    details: JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

interface Range {
  n: number
  median: number
  min: number
  max: number
}

function range(xs: readonly number[]): Range {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  const median = s.length === 0 ? Number.NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
  return { n: s.length, median, min: s[0] ?? Number.NaN, max: s.at(-1) ?? Number.NaN }
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const now = () => performance.now()

// ---------------------------------------------------------------------------------------------------------------
// Databases: a fresh one per cell, so every cell starts from the same empty log.

type Kind = 'server' | 'pglite'

interface Node {
  database: Database
  ledger: Ledger
  name: string
  drop(): Promise<void>
}

const created = new Set<string>()
let admin: pg.Client | null = null

async function dropDatabase(name: string): Promise<void> {
  await admin?.query(`drop database if exists "${name}" with (force)`)
  created.delete(name)
}

async function openNode(kind: Kind): Promise<Node> {
  let name = 'memory'
  let overrides: { databaseUrl?: string; dataDir?: string } = { dataDir: ':memory:' }
  if (kind === 'server') {
    name = `qinglang_bench_${randomBytes(6).toString('hex')}`
    await admin!.query(`create database "${name}"`)
    created.add(name)
    const url = new URL(ADMIN_URL)
    url.pathname = `/${name}`
    overrides = { databaseUrl: url.toString() }
  }
  const { config, secrets } = loadConfig(
    { QINGLANG_SEQUENCE_INTERVAL_MS: String(SEQUENCE_INTERVAL_MS) },
    { role: 'platform', id: 'bench-node', masterKey: randomBytes(32), logLevel: 'silent', ...overrides },
  )
  const { database, keys } = await prepareDatabase(config, secrets)
  const ledger = createLedger(config, database, keys, (e) => console.error('sequencer:', e))
  await ledger.load()
  await ledger.sequence()
  return {
    database,
    ledger,
    name,
    drop: async () => {
      await ledger.stop()
      await database.close()
      if (kind === 'server') await dropDatabase(name)
    },
  }
}

async function dropAll(): Promise<void> {
  for (const name of [...created]) await dropDatabase(name).catch(() => {})
}
process.on('SIGINT', () => {
  void dropAll().finally(() => process.exit(130))
})

// ---------------------------------------------------------------------------------------------------------------
// One run: W writers, each committing transactions of B entries; returns the entries written and the seconds.

async function writeRun(db: Tx, method: Method, writers: number, batch: number, entries: number) {
  const perWriter = Math.max(1, Math.round(entries / (writers * batch)))
  const t0 = now()
  const cpu = process.cpuUsage()
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let t = 0; t < perWriter; t++) {
        await transaction(db, async (tx) => {
          if (method === 'appendMany') {
            await appendMany(
              tx,
              Array.from({ length: batch }, (_, b) => entryInput(w, t * batch + b)),
            )
          } else for (let b = 0; b < batch; b++) await append(tx, entryInput(w, t * batch + b))
        })
      }
    }),
  )
  const seconds = (now() - t0) / 1000
  const used = process.cpuUsage(cpu)
  const written = perWriter * writers * batch
  // The share of one core this process used: near 1, the writers are bound by Node's own thread.
  const nodeCpuShare = (used.user + used.system) / 1e6 / seconds
  return { entries: written, seconds, perSecond: written / seconds, nodeCpuShare }
}

/** Samples the sequencing gap every 100 ms until stopped; each sample also times status() itself. */
function sampleGap(ledger: Ledger) {
  const gaps: number[] = []
  const statusMs: number[] = []
  let running = true
  const done = (async () => {
    while (running) {
      const t0 = now()
      const s = await ledger.status()
      statusMs.push(now() - t0)
      gaps.push(s.oldestPendingAgeMs ?? 0)
      await sleep(Math.max(0, SAMPLE_INTERVAL_MS - (now() - t0)))
    }
  })()
  return async () => {
    running = false
    await done
    return { gaps, statusMs }
  }
}

interface RunRecord {
  withSequencer: boolean
  entries: number
  seconds: number
  perSecond: number
  nodeCpuShare: number
  /** Without the timer: ledger.sequence() over the run's entries, all pending. */
  sequence?: { entries: number; seconds: number; perSecond: number }
  /** With the timer: entries still pending when the writers finished, and the time to sequence them. */
  tail?: { pending: number; seconds: number }
  logSizeBefore: number
  load1: number
}

async function cell(kind: Kind, method: Method, writers: number, batch: number) {
  const entries = batch === 1 ? Math.max(writers, Math.round(ENTRIES / 10)) : ENTRIES
  const node = await openNode(kind)
  const { database, ledger } = node
  const load = [loadavg()[0]!]
  try {
    // Warm-up (not recorded): JIT, connections, the first pages of each index.
    await writeRun(database.db, method, writers, batch, Math.max(writers * batch, entries / 10))
    await ledger.sequence()
    const runs: RunRecord[] = []
    const gaps: number[] = []
    const statusMs: number[] = []
    // Runs alternate without and with the sequencing timer, so both see the same log sizes on average.
    for (let r = 0; r < RUNS; r++) {
      for (const withSequencer of [false, true]) {
        const logSizeBefore = ledger.tree.size
        const load1 = loadavg()[0]!
        if (!withSequencer) {
          const w = await writeRun(database.db, method, writers, batch, entries)
          const t0 = now()
          const sequenced = await ledger.sequence()
          const seconds = (now() - t0) / 1000
          if (sequenced !== w.entries) throw new Error(`sequenced ${sequenced} of ${w.entries} entries`)
          runs.push({
            withSequencer,
            ...w,
            sequence: { entries: sequenced, seconds, perSecond: sequenced / seconds },
            logSizeBefore,
            load1,
          })
        } else {
          ledger.start()
          const stopSampling = sampleGap(ledger)
          const w = await writeRun(database.db, method, writers, batch, entries)
          const sampled = await stopSampling()
          await ledger.stop()
          const pending = (await ledger.status()).pending
          const t0 = now()
          await ledger.sequence()
          const seconds = (now() - t0) / 1000
          gaps.push(...sampled.gaps)
          statusMs.push(...sampled.statusMs)
          runs.push({ withSequencer, ...w, tail: { pending, seconds }, logSizeBefore, load1 })
        }
        process.stderr.write('.')
      }
    }
    const status = await ledger.status()
    if (status.pending !== 0) throw new Error(`${status.pending} entries left unsequenced`)
    load.push(loadavg()[0]!)
    const off = runs.filter((r) => !r.withSequencer)
    const on = runs.filter((r) => r.withSequencer)
    return {
      db: kind,
      method,
      writers,
      batch,
      entriesPerRun: off[0]?.entries ?? entries,
      append: range(off.map((r) => r.perSecond)),
      nodeCpuShare: range(off.map((r) => r.nodeCpuShare)),
      appendWithSequencer: range(on.map((r) => r.perSecond)),
      sequence: range(off.map((r) => r.sequence!.perSecond)),
      gapMs: {
        samples: gaps.length,
        median: quantile(gaps, 0.5),
        p95: quantile(gaps, 0.95),
        max: Math.max(...gaps),
      },
      statusMs: { median: quantile(statusMs, 0.5), max: Math.max(...statusMs) },
      tail: range(on.map((r) => r.tail!.pending)),
      logSizeAtEnd: status.size,
      load1: load,
      runs,
    }
  } finally {
    await node.drop()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Profile: where one entry's time goes, and what a multi-row INSERT would give.

/** Mean µs per call of `f` over n calls. */
async function perCall(n: number, f: (i: number) => unknown): Promise<number> {
  const t0 = now()
  for (let i = 0; i < n; i++) await f(i)
  return ((now() - t0) * 1000) / n
}

async function profile(kind: Kind) {
  const node = await openNode(kind)
  const { database, ledger } = node
  const db = database.db
  const stub = { insert: () => ({ values: async () => {} }) } as unknown as Tx
  const inputs = Array.from({ length: 2000 }, (_, i) => entryInput(0, i))
  const rows = inputs.map(entryRow)
  try {
    const us: Record<string, number> = {}
    for (let k = 0; k < 2; k++) {
      // Twice: the first pass warms up the JIT; the second is kept.
      us.appendJsOnly = await perCall(20_000, (i) => append(stub, inputs[i % inputs.length]!))
      us.evidenceDigest = await perCall(20_000, (i) => evidenceDigest(inputs[i % inputs.length]!.evidence))
      us.newId = await perCall(20_000, () => newId())
      us.buildInsertSql = await perCall(20_000, (i) =>
        db
          .insert(ledgerEntry)
          .values(rows[i % rows.length]!)
          .toSQL(),
      )
      await transaction(db, async (tx) => {
        us.selectOneRoundTrip = await perCall(2000, () => tx.execute(sql`select 1`))
        us.appendInTransaction = await perCall(2000, (i) => append(tx, inputs[i]!))
        us.appendMany100PerEntry =
          (await perCall(20, (i) => appendMany(tx, inputs.slice(i * 100, i * 100 + 100)))) / 100
        us.appendMany1000PerEntry =
          (await perCall(2, (i) => appendMany(tx, inputs.slice(i * 1000, i * 1000 + 1000)))) / 1000
      })
      us.emptyTransactionMs = (await perCall(200, () => transaction(db, async () => {}))) / 1000
      us.oneEntryTransactionMs =
        (await perCall(200, (i) => transaction(db, (tx) => append(tx, inputs[i]!)))) / 1000
      await ledger.sequence()
    }

    // The sequencer's steps over 5,000 pending entries, in a transaction rolled back at the end.
    await transaction(db, (tx) =>
      appendMany(
        tx,
        Array.from({ length: 5000 }, (_, i) => inputs[i % inputs.length]!),
      ),
    )
    const sequencer: Record<string, number> = {}
    await transaction(db, async (tx) => {
      let t0 = now()
      const pending = (await store.unsequenced(tx, 5000)).map((q) => q.entry)
      sequencer.selectQueuedMs = now() - t0
      t0 = now()
      const data = pending.map((e, i) => leafData(e, ledger.tree.size + i))
      sequencer.leafDataMs = now() - t0
      t0 = now()
      const hashes = data.map((d) => toHex(leafHashOf(d)))
      sequencer.leafHashMs = now() - t0
      t0 = now()
      await store.insertSequences(
        tx,
        pending.map((e, i) => ({
          seq: ledger.tree.size + i,
          entryId: e.id,
          leafData: data[i]!,
          leafHash: hashes[i]!,
        })),
      )
      sequencer.insertSequencesMs = now() - t0
      t0 = now()
      await store.dequeue(
        tx,
        pending.map((e) => e.id),
      )
      sequencer.dequeueMs = now() - t0
      sequencer.entries = pending.length
      throw new RollBack()
    }).catch((e) => {
      if (!(e instanceof RollBack)) throw e
    })
    let t0 = now()
    const n = await ledger.sequence()
    sequencer.sequenceCallMs = now() - t0
    if (n !== 5000) throw new Error(`sequenced ${n}, expected 5000`)
    t0 = now()
    await ledger.status()
    sequencer.statusMs = now() - t0
    t0 = now()
    await store.vacuumQueue(db)
    sequencer.vacuumQueueMs = now() - t0
    sequencer.logSize = ledger.tree.size
    return { db: kind, perEntryUs: us, sequencer }
  } finally {
    await node.drop()
  }
}

class RollBack extends Error {}

// ---------------------------------------------------------------------------------------------------------------

const kinds: Kind[] = []
let postgres: Record<string, string> | null = null
if (ONLY !== 'pglite') {
  try {
    admin = new pg.Client({ connectionString: ADMIN_URL })
    await admin.connect()
    const settings = await admin.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings
       where name in ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'wal_sync_method')`,
    )
    postgres = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]))
    kinds.push('server')
  } catch (e) {
    console.error(`PostgreSQL server at ${ADMIN_URL} not reachable, skipped: ${(e as Error).message}`)
    admin = null
  }
}
if (ONLY !== 'server') kinds.push('pglite')

const started = now()
const cells: Awaited<ReturnType<typeof cell>>[] = []
const profiles: Awaited<ReturnType<typeof profile>>[] = []
try {
  for (const kind of kinds) {
    for (const { method, batch } of METHODS) {
      for (const writers of WRITERS) {
        process.stderr.write(`${kind} ${method} writers=${writers} batch=${batch} `)
        cells.push(await cell(kind, method, writers, batch))
        process.stderr.write('\n')
      }
    }
    process.stderr.write(`${kind} profile `)
    profiles.push(await profile(kind))
    process.stderr.write('\n')
  }
} finally {
  await dropAll()
  await admin?.end()
}

const bestServerBatched = Math.max(
  ...cells.filter((c) => c.db === 'server' && c.batch > 1).map((c) => c.append.median),
)
const bestCell = cells.find((c) => c.db === 'server' && c.batch > 1 && c.append.median === bestServerBatched)
const result = {
  benchmark: 'ledger-append',
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  totalMemoryGiB: totalmem() / 2 ** 30,
  minutes: (now() - started) / 60_000,
  entriesPerBatchedRun: ENTRIES,
  entriesPerUnbatchedRun: Math.round(ENTRIES / 10),
  runs: RUNS,
  serverPoolSize: 10,
  sequenceIntervalMs: SEQUENCE_INTERVAL_MS,
  sampleIntervalMs: SAMPLE_INTERVAL_MS,
  postgres,
  goal: {
    serverBatchedPerSecond: GOAL_PER_SECOND,
    measured: Number.isFinite(bestServerBatched) ? bestServerBatched : null,
    by: bestCell && { method: bestCell.method, writers: bestCell.writers, batch: bestCell.batch },
    met: bestServerBatched >= GOAL_PER_SECOND,
  },
  cells,
  profiles,
}
mkdirSync(dirname(RESULTS), { recursive: true })
writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`)

const int = (x: number) => Math.round(x).toLocaleString('en')
const r = (x: Range) => `${int(x.median)} (${int(x.min)}–${int(x.max)})`
const f1 = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0))
console.log(`\n## ledger-append — ${RUNS} runs per cell, medians (min–max)\n`)
console.log(
  `${result.node}, ${result.cpu} × ${result.cpus}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
if (postgres) {
  console.log(
    `PostgreSQL ${postgres.server_version} on the same machine, fsync=${postgres.fsync}, ` +
      `synchronous_commit=${postgres.synchronous_commit}; pool of 10 connections (openDatabase)`,
  )
}
console.log('')
console.log(
  '| database | method | writers | entries/tx | entries/run | append entries/s | with sequencer + sampling entries/s | ' +
    'sequence() entries/s | gap median ms | gap p95 ms | gap max ms | status() median ms | Node CPU share |',
)
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for (const c of cells) {
  console.log(
    `| ${c.db} | ${c.method}() | ${c.writers} | ${c.batch} | ${int(c.entriesPerRun)} | ${r(c.append)} | ${r(c.appendWithSequencer)} | ` +
      `${r(c.sequence)} | ${int(c.gapMs.median)} | ${int(c.gapMs.p95)} | ${int(c.gapMs.max)} | ${f1(c.statusMs.median)} | ` +
      `${c.nodeCpuShare.median.toFixed(2)} |`,
  )
}
console.log('')
console.log(`| per entry (µs unless ms) | ${profiles.map((p) => p.db).join(' | ')} |`)
console.log(`|---|${profiles.map(() => '---:').join('|')}|`)
const profileRows: [string, string][] = [
  ['append() JS work only (stub transaction)', 'appendJsOnly'],
  ['  of which evidenceDigest (canonicalize + SHA-256)', 'evidenceDigest'],
  ['  of which newId', 'newId'],
  ['drizzle: build one INSERT (toSQL)', 'buildInsertSql'],
  ['select 1 through drizzle (round trip)', 'selectOneRoundTrip'],
  ['append() inside an open transaction', 'appendInTransaction'],
  ['appendMany() of 100, per entry', 'appendMany100PerEntry'],
  ['appendMany() of 1,000, per entry', 'appendMany1000PerEntry'],
  ['empty transaction (ms)', 'emptyTransactionMs'],
  ['transaction of one append (ms)', 'oneEntryTransactionMs'],
]
for (const [label, key] of profileRows)
  console.log(`| ${label} | ${profiles.map((p) => f1(p.perEntryUs[key] ?? Number.NaN)).join(' | ')} |`)
console.log('')
console.log(`| sequencer, 5,000 pending (ms) | ${profiles.map((p) => p.db).join(' | ')} |`)
console.log(`|---|${profiles.map(() => '---:').join('|')}|`)
for (const key of [
  'selectQueuedMs',
  'leafDataMs',
  'leafHashMs',
  'insertSequencesMs',
  'dequeueMs',
  'sequenceCallMs',
  'statusMs',
  'vacuumQueueMs',
]) {
  console.log(`| ${key} | ${profiles.map((p) => f1(p.sequencer[key] ?? Number.NaN)).join(' | ')} |`)
}
console.log('')
console.log(
  `\ngoal ≥ ${int(GOAL_PER_SECOND)} entries/s batched on the server: ` +
    (result.goal.measured === null
      ? 'not measured'
      : `best median ${int(result.goal.measured)} (${bestCell?.method}(), ${bestCell?.writers} writers, ` +
        `${bestCell?.batch} entries/tx) — ${result.goal.met ? 'met' : 'NOT met'}`),
)
console.log(`\nwritten to ${RESULTS} (${result.minutes.toFixed(1)} min)`)
