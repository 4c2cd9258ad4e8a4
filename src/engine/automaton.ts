// Aho–Corasick multi-pattern automaton over UTF-16 code units, stored in flat typed arrays: character
// classes numbered by frequency in the patterns; a dense DFA table (every state × the most frequent classes,
// failure transitions resolved at build time) sized to a fixed budget; sorted edge lists (CSR) with failure
// links for the rare classes; dictionary-suffix links so every occurrence of every pattern is reported.
// Reference: Aho & Corasick, "Efficient string matching", CACM 18(6), 1975.

export interface Automaton {
  readonly patternCount: number
  readonly stateCount: number
  readonly classCount: number
  /** Bytes held by the typed arrays. */
  readonly bytes: number
  /** Length in code units of each pattern. */
  readonly patternLength: Int32Array
  /** code unit → character class (0: in no pattern). */
  readonly classOf: Uint16Array
  readonly rootNext: Int32Array
  /** Classes 1..dense have a full DFA row in `delta` (width dense + 1). */
  readonly dense: number
  readonly delta: Int32Array
  readonly edgeStart: Int32Array
  readonly edgeClass: Uint16Array
  readonly edgeTo: Int32Array
  readonly fail: Int32Array
  /** First pattern ending at the state, or -1. */
  readonly out: Int32Array
  /** First state on the failure chain (the state itself included) that ends a pattern, or -1. */
  readonly report: Int32Array
  /** Next state on the failure chain (the state itself excluded) that ends a pattern, or -1. */
  readonly dict: Int32Array
  /** Next pattern with the same code units, or -1. */
  readonly same: Int32Array
}

/** Growable buffer of (pattern, end) pairs, reused across scans. */
export class MatchBuffer {
  data: Int32Array = new Int32Array(256)
  count = 0
  reset(): void {
    this.count = 0
  }
  push(pattern: number, end: number): void {
    if (this.count * 2 + 2 > this.data.length) this.grow()
    this.data[this.count * 2] = pattern
    this.data[this.count * 2 + 1] = end
    this.count++
  }
  grow(): Int32Array {
    const d = new Int32Array(this.data.length * 2)
    d.set(this.data)
    this.data = d
    return d
  }
  pattern(i: number): number {
    return this.data[i * 2] as number
  }
  end(i: number): number {
    return this.data[i * 2 + 1] as number
  }
}

/** Builds the automaton. Empty patterns are kept (so ids stay aligned) but never match. */
/** Entries of the dense DFA table (4 bytes each): 8M = 32 MB at most, whatever the lexicon size. */
export const DENSE_BUDGET = 8 * 1024 * 1024

export function buildAutomaton(patterns: readonly Uint16Array[], denseBudget = DENSE_BUDGET): Automaton {
  // classes by descending frequency in the patterns (ties by code unit), so the dense ones are the common ones
  const freq = new Float64Array(0x10000)
  for (const p of patterns)
    for (let i = 0; i < p.length; i++) freq[p[i] as number] = (freq[p[i] as number] as number) + 1
  const used: number[] = []
  for (let c = 0; c < 0x10000; c++) if ((freq[c] as number) > 0) used.push(c)
  if (used.length > 0xfffe) throw new RangeError('too many distinct characters in the patterns')
  used.sort((a, b) => (freq[b] as number) - (freq[a] as number) || a - b)
  const classOf = new Uint16Array(0x10000)
  used.forEach((c, i) => {
    classOf[c] = i + 1
  })
  const classCount = used.length

  // Trie with first-child / next-sibling lists while building; the root keeps a dense row.
  let size = 1024
  let firstChild = new Int32Array(size).fill(-1)
  let sibling = new Int32Array(size).fill(-1)
  let cls = new Uint16Array(size)
  let out = new Int32Array(size).fill(-1)
  const rootNext = new Int32Array(classCount + 1)
  let states = 1
  const grow = () => {
    size *= 2
    const g32 = (a: Int32Array, fill: number) => {
      const b = new Int32Array(size).fill(fill)
      b.set(a)
      return b
    }
    firstChild = g32(firstChild, -1)
    sibling = g32(sibling, -1)
    out = g32(out, -1)
    const c = new Uint16Array(size)
    c.set(cls)
    cls = c
  }
  const same = new Int32Array(patterns.length).fill(-1)
  const lastSame = new Int32Array(patterns.length).fill(-1)
  const patternLength = new Int32Array(patterns.length)
  for (let pi = 0; pi < patterns.length; pi++) {
    const p = patterns[pi] as Uint16Array
    patternLength[pi] = p.length
    if (p.length === 0) continue
    let s = 0
    for (let i = 0; i < p.length; i++) {
      const c = classOf[p[i] as number] as number
      let t = -1
      if (s === 0) t = rootNext[c] === 0 ? -1 : (rootNext[c] as number)
      else {
        for (let e = firstChild[s] as number; e !== -1; e = sibling[e] as number) {
          if (cls[e] === c) {
            t = e
            break
          }
        }
      }
      if (t === -1) {
        if (states === size) grow()
        t = states++
        cls[t] = c
        if (s === 0) rootNext[c] = t
        else {
          sibling[t] = firstChild[s] as number
          firstChild[s] = t
        }
      }
      s = t
    }
    const first = out[s] as number
    if (first === -1) {
      out[s] = pi
      lastSame[pi] = pi
    } else {
      // append to keep pattern order among identical patterns
      const tail = lastSame[first] as number
      same[tail] = pi
      lastSame[first] = pi
    }
  }

  // Breadth-first: failure links, report and dictionary links, and the CSR edge arrays in BFS order.
  const fail = new Int32Array(states)
  const report = new Int32Array(states).fill(-1)
  const dict = new Int32Array(states).fill(-1)
  const edgeStart = new Int32Array(states + 1)
  const edgeClass = new Uint16Array(Math.max(1, states - 1))
  const edgeTo = new Int32Array(Math.max(1, states - 1))
  const queue = new Int32Array(states)
  let head = 0
  let tail = 0
  for (let c = 1; c <= classCount; c++) {
    const t = rootNext[c] as number
    if (t !== 0) {
      fail[t] = 0
      queue[tail++] = t
    }
  }
  // Edges of each state, sorted by class; state 0 uses rootNext instead.
  const edgeCount = new Int32Array(states)
  for (let s = 1; s < states; s++) {
    let n = 0
    for (let e = firstChild[s] as number; e !== -1; e = sibling[e] as number) n++
    edgeCount[s] = n
  }
  for (let s = 0; s < states; s++) edgeStart[s + 1] = (edgeStart[s] as number) + (edgeCount[s] as number)
  const scratch: number[] = []
  for (let s = 1; s < states; s++) {
    scratch.length = 0
    for (let e = firstChild[s] as number; e !== -1; e = sibling[e] as number) scratch.push(e)
    scratch.sort((a, b) => (cls[a] as number) - (cls[b] as number))
    let k = edgeStart[s] as number
    for (const e of scratch) {
      edgeClass[k] = cls[e] as number
      edgeTo[k] = e
      k++
    }
  }
  const step = (s: number, c: number): number => {
    for (;;) {
      if (s === 0) return rootNext[c] as number
      const end = edgeStart[s + 1] as number
      for (let e = edgeStart[s] as number; e < end; e++) if (edgeClass[e] === c) return edgeTo[e] as number
      s = fail[s] as number
    }
  }
  while (head < tail) {
    const s = queue[head++] as number
    const f = fail[s] as number
    dict[s] = report[f] as number
    report[s] = (out[s] as number) >= 0 ? s : (dict[s] as number)
    const end = edgeStart[s + 1] as number
    for (let e = edgeStart[s] as number; e < end; e++) {
      const t = edgeTo[e] as number
      fail[t] = step(f, edgeClass[e] as number)
      queue[tail++] = t
    }
  }
  if (states > 0) report[0] = -1

  // Dense DFA rows for the most frequent classes, filled in BFS order so a state's failure row is ready.
  const dense = Math.min(classCount, Math.max(0, Math.floor(denseBudget / Math.max(1, states)) - 1))
  const width = dense + 1
  const delta = new Int32Array(dense > 0 ? states * width : 0)
  if (dense > 0) {
    for (let c = 1; c <= dense; c++) delta[c] = rootNext[c] as number
    for (let qi = 0; qi < tail; qi++) {
      const s = queue[qi] as number
      const row = s * width
      const frow = (fail[s] as number) * width
      for (let c = 1; c <= dense; c++) delta[row + c] = delta[frow + c] as number
      const end = edgeStart[s + 1] as number
      for (let e = edgeStart[s] as number; e < end; e++) {
        const c = edgeClass[e] as number
        if (c <= dense) delta[row + c] = edgeTo[e] as number
      }
    }
  }

  const outFinal = out.slice(0, states)
  const bytes =
    classOf.byteLength +
    rootNext.byteLength +
    edgeStart.byteLength +
    edgeClass.byteLength +
    delta.byteLength +
    edgeTo.byteLength +
    fail.byteLength +
    outFinal.byteLength +
    report.byteLength +
    dict.byteLength +
    same.byteLength +
    patternLength.byteLength
  return {
    patternCount: patterns.length,
    stateCount: states,
    classCount,
    bytes,
    patternLength,
    classOf,
    rootNext,
    dense,
    delta,
    edgeStart,
    edgeClass,
    edgeTo,
    fail,
    out: outFinal,
    report,
    dict,
    same,
  }
}

/**
 * Reports every occurrence of every pattern in codes[from, to) into `buf` as (pattern, end) with `end`
 * exclusive; the start is `end - patternLength[pattern]`. Returns the number of matches added.
 */
export function scan(
  a: Automaton,
  codes: Uint16Array,
  buf: MatchBuffer,
  from = 0,
  to = codes.length,
): number {
  const { classOf, dense, delta, out, report, dict, same } = a
  const width = dense + 1
  const before = buf.count
  let data = buf.data
  let k = buf.count * 2
  let s = 0
  for (let i = from; i < to; i++) {
    const c = classOf[codes[i] as number] as number
    if (c === 0) {
      s = 0
      continue
    }
    s = c <= dense ? (delta[s * width + c] as number) : sparseStep(a, s, c)
    let r = report[s] as number
    while (r >= 0) {
      for (let p = out[r] as number; p >= 0; p = same[p] as number) {
        if (k + 2 > data.length) {
          buf.count = k >> 1
          data = buf.grow()
        }
        data[k++] = p
        data[k++] = i + 1
      }
      r = dict[r] as number
    }
  }
  buf.count = k >> 1
  return buf.count - before
}

/** Transition on a class without a dense column: goto edges, else failure links. */
function sparseStep(a: Automaton, state: number, c: number): number {
  const { rootNext, edgeStart, edgeClass, edgeTo, fail } = a
  let s = state
  for (;;) {
    if (s === 0) return rootNext[c] as number
    let lo = edgeStart[s] as number
    let hi = edgeStart[s + 1] as number
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (edgeClass[lo] === c) return edgeTo[lo] as number
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        const mc = edgeClass[mid] as number
        if (mc === c) return edgeTo[mid] as number
        if (mc < c) lo = mid + 1
        else hi = mid
      }
    }
    s = fail[s] as number
  }
}
