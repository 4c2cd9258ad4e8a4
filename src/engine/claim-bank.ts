// The claim bank: known false claims, matched near-duplicate against items. Candidates come from an inverted
// index of winnowed character-trigram fingerprints of each claim; every candidate is then verified exactly by
// the containment of the claim's character bigrams (as a multiset) in the item's, so the score is the share of
// the claim found in the item: robust to a claim quoted inside a longer post, to reordered sentences (only the
// joins are lost) and to a few edits. Claims are added and removed in place; no rebuild is ever needed.
import type { Normalized } from './normalize.ts'
import { codesToString, normalizeCodes } from './normalize.ts'
import { PostingTable, smallest, trigramHashes, winnow } from './shingles.ts'
import { claimText, evidence } from './similarity.ts'
import type { ClaimRecord } from './types.ts'

export interface ClaimBankOptions {
  /** Similarity at or above which a claim matches (default 0.5). */
  threshold?: number
  /** Similarity at or above which a near match is reported for review (default 0.4, never above the threshold). */
  reviewThreshold?: number
  /** Winnowing window over trigrams (default 3: any shared run of 5 characters shares a fingerprint). */
  window?: number
  /** At most this many fingerprints per claim (default 8: the least crowded, spread over the claim). */
  maxKeys?: number
  /**
   * Claims shorter than this many normalised characters are refused (default 8): a shorter text (分享图片,
   * 网页链接) is contained in too many harmless posts; short phrases belong in the lexicon.
   */
  minLength?: number
  /** At most this many postings of one fingerprint are followed at query time (default 256). */
  maxPostings?: number
  /**
   * At most this many postings are followed per query (default 2048). When an item's trigrams would
   * lead to more, the rarest trigrams are followed first; this bounds the time of one query whatever the item.
   */
  maxWalk?: number
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
  // 2048, not 1024, since postings lie side by side: on the bench's 1M realistic bank the variants of the real
  // rumors are found 0.996 of the time instead of 0.917, ordinary posts cost the same (their walks are shorter)
  maxWalk: 2048,
  minFragment: 20,
}

export class ClaimBank {
  readonly threshold: number
  readonly reviewThreshold: number
  private readonly window: number
  private readonly maxKeys: number
  private readonly minLength: number
  private readonly maxPostings: number
  private readonly maxWalk: number
  private readonly minFragment: number
  private rev = 0

  /**
   * Fingerprint → postings. A posting is where the claim's text is stored (`TextStore`: its position / 2, which
   * is even) plus 1 when the claim has at most 4 fingerprints: a candidate is read straight from the posting,
   * with no table between (a variant of a long claim in the 1M realistic bank reads some 113 of them; a table
   * from slot to text was one more cache and TLB miss each).
   */
  private readonly postings: PostingTable
  /** Per slot: the claim's id, its extra fields; the slot of a claim is in its text's header. */
  private ids: (string | undefined)[] = []
  private readonly meta = new Map<number, Readonly<Record<string, unknown>>>()
  /** Where each claim's text is (its position in `texts`). */
  private readonly posOf = new Map<string, number>()
  private freeSlots: number[] = []
  private texts: TextStore
  /**
   * A sum of what the last query read ahead (trigram slots, then candidates' texts): stored so that those loads,
   * whose only purpose is to bring lines into the cache, are not optimised away. Means nothing else.
   */
  readAhead = 0
  /**
   * Per slot, the number of fingerprints the claim is indexed under, in one byte per claim: read by removal, and
   * by queries only with more than 8 fingerprints per claim (`maxKeys`), where a candidate found under 2 or more
   * of them may still be under a quarter (at most 8, the posting's flag says all the quarter filter needs).
   */
  private keyCount: Uint8Array

  constructor(options: ClaimBankOptions = {}) {
    this.threshold = clamp01(options.threshold ?? DEFAULTS.threshold)
    this.reviewThreshold = Math.min(this.threshold, clamp01(options.reviewThreshold ?? DEFAULTS.review))
    this.minFragment = Math.max(3, Math.floor(options.minFragment ?? DEFAULTS.minFragment))
    this.window = Math.max(1, Math.floor(options.window ?? DEFAULTS.window))
    this.maxKeys = Math.min(255, Math.max(1, Math.floor(options.maxKeys ?? DEFAULTS.maxKeys)))
    this.minLength = Math.max(3, Math.floor(options.minLength ?? DEFAULTS.minLength))
    this.maxPostings = Math.max(1, Math.floor(options.maxPostings ?? DEFAULTS.maxPostings))
    this.maxWalk = Math.max(1, Math.floor(options.maxWalk ?? DEFAULTS.maxWalk))
    const cap = Math.max(16, Math.floor(options.capacity ?? 1024))
    this.postings = new PostingTable(cap * this.maxKeys)
    this.texts = new TextStore(cap * 24)
    this.keyCount = new Uint8Array(cap)
  }

  /** Number of claims. */
  get size(): number {
    return this.posOf.size
  }

  /** Increases with every change; part of the verdict's rule version. */
  get revision(): number {
    return this.rev
  }

  /** Bytes held by the bank's typed arrays (ids and extra fields are JS strings/objects on top). */
  get bytes(): number {
    return this.postings.bytes + this.texts.bytes + this.keyCount.byteLength
  }

  has(id: string): boolean {
    return this.posOf.has(id)
  }

  /** The stored (normalised) text of a claim. */
  textOf(id: string): string | undefined {
    const p = this.posOf.get(id)
    if (p === undefined) return undefined
    const codes = this.texts.codes(p)
    return codesToString(codes, 0, codes.length)
  }

  /** Why `add` would refuse this claim text (in Chinese and English), or null when it would take it. */
  refusal(text: string): { zh: string; en: string } | null {
    return this.tooShort(normalizeCodes(claimText(text)))
  }

  private tooShort(codes: Uint16Array): { zh: string; en: string } | null {
    if (codes.length >= this.minLength) return null
    return {
      zh: `声明规范化后不足 ${this.minLength} 个字符，无法可靠比对`,
      en: `claim has fewer than ${this.minLength} characters after normalisation and cannot be matched reliably`,
    }
  }

  /** Adds a claim, replacing one with the same id. Refuses claims too short to match safely. */
  add(record: ClaimRecord): AddResult {
    const id = record.id
    const codes = normalizeCodes(claimText(record.text))
    const problem = this.tooShort(codes)
    if (problem !== null) return { ok: false, ...problem }
    const replaced = this.posOf.has(id)
    if (replaced) this.removeAt(this.posOf.get(id) as number)
    const slot = this.freeSlots.pop() ?? this.ids.length
    if (slot === this.ids.length) this.ids.push(undefined)
    this.ensureSlots(slot + 1)
    this.ids[slot] = id
    const pos = this.texts.put(codes, slot)
    this.posOf.set(id, pos)
    const extra = extraFields(record)
    if (extra !== null) this.meta.set(slot, extra)
    // the claim is indexed under its least crowded fingerprints, so that common phrases do not make every
    // query walk long posting lists, and among equally crowded ones under fingerprints spread over its text, so
    // that a variant keeping any part of it shares a proportional number of them (the smallest hashes instead
    // left a half of a long claim with one fingerprint in eight, below the candidate filter, often enough to cost
    // real variants); the choice is recorded nowhere, so removal looks under all the candidates
    const keys = this.keysOf(codes)
    let chosen = keys
    if (keys.length > this.maxKeys) {
      // the least crowded; among equally crowded ones (in a young or small bank, all of them), those in parts of
      // the text (maxKeys runs of the candidates, in text order) that hold no chosen fingerprint yet
      const g = this.maxKeys
      const crowd = keys.map((k) => this.postings.crowd(k))
      const limit = [...crowd].sort((x, y) => x - y)[g - 1] as number
      const covered = new Uint8Array(g)
      const runOf = (i: number) => Math.floor((i * g) / keys.length)
      chosen = []
      keys.forEach((k, i) => {
        if ((crowd[i] as number) < limit) {
          chosen.push(k)
          covered[runOf(i)] = 1
        }
      })
      while (chosen.length < g) {
        let best = -1
        for (let i = 0; i < keys.length; i++) {
          if (crowd[i] !== limit || chosen.includes(keys[i] as number)) continue
          if (
            best < 0 ||
            (covered[runOf(i)] as number) < (covered[runOf(best)] as number) ||
            (covered[runOf(i)] === covered[runOf(best)] && (keys[i] as number) < (keys[best] as number))
          )
            best = i
        }
        chosen.push(keys[best] as number)
        covered[runOf(best)] = 1
      }
    }
    this.keyCount[slot] = chosen.length
    const posting = postingOf(pos, chosen.length)
    for (const k of chosen) this.postings.add(k, posting)
    this.rev++
    return { ok: true, replaced }
  }

  /** Removes a claim; returns whether it was there. */
  remove(id: string): boolean {
    const p = this.posOf.get(id)
    if (p === undefined) return false
    this.removeAt(p)
    this.rev++
    return true
  }

  /** Removes the claim whose text is at `pos`. */
  private removeAt(pos: number): void {
    const slot = this.texts.slot(pos)
    const codes = this.texts.codes(pos)
    const posting = postingOf(pos, this.keyCount[slot] as number)
    for (const k of this.keysOf(codes)) this.postings.remove(k, posting)
    this.posOf.delete(this.ids[slot] as string)
    this.ids[slot] = undefined
    this.meta.delete(slot)
    this.texts.waste += TextStore.footprint(codes.length)
    this.keyCount[slot] = 0
    this.freeSlots.push(slot)
    if (this.texts.waste > 1 << 16 && this.texts.waste * 2 > this.texts.stored) this.compactTexts()
  }

  /** Candidate fingerprints: winnowed trigrams (at most 4 × maxKeys, the smallest hashes). */
  private keysOf(codes: Uint16Array): number[] {
    const hs = new Int32Array(Math.max(1, codes.length - 2))
    const n = trigramHashes(codes, hs)
    // the smallest hashes (a sample that is the same whatever else the text holds), kept in text order
    const all = winnow(hs, n, this.window)
    const kept = new Set(smallest(all, this.maxKeys * 4))
    return all.filter((h) => kept.has(h))
  }

  /**
   * Copies the live texts into a fresh store once removals have left half of it unused. The postings name where
   * each text is, so every posting is then re-pointed in place, in one pass over the posting table (its order,
   * and so which postings a crowded fingerprint yields first, unchanged).
   */
  private compactTexts(): void {
    const old = this.texts
    this.texts = new TextStore(Math.max(1024, old.stored - old.waste))
    // old position / 2 → new position / 2 (both even: the flag bit of a posting is kept as it is)
    const moved = new Map<number, number>()
    for (const [id, p] of this.posOf) {
      const pos = this.texts.put(old.codes(p), old.slot(p))
      this.posOf.set(id, pos)
      moved.set(p >>> 1, pos >>> 1)
    }
    this.postings.remap((v) => {
      const to = moved.get(v & ~1)
      if (to === undefined) throw new Error('claim bank: a posting names no stored text')
      return to | (v & 1)
    })
  }

  private ensureSlots(n: number): void {
    if (n <= this.keyCount.length) return
    const slots = Math.max(n, this.keyCount.length * 2)
    const keyCount = new Uint8Array(slots)
    keyCount.set(this.keyCount)
    this.keyCount = keyCount
  }

  /**
   * Claims matching a normalised item with similarity ≥ `minSimilarity` (default: the review threshold),
   * strongest first, then by id.
   */
  match(item: Normalized | Uint16Array, minSimilarity = this.reviewThreshold): ClaimHit[] {
    const codes = item instanceof Uint16Array ? item : item.codes
    const m = codes.length
    if (m < 3 || this.posOf.size === 0) return []
    const set = itemBigrams(codes)
    const tri = scratchOf('tri', m)
    const n = trigramHashes(codes, tri)
    // the home slot of every trigram first, in a loop of independent loads, so that the misses overlap
    this.readAhead = this.postings.touch(tri, n)
    const seen = scratchSet(n)
    const cand = candidates.reset(n)
    const postings = this.postings
    const maxPostings = this.maxPostings
    // the distinct trigrams that lead to postings: where their postings are, and how many
    const uniq = scratchOf('keys', n)
    const crowd = scratchOf('crowd', n)
    let d = 0
    let total = 0
    for (let i = 0; i < n; i++) {
      const h = tri[i] as number
      if (!seen.insert(h)) continue
      const r = postings.ref(h)
      if (r === 0) continue
      const c = postings.count(r)
      uniq[d] = r
      crowd[d] = Math.min(c, 0xffff)
      d++
      total += c
    }
    // a long or common item would follow more postings than the budget: then the rarest trigrams go first (the
    // ones that single out a claim) and the walk stops when the budget is spent
    if (total > this.maxWalk) sortByCrowd(uniq, crowd, d)
    walkPostings(postings, uniq, d, this.maxWalk, maxPostings, cand)
    const out: ClaimHit[] = []
    const { slots, hits } = cand
    const keyCount = this.keyCount
    const maxKeys = this.maxKeys
    const texts = this.texts
    // the claims worth verifying, first all together: the first line of each text (its header: length and slot,
    // and the first characters), then the rest of it, are read in loops of independent loads, so that the cache
    // misses overlap instead of following one another (the verification itself then reads cached lines)
    const todo = scratchOf('todo', cand.size)
    let nt = 0
    let touched = 0
    for (let c = 0; c < cand.size; c++) {
      const v = slots[c] as number
      // a claim found under fewer than a quarter of its fingerprints cannot reach the threshold in practice;
      // found once, the posting itself says whether it has at most 4 (most candidates are found once); found
      // twice or more, a claim of at most 8 fingerprints passes, and only a bank of more per claim reads the count
      const h = hits[c] as number
      const p = (v >>> 1) << 2
      if (h === 1 ? (v & 1) === 0 : h * 4 < maxKeys && h * 4 < (keyCount[texts.slot(p)] as number)) continue
      todo[nt++] = p
    }
    for (let t = 0; t < nt; t++) {
      const p = todo[t] as number
      const chunk = texts.chunk(p)
      const at = TextStore.at(p)
      // the first four 64-byte lines whatever the length (which is in the first), so that no read waits for it
      const last = chunk.length - 1
      touched +=
        (chunk[at] as number) +
        (chunk[Math.min(at + 32, last)] as number) +
        (chunk[Math.min(at + 64, last)] as number) +
        (chunk[Math.min(at + 96, last)] as number)
    }
    for (let t = 0; t < nt; t++) {
      const p = todo[t] as number
      const chunk = texts.chunk(p)
      const at = TextStore.at(p)
      // the lines of a longer text
      for (let i = at + 128, end = at + TextStore.HEADER + TextStore.lengthAt(chunk, at); i < end; i += 32)
        touched += chunk[i] as number
    }
    this.readAhead += touched
    for (let t = 0; t < nt; t++) {
      const p = todo[t] as number
      const chunk = texts.chunk(p)
      const at = TextStore.at(p)
      const l = TextStore.lengthAt(chunk, at)
      const from = at + TextStore.HEADER
      // a short claim in a long item must carry enough evidence (similarity.ts)
      const floor = evidence(l - 1, m - 1)
      // the item as a fragment of the claim scores the share of the item's bigrams found in the claim: the same
      // multiset intersection divided by the item's bigrams, so one pass serves both, and it may give up only
      // when neither score can reach the minimum any more
      const fragment = m >= this.minFragment && m < l
      let need = minSimilarity / floor
      if (fragment && (minSimilarity * (m - 1)) / (l - 1) < need) need = (minSimilarity * (m - 1)) / (l - 1)
      // a hair lower, so that rounding (0.55 × 100 is 55.00000000000001) never gives up on a claim that scores
      // exactly the minimum; the score itself is compared with the minimum below, unchanged
      need *= 1 - 2 ** -30
      let similarity = set.containment(chunk, from, from + l, need) * floor
      let start = set.start
      let end = set.end
      if (fragment && similarity < 1) {
        const f = set.matched / (m - 1)
        if (f > similarity) {
          similarity = f
          start = 0
          end = m
        }
      }
      if (similarity < minSimilarity) continue
      const s = TextStore.slotAt(chunk, at)
      const hit: ClaimHit = { id: this.ids[s] as string, similarity, start, end }
      const meta = this.meta.get(s)
      if (meta !== undefined) hit.meta = meta
      out.push(hit)
    }
    out.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    return out
  }
}

/**
 * Exact containment of `claim` in `text` (both raw; normalised here, the claim without its markup): the share of
 * the claim's character bigrams found in the text, times the evidence floor for a short claim in a longer text
 * (similarity.ts). A similarity in [0, 1]; an identical text without markup scores 1. With `minFragment`, a text at least that long is also scored by the share of it
 * found in the claim, and the larger score is returned — the score the bank verifies with.
 */
export function containment(claim: string, text: string, minFragment = Number.POSITIVE_INFINITY): number {
  const c = normalizeCodes(claimText(claim))
  const t = normalizeCodes(text)
  if (c.length < 2 || t.length < 2) return c.length > 0 && c.length === t.length && c[0] === t[0] ? 1 : 0
  const a = itemBigrams(t).containment(c, 0, c.length) * evidence(c.length - 1, t.length - 1)
  if (t.length < minFragment || t.length >= c.length || a === 1) return a
  return Math.max(a, itemBigrams(c).containment(t, 0, t.length))
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

/**
 * The claims' normalised texts in chunks of 2^20 code units (2 MB): a growing bank adds a chunk instead of
 * copying all its text into an array a quarter larger (which at 1M claims left 15% of the text bytes unused and
 * held up screening while 200 MB were copied). A text's position is its chunk's index × 2^20 + its place there,
 * a multiple of 4 code units (8 bytes); a text longer than a chunk gets a chunk of its own. Only the last chunk
 * grows, by doubling, up to 2^20. Each text is preceded by a header of 4 code units: its length (low, high 16
 * bits) and the slot of its claim (low, high), so that a posting, which holds the position, leads to all a query
 * needs in one place: one 64-byte line holds the header and the first 28 characters.
 */
class TextStore {
  static readonly SHIFT = 20
  static readonly HEADER = 4
  private chunks: Uint16Array[]
  /** Code units used in the last chunk. */
  private used = 0
  /** Code units stored (headers and padding included), and of those, the ones of removed claims. */
  stored = 0
  waste = 0

  constructor(expected: number) {
    this.chunks = [new Uint16Array(Math.max(1024, Math.min(1 << TextStore.SHIFT, expected)))]
  }

  /** Place of a position within its chunk. */
  static at(pos: number): number {
    return pos & ((1 << TextStore.SHIFT) - 1)
  }

  /** Length of the text whose header is at `at` in `chunk`. */
  static lengthAt(chunk: Uint16Array, at: number): number {
    return (chunk[at] as number) | ((chunk[at + 1] as number) << 16)
  }

  /** Slot of the claim whose text's header is at `at` in `chunk`. */
  static slotAt(chunk: Uint16Array, at: number): number {
    return (chunk[at + 2] as number) | ((chunk[at + 3] as number) << 16)
  }

  /** Code units taken by a text of `length` units: header, text and padding to a multiple of 4. */
  static footprint(length: number): number {
    return (TextStore.HEADER + length + 3) & ~3
  }

  chunk(pos: number): Uint16Array {
    return this.chunks[pos >>> TextStore.SHIFT] as Uint16Array
  }

  /** The text at a position (a view, not a copy). The hot path reads the chunk and header itself. */
  codes(pos: number): Uint16Array {
    const chunk = this.chunk(pos)
    const at = TextStore.at(pos) + TextStore.HEADER
    return chunk.subarray(at, at + TextStore.lengthAt(chunk, at - TextStore.HEADER))
  }

  /** The slot of the claim whose text is at a position. */
  slot(pos: number): number {
    return TextStore.slotAt(this.chunk(pos), TextStore.at(pos))
  }

  get bytes(): number {
    let b = 0
    for (const c of this.chunks) b += c.byteLength
    return b
  }

  /** Stores codes with their header; returns their position. */
  put(codes: Uint16Array, slot: number): number {
    const full = 1 << TextStore.SHIFT
    const size = TextStore.footprint(codes.length)
    let last = this.chunks.length - 1
    let chunk = this.chunks[last] as Uint16Array
    if (this.used + size > chunk.length) {
      if (this.used + size <= full && chunk.length < full) {
        // the last chunk grows while it is smaller than a full one
        let grown = chunk.length
        while (grown < this.used + size) grown *= 2
        const bigger = new Uint16Array(Math.min(full, grown))
        bigger.set(chunk.subarray(0, this.used))
        this.chunks[last] = bigger
        chunk = bigger
      } else {
        // positions stay below 2^31 - 2^20, so that a posting (position / 2, plus a flag) fits its table
        if (this.chunks.length >= (1 << (31 - TextStore.SHIFT)) - 1)
          throw new RangeError('claim text store is full')
        chunk = new Uint16Array(Math.max(full, size))
        this.chunks.push(chunk)
        last++
        this.used = 0
      }
    }
    const at = this.used
    chunk[at] = codes.length & 0xffff
    chunk[at + 1] = codes.length >>> 16
    chunk[at + 2] = slot & 0xffff
    chunk[at + 3] = slot >>> 16
    chunk.set(codes, at + TextStore.HEADER)
    this.used += size
    this.stored += size
    return last * full + at
  }
}

/**
 * What a claim's postings hold: where its text is (a multiple of 4, halved), plus 1 when the claim has at most 4
 * fingerprints, so that a candidate found under one of them needs no look at the count to pass the quarter filter.
 */
function postingOf(pos: number, keys: number): number {
  return (pos >>> 1) + (keys <= 4 ? 1 : 0)
}

// ---- scratch structures, reused across queries ----

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

/** Per-query scratch arrays, each grown (doubling) when a query needs more and kept for the next one. */
const scratch = {
  tri: new Int32Array(1024),
  keys: new Int32Array(1024),
  crowd: new Int32Array(1024),
  todo: new Int32Array(1024),
}
function scratchOf(name: keyof typeof scratch, n: number): Int32Array {
  if (scratch[name].length < n) scratch[name] = new Int32Array(Math.max(n, scratch[name].length * 2))
  return scratch[name]
}

const radixKeys = { keys: new Int32Array(1024), crowd: new Int32Array(1024) }
const radixCount = new Int32Array(256)

/**
 * Sorts keys[0, n) by crowd ascending, first occurrence first among equals (deterministic): a stable radix sort
 * on the crowd (at most 16 bits: two passes of 8), in scratch arrays, so no query allocates for it. Exported for
 * the tests only (not part of `index.ts`).
 */
export function sortByCrowd(keys: Int32Array, crowd: Int32Array, n: number): void {
  if (n <= 32) {
    for (let i = 1; i < n; i++) {
      const k = keys[i] as number
      const c = crowd[i] as number
      let j = i - 1
      while (j >= 0 && (crowd[j] as number) > c) {
        keys[j + 1] = keys[j] as number
        crowd[j + 1] = crowd[j] as number
        j--
      }
      keys[j + 1] = k
      crowd[j + 1] = c
    }
    return
  }
  if (radixKeys.keys.length < n) {
    radixKeys.keys = new Int32Array(Math.max(n, radixKeys.keys.length * 2))
    radixKeys.crowd = new Int32Array(radixKeys.keys.length)
  }
  const tk = radixKeys.keys
  const tc = radixKeys.crowd
  const count = radixCount
  // pass 1: low byte, keys/crowd → scratch; pass 2: high byte, scratch → keys/crowd
  for (let pass = 0; pass < 2; pass++) {
    const shift = pass * 8
    const fk = pass === 0 ? keys : tk
    const fc = pass === 0 ? crowd : tc
    const ok = pass === 0 ? tk : keys
    const oc = pass === 0 ? tc : crowd
    count.fill(0)
    for (let i = 0; i < n; i++) {
      const b = ((fc[i] as number) >>> shift) & 255
      count[b] = (count[b] as number) + 1
    }
    let sum = 0
    for (let b = 0; b < 256; b++) {
      const c = count[b] as number
      count[b] = sum
      sum += c
    }
    for (let i = 0; i < n; i++) {
      const c = fc[i] as number
      const at = count[(c >>> shift) & 255] as number
      count[(c >>> shift) & 255] = at + 1
      ok[at] = fk[i] as number
      oc[at] = c
    }
  }
}

/**
 * Follows the postings behind refs[0, d) (references from `PostingTable.ref`, already in the order wanted) in
 * that order, counting the claims met in `cand`: at most `budget` postings in all and at most `maxPostings` of
 * one key. A key's postings lie side by side in the table's pool, so a walk reads consecutive memory; a key with
 * one posting keeps it in the reference itself. Exported for the tests only.
 */
export function walkPostings(
  postings: PostingTable,
  refs: Int32Array,
  d: number,
  budget: number,
  maxPostings: number,
  cand: Candidates,
): void {
  const pool = postings.pool
  for (let k = 0; k < d && budget > 0; k++) {
    const r = refs[k] as number
    if (r <= -2) {
      cand.hit(-2 - r)
      budget--
      continue
    }
    if (r <= 0) continue
    const c = pool[r] as number
    const take = Math.min(c, maxPostings, budget)
    budget -= take
    for (let j = r + 2, end = r + 2 + take; j < end; j++) cand.hit(pool[j] as number)
  }
}

/**
 * A hash of a posting value whose low bits depend on all of its bits: posting values are text positions, and in a
 * bank whose texts take the same room (claims of one length) they share their low bits, which a multiplicative
 * hash alone would keep, crowding the candidate map into a fraction of its slots.
 */
function mix(v: number): number {
  const h = Math.imul(v, 0x9e3779b1)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * The claims one query meets and how often, in order of first meeting: a small open-addressing map that stays
 * in cache, instead of per-claim counters spread over the whole bank.
 */
export class Candidates {
  /** Slot of the i-th claim met, and how many of its postings were met. */
  slots = new Int32Array(1024)
  hits = new Int32Array(1024)
  size = 0
  private table = new Int32Array(2048)
  private gen = new Int32Array(2048)
  private mask = 2047
  private g = 1
  reset(expected: number): Candidates {
    this.size = 0
    if (this.table.length < expected * 2) this.resize(expected * 2)
    else if (++this.g === 0x7fffffff) {
      this.gen.fill(0)
      this.g = 1
    }
    return this
  }
  hit(slot: number): void {
    let i = mix(slot)
    for (;;) {
      i &= this.mask
      if (this.gen[i] !== this.g) break
      const c = this.table[i] as number
      if (this.slots[c] === slot) {
        this.hits[c] = (this.hits[c] as number) + 1
        return
      }
      i++
    }
    if (this.size === this.slots.length) {
      const s = new Int32Array(this.size * 2)
      s.set(this.slots)
      this.slots = s
      const h = new Int32Array(this.size * 2)
      h.set(this.hits)
      this.hits = h
    }
    const c = this.size++
    this.slots[c] = slot
    this.hits[c] = 1
    this.gen[i] = this.g
    this.table[i] = c
    if (this.size * 2 > this.table.length) this.resize(this.table.length * 2)
  }
  private resize(n: number): void {
    let size = this.table.length
    while (size < n) size *= 2
    this.table = new Int32Array(size)
    this.gen = new Int32Array(size)
    this.mask = size - 1
    this.g = 1
    for (let c = 0; c < this.size; c++) {
      let i = mix(this.slots[c] as number)
      for (;;) {
        i &= this.mask
        if (this.gen[i] !== this.g) break
        i++
      }
      this.gen[i] = this.g
      this.table[i] = c
    }
  }
}
const candidates = new Candidates()
function scratchSet(n: number): HashSet {
  seenSet.reset(n)
  return seenSet
}

/**
 * The item's bigrams as a multiset with the first position of each, for exact verification. One probe touches
 * one table entry: `t` holds key, generation, count and first position side by side; `u` the per-verification
 * use counts (with their own generation, so each verification starts from zero without clearing).
 */
class BigramSet {
  t = new Int32Array(2048 * 4)
  u = new Int32Array(2048 * 2)
  mask = 2047
  g = 1
  ug = 1
  /** Span of the last containment: first and one past the last item position matched. */
  start = 0
  end = 0
  /** Bigram occurrences of the claim found by the last containment (the multiset intersection, if it ran out). */
  matched = 0
  /**
   * A one-hash Bloom filter of the item's bigrams, 32 bits per bigram (about 3% false positives): a claim bigram
   * whose bit is clear is certainly not in the item, so counting clear bits bounds the containment from above
   * and rejects most candidates in a pass several times cheaper than the exact one.
   */
  bits = new Int32Array(128)
  bitShift = 20

  /** Loads codes[from, to) (positions relative to `from`); a range rather than a subarray: no allocation. */
  load(codes: Uint16Array, from = 0, to = codes.length): void {
    const n = to - from - 1
    let size = this.mask + 1
    while (size < n * 2) size *= 2
    if (size !== this.mask + 1) {
      this.t = new Int32Array(size * 4)
      this.u = new Int32Array(size * 2)
      this.mask = size - 1
      this.g = 1
      this.ug = 1
    } else if (++this.g === 0x7fffffff) {
      for (let k = 1; k < this.t.length; k += 4) this.t[k] = 0
      this.g = 1
    }
    const t = this.t
    const g = this.g
    const mask = this.mask
    let words = 128
    while (words < n) words *= 2
    if (words !== this.bits.length) this.bits = new Int32Array(words)
    else this.bits.fill(0)
    const bits = this.bits
    // 32 × words bits, indexed by the top bits of the bigram's hash (the probe below uses the same product)
    const shift = 32 - 5 - (31 - Math.clz32(words))
    this.bitShift = shift
    for (let i = 0; i < n; i++) {
      const b = ((codes[from + i] as number) << 16) | (codes[from + i + 1] as number)
      let j = Math.imul(b, 0x9e3779b1) >>> 0
      const bit = j >>> shift
      bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31))
      for (;;) {
        j &= mask
        const at = j << 2
        if (t[at + 1] !== g) {
          t[at] = b
          t[at + 1] = g
          t[at + 2] = 1
          t[at + 3] = i
          break
        }
        if (t[at] === b) {
          t[at + 2] = (t[at + 2] as number) + 1
          break
        }
        j++
      }
    }
  }

  /**
   * Share of the bigram occurrences of claim[from, to) found in the item (as a multiset); the span is left in
   * `start`/`end`. With `min`, gives up as soon as the share can no longer reach `min` (and returns less).
   */
  containment(claim: Uint16Array, from: number, to: number, min = 0): number {
    this.start = 0
    this.end = 0
    this.matched = 0
    const n = to - from - 1
    if (n <= 0) return 0
    if (++this.ug === 0x7fffffff) {
      for (let k = 0; k < this.u.length; k += 2) this.u[k] = 0
      this.ug = 1
    }
    const { t, u, g, ug, mask } = this
    // the share can no longer reach `min` once more than `spare` of the claim's bigrams are missing (a count
    // exceeds n - min × n exactly when it exceeds its floor, so the loops compare integers: 0.91 of the bound's time)
    const spare = Math.floor(n - min * n) | 0
    if (min > 0) {
      // the bound first: a claim bigram whose bit is clear is missing, and once so many are missing that the
      // rest cannot lift the share to `min`, the exact pass is not needed (its result would be below `min` too).
      // The misses are counted without a branch on each bit (which half the bigrams of a candidate that shares a
      // clause or two would mispredict); the branch on the count is taken once, at the end.
      const bits = this.bits
      const shift = this.bitShift
      let miss = 0
      // each unit is read once: the second of one bigram is the first of the next
      let prev = claim[from] as number
      for (let i = from + 1; i < to; i++) {
        const c = claim[i] as number
        const bit = Math.imul((prev << 16) | c, 0x9e3779b1) >>> shift
        prev = c
        miss += (((bits[bit >>> 5] as number) >>> (bit & 31)) & 1) ^ 1
        if (miss > spare) return 0
      }
    }
    let matched = 0
    let lo = 0x7fffffff
    let hi = -1
    for (let i = from; i < to - 1; i++) {
      const b = ((claim[i] as number) << 16) | (claim[i + 1] as number)
      let j = Math.imul(b, 0x9e3779b1) >>> 0
      let found = false
      for (;;) {
        j &= mask
        const at = j << 2
        if (t[at + 1] !== g) break
        if (t[at] === b) {
          const ua = j << 1
          if (u[ua] !== ug) {
            u[ua] = ug
            u[ua + 1] = 0
          }
          if ((u[ua + 1] as number) < (t[at + 2] as number)) {
            u[ua + 1] = (u[ua + 1] as number) + 1
            matched++
            found = true
            const p = t[at + 3] as number
            if (p < lo) lo = p
            if (p > hi) hi = p
          }
          break
        }
        j++
      }
      // what is left cannot lift the share to `min`: the caller drops this claim anyway
      if (!found && min > 0 && i + 1 - from - matched > spare) {
        this.matched = matched
        return matched / n
      }
    }
    this.matched = matched
    if (hi < 0) return 0
    this.start = lo
    this.end = hi + 2
    return matched / n
  }
}
const bigrams = new BigramSet()
function itemBigrams(codes: Uint16Array): BigramSet {
  bigrams.load(codes)
  return bigrams
}
