// Character shingles of normalised text and their selection by winnowing.
// Basis: Broder, "On the resemblance and containment of documents" (1997) for shingle containment;
// Schleimer, Wilkerson & Aiken, "Winnowing: local algorithms for document fingerprinting" (SIGMOD 2003) for
// choosing fingerprints so that any shared run of at least `w + 2` characters shares one.

/** 32-bit hash of the trigram starting at i (the caller guarantees i + 2 < codes.length). */
export function trigramHash(codes: Uint16Array, i: number): number {
  let h = Math.imul(((codes[i] as number) << 16) | (codes[i + 1] as number), 0x9e3779b1)
  h ^= Math.imul((codes[i + 2] as number) + 0x7f4a7c15, 0x85ebca6b)
  h ^= h >>> 15
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 13
  return h | 0
}

/** Trigram hashes of codes[from, to) into out (which must hold to - from - 2 values); returns their count. */
export function trigramHashes(codes: Uint16Array, out: Int32Array, from = 0, to = codes.length): number {
  const n = to - from - 2
  if (n <= 0) return 0
  for (let i = 0; i < n; i++) out[i] = trigramHash(codes, from + i)
  return n
}

/**
 * Winnowing with window w over hashes[0, n): the minimum of every window (the rightmost on ties), each
 * position once. Sequences shorter than a window yield their minimum. Returns the selected hashes, distinct,
 * in order of first selection.
 */
export function winnow(hashes: Int32Array, n: number, w: number): number[] {
  const out: number[] = []
  if (n <= 0) return out
  const seen = new Set<number>()
  let last = -1
  const windows = Math.max(1, n - w + 1)
  for (let s = 0; s < windows; s++) {
    const e = Math.min(n, s + w)
    let m = s
    for (let i = s + 1; i < e; i++) if ((hashes[i] as number) <= (hashes[m] as number)) m = i
    if (m !== last) {
      last = m
      const h = hashes[m] as number
      if (!seen.has(h)) {
        seen.add(h)
        out.push(h)
      }
    }
  }
  return out
}

/** Keeps at most k of the given hashes: the k smallest, in ascending order (deterministic). */
export function smallest(hashes: number[], k: number): number[] {
  if (hashes.length <= k) return hashes
  return [...hashes].sort((a, b) => a - b).slice(0, k)
}

/**
 * A multimap from 32-bit keys to values in [0, 2^30) whose values per key lie side by side, so that
 * following a key's postings reads consecutive memory instead of one scattered node per posting.
 *
 * `table` is open-addressed (linear probing) with two words per slot: the key and a reference `ref`:
 * 0 = empty slot; -1 = the key without postings (left by removals; dropped at the next rehash);
 * ≤ -2 = exactly one posting, the value `-2 - ref`, kept in the slot itself (most keys of a bank); > 0 = a block
 * in `pool`: `pool[ref]` the number of postings, `pool[ref + 1]` the block's capacity (a power of two), the
 * values from `pool[ref + 2]`. A full block moves to one of twice the size; freed blocks are reused by size.
 */
export class PostingTable {
  /** key, ref for each slot (see the class comment). */
  table: Int32Array
  /** Blocks of postings (index 0 unused, so that a block reference is > 0). */
  pool: Int32Array
  private mask: number
  /** Slots holding a key (with or without postings). */
  private usedSlots = 0
  private live = 0
  private poolUsed = 2
  /** Head of the free list of blocks of capacity 2^c (the next free block's offset in its first word). */
  private readonly freeBlocks = new Int32Array(32).fill(0)

  constructor(capacity = 1024) {
    // sized for capacity / 2 keys: most keys of a bank carry several postings (2.1M keys for 8M postings at 1M
    // claims); a table that fills up is rebuilt at twice the size
    const slots = 1 << Math.max(10, Math.ceil(Math.log2(Math.max(1, capacity >> 1))))
    this.table = new Int32Array(slots * 2)
    this.mask = slots - 1
    this.pool = new Int32Array(Math.max(1024, capacity >> 2))
  }

  /** Number of (key, value) pairs. */
  get size(): number {
    return this.live
  }

  get bytes(): number {
    return this.table.byteLength + this.pool.byteLength
  }

  /** The slot index holding `key`, or -1. */
  private find(key: number): number {
    const table = this.table
    const mask = this.mask
    for (let i = Math.imul(key, 0x9e3779b1) >>> 0; ; i++) {
      i &= mask
      const ref = table[2 * i + 1] as number
      if (ref === 0) return -1
      if (table[2 * i] === key) return i
    }
  }

  /**
   * Reads the home slot of each of keys[0, n) and returns a sum of what it read: a loop of independent loads, so
   * that the cache and TLB misses of a query's lookups overlap before `ref` follows them one by one.
   */
  touch(keys: Int32Array, n: number): number {
    const table = this.table
    const mask = this.mask
    let sum = 0
    for (let k = 0; k < n; k++)
      sum += table[2 * ((Math.imul(keys[k] as number, 0x9e3779b1) >>> 0) & mask)] as number
    return sum
  }

  /** The reference of `key`'s postings (0 when it has none); read them with `count` and `valueAt`. */
  ref(key: number): number {
    const i = this.find(key)
    if (i < 0) return 0
    const r = this.table[2 * i + 1] as number
    return r === -1 ? 0 : r
  }

  /** Number of postings behind a reference from `ref`. */
  count(ref: number): number {
    return ref > 0 ? (this.pool[ref] as number) : ref <= -2 ? 1 : 0
  }

  /** The j-th posting behind a reference (j < count(ref)). */
  valueAt(ref: number, j: number): number {
    return ref <= -2 ? -2 - ref : (this.pool[ref + 2 + j] as number)
  }

  /** Exact number of postings of `key`. */
  crowd(key: number): number {
    return this.count(this.ref(key))
  }

  /** The postings of `key`, in stored order (for tests and tools; the hot paths read `pool` directly). */
  values(key: number): number[] {
    const r = this.ref(key)
    return Array.from({ length: this.count(r) }, (_, j) => this.valueAt(r, j))
  }

  add(key: number, value: number): void {
    if (value < 0 || value > 0x3ffffffd) throw new RangeError('posting value out of range')
    let i = this.find(key)
    if (i < 0) {
      if ((this.usedSlots + 1) * 10 > (this.mask + 1) * 7) this.rehash()
      i = Math.imul(key, 0x9e3779b1) >>> 0
      for (; ; i++) {
        i &= this.mask
        if (this.table[2 * i + 1] === 0) break
      }
      this.table[2 * i] = key
      this.table[2 * i + 1] = -1
      this.usedSlots++
    }
    const at = 2 * i + 1
    const r = this.table[at] as number
    if (r === -1) this.table[at] = -2 - value
    else if (r <= -2) {
      const b = this.allocBlock(1)
      this.pool[b] = 2
      this.pool[b + 2] = -2 - r
      this.pool[b + 3] = value
      this.table[at] = b
    } else {
      const len = this.pool[r] as number
      let b = r
      if (len === (this.pool[r + 1] as number)) {
        b = this.allocBlock(31 - Math.clz32(len) + 1)
        this.pool.copyWithin(b + 2, r + 2, r + 2 + len)
        this.pool[b] = len
        this.freeBlock(r)
        this.table[at] = b
      }
      this.pool[b + 2 + len] = value
      this.pool[b] = len + 1
    }
    this.live++
  }

  /** Removes one (key, value) pair; returns whether it was there. */
  remove(key: number, value: number): boolean {
    const i = this.find(key)
    if (i < 0) return false
    const at = 2 * i + 1
    const r = this.table[at] as number
    if (r <= -2) {
      if (-2 - r !== value) return false
      this.table[at] = -1
    } else if (r > 0) {
      const pool = this.pool
      const len = pool[r] as number
      let j = r + 2
      const end = r + 2 + len
      while (j < end && pool[j] !== value) j++
      if (j === end) return false
      pool[j] = pool[end - 1] as number
      pool[r] = len - 1
      if (len - 1 === 1) {
        this.table[at] = -2 - (pool[r + 2] as number)
        this.freeBlock(r)
      }
    } else return false
    this.live--
    return true
  }

  /**
   * Replaces every value v by `f(v)` in place (keys, order and blocks unchanged): for an owner that moves what
   * the values point to. `f` must give values in the same range as `add` takes.
   */
  remap(f: (value: number) => number): void {
    const table = this.table
    const pool = this.pool
    for (let i = 1; i < table.length; i += 2) {
      const r = table[i] as number
      if (r <= -2) table[i] = -2 - f(-2 - r)
      else if (r > 0)
        for (let j = r + 2, end = r + 2 + (pool[r] as number); j < end; j++) pool[j] = f(pool[j] as number)
    }
  }

  /** A block of capacity 2^c (c ≥ 1) with its capacity set; from the free list or the end of the pool. */
  private allocBlock(c: number): number {
    const head = this.freeBlocks[c] as number
    if (head > 0) {
      this.freeBlocks[c] = this.pool[head] as number
      this.pool[head + 1] = 1 << c
      return head
    }
    const size = (1 << c) + 2
    if (this.poolUsed + size > this.pool.length) {
      const p = new Int32Array(Math.max(this.poolUsed + size, this.pool.length + (this.pool.length >> 1)))
      p.set(this.pool.subarray(0, this.poolUsed))
      this.pool = p
    }
    const b = this.poolUsed
    this.poolUsed += size
    this.pool[b + 1] = 1 << c
    return b
  }

  private freeBlock(b: number): void {
    const c = 31 - Math.clz32(this.pool[b + 1] as number)
    this.pool[b] = this.freeBlocks[c] as number
    this.freeBlocks[c] = b
  }

  /** Rebuilds the slots, at most half full, dropping keys without postings. */
  private rehash(): void {
    let withPostings = 0
    const old = this.table
    for (let i = 1; i < old.length; i += 2) if ((old[i] as number) !== 0 && old[i] !== -1) withPostings++
    const need = (withPostings + 1) * 2
    let slots = 1024
    while (slots < need) slots *= 2
    this.table = new Int32Array(slots * 2)
    this.mask = slots - 1
    this.usedSlots = 0
    for (let i = 0; i < old.length; i += 2) {
      const r = old[i + 1] as number
      if (r === 0 || r === -1) continue
      let j = Math.imul(old[i] as number, 0x9e3779b1) >>> 0
      for (; ; j++) {
        j &= this.mask
        if (this.table[2 * j + 1] === 0) break
      }
      this.table[2 * j] = old[i] as number
      this.table[2 * j + 1] = r
      this.usedSlots++
    }
  }
}
