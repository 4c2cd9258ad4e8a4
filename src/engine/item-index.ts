// The index of item fingerprints a platform keeps for everything it has published, for the reverse query:
// given a newly confirmed false claim, find every stored item that contains it. Each item is kept as its
// winnowed trigram fingerprints only (no text); a claim is looked up by all of its trigrams, and the share of
// the claim's own fingerprints found in an item estimates the containment. The caller then verifies the
// candidates exactly against their texts with `containment()` (the sweep re-screens them anyway).
import type { Normalized } from './normalize.ts'
import { normalizeCodes } from './normalize.ts'
import { PostingTable, smallest, trigramHashes, winnow } from './shingles.ts'

export interface ItemIndexOptions {
  /** Winnowing window (default 3, as the claim bank). */
  window?: number
  /** At most this many fingerprints per item (default 1024; the smallest hashes are kept). */
  maxKeys?: number
  /** Expected number of items. */
  capacity?: number
}

export interface ReverseHit {
  id: string
  /** Estimated share of the claim contained in the item, 0–1. */
  estimate: number
}

export class ItemIndex {
  private readonly window: number
  private readonly maxKeys: number
  private readonly postings: PostingTable
  private ids: (string | undefined)[] = []
  private readonly slotOf = new Map<string, number>()
  private pool = new Int32Array(4096)
  private poolUsed = 0
  private poolWaste = 0
  private off: Int32Array
  private len: Int32Array
  private freeSlots: number[] = []
  private stamp: Int32Array
  private hits: Int32Array
  private query = 0

  constructor(options: ItemIndexOptions = {}) {
    this.window = Math.max(1, Math.floor(options.window ?? 3))
    this.maxKeys = Math.max(1, Math.floor(options.maxKeys ?? 1024))
    const cap = Math.max(16, Math.floor(options.capacity ?? 1024))
    this.postings = new PostingTable(cap * 8)
    this.stamp = new Int32Array(cap)
    this.hits = new Int32Array(cap)
    this.off = new Int32Array(cap)
    this.len = new Int32Array(cap)
  }

  get size(): number {
    return this.slotOf.size
  }

  /** Bytes held by typed arrays (posting table, per-item fingerprints, counters). */
  get bytes(): number {
    return (
      this.postings.bytes +
      this.pool.byteLength +
      this.off.byteLength +
      this.len.byteLength +
      this.stamp.byteLength +
      this.hits.byteLength
    )
  }

  /** The fingerprints an item is stored under (what a platform may persist beside the item). */
  fingerprint(item: string | Normalized | Uint16Array): Int32Array {
    const codes =
      typeof item === 'string' ? normalizeCodes(item) : item instanceof Uint16Array ? item : item.codes
    const hs = new Int32Array(Math.max(1, codes.length - 2))
    const n = trigramHashes(codes, hs)
    return Int32Array.from(smallest(winnow(hs, n, this.window), this.maxKeys))
  }

  /** Adds (or replaces) an item by its text or by a fingerprint computed earlier. */
  add(id: string, item: string | Normalized | Uint16Array | Int32Array): void {
    const fp = item instanceof Int32Array ? Int32Array.from(new Set(item)) : this.fingerprint(item)
    if (this.slotOf.has(id)) this.remove(id)
    const slot = this.freeSlots.pop() ?? this.ids.length
    if (slot === this.ids.length) this.ids.push(undefined)
    if (slot >= this.stamp.length) {
      const cap = Math.max(slot + 1, this.stamp.length * 2)
      const g = (a: Int32Array) => {
        const b = new Int32Array(cap)
        b.set(a)
        return b
      }
      this.stamp = g(this.stamp)
      this.hits = g(this.hits)
      this.off = g(this.off)
      this.len = g(this.len)
    }
    if (this.poolUsed + fp.length > this.pool.length) {
      const p = new Int32Array(Math.max(this.pool.length * 2, this.poolUsed + fp.length))
      p.set(this.pool.subarray(0, this.poolUsed))
      this.pool = p
    }
    this.pool.set(fp, this.poolUsed)
    this.off[slot] = this.poolUsed
    this.len[slot] = fp.length
    this.poolUsed += fp.length
    this.ids[slot] = id
    this.slotOf.set(id, slot)
    for (const k of fp) this.postings.add(k, slot)
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return false
    const o = this.off[slot] as number
    const l = this.len[slot] as number
    for (let i = o; i < o + l; i++) this.postings.remove(this.pool[i] as number, slot)
    this.slotOf.delete(id)
    this.ids[slot] = undefined
    this.len[slot] = 0
    this.poolWaste += l
    this.freeSlots.push(slot)
    if (this.poolWaste > 1 << 16 && this.poolWaste * 2 > this.poolUsed) this.compact()
    return true
  }

  private compact(): void {
    const p = new Int32Array(Math.max(4096, this.poolUsed - this.poolWaste + 4096))
    let used = 0
    for (let s = 0; s < this.ids.length; s++) {
      if (this.ids[s] === undefined) continue
      const o = this.off[s] as number
      const l = this.len[s] as number
      p.set(this.pool.subarray(o, o + l), used)
      this.off[s] = used
      used += l
    }
    this.pool = p
    this.poolUsed = used
    this.poolWaste = 0
  }

  /**
   * Every stored item whose estimated containment of `claim` is at least `minEstimate` (default 0.5),
   * strongest first, then by id. Claims shorter than 3 normalised characters find nothing.
   */
  reverse(claim: string | Normalized | Uint16Array, minEstimate = 0.5): ReverseHit[] {
    const codes =
      typeof claim === 'string' ? normalizeCodes(claim) : claim instanceof Uint16Array ? claim : claim.codes
    if (codes.length < 3 || this.slotOf.size === 0) return []
    const hs = new Int32Array(codes.length - 2)
    const n = trigramHashes(codes, hs)
    const own = winnow(hs, n, this.window).length
    const distinct = new Set<number>()
    for (let i = 0; i < n; i++) distinct.add(hs[i] as number)
    if (++this.query === 0x7fffffff) {
      this.stamp.fill(0)
      this.query = 1
    }
    const q = this.query
    const cand: number[] = []
    const postings = this.postings
    for (const h of distinct) {
      const r = postings.ref(h)
      for (let j = 0, c = postings.count(r); j < c; j++) {
        const s = postings.valueAt(r, j)
        if (this.stamp[s] !== q) {
          this.stamp[s] = q
          this.hits[s] = 1
          cand.push(s)
        } else this.hits[s] = (this.hits[s] as number) + 1
      }
    }
    const out: ReverseHit[] = []
    for (const s of cand) {
      const estimate = Math.min(1, (this.hits[s] as number) / own)
      if (estimate >= minEstimate) out.push({ id: this.ids[s] as string, estimate })
    }
    out.sort((a, b) => b.estimate - a.estimate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    return out
  }
}
