// Benchmark of the in-memory Merkle tree (src/ledger/merkle.ts) at 1M leaves: append rate, proof generation and
// verification times, memory. Prints a Markdown table and writes bench/results/ledger-merkle.json.
// Run: npx tsx --expose-gc bench/ledger-merkle.ts [leaves] [samples]   (without --expose-gc memory is rougher)
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hashLeaf, MerkleTree, verifyConsistency, verifyInclusion } from '../src/ledger/merkle.ts'
import { type Stats, stats, time } from './ledger-common.ts'

const LEAVES = Number(process.argv[2] ?? 1_000_000)
const SAMPLES = Number(process.argv[3] ?? 10_000)
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'ledger-merkle.json')

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

const gc = (globalThis as { gc?: () => void }).gc
function memory(): { heap: number; arrayBuffers: number; rss: number } {
  gc?.()
  const m = process.memoryUsage()
  return { heap: m.heapUsed, arrayBuffers: m.arrayBuffers, rss: m.rss }
}
const mib = (bytes: number) => bytes / 2 ** 20

// 1. Leaf hashes of ~200-byte entries, kept in one flat buffer so they do not weigh on the tree's memory figure.
const entry = Buffer.alloc(200, 0x61)
const leafHashes = new Uint8Array(LEAVES * 32)
let t0 = process.hrtime.bigint()
for (let i = 0; i < LEAVES; i++) {
  entry.writeUInt32BE(i, 0)
  leafHashes.set(hashLeaf(entry), i * 32)
}
const hashLeafNs = Number(process.hrtime.bigint() - t0)

// 2a. Appends of given leaf hashes, each timed, with the memory the tree adds.
const appendNs = new Float64Array(LEAVES) // allocated before measuring, so it does not count as the tree's
const before = memory()
const tree = new MerkleTree()
t0 = process.hrtime.bigint()
for (let i = 0; i < LEAVES; i++) {
  const a = process.hrtime.bigint()
  tree.append(leafHashes.subarray(i * 32, i * 32 + 32))
  appendNs[i] = Number(process.hrtime.bigint() - a)
}
const appendTotalNs = Number(process.hrtime.bigint() - t0)
const after = memory()

// 2b. Appends again without a clock read per call (the per-call timer itself costs ~50–100 ns); this tree is dropped.
// It runs after the memory figure is taken, so its buffers cannot blur that figure.
let appendUntimedNs = 0
{
  const scratch = new MerkleTree()
  const start = process.hrtime.bigint()
  for (let i = 0; i < LEAVES; i++) scratch.append(leafHashes.subarray(i * 32, i * 32 + 32))
  appendUntimedNs = Number(process.hrtime.bigint() - start)
}

// 3. Proofs: at the full size (the latest checkpoint) and at random sizes (any earlier checkpoint).
const size = tree.size
const inclusionLatest = Array.from({ length: SAMPLES }, () => ({ index: below(size), size }))
const inclusionAny = Array.from({ length: SAMPLES }, () => {
  const s = 1 + below(size)
  return { index: below(s), size: s }
})
const consistencyLatest = Array.from({ length: SAMPLES }, () => ({ size1: 1 + below(size - 1), size2: size }))
const consistencyAny = Array.from({ length: SAMPLES }, () => {
  const a = 1 + below(size)
  const b = 1 + below(size)
  return { size1: Math.min(a, b), size2: Math.max(a, b) }
})
const rootSizes = Array.from({ length: SAMPLES }, () => 1 + below(size))

const roots = new Map<number, Uint8Array>()
const rootOf = (s: number) => {
  const known = roots.get(s)
  if (known) return known
  const r = tree.root(s)
  roots.set(s, r)
  return r
}

const rootNs = time(rootSizes, (s) => tree.root(s))
const inclusionLatestNs = time(inclusionLatest, (p) => tree.inclusionProof(p.index, p.size))
const inclusionAnyNs = time(inclusionAny, (p) => tree.inclusionProof(p.index, p.size))
const consistencyLatestNs = time(consistencyLatest, (p) => tree.consistencyProof(p.size1, p.size2))
const consistencyAnyNs = time(consistencyAny, (p) => tree.consistencyProof(p.size1, p.size2))

const inclusionCases = inclusionAny.map((p) => ({
  ...p,
  leaf: tree.leaf(p.index),
  proof: tree.inclusionProof(p.index, p.size),
  root: rootOf(p.size),
}))
const consistencyCases = consistencyAny.map((p) => ({
  ...p,
  proof: tree.consistencyProof(p.size1, p.size2),
  root1: rootOf(p.size1),
  root2: rootOf(p.size2),
}))
let failures = 0
const verifyInclusionNs = time(inclusionCases, (c) => {
  if (!verifyInclusion(c.leaf, c.index, c.size, c.proof, c.root)) failures++
})
const verifyConsistencyNs = time(consistencyCases, (c) => {
  if (!verifyConsistency(c.size1, c.size2, c.root1, c.root2, c.proof)) failures++
})
if (failures > 0) throw new Error(`${failures} proofs failed to verify`)

const operations = {
  append: stats(appendNs),
  root: stats(rootNs),
  inclusionProofLatest: stats(inclusionLatestNs),
  inclusionProofAny: stats(inclusionAnyNs),
  consistencyProofLatest: stats(consistencyLatestNs),
  consistencyProofAny: stats(consistencyAnyNs),
  verifyInclusion: stats(verifyInclusionNs),
  verifyConsistency: stats(verifyConsistencyNs),
}
const result = {
  benchmark: 'ledger-merkle',
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  totalMemoryGiB: totalmem() / 2 ** 30,
  gcExposed: gc !== undefined,
  leaves: LEAVES,
  samples: SAMPLES,
  rates: {
    hashLeafPerSecond: LEAVES / (hashLeafNs / 1e9),
    appendPerSecond: LEAVES / (appendTotalNs / 1e9),
    appendPerSecondUntimed: LEAVES / (appendUntimedNs / 1e9),
  },
  memory: {
    treeArrayBuffersMiB: mib(after.arrayBuffers - before.arrayBuffers),
    treeHeapMiB: mib(after.heap - before.heap),
    rssMiB: mib(after.rss),
    bytesPerLeaf: (after.arrayBuffers - before.arrayBuffers + after.heap - before.heap) / LEAVES,
  },
  operations,
}

mkdirSync(dirname(RESULTS), { recursive: true })
writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`)

const f = (us: number) => (us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : us.toFixed(0))
const rows: [string, Stats][] = [
  ['append (one leaf hash)', operations.append],
  ['root(size), random size', operations.root],
  [`inclusion proof, size ${LEAVES}`, operations.inclusionProofLatest],
  ['inclusion proof, random size', operations.inclusionProofAny],
  [`consistency proof, size2 ${LEAVES}`, operations.consistencyProofLatest],
  ['consistency proof, random sizes', operations.consistencyProofAny],
  ['verify inclusion', operations.verifyInclusion],
  ['verify consistency', operations.verifyConsistency],
]
console.log(
  `\n## ledger-merkle — ${LEAVES.toLocaleString('en')} leaves, ${SAMPLES.toLocaleString('en')} samples\n`,
)
console.log(`${result.node}, ${result.cpu} × ${result.cpus}\n`)
console.log('| operation | median µs | p99 µs | min–max µs |')
console.log('|---|---:|---:|---:|')
for (const [name, s] of rows)
  console.log(`| ${name} | ${f(s.medianUs)} | ${f(s.p99Us)} | ${f(s.minUs)}–${f(s.maxUs)} |`)
console.log('')
console.log('| rate / memory | value |')
console.log('|---|---:|')
console.log(
  `| hashLeaf (200-byte entries) | ${Math.round(result.rates.hashLeafPerSecond).toLocaleString('en')} /s |`,
)
console.log(
  `| append, timed per call | ${Math.round(result.rates.appendPerSecond).toLocaleString('en')} /s |`,
)
console.log(
  `| append, untimed loop | ${Math.round(result.rates.appendPerSecondUntimed).toLocaleString('en')} /s |`,
)
console.log(`| tree memory (array buffers) | ${result.memory.treeArrayBuffersMiB.toFixed(1)} MiB |`)
console.log(`| tree memory (JS heap) | ${result.memory.treeHeapMiB.toFixed(1)} MiB |`)
console.log(`| bytes per leaf | ${result.memory.bytesPerLeaf.toFixed(1)} |`)
console.log(`| process RSS | ${result.memory.rssMiB.toFixed(0)} MiB |`)
console.log(`\nwritten to ${RESULTS}${gc ? '' : ' (run with --expose-gc for steadier memory figures)'}`)
