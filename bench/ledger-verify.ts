// Benchmark of verifying a whole stored log at 1M entries on PGlite in a temp data folder: readLog + verifyLog
// (src/ledger/read-log.ts, verify.ts: what `qinglang ledger verify --data DIR` runs), where that time goes, and
// inclusion and consistency proof generation from the Ledger's tree. The log is built through append() in
// transactions of 9,999 entries, each followed by ledger.sequence(), with a signed checkpoint every 100,000 entries
// and at the end; the build's own rates are reported too. Prints Markdown tables and writes
// bench/results/ledger-verify.json.
// Run: npx tsx bench/ledger-verify.ts [entries] [verify runs] [proof samples]
//   BENCH_DATA=DIR builds the log in DIR and keeps it; a later run with the same DIR skips the build.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { loadConfig } from '../src/core/config.ts'
import { type Database, openDatabase, type Tx, transaction } from '../src/core/db/index.ts'
import { publicKeyFromBase64, readNodeIdentity } from '../src/core/node/index.ts'
import { type EntryFields, fromHex, leafData, leafHashOf, toHex } from '../src/ledger/entry.ts'
import {
  type AppendInput,
  append,
  type Ledger,
  MerkleTree,
  readLog,
  verifyConsistency,
  verifyInclusion,
  verifyLog,
} from '../src/ledger/index.ts'
import { createLedger, prepareDatabase } from '../src/server/start.ts'
import { EVIDENCE_TEXTS, MODERATOR, REASON, stats, time } from './ledger-common.ts'

const ENTRIES = Number(process.argv[2] ?? 1_000_000)
const RUNS = Number(process.argv[3] ?? 3)
const SAMPLES = Number(process.argv[4] ?? 10_000)
// One less than a multiple of the sequencer's batch of 5,000: sequence() then ends on a short pass instead of making
// an extra pass that finds nothing (each pass scans the whole entry table, see the report).
const CHUNK = 9_999
const CHECKPOINT_EVERY = 100_000
const GOAL_VERIFY_SECONDS = 10
const GOAL_PROOF_MS = 1
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'ledger-verify.json')

// ---------------------------------------------------------------------------------------------------------------
// The entries: a moderator removes a post under A16, with the post's text as evidence (as in ledger-append.ts).

function entryInput(i: number): AppendInput {
  const postId = `post-${i}`
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

// ---------------------------------------------------------------------------------------------------------------
// Statistics (as in ledger-merkle.ts)

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

// ---------------------------------------------------------------------------------------------------------------
// The node: its data folder, config and key. The master key is a throwaway kept beside the data, so that a kept
// folder (BENCH_DATA) can be opened again.

const keep = process.env.BENCH_DATA !== undefined
const folder = process.env.BENCH_DATA ?? mkdtempSync(join(tmpdir(), 'qinglang-bench-verify-'))
const dataDir = join(folder, 'pgdata')
const keyFile = join(folder, 'master-key')
const built = existsSync(keyFile)
if (!built) {
  mkdirSync(folder, { recursive: true })
  writeFileSync(keyFile, randomBytes(32).toString('base64'))
}
const { config, secrets } = loadConfig(
  {},
  {
    role: 'platform',
    id: 'bench-node',
    masterKey: Buffer.from(readFileSync(keyFile, 'utf8'), 'base64'),
    logLevel: 'silent',
    dataDir,
  },
)

async function openNode(): Promise<{ database: Database; ledger: Ledger }> {
  const { database, keys } = await prepareDatabase(config, secrets)
  return { database, ledger: createLedger(config, database, keys) }
}

const progress = (text: string) => process.stderr.write(`\r${text}`.padEnd(80))
const started = now()

// ---------------------------------------------------------------------------------------------------------------
// 1. Build: append() in transactions of CHUNK entries, each followed by ledger.sequence().

interface BuildStep {
  size: number
  entries: number
  appendPerSecond: number
  sequencePerSecond: number
}
const steps: BuildStep[] = []
let build: {
  seconds: number
  appendSeconds: number
  sequenceSeconds: number
  checkpointSeconds: number
} | null = null
if (!built) {
  const { database, ledger } = await openNode()
  await ledger.load()
  await ledger.sequence()
  const totals = { append: 0, sequence: 0, checkpoint: 0 }
  const t0 = now()
  for (let done = 0; done < ENTRIES; ) {
    const n = Math.min(CHUNK, ENTRIES - done)
    let t = now()
    await transaction(database.db, async (tx) => {
      for (let i = 0; i < n; i++) await append(tx, entryInput(done + i))
    })
    const appendMs = now() - t
    t = now()
    const sequenced = await ledger.sequence()
    const sequenceMs = now() - t
    if (sequenced !== n) throw new Error(`sequenced ${sequenced} of ${n}`)
    done += n
    totals.append += appendMs
    totals.sequence += sequenceMs
    steps.push({
      size: ledger.tree.size,
      entries: n,
      appendPerSecond: n / (appendMs / 1000),
      sequencePerSecond: n / (sequenceMs / 1000),
    })
    if (Math.floor(done / CHECKPOINT_EVERY) > Math.floor((done - n) / CHECKPOINT_EVERY) || done === ENTRIES) {
      t = now()
      await ledger.checkpoint()
      totals.checkpoint += now() - t
    }
    const elapsed = (now() - t0) / 1000
    progress(
      `build ${done.toLocaleString('en')}/${ENTRIES.toLocaleString('en')} ` +
        `${Math.round(steps.at(-1)!.appendPerSecond)} appended/s ${Math.round(steps.at(-1)!.sequencePerSecond)} ` +
        `sequenced/s, ${elapsed.toFixed(0)} s`,
    )
  }
  build = {
    seconds: (now() - t0) / 1000,
    appendSeconds: totals.append / 1000,
    sequenceSeconds: totals.sequence / 1000,
    checkpointSeconds: totals.checkpoint / 1000,
  }
  await database.close()
  process.stderr.write('\n')
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Verify: open the folder as `qinglang ledger verify --data` does, then readLog + verifyLog, timed.

async function openForVerify(): Promise<{
  database: Database
  key: { name: string; publicKey: ReturnType<typeof publicKeyFromBase64> }
}> {
  const database = await openDatabase({ kind: 'pglite', dataDir })
  const identity = await readNodeIdentity(database.db)
  if (!identity) throw new Error(`no node in ${dataDir}`)
  return { database, key: { name: identity.nodeId, publicKey: publicKeyFromBase64(identity.publicKey) } }
}

const verifyRuns: {
  openSeconds: number
  seconds: number
  cpuSeconds: number
  entries: number
  checkpoints: number
  ok: boolean
}[] = []
for (let r = 0; r < RUNS; r++) {
  progress(`verify run ${r + 1}/${RUNS}`)
  let t = now()
  const { database, key } = await openForVerify()
  const openSeconds = (now() - t) / 1000
  t = now()
  const cpu = process.cpuUsage()
  const log = await readLog(database.db)
  const report = await verifyLog(log.entries, log.checkpoints, key)
  const seconds = (now() - t) / 1000
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  await database.close()
  if (!report.ok || report.entries !== log.size) {
    throw new Error(`verification failed: ${JSON.stringify(report.problems.slice(0, 3))}`)
  }
  verifyRuns.push({
    openSeconds,
    seconds,
    cpuSeconds,
    entries: report.entries,
    checkpoints: report.checkpoints,
    ok: report.ok,
  })
}
const logSize = verifyRuns[0]!.entries
process.stderr.write('\n')

// ---------------------------------------------------------------------------------------------------------------
// 3. Where verification's time goes: verifyLog's loop instrumented step by step over readLog's pages; then the same
// checks as they could be written (the suggestions for read-log.ts and verify.ts): each entry read as one JSON
// column, leafData as sorted-key JSON.stringify, the leaf hash streamed. The second pass still checks every entry
// against its sequenced bytes (falling back to leafData() on any difference) and every leaf hash.

interface Split {
  pagingMs: number
  leafDataMs: number
  leafHashMs: number
  treeMs: number
}
const current: Split = { pagingMs: 0, leafDataMs: 0, leafHashMs: 0, treeMs: 0 }
const proposed: Split = { pagingMs: 0, leafDataMs: 0, leafHashMs: 0, treeMs: 0 }
const paging = { leafHashesOnlyMs: 0, loadMs: 0 }
const PAGE = 5000
const LEAF_PREFIX = Buffer.of(0)

/** An entry as row_to_json(ledger_entry) writes it. */
interface JsonEntry {
  id: string
  recorded_at: string
  actor_kind: string
  actor_id: string
  actor_staff_id: string | null
  actor_organisation_id: string | null
  actor_name: string
  action: string
  subject_type: string
  subject_id: string
  articles: string[]
  rule_version: string | null
  evidence_digest: string
  details: Record<string, unknown>
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(value).sort()) out[k] = sortedKeys((value as Record<string, unknown>)[k])
  return out
}

/** leafData() for version 1 of the leaf format: RFC 8785 is JSON.stringify with keys in UTF-16 order. */
function fastLeafData(e: JsonEntry, seq: number): string {
  return JSON.stringify({
    action: e.action,
    actor: {
      id: e.actor_id,
      kind: e.actor_kind,
      name: e.actor_name,
      organisationId: e.actor_organisation_id,
      staffId: e.actor_staff_id,
    },
    articles: e.articles,
    details: sortedKeys(e.details),
    evidenceDigest: e.evidence_digest,
    id: e.id,
    recordedAt: new Date(e.recorded_at).toISOString(),
    ruleVersion: e.rule_version,
    seq,
    subject: { id: e.subject_id, type: e.subject_type },
    v: 1,
  })
}

function entryFields(e: JsonEntry): EntryFields {
  return {
    id: e.id,
    recordedAt: new Date(e.recorded_at),
    actorKind: e.actor_kind,
    actorId: e.actor_id,
    actorStaffId: e.actor_staff_id,
    actorOrganisationId: e.actor_organisation_id,
    actorName: e.actor_name,
    action: e.action,
    subjectType: e.subject_type,
    subjectId: e.subject_id,
    articles: e.articles,
    ruleVersion: e.rule_version,
    evidenceDigest: e.evidence_digest,
    details: e.details,
  }
}

const rowsOf = async <T>(db: Tx, query: ReturnType<typeof sql>): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows

let fallbacks = 0
{
  progress('profile: verifyLog instrumented')
  const { database } = await openForVerify()
  const log = await readLog(database.db)
  const it = log.entries[Symbol.asyncIterator]()
  let tree = new MerkleTree()
  let bad = 0
  for (;;) {
    let t = now()
    const next = await it.next()
    current.pagingMs += now() - t
    if (next.done) break
    const s = next.value
    t = now()
    if (leafData(s.entry, s.seq) !== s.leafData) bad++
    current.leafDataMs += now() - t
    t = now()
    if (toHex(leafHashOf(s.leafData)) !== s.leafHash) bad++
    current.leafHashMs += now() - t
    t = now()
    tree.append(fromHex(s.leafHash))
    current.treeMs += now() - t
  }
  if (bad > 0 || tree.size !== logSize) throw new Error(`instrumented pass found ${bad} differences`)
  const root = toHex(tree.root())

  progress('profile: proposed reading and checks')
  tree = new MerkleTree()
  for (let from = 0; ; from += PAGE) {
    let t = now()
    const rows = await rowsOf<{ seq: number | string; leaf_data: string; leaf_hash: string; entry: string }>(
      database.db,
      sql`select s.seq, s.leaf_data, s.leaf_hash, row_to_json(e)::text as entry
          from ledger_sequence s join ledger_entry e on e.id = s.entry_id
          where s.seq >= ${from} and s.seq < ${from + PAGE} order by s.seq limit ${PAGE}`,
    )
    const entries = rows.map((r) => JSON.parse(r.entry) as JsonEntry)
    proposed.pagingMs += now() - t
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!
      const seq = Number(r.seq)
      if (seq !== tree.size) bad++
      t = now()
      if (fastLeafData(entries[i]!, seq) !== r.leaf_data) {
        fallbacks++
        if (leafData(entryFields(entries[i]!), seq) !== r.leaf_data) bad++
      }
      proposed.leafDataMs += now() - t
      t = now()
      if (createHash('sha256').update(LEAF_PREFIX).update(r.leaf_data, 'utf8').digest('hex') !== r.leaf_hash)
        bad++
      proposed.leafHashMs += now() - t
      t = now()
      tree.append(Buffer.from(r.leaf_hash, 'hex'))
      proposed.treeMs += now() - t
    }
    if (rows.length < PAGE) break
  }
  if (bad > 0 || tree.size !== logSize || toHex(tree.root()) !== root) {
    throw new Error(`the proposed pass found ${bad} differences or another root`)
  }

  progress('profile: leaf hashes only')
  const t = now()
  for (let from = 0; from < logSize; from += PAGE) {
    await rowsOf(
      database.db,
      sql`select seq, leaf_hash from ledger_sequence where seq >= ${from} and seq < ${from + PAGE} order by seq`,
    )
  }
  paging.leafHashesOnlyMs = now() - t
  await database.close()
}
const total = (s: Split) => s.pagingMs + s.leafDataMs + s.leafHashMs + s.treeMs

// ---------------------------------------------------------------------------------------------------------------
// 4. The running node at this size: load the tree, proofs from it, and the sequencer's fixed cost per pass.

progress('proofs')
const { database, ledger } = await openNode()
let t = now()
await ledger.load()
paging.loadMs = now() - t
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
const atSize: Record<string, number> = {}
t = now()
await ledger.status()
atSize.statusMs = now() - t
t = now()
await ledger.sequence()
atSize.idleSequenceMs = now() - t
await transaction(database.db, async (tx) => {
  for (let i = 0; i < 1000; i++) await append(tx, entryInput(size + i))
})
t = now()
const sequenced = await ledger.sequence()
atSize.sequence1000Ms = now() - t
if (sequenced !== 1000) throw new Error(`sequenced ${sequenced} of 1,000`)
await database.close()
process.stderr.write('\n')
if (!keep) rmSync(folder, { recursive: true, force: true })

// ---------------------------------------------------------------------------------------------------------------

const verifySeconds = range(verifyRuns.map((r) => r.seconds))
const cpuSeconds = range(verifyRuns.map((r) => r.cpuSeconds))
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
  checkpoints: verifyRuns[0]!.checkpoints,
  build: build && {
    ...build,
    chunk: CHUNK,
    appendPerSecond: (logSize - 1) / build.appendSeconds,
    sequencePerSecond: (logSize - 1) / build.sequenceSeconds,
    firstStep: steps[0],
    lastStep: steps.findLast((step) => step.entries === CHUNK),
    steps,
  },
  verify: {
    runs: verifyRuns,
    seconds: verifySeconds,
    entriesPerSecond: logSize / verifySeconds.median,
    cpuSeconds,
    openSeconds: range(verifyRuns.map((r) => r.openSeconds)),
    goalSeconds: GOAL_VERIFY_SECONDS,
    met: verifySeconds.median <= GOAL_VERIFY_SECONDS,
  },
  profile: { current, proposed, proposedFallbacks: fallbacks, pages: paging },
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
const pct = (ms: number, total: number) => `${((100 * ms) / total).toFixed(0)} %`
console.log(`\n## ledger-verify — ${int(logSize)} entries on PGlite (data folder), ${RUNS} verify runs\n`)
console.log(
  `${result.node}, ${result.cpu} × ${result.cpus}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
)
if (result.build) {
  const b = result.build
  console.log(`| build: append() in transactions of ${int(CHUNK)}, then sequence() | value |`)
  console.log('|---|---:|')
  console.log(`| total | ${s1(b.seconds)} s |`)
  console.log(`| append | ${s1(b.appendSeconds)} s, ${int(b.appendPerSecond)} entries/s |`)
  console.log(`| sequence | ${s1(b.sequenceSeconds)} s, ${int(b.sequencePerSecond)} entries/s |`)
  console.log(
    `| sequence() of ${int(CHUNK)}, first → last chunk | ${int(b.firstStep?.sequencePerSecond ?? 0)} → ` +
      `${int(b.lastStep?.sequencePerSecond ?? 0)} entries/s |`,
  )
  console.log(`| checkpoints signed | ${s1(b.checkpointSeconds)} s |`)
  console.log('')
}
console.log('| verify | median | min–max |')
console.log('|---|---:|---:|')
console.log(
  `| readLog + verifyLog, ${int(logSize)} entries | ${s1(verifySeconds.median)} s | ` +
    `${s1(verifySeconds.min)}–${s1(verifySeconds.max)} s |`,
)
console.log(`| entries/s | ${int(result.verify.entriesPerSecond)} | |`)
console.log(
  `| CPU time of this process | ${s1(cpuSeconds.median)} s | ${s1(cpuSeconds.min)}–${s1(cpuSeconds.max)} s |`,
)
console.log(
  `| open the data folder | ${s1(result.verify.openSeconds.median)} s | ` +
    `${s1(result.verify.openSeconds.min)}–${s1(result.verify.openSeconds.max)} s |`,
)
console.log('')
console.log('| where verification goes (instrumented passes) | verifyLog now ms | proposed ms |')
console.log('|---|---:|---:|')
const cellOf = (ms: number, of: Split) => `${int(ms)} (${pct(ms, total(of))})`
for (const [label, key] of [
  ['reading pages', 'pagingMs'],
  ['leafData() recomputed and compared', 'leafDataMs'],
  ['leaf hash of the sequenced bytes, compared', 'leafHashMs'],
  ['hex → bytes, tree append', 'treeMs'],
] as const) {
  console.log(`| ${label} | ${cellOf(current[key], current)} | ${cellOf(proposed[key], proposed)} |`)
}
console.log(`| total | ${int(total(current))} | ${int(total(proposed))} |`)
console.log(`| pages of seq + leaf_hash only (floor for the tree) | ${int(paging.leafHashesOnlyMs)} | |`)
console.log(`| Ledger.load() (all leaf hashes, one query) | ${int(paging.loadMs)} | |`)
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
console.log(`| sequencer at ${int(size)} entries | ms |`)
console.log('|---|---:|')
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
