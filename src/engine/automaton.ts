// Multi-pattern matching over UTF-16 code units, in flat typed arrays. Two structures over the same patterns:
//  - the Aho–Corasick automaton (Aho & Corasick, CACM 18(6), 1975): character classes numbered by frequency in
//    the patterns, a small dense DFA table for the most frequent classes, sorted edge lists (CSR) with failure
//    links, dictionary-suffix links. It is the reference (`scanAC`) the fast scan is tested against.
//  - the scan itself walks a trie of the REVERSED patterns backwards from each text position, so that the
//    occurrences ending there come out directly in Aho–Corasick order (by end, longest first), behind a filter:
//    a hashed bitset of the last k code units of every pattern (k = the shortest pattern length, at most 4).
//    Most positions end no pattern and cost one bitset probe, as in the literal matchers of Hyperscan (FDR).
//    A position that passes goes straight to the trie node of its last k units (a hash table of the depth-k
//    nodes: no pattern is shorter than k, so no shallower node reports), then walks back one edge per unit; every
//    table entry and edge carries the whole record of the node it leads to, so each step is one cache line.

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
  /**
   * Edges of the trie of the REVERSED patterns, four int32s each, sorted by code unit within a node:
   * [code unit, the child's first pattern (-1: none; further ones through `same`), the child's first edge, the
   * end of the child's edges] — the child's whole record, so a step of the backward walk costs one cache line.
   * Units, not classes: the walk needs no class lookup.
   */
  readonly revEdges: Int32Array
  /**
   * The nodes at depth k = `filterLength` (every pattern is at least k long, so no shallower node reports), by
   * their k code units, open addressing from the high bits of a multiplicative hash, at most 2/3 full. For
   * k > 2 entries of eight int32s: [last unit | unit before << 16, unit 3rd from the end | 4th << 16, first
   * pattern (-2: empty entry), first edge, end of edges, 0, 0, 0] (32 bytes: one cache line per probe); for
   * k <= 2 of four: [last unit | unit before << 16, first pattern, first edge, end of edges].
   */
  readonly revGrams: Int32Array
  readonly revGramShift: number
  /**
   * Hashed filter of the last `filterLength` code units of every pattern: a blocked Bloom filter of two bits per
   * pattern in one 32-bit word (word: the hash's high bits, `>>> filterShift`; bits: the next two 5-bit fields).
   */
  readonly filter: Int32Array
  readonly filterShift: number
  /** Shortest non-empty pattern, capped at 4 (0 when there is none). */
  readonly filterLength: number
  /** Longest pattern. */
  readonly maxLength: number
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

/**
 * Entries of the dense DFA table (4 bytes each): 256k = 1 MB at most. The table serves only the reference scan
 * (`scanAC`); `scan` uses the reversed trie.
 */
export const DENSE_BUDGET = 256 * 1024

/**
 * The filter's hash of the k code units ending at j (k = 1..4); the caller checks j - k + 1 >= 0. Two
 * independent multiplications of two units each (not a chain of four), summed: `scan` takes the filter word
 * from its high bits and the two bits within the word from the next ten (`filterMask`).
 */
function gramSum(codes: ArrayLike<number>, j: number, k: number): number {
  let lo = codes[j] as number
  if (k > 1) lo |= (codes[j - 1] as number) << 16
  let hi = 0
  if (k > 2) hi = codes[j - 2] as number
  if (k > 3) hi |= (codes[j - 3] as number) << 16
  return (Math.imul(lo, 0x9e3779b1) + Math.imul(hi, 0x85ebca6b)) | 0
}

/** The two bits within its filter word of a key whose hash sum is `sum` (see Automaton.filter). */
function filterMask(sum: number, shift: number): number {
  return (1 << ((sum >>> (shift - 5)) & 31)) | (1 << ((sum >>> (shift - 10)) & 31))
}

/**
 * Home slot of a k-unit key (two int32s) in a table of 2^bits entries: the HIGH bits of a multiplicative hash
 * (the low bits of a product depend only on the low bits of the key, i.e. on the last code unit, and cluster).
 */
function gramSlot(key1: number, key2: number, bits: number): number {
  return (Math.imul(key1, 0x9e3779b1) + Math.imul(key2, 0x85ebca6b)) >>> (32 - bits)
}

/** Builds the automaton. Empty patterns are kept (so ids stay aligned) but never match. */

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

  const rev = buildReversed(patterns, classOf, classCount)

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
    patternLength.byteLength +
    rev.revEdges.byteLength +
    rev.revGrams.byteLength +
    rev.filter.byteLength
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
    ...rev,
  }
}

type Reversed = Pick<
  Automaton,
  'revEdges' | 'revGrams' | 'revGramShift' | 'filter' | 'filterShift' | 'filterLength' | 'maxLength'
>

/** The trie of the reversed patterns, its depth-2 pair table and the last-k-units filter. */
function buildReversed(patterns: readonly Uint16Array[], classOf: Uint16Array, classCount: number): Reversed {
  let size = 1024
  let firstChild = new Int32Array(size).fill(-1)
  let sibling = new Int32Array(size).fill(-1)
  let cls = new Uint16Array(size)
  let out = new Int32Array(size).fill(-1)
  let unit = new Uint16Array(size)
  let depth = new Int32Array(size)
  let parent = new Int32Array(size)
  const revRoot = new Int32Array(classCount + 1)
  let nodes = 1
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
    depth = g32(depth, 0)
    parent = g32(parent, 0)
    const c = new Uint16Array(size)
    c.set(cls)
    cls = c
    const u = new Uint16Array(size)
    u.set(unit)
    unit = u
  }
  let minLength = 0x7fffffff
  let maxLength = 0
  for (let pi = 0; pi < patterns.length; pi++) {
    const p = patterns[pi] as Uint16Array
    if (p.length === 0) continue
    if (p.length < minLength) minLength = p.length
    if (p.length > maxLength) maxLength = p.length
    let s = 0
    for (let i = p.length - 1; i >= 0; i--) {
      const c = classOf[p[i] as number] as number
      let t = -1
      if (s === 0) t = revRoot[c] === 0 ? -1 : (revRoot[c] as number)
      else {
        for (let e = firstChild[s] as number; e !== -1; e = sibling[e] as number) {
          if (cls[e] === c) {
            t = e
            break
          }
        }
      }
      if (t === -1) {
        if (nodes === size) grow()
        t = nodes++
        cls[t] = c
        unit[t] = p[i] as number
        depth[t] = (depth[s] as number) + 1
        parent[t] = s
        if (s === 0) revRoot[c] = t
        else {
          sibling[t] = firstChild[s] as number
          firstChild[s] = t
        }
      }
      s = t
    }
    // the first pattern with these code units heads the `same` chain the forward build made
    if (out[s] === -1) out[s] = pi
  }
  const filterLength = maxLength === 0 ? 0 : Math.min(4, minLength)
  // CSR edges, sorted by unit, each carrying its child's record
  const edgeStart = new Int32Array(nodes + 1)
  for (let s = 1; s < nodes; s++) {
    let n = 0
    for (let e = firstChild[s] as number; e !== -1; e = sibling[e] as number) n++
    edgeStart[s + 1] = n
  }
  for (let s = 0; s < nodes; s++) edgeStart[s + 1] = (edgeStart[s] as number) + (edgeStart[s + 1] as number)
  const revEdges = new Int32Array(Math.max(4, (edgeStart[nodes] as number) * 4))
  const scratch: number[] = []
  for (let s = 1; s < nodes; s++) {
    scratch.length = 0
    for (let e = firstChild[s] as number; e !== -1; e = sibling[e] as number) scratch.push(e)
    scratch.sort((a, b) => (unit[a] as number) - (unit[b] as number))
    let k = edgeStart[s] as number
    for (const e of scratch) {
      revEdges[k * 4] = unit[e] as number
      revEdges[k * 4 + 1] = out[e] as number
      revEdges[k * 4 + 2] = edgeStart[e] as number
      revEdges[k * 4 + 3] = edgeStart[e + 1] as number
      k++
    }
  }
  // depth-k nodes by their k code units, each entry a copy of the node's record; up to 2 units (one key) an
  // entry takes 4 int32s, else 8 (see Automaton.revGrams); at most 2/3 full
  let grams = 0
  for (let s = 1; s < nodes; s++) if (depth[s] === filterLength) grams++
  let gramBits = 4
  while ((1 << gramBits) * 2 < grams * 3) gramBits++
  const gramSize = 1 << gramBits
  const stride = filterLength > 2 ? 8 : 4
  const o = stride === 8 ? 2 : 1
  const revGrams = new Int32Array(gramSize * stride)
  for (let j = 0; j < gramSize; j++) revGrams[j * stride + o] = -2
  const ku = [0, 0, 0, 0]
  for (let s = 1; s < nodes; s++) {
    if (depth[s] !== filterLength) continue
    // the units from the node up to the root: the pattern's last unit is the one at depth 1
    ku.fill(0)
    for (let d = filterLength - 1, t = s; d >= 0; d--, t = parent[t] as number) ku[d] = unit[t] as number
    const key1 = (ku[0] as number) | ((ku[1] as number) << 16)
    const key2 = (ku[2] as number) | ((ku[3] as number) << 16)
    let j = gramSlot(key1, key2, gramBits)
    for (;;) {
      j &= gramSize - 1
      const e = j * stride
      if (revGrams[e + o] === -2) {
        revGrams[e] = key1
        if (stride === 8) revGrams[e + 1] = key2
        revGrams[e + o] = out[s] as number
        revGrams[e + o + 1] = edgeStart[s] as number
        revGrams[e + o + 2] = edgeStart[s + 1] as number
        break
      }
      j++
    }
  }
  // filter: the last k code units of every pattern, k = the shortest pattern (at most 4), 16 bits per pattern,
  // two of them set per pattern in one word: a position that passes by chance costs a probe of `revGrams`
  let bits = 16
  while (1 << bits < patterns.length * 16 && bits < 24) bits++
  const filterShift = 32 - (bits - 5)
  const filter = new Int32Array(1 << (bits - 5))
  for (const p of patterns) {
    if (p.length === 0) continue
    const sum = gramSum(p, p.length - 1, filterLength)
    const w = sum >>> filterShift
    filter[w] = (filter[w] as number) | filterMask(sum, filterShift)
  }
  return {
    revEdges,
    revGrams,
    revGramShift: 32 - gramBits,
    filter,
    filterShift,
    filterLength,
    maxLength,
  }
}

let stack = new Int32Array(64)

/**
 * Reports every occurrence of every pattern in codes[from, to) into `buf` as (pattern, end) with `end`
 * exclusive; the start is `end - patternLength[pattern]`. Occurrences come by end, then longest first, then in
 * pattern order among identical patterns (the order of an Aho–Corasick scan). Returns the number added.
 */
export function scan(
  a: Automaton,
  codes: Uint16Array,
  buf: MatchBuffer,
  from = 0,
  to = codes.length,
): number {
  const k = a.filterLength
  const before = buf.count
  if (to > codes.length) to = codes.length
  if (from < 0) from = 0
  if (k === 0 || to - from < k) return 0
  const { revEdges, revGrams, revGramShift, same } = a
  const filter = a.filter
  const shift = a.filterShift
  // entries of 8 int32s when k > 2 (two keys), else 4 (one key)
  const wide = k > 2
  const gramMask = (revGrams.length >> (wide ? 3 : 2)) - 1
  if (stack.length <= a.maxLength) stack = new Int32Array(a.maxLength + 1)
  const st = stack
  let data = buf.data
  let w = buf.count * 2
  for (let j = from + k - 1; j < to; j++) {
    // the last k units as two keys, hashed for the filter (as gramSum computes it)
    let key1 = codes[j] as number
    if (k > 1) key1 |= (codes[j - 1] as number) << 16
    let key2 = 0
    if (k > 2) key2 = codes[j - 2] as number
    if (k > 3) key2 |= (codes[j - 3] as number) << 16
    const sum = Math.imul(key1, 0x9e3779b1) + Math.imul(key2, 0x85ebca6b)
    const mask = filterMask(sum, shift)
    if (((filter[sum >>> shift] as number) & mask) !== mask) continue
    // the depth-k node, then the walk back along the reversed trie
    let top = 0
    let x = sum >>> revGramShift
    for (;;) {
      const e = wide ? x * 8 + 1 : x * 4
      const o = revGrams[e + 1] as number
      if (o === -2) break
      if (revGrams[wide ? e - 1 : e] === key1 && (!wide || revGrams[e] === key2)) {
        if (o >= 0) st[top++] = o
        let lo = revGrams[e + 2] as number
        let hi = revGrams[e + 3] as number
        for (let i = j - k; lo < hi && i >= from; i--) {
          const c = codes[i] as number
          let f = -1
          if (hi - lo <= 8) {
            for (; lo < hi; lo++) {
              if (revEdges[lo * 4] === c) {
                f = lo * 4
                break
              }
            }
          } else {
            while (lo < hi) {
              const mid = (lo + hi) >>> 1
              const mc = revEdges[mid * 4] as number
              if (mc === c) {
                f = mid * 4
                break
              }
              if (mc < c) lo = mid + 1
              else hi = mid
            }
          }
          if (f < 0) break
          const on = revEdges[f + 1] as number
          if (on >= 0) st[top++] = on
          lo = revEdges[f + 2] as number
          hi = revEdges[f + 3] as number
        }
        break
      }
      x = (x + 1) & gramMask
    }
    // longest first, each node's identical patterns in pattern order
    while (top > 0) {
      for (let p = st[--top] as number; p >= 0; p = same[p] as number) {
        if (w + 2 > data.length) {
          buf.count = w >> 1
          data = buf.grow()
        }
        data[w++] = p
        data[w++] = j + 1
      }
    }
  }
  buf.count = w >> 1
  return buf.count - before
}

/**
 * The Aho–Corasick scan: the reference `scan` is tested against (same occurrences, same order). Reports into
 * `buf` as `scan` does.
 */
export function scanAC(
  a: Automaton,
  codes: Uint16Array,
  buf: MatchBuffer,
  from = 0,
  to = codes.length,
): number {
  const { classOf, dense, delta, out, report, dict, same } = a
  const width = dense + 1
  if (to > codes.length) to = codes.length
  if (from < 0) from = 0
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
