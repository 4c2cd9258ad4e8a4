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
 * A multimap from 32-bit keys to 32-bit values: a power-of-two bucket array of singly linked chains in one flat
 * typed array (`nodes`: key, value, next for each node, side by side so that following a chain touches one cache
 * line per node), with a free list so that removals are reused. Grows by doubling (rehash from stored keys).
 */
export class PostingTable {
  private bits: number
  private head: Int32Array
  /** Chain length per bucket (saturating at 65535): how crowded a key's bucket is. */
  private count: Uint16Array
  /** Node i is nodes[3i] (key), nodes[3i + 1] (value), nodes[3i + 2] (next node, -1 at the end). */
  nodes: Int32Array
  private capacity: number
  private used = 0
  private free = -1
  private live = 0

  constructor(capacity = 1024) {
    this.bits = Math.max(10, Math.ceil(Math.log2(Math.max(1, capacity / 2))))
    this.head = new Int32Array(1 << this.bits).fill(-1)
    this.count = new Uint16Array(1 << this.bits)
    this.capacity = Math.max(1024, capacity)
    this.nodes = new Int32Array(this.capacity * 3)
  }

  get size(): number {
    return this.live
  }

  get bytes(): number {
    return this.head.byteLength + this.count.byteLength + this.nodes.byteLength
  }

  /** Length of the chain `key` falls in (an upper bound of its postings). */
  crowd(key: number): number {
    return this.count[this.bucket(key)] as number
  }

  bucket(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.bits)
  }

  /** First node of the chain that may hold `key` (-1: none); follow `next`, compare `key`. */
  first(key: number): number {
    return this.head[this.bucket(key)] as number
  }

  add(key: number, value: number): void {
    let node = this.free
    if (node >= 0) this.free = this.nodes[node * 3 + 2] as number
    else {
      if (this.used === this.capacity) this.growNodes()
      node = this.used++
    }
    const b = this.bucket(key)
    const at = node * 3
    this.nodes[at] = key
    this.nodes[at + 1] = value
    this.nodes[at + 2] = this.head[b] as number
    this.head[b] = node
    if ((this.count[b] as number) < 0xffff) this.count[b] = (this.count[b] as number) + 1
    this.live++
    if (this.live > 2 * this.head.length) this.rehash()
  }

  /** Removes one (key, value) pair; returns whether it was there. */
  remove(key: number, value: number): boolean {
    const b = this.bucket(key)
    const nodes = this.nodes
    let prev = -1
    for (let n = this.head[b] as number; n >= 0; n = nodes[n * 3 + 2] as number) {
      if (nodes[n * 3] === key && nodes[n * 3 + 1] === value) {
        if (prev < 0) this.head[b] = nodes[n * 3 + 2] as number
        else nodes[prev * 3 + 2] = nodes[n * 3 + 2] as number
        nodes[n * 3 + 2] = this.free
        this.free = n
        this.live--
        if ((this.count[b] as number) > 0 && (this.count[b] as number) < 0xffff)
          this.count[b] = (this.count[b] as number) - 1
        return true
      }
      prev = n
    }
    return false
  }

  private growNodes(): void {
    this.capacity *= 2
    const b = new Int32Array(this.capacity * 3)
    b.set(this.nodes)
    this.nodes = b
  }

  private rehash(): void {
    this.bits++
    this.head = new Int32Array(1 << this.bits).fill(-1)
    this.count = new Uint16Array(1 << this.bits)
    const nodes = this.nodes
    // live nodes are those reachable from the old chains; rebuild chains from all non-free nodes
    const isFree = new Uint8Array(this.used)
    for (let n = this.free; n >= 0; n = nodes[n * 3 + 2] as number) isFree[n] = 1
    for (let n = 0; n < this.used; n++) {
      if (isFree[n] === 1) continue
      const b = this.bucket(nodes[n * 3] as number)
      nodes[n * 3 + 2] = this.head[b] as number
      this.head[b] = n
      if ((this.count[b] as number) < 0xffff) this.count[b] = (this.count[b] as number) + 1
    }
    // the free list was threaded through `next`; rebuild it
    this.free = -1
    for (let n = this.used - 1; n >= 0; n--) {
      if (isFree[n] === 1) {
        nodes[n * 3 + 2] = this.free
        this.free = n
      }
    }
  }
}
