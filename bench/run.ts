// `npm run bench [-- section …]`: sections throughput, normalise, bank, pipeline, quality (default: all).
// Reads ../shared/data at run time (QINGLANG_DATA overrides); writes bench/results/*.json and results.md.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runThroughput } from './throughput.ts'

// Memory per claim needs a collection before each reading: restart with --expose-gc when it is missing.
if ((globalThis as { gc?: unknown }).gc === undefined && process.env.QINGLANG_BENCH_CHILD !== '1') {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, QINGLANG_BENCH_CHILD: '1' } },
  )
  process.exit(r.status ?? 1)
}

const here = path.dirname(fileURLToPath(import.meta.url))
const results = path.join(here, 'results')
mkdirSync(results, { recursive: true })
const want = new Set(process.argv.slice(2))
const on = (s: string) => want.size === 0 || want.has(s)
const quick = process.env.BENCH_QUICK === '1'
const reps = quick ? 2 : 5

const { calibrate } = await import('./data.ts')
const before = calibrate()
console.log(
  `machine speed at start: compute ${before.computeMs.toFixed(0)} ms, memory ${before.memoryMs.toFixed(0)} ms`,
)
const machine: Record<string, unknown> = {
  node: process.version,
  cpus: (await import('node:os')).cpus().length,
  quick,
  calibrationStart: before,
}
const out: Record<string, unknown> = { machine }
if (on('throughput')) {
  out.throughput = await runThroughput({
    reps,
    sizes: quick ? [1000, 10000] : [1000, 10000, 100000],
    peerSizes: [10000],
    pairedSizes: [10000],
    rounds: quick ? 3 : 7,
  })
}
if (on('normalise')) out.normalise = (await import('./normalise.ts')).runNormalise(reps)
if (on('bank'))
  out.bank = (await import('./bank.ts')).runBank(quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000])
if (on('pipeline')) out.pipeline = (await import('./pipeline.ts')).runPipeline(quick ? 100_000 : 1_000_000)
if (on('quality')) out.quality = (await import('./quality.ts')).runQuality()

machine.calibrationEnd = calibrate()
const name = want.size === 0 ? 'all' : [...want].join('-')
writeFileSync(path.join(results, `${name}.json`), `${JSON.stringify(out, null, 2)}\n`)
const { toMarkdown } = await import('./report.ts')
writeFileSync(path.join(results, `${name}.md`), toMarkdown(out))
console.log(`wrote bench/results/${name}.json and .md`)
