// The claim bank: known false claims, matched near-duplicate against items. Candidates come from an inverted
// index of winnowed character-trigram fingerprints of each claim; every candidate is then verified exactly by
// the containment of the claim's character bigrams (as a multiset) in the item's, so the score is the share of
// the claim found in the item: robust to a claim quoted inside a longer post, to reordered sentences (only the
// joins are lost) and to a few edits. Claims are added and removed in place; no rebuild is ever needed.
import type { Normalized } from './normalize.ts'
import { codesToString, normalizeCodes } from './normalize.ts'
import { PostingTable, smallest, trigramHashes, winnow } from './shingles.ts'
import type { ClaimRecord } from './types.ts'

export interface ClaimBankOptions {
  /** Similarity at or above which a claim matches (default 0.5). */
  threshold?: number
  /** Similarity at or above which a near match is reported for review (default 0.4, never above the threshold). */
  reviewThreshold?: number
  /** Winnowing window over trigrams (default 3: any shared run of 5 characters shares a fingerprint). */
  window?: number
  /** At most this many fingerprints per claim (default 8; the least crowded are kept). */
  maxKeys?: number
  /**
   * Claims shorter than this many normalised characters are refused (default 8): a shorter text (分享图片,
   * 网页链接) is contained in too many harmless posts; short phrases belong in the lexicon.
   */
  minLength?: number
  /** At most this many postings of one fingerprint are followed at query time (default 256). */
  maxPostings?: number
  /**
   * An item at least this long (normalised characters) that is mostly a fragment of a longer claim also
   * matches: the similarity is then the share of the item found in the claim (default 20).
   */
  minFragment?: number
  /** Expected number of claims, to size the tables once. */
  capacity?: number
}

export interface ClaimHit {
  id: string
  similarity: number
  /** Normalised span of the item covered by the matched part of the claim. */
  start: number
  end: number
  /** Extra fields of the claim record, if any. */
  meta?: Readonly<Record<string, unknown>>
}

export type AddResult = { ok: true; replaced: boolean } | { ok: false; zh: string; en: string }

const DEFAULTS = {
  threshold: 0.5,
  review: 0.4,
  window: 3,
  maxKeys: 8,
  minLength: 8,
  maxPostings: 256,
  minFragment: 20,
}

export class ClaimBank {
  readonly threshold: number
  readonly reviewThreshold: number
  private readonly window: number
  private readonly maxKeys: number
  private readonly minLength: number
  private readonly maxPostings: number
  private readonly minFragment: number
  private rev = 0

  private readonly postings: PostingTable
  private ids: (string | undefined)[] = []
  private readonly slotOf = new Map<string, number>()
  private readonly meta = new Map<number, Readonly<Record<string, unknown>>>()
  private freeSlots: number[] = []
  private pool: Uint16Array
  private poolUsed = 0
  private poolWaste = 0
  private off: Int32Array
  private len: Int32Array
  private keyCount: Uint8Array
  private stamp: Int32Array
  private hits: Uint16Array
  private query = 0

  constructor(options: ClaimBankOptions = {}) {
    this.threshold = clamp01(options.threshold ?? DEFAULTS.threshold)
    this.reviewThreshold = Math.min(this.threshold, clamp01(options.reviewThreshold ?? DEFAULTS.review))
    this.minFragment = Math.max(3, Math.floor(options.minFragment ?? DEFAULTS.minFragment))
    this.window = Math.max(1, Math.floor(options.window ?? DEFAULTS.window))
    this.maxKeys = Math.min(255, Math.max(1, Math.floor(options.maxKeys ?? DEFAULTS.maxKeys)))
    this.minLength = Math.max(3, Math.floor(options.minLength ?? DEFAULTS.minLength))
    this.maxPostings = Math.max(1, Math.floor(options.maxPostings ?? DEFAULTS.maxPostings))
    const cap = Math.max(16, Math.floor(options.capacity ?? 1024))
    this.postings = new PostingTable(cap * this.maxKeys)
    this.pool = new Uint16Array(cap * 24)
    this.off = new Int32Array(cap)
    this.len = new Int32Array(cap)
    this.keyCount = new Uint8Array(cap)
    this.stamp = new Int32Array(cap)
    this.hits = new Uint16Array(cap)
  }

  /** Number of claims. */
  get size(): number {
    return this.slotOf.size
  }

  /** Increases with every change; part of the verdict's rule version. */
  get revision(): number {
    return this.rev
  }

  /** Bytes held by the bank's typed arrays (ids and extra fields are JS strings/objects on top). */
  get bytes(): number {
    return (
      this.postings.bytes +
      this.pool.byteLength +
      this.off.byteLength +
      this.len.byteLength +
      this.keyCount.byteLength +
      this.stamp.byteLength +
      this.hits.byteLength
    )
  }

  has(id: string): boolean {
    return this.slotOf.has(id)
  }

  /** The stored (normalised) text of a claim. */
  textOf(id: string): string | undefined {
    const s = this.slotOf.get(id)
    if (s === undefined) return undefined
    const o = this.off[s] as number
    return codesToString(this.pool, o, o + (this.len[s] as number))
  }

  /** Adds a claim, replacing one with the same id. Refuses claims too short to match safely. */
  add(record: ClaimRecord): AddResult {
    const id = record.id
    const codes = normalizeCodes(record.text)
    if (codes.length < this.minLength) {
      return {
        ok: false,
        zh: `声明规范化后不足 ${this.minLength} 个字符，无法可靠比对`,
        en: `claim has fewer than ${this.minLength} characters after normalisation and cannot be matched reliably`,
      }
    }
    const replaced = this.slotOf.has(id)
    if (replaced) this.removeSlot(this.slotOf.get(id) as number)
    const slot = this.freeSlots.pop() ?? this.ids.length
    if (slot === this.ids.length) this.ids.push(undefined)
    this.ensureSlots(slot + 1)
    this.ids[slot] = id
    this.slotOf.set(id, slot)
    const extra = extraFields(record)
    if (extra !== null) this.meta.set(slot, extra)
    this.storeText(slot, codes)
    // the claim is indexed under its least crowded fingerprints, so that common phrases do not make every
    // query walk long posting lists; the choice is recorded nowhere, so removal looks under all of them
    const keys = this.keysOf(codes)
    const chosen =
      keys.length <= this.maxKeys
        ? keys
        : [...keys]
            .sort((a, b) => this.postings.crowd(a) - this.postings.crowd(b) || a - b)
            .slice(0, this.maxKeys)
    this.keyCount[slot] = chosen.length
    for (const k of chosen) this.postings.add(k, slot)
    this.rev++
    return { ok: true, replaced }
  }

  /** Removes a claim; returns whether it was there. */
  remove(id: string): boolean {
    const s = this.slotOf.get(id)
    if (s === undefined) return false
    this.removeSlot(s)
    this.rev++
    return true
  }

  private removeSlot(slot: number): void {
    const o = this.off[slot] as number
    const codes = this.pool.subarray(o, o + (this.len[slot] as number))
    for (const k of this.keysOf(codes)) this.postings.remove(k, slot)
    this.slotOf.delete(this.ids[slot] as string)
    this.ids[slot] = undefined
    this.meta.delete(slot)
    this.poolWaste += this.len[slot] as number
    this.len[slot] = 0
    this.keyCount[slot] = 0
    this.freeSlots.push(slot)
    if (this.poolWaste > 1 << 16 && this.poolWaste * 2 > this.poolUsed) this.compactPool()
  }

  /** Candidate fingerprints: winnowed trigrams (at most 4 × maxKeys, the smallest hashes). */
  private keysOf(codes: Uint16Array): number[] {
    const hs = new Int32Array(Math.max(1, codes.length - 2))
    const n = trigramHashes(codes, hs)
    return smallest(winnow(hs, n, this.window), this.maxKeys * 4)
  }

  private storeText(slot: number, codes: Uint16Array): void {
    if (this.poolUsed + codes.length > this.pool.length) {
      const p = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + codes.length))
      p.set(this.pool.subarray(0, this.poolUsed))
      this.pool = p
    }
    this.pool.set(codes, this.poolUsed)
    this.off[slot] = this.poolUsed
    this.len[slot] = codes.length
    this.poolUsed += codes.length
  }

  private compactPool(): void {
    const p = new Uint16Array(Math.max(1024, this.poolUsed - this.poolWaste + 1024))
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

  private ensureSlots(n: number): void {
    if (n <= this.off.length) return
    const cap = Math.max(n, this.off.length * 2)
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(cap)
      b.set(a)
      return b
    }
    this.off = g32(this.off)
    this.len = g32(this.len)
    this.stamp = g32(this.stamp)
    const kc = new Uint8Array(cap)
    kc.set(this.keyCount)
    this.keyCount = kc
    const h = new Uint16Array(cap)
    h.set(this.hits)
    this.hits = h
  }

  /**
   * Claims matching a normalised item with similarity ≥ `minSimilarity` (default: the review threshold),
   * strongest first, then by id.
   */
  match(item: Normalized | Uint16Array, minSimilarity = this.reviewThreshold): ClaimHit[] {
    const codes = item instanceof Uint16Array ? item : item.codes
    const m = codes.length
    if (m < 3 || this.slotOf.size === 0) return []
    const set = itemBigrams(codes)
    const tri = scratchInt(m)
    const n = trigramHashes(codes, tri)
    const seen = scratchSet(n)
    const q = ++this.query
    if (q === 0x7fffffff) {
      this.stamp.fill(0)
      this.query = 1
    }
    const cand: number[] = []
    const { key, value, next } = this.postings
    for (let i = 0; i < n; i++) {
      const h = tri[i] as number
      if (!seen.insert(h)) continue
      let walked = 0
      for (let node = this.postings.first(h); node >= 0; node = next[node] as number) {
        if (key[node] !== h) continue
        if (++walked > this.maxPostings) break
        const s = value[node] as number
        if (this.stamp[s] !== this.query) {
          this.stamp[s] = this.query
          this.hits[s] = 1
          cand.push(s)
        } else this.hits[s] = (this.hits[s] as number) + 1
      }
    }
    const out: ClaimHit[] = []
    for (const s of cand) {
      // a claim found under fewer than a quarter of its fingerprints cannot reach the threshold in practice
      if ((this.hits[s] as number) * 4 < (this.keyCount[s] as number)) continue
      const o = this.off[s] as number
      const l = this.len[s] as number
      let r = set.containment(this.pool, o, o + l)
      if (m >= this.minFragment && m < l && r.similarity < 1) {
        // the item as a fragment of the claim: share of the item's bigrams found in the claim
        claimSet.load(this.pool.subarray(o, o + l))
        const f = claimSet.containment(codes, 0, m)
        if (f.similarity > r.similarity) r = { similarity: f.similarity, start: 0, end: m }
      }
      if (r.similarity < minSimilarity) continue
      const hit: ClaimHit = {
        id: this.ids[s] as string,
        similarity: r.similarity,
        start: r.start,
        end: r.end,
      }
      const meta = this.meta.get(s)
      if (meta !== undefined) hit.meta = meta
      out.push(hit)
    }
    out.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    return out
  }
}

/**
 * Exact containment of `claim` in `text` (both raw; normalised here): the share of the claim's character
 * bigrams found in the text. With `minFragment`, a text at least that long is also scored by the share of it
 * found in the claim, and the larger score is returned — the score the bank verifies with.
 */
export function containment(claim: string, text: string, minFragment = Number.POSITIVE_INFINITY): number {
  const c = normalizeCodes(claim)
  const t = normalizeCodes(text)
  if (c.length < 2 || t.length < 2) return c.length > 0 && c.length === t.length && c[0] === t[0] ? 1 : 0
  const a = itemBigrams(t).containment(c, 0, c.length).similarity
  if (t.length < minFragment || t.length >= c.length || a === 1) return a
  return Math.max(a, itemBigrams(c).containment(t, 0, t.length).similarity)
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0
}

function extraFields(r: ClaimRecord): Readonly<Record<string, unknown>> | null {
  let extra: Record<string, unknown> | null = null
  for (const k of Object.keys(r)) {
    if (k === 'id' || k === 'text') continue
    extra ??= {}
    extra[k] = r[k]
  }
  return extra === null ? null : Object.freeze(extra)
}

// ---- scratch structures, reused across queries ----

let intScratch = new Int32Array(1024)
function scratchInt(n: number): Int32Array {
  if (intScratch.length < n) intScratch = new Int32Array(Math.max(n, intScratch.length * 2))
  return intScratch
}

/** Open-addressing set of 32-bit hashes with a generation stamp, so clearing is O(1). */
class HashSet {
  keys = new Int32Array(2048)
  gen = new Int32Array(2048)
  mask = 2047
  g = 1
  reset(n: number): void {
    let size = this.keys.length
    while (size < n * 2) size *= 2
    if (size !== this.keys.length) {
      this.keys = new Int32Array(size)
      this.gen = new Int32Array(size)
      this.mask = size - 1
      this.g = 1
    } else if (++this.g === 0x7fffffff) {
      this.gen.fill(0)
      this.g = 1
    }
  }
  /** true when h was not yet in the set. */
  insert(h: number): boolean {
    let i = Math.imul(h, 0x9e3779b1) >>> 0
    for (;;) {
      i &= this.mask
      if (this.gen[i] !== this.g) {
        this.gen[i] = this.g
        this.keys[i] = h
        return true
      }
      if (this.keys[i] === h) return false
      i++
    }
  }
}
const seenSet = new HashSet()
function scratchSet(n: number): HashSet {
  seenSet.reset(n)
  return seenSet
}

/** The item's bigrams as a multiset with the first position of each, for exact verification. */
class BigramSet {
  keys = new Int32Array(2048)
  gen = new Int32Array(2048)
  count = new Int32Array(2048)
  pos = new Int32Array(2048)
  usedGen = new Int32Array(2048)
  used = new Int32Array(2048)
  mask = 2047
  g = 1
  ug = 1

  load(codes: Uint16Array): void {
    const n = codes.length - 1
    let size = this.keys.length
    while (size < n * 2) size *= 2
    if (size !== this.keys.length) {
      this.keys = new Int32Array(size)
      this.gen = new Int32Array(size)
      this.count = new Int32Array(size)
      this.pos = new Int32Array(size)
      this.usedGen = new Int32Array(size)
      this.used = new Int32Array(size)
      this.mask = size - 1
      this.g = 1
    } else if (++this.g === 0x7fffffff) {
      this.gen.fill(0)
      this.g = 1
    }
    for (let i = 0; i < n; i++) {
      const b = ((codes[i] as number) << 16) | (codes[i + 1] as number)
      let j = Math.imul(b, 0x9e3779b1) >>> 0
      for (;;) {
        j &= this.mask
        if (this.gen[j] !== this.g) {
          this.gen[j] = this.g
          this.keys[j] = b
          this.count[j] = 1
          this.pos[j] = i
          break
        }
        if (this.keys[j] === b) {
          this.count[j] = (this.count[j] as number) + 1
          break
        }
        j++
      }
    }
  }

  /** Share of the bigram occurrences of claim[from, to) found in the item (as a multiset), with the span. */
  containment(
    claim: Uint16Array,
    from: number,
    to: number,
  ): { similarity: number; start: number; end: number } {
    const n = to - from - 1
    if (n <= 0) return { similarity: 0, start: 0, end: 0 }
    if (++this.ug === 0x7fffffff) {
      this.usedGen.fill(0)
      this.ug = 1
    }
    let matched = 0
    let lo = 0x7fffffff
    let hi = -1
    for (let i = from; i < to - 1; i++) {
      const b = ((claim[i] as number) << 16) | (claim[i + 1] as number)
      let j = Math.imul(b, 0x9e3779b1) >>> 0
      for (;;) {
        j &= this.mask
        if (this.gen[j] !== this.g) break
        if (this.keys[j] === b) {
          if (this.usedGen[j] !== this.ug) {
            this.usedGen[j] = this.ug
            this.used[j] = 0
          }
          if ((this.used[j] as number) < (this.count[j] as number)) {
            this.used[j] = (this.used[j] as number) + 1
            matched++
            const p = this.pos[j] as number
            if (p < lo) lo = p
            if (p > hi) hi = p
          }
          break
        }
        j++
      }
    }
    return hi < 0 ? { similarity: 0, start: 0, end: 0 } : { similarity: matched / n, start: lo, end: hi + 2 }
  }
}
const bigrams = new BigramSet()
const claimSet = new BigramSet()
function itemBigrams(codes: Uint16Array): BigramSet {
  bigrams.load(codes)
  return bigrams
}
