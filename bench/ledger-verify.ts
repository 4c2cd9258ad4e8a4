// Benchmark of verifying a whole stored log at 1M entries on PGlite in a data folder: what
// `qinglang ledger verify --data DIR` runs (verifyStoredLog: keyset pages of one text value each, checked on a
// worker thread while the next page is read), the same on one thread, and the entry-by-entry path (readLog +
// verifyLog, what --url uses) for comparison; where the time goes; and inclusion and consistency proofs from the
// Ledger's tree. The log is built by bench/ledger-fixture.ts (appendMany in transactions of 10,000, each followed
// by ledger.sequence(), a signed checkpoint every 100,000 entries); building is not the measured part. Prints
// Markdown tables and writes bench/results/ledger-verify.json.
// Run: npx tsx bench/ledger-verify.ts [entries] [verify runs] [proof samples]
//   BENCH_DATA=DIR builds the log in DIR and keeps it; a later run with the same DIR skips the build.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../src/core/config.ts'
import { type Database, openDatabase, transaction } from '../src/core/db/index.ts'
import { publicKeyFromBase64, readNodeIdentity } from '../src/core/node/index.ts'
import {
  appendMany,
  LogChecker,
  readLog,
  verifyConsistency,
  verifyInclusion,
  verifyLog,
  verifyStoredLog,
} from '../src/ledger/index.ts'
import * as store from '../src/ledger/store.ts'
import { createLedger, prepareDatabase } from '../src/server/start.ts'
import { stats, time } from './ledger-common.ts'
import { buildLog, entryInput } from './ledger-fixture.ts'

const ENTRIES = Number(process.argv[2] ?? 1_000_000)
const RUNS = Number(process.argv[3] ?? 3)
const SAMPLES = Number(process.argv[4] ?? 10_000)
const GOAL_VERIFY_SECONDS = 10
const GOAL_PROOF_MS = 1
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'ledger-verify.json')

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

// mulberry32: a seeded generator, so every run draws the same indexes and sizes.
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(20261130)
const below = (n: number): number => Math.floor(rand() * n)
const now = () => performance.now()
const progress = (text: string) => process.stderr.write(`\r${text}`.padEnd(80))
const started = now()

// ---------------------------------------------------------------------------------------------------------------
// 1. The log: built (or found) in the folder.

const keep = process.env.BENCH_DATA !== undefined
const folder = process.env.BENCH_DATA ?? mkdtempSync(join(tmpdir(), 'qinglang-bench-verify-'))
const dataDir = join(folder, 'pgdata')
const build = existsSync(join(folder, 'master-key')) ? null : await buildLog(folder, ENTRIES, progress)
process.stderr.write('\n')

async function openForVerify(): Promise<{
  database: Database
  key: { name: string; publicKey: ReturnType<typeof publicKeyFromBase64> }
}> {
  const database = await openDatabase({ kind: 'pglite', dataDir })
  const identity = await readNodeIdentity(database.db)
  if (!identity) throw new Error(`no node in ${dataDir}`)
  return { database, key: { name: identity.nodeId, publicKey: publicKeyFromBase64(identity.publicKey) } }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Verify, as `ledger verify --data` does: open the folder, verifyStoredLog. Then once each on one thread and
// entry by entry.

interface Run {
  how: 'worker' | 'one thread' | 'entry by entry'
  openSeconds: number
  seconds: number
  cpuSeconds: number
  entries: number
  checkpoints: number
  load1: number
}

async function verifyRun(how: Run['how']): Promise<Run> {
  const load1 = loadavg()[0]!
  let t = now()
  const { database, key } = await openForVerify()
  const openSeconds = (now() - t) / 1000
  t = now()
  const cpu = process.cpuUsage()
  let report: Awaited<ReturnType<typeof verifyLog>>
  if (how === 'entry by entry') {
    const log = await readLog(database.db)
    report = await verifyLog(log.entries, log.checkpoints, key)
  } else {
    report = await verifyStoredLog(database.db, key, undefined, { worker: how === 'worker' })
  }
  const seconds = (now() - t) / 1000
  const used = process.cpuUsage(cpu)
  await database.close()
  if (!report.ok) throw new Error(`verification failed: ${JSON.stringify(report.problems.slice(0, 3))}`)
  return {
    how,
    openSeconds,
    seconds,
    // All threads of the process: with the worker, more than the wall time when both threads had a core.
    cpuSeconds: (used.user + used.system) / 1e6,
    entries: report.entries,
    checkpoints: report.checkpoints,
    load1,
  }
}

const runs: Run[] = []
for (let r = 0; r < RUNS; r++) {
  progress(`verify run ${r + 1}/${RUNS}`)
  runs.push(await verifyRun('worker'))
}
progress('verify on one thread')
runs.push(await verifyRun('one thread'))
progress('verify entry by entry')
runs.push(await verifyRun('entry by entry'))
const logSize = runs[0]!.entries

// Where one thread's time goes: reading the pages, and checking them.
progress('split: reading and checking')
const split = { readMs: 0, checkMs: 0, pages: 0 }
{
  const { database } = await openForVerify()
  const checker = new LogChecker()
  for (let after = -1; ; ) {
    let t = now()
    const page = await store.logTextPage(database.db, after, 5000)
    split.readMs += now() - t
    if (page.count === 0) break
    t = now()
    if (!checker.page(page.text, page.count)) throw new Error('a page did not split')
    split.checkMs += now() - t
    split.pages++
    after = page.last
  }
  if (checker.tree.size !== logSize || checker.recheck.length > 0) throw new Error('the split pass disagrees')
  await database.close()
}
process.stderr.write('\n')

// ---------------------------------------------------------------------------------------------------------------
// 3. The running node at this size: load the tree, proofs from it, and the sequencer's fixed cost per pass.

progress('proofs')
const { config, secrets } = loadConfig(
  {},
  {
    role: 'platform',
    id: 'bench-node',
    masterKey: Buffer.from(readFileSync(join(folder, 'master-key'), 'utf8'), 'base64'),
    logLevel: 'silent',
    dataDir,
  },
)
const { database, keys } = await prepareDatabase(config, secrets)
const ledger = createLedger(config, database, keys)
let t = now()
await ledger.load()
const loadMs = now() - t
const size = ledger.tree.size
if (size !== logSize) throw new Error(`the ledger loaded ${size} leaves, the log has ${logSize}`)
const tree = ledger.tree
const inclusionCases = Array.from({ length: SAMPLES }, () => ({ index: below(size), size }))
const consistencyCases = Array.from({ length: SAMPLES }, () => ({ size1: 1 + below(size - 1), size2: size }))
const root = tree.root()
const inclusionNs = time(inclusionCases, (c) => tree.inclusionProof(c.index, c.size))
const consistencyNs = time(consistencyCases, (c) => tree.consistencyProof(c.size1, c.size2))
const rootNs = time(consistencyCases, (c) => tree.root(c.size1))
let failures = 0
for (const c of inclusionCases.slice(0, 1000)) {
  if (!verifyInclusion(tree.leaf(c.index), c.index, c.size, tree.inclusionProof(c.index, c.size), root))
    failures++
}
for (const c of consistencyCases.slice(0, 1000)) {
  const proof = tree.consistencyProof(c.size1, c.size2)
  if (!verifyConsistency(c.size1, c.size2, tree.root(c.size1), root, proof)) failures++
}
if (failures > 0) throw new Error(`${failures} proofs failed to verify`)

progress('sequencer at this size')
const atSize: Record<string, number> = { loadMs }
t = now()
await ledger.status()
atSize.statusMs = now() - t
t = now()
await ledger.sequence()
atSize.idleSequenceMs = now() - t
await transaction(database.db, (tx) =>
  appendMany(
    tx,
    Array.from({ length: 1000 }, (_, i) => entryInput(size + i)),
  ),
)
t = now()
const sequenced = await ledger.sequence()
atSize.sequence1000Ms = now() - t
if (sequenced !== 1000) throw new Error(`sequenced ${sequenced} of 1,000`)
await database.close()
process.stderr.write('\n')
if (!keep) rmSync(folder, { recursive: true, force: true })

// ---------------------------------------------------------------------------------------------------------------

const workerRuns = runs.filter((r) => r.how === 'worker')
const verifySeconds = range(workerRuns.map((r) => r.seconds))
const operations = {
  inclusionProof: stats(inclusionNs),
  consistencyProof: stats(consistencyNs),
  root: stats(rootNs),
}
const result = {
  benchmark: 'ledger-verify',
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  totalMemoryGiB: totalmem() / 2 ** 30,
  load: loadavg(),
  minutes: (now() - started) / 60_000,
  database: 'pglite, data folder on local disk',
  entries: logSize,
  checkpoints: runs[0]!.checkpoints,
  build: build && { ...build, note: 'appendMany in transactions of 10,000, then sequence(); not measured' },
  verify: {
    runs,
    seconds: verifySeconds,
    entriesPerSecond: logSize / verifySeconds.median,
    cpuSeconds: range(workerRuns.map((r) => r.cpuSeconds)),
    openSeconds: range(workerRuns.map((r) => r.openSeconds)),
    load1: range(workerRuns.map((r) => r.load1)),
    goalSeconds: GOAL_VERIFY_SECONDS,
    met: verifySeconds.median <= GOAL_VERIFY_SECONDS,
  },
  split,
  sequencerAtSize: atSize,
  proofs: {
    samples: SAMPLES,
    operations,
    goalMs: GOAL_PROOF_MS,
    met:
      operations.inclusionProof.p99Us <= GOAL_PROOF_MS * 1000 &&
      operations.consistencyProof.p99Us <= GOAL_PROOF_MS * 1000,
  },
}
mkdirSync(dirname(RESULTS), { recursive: true })
writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`)

const int = (x: number) => Math.round(x).toLocaleString('en')
const s1 = (x: number) => x.toFixed(1)
const f = (us: number) => (us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : us.toFixed(0))
console.log(`\n## ledger-verify — ${int(logSize)} entries on PGlite (data folder), ${RUNS} verify runs\n`)
console.log(
  `${result.node}, ${result.cpu} × ${result.cpus}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end\n`,
)
console.log('| verify | seconds | CPU seconds (all threads) | load (1 min) at start |')
console.log('|---|---:|---:|---:|')
for (const r of runs) {
  console.log(`| ${r.how} | ${s1(r.seconds)} | ${s1(r.cpuSeconds)} | ${r.load1.toFixed(1)} |`)
}
console.log(
  `\nverifyStoredLog with the worker: median ${s1(verifySeconds.median)} s (${s1(verifySeconds.min)}–` +
    `${s1(verifySeconds.max)}), ${int(result.verify.entriesPerSecond)} entries/s; opening the folder ` +
    `${s1(result.verify.openSeconds.median)} s more`,
)
console.log(
  `one thread, split: reading ${int(split.readMs)} ms, checking ${int(split.checkMs)} ms over ${split.pages} pages`,
)
console.log('')
console.log(`| proof at size ${int(size)} (${int(SAMPLES)} samples) | p50 µs | p99 µs | min–max µs |`)
console.log('|---|---:|---:|---:|')
for (const [name, s] of [
  ['inclusion proof, random index', operations.inclusionProof],
  ['consistency proof, random size1', operations.consistencyProof],
  ['root(size1)', operations.root],
] as const) {
  console.log(`| ${name} | ${f(s.medianUs)} | ${f(s.p99Us)} | ${f(s.minUs)}–${f(s.maxUs)} |`)
}
console.log('')
console.log(`| the node at ${int(size)} entries | ms |`)
console.log('|---|---:|')
console.log(`| Ledger.load() | ${int(atSize.loadMs!)} |`)
console.log(`| status() | ${int(atSize.statusMs!)} |`)
console.log(`| sequence() with nothing pending | ${int(atSize.idleSequenceMs!)} |`)
console.log(`| sequence() of 1,000 pending | ${int(atSize.sequence1000Ms!)} |`)
console.log(
  `\ngoals: verify ${int(logSize)} ≤ ${GOAL_VERIFY_SECONDS} s — ${result.verify.met ? 'met' : 'NOT met'}` +
    `${logSize < 1_000_000 ? ' (at this size)' : ''}; proofs ≤ ${GOAL_PROOF_MS} ms (p99) — ` +
    `${result.proofs.met ? 'met' : 'NOT met'}`,
)
console.log(
  `\nwritten to ${RESULTS} (${result.minutes.toFixed(1)} min)${keep ? `; data kept in ${folder}` : ''}`,
)
