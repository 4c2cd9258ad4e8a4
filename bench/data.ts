// Reading the shared datasets at run time (never copied into the repository). Absent files → null.
import { existsSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const DATA_DIR =
  process.env.QINGLANG_DATA ?? path.resolve(fileURLToPath(import.meta.url), '../../../shared/data')

export function readJsonl<T = Record<string, unknown>>(rel: string): T[] | null {
  const file = path.join(DATA_DIR, rel)
  if (!existsSync(file)) return null
  const out: T[] = []
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    out.push(JSON.parse(line) as T)
  }
  return out
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number
}

/** A full collection before a reading, when the runner started Node with --expose-gc (bench/run.ts does). */
export const gc = (globalThis as { gc?: () => void }).gc

/** CPU microseconds this process has used (user + system): unlike wall time, not charged for other processes. */
export function cpuUs(): number {
  const u = process.cpuUsage()
  return u.user + u.system
}

/** The 1-minute load average, recorded beside figures taken on a shared machine. */
export const load = (): number => loadavg()[0] as number

/**
 * Runs `each(i)` for i < n, `passes` times in the same order, timing every call: the first pass's times (what
 * a caller sees, preemption included), each call's fastest over the passes (preemption-robust: a call preempted
 * once is rarely preempted every time), and each pass's wall and CPU seconds. A collection precedes each pass.
 */
export function timePasses<T>(
  n: number,
  passes: number,
  each: (i: number) => T,
  /** Called with the first pass's results, outside the timed calls. */
  onFirst?: (i: number, result: T) => void,
) {
  const first = new Float64Array(n)
  const best = new Float64Array(n).fill(Number.POSITIVE_INFINITY)
  const wallS: number[] = []
  const cpuS: number[] = []
  for (let p = 0; p < passes; p++) {
    gc?.()
    const c0 = cpuUs()
    const t0 = performance.now()
    for (let i = 0; i < n; i++) {
      const t = performance.now()
      const result = each(i)
      const us = (performance.now() - t) * 1000
      if (p === 0) {
        first[i] = us
        onFirst?.(i, result)
      }
      if (us < (best[i] as number)) best[i] = us
    }
    wallS.push((performance.now() - t0) / 1000)
    cpuS.push((cpuUs() - c0) / 1e6)
  }
  return { first: [...first], best: [...best], wallS, cpuS }
}

/**
 * A fixed workload that no code of ours affects, timed (CPU ms, median of 5) at the start and end of a run: the
 * machine is shared and its speed drifts (the previous engine, measured in one process beside the new one, ran
 * a third slower than it had in the run before), so every result file records how fast the machine itself was.
 * `compute`: 20M steps of integer hashing (like a scan); `memory`: 2M dependent random reads over 256 MB (like the
 * claim bank's lookups: cache and TLB misses).
 */
export function calibrate(): { computeMs: number; memoryMs: number } {
  const time = (fn: () => number) => {
    const xs: number[] = []
    let sink = 0
    for (let r = 0; r < 5; r++) {
      const c = process.cpuUsage()
      sink ^= fn()
      const u = process.cpuUsage(c)
      xs.push((u.user + u.system) / 1000)
    }
    // `sink` is read, so the loops' results are used and cannot be optimised away (a workload never yields 0.5)
    return sink === 0.5 ? -1 : median(xs)
  }
  const computeMs = time(() => {
    let h = 1
    for (let i = 0; i < 20_000_000; i++) h = Math.imul(h ^ i, 0x9e3779b1) + (h >>> 15)
    return h
  })
  const big = new Int32Array(64 * 1024 * 1024)
  let x = 1
  for (let i = 0; i < big.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0
    big[i] = (x >>> 6) & (big.length - 1)
  }
  const memoryMs = time(() => {
    let p = 0
    for (let i = 0; i < 2_000_000; i++) p = big[p] as number
    return p
  })
  return { computeMs, memoryMs }
}
