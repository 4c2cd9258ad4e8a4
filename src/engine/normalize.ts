// Normalisation: the text the engine matches on, and a map from every normalised code unit back to the
// original. Stage A folds each code point on its own (NFKC, full/half width, lower case, homoglyphs) and removes
// everything that is not a letter or a digit (spaces, punctuation, emoji, zero-width and control characters,
// variation selectors, lone surrogates), so `谣*言`, `谣 言` and `谣😀言` all become `谣言`. Stage B converts
// traditional to simplified characters, phrases first (OpenCC's TSPhrases, longest match), then characters.
import { astral, charTables, DROP, MULTI } from './char-tables.ts'

export interface Normalized {
  /** The original text. */
  readonly source: string
  /** The normalised text. */
  readonly text: string
  /** The normalised text as UTF-16 code units (what the matchers scan). */
  readonly codes: Uint16Array
  /** For each normalised code unit, the first original code unit it came from. */
  readonly start: Int32Array
  /** For each normalised code unit, one past the last original code unit it came from. */
  readonly end: Int32Array
}

// Scratch buffers reused across calls (the engine is synchronous, so one call never interleaves another).
let cap = 0
let capOffsets = 0
let midCodes = new Uint16Array(0)
let midStart = new Int32Array(0)
let midEnd = new Int32Array(0)
let outCodes = new Uint16Array(0)
let outStart = new Int32Array(0)
let outEnd = new Int32Array(0)

/** Room for n code units, and for n offsets when `offsets` (normalizeText of a 20 MB text needs none). */
function ensure(n: number, offsets: boolean): void {
  if (n > cap) {
    cap = Math.max(n, cap * 2, 1024)
    const grow16 = (a: Uint16Array) => {
      const b = new Uint16Array(cap)
      b.set(a)
      return b
    }
    midCodes = grow16(midCodes)
    outCodes = grow16(outCodes)
  }
  if (offsets && n > capOffsets) {
    capOffsets = Math.max(n, capOffsets * 2, 1024)
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(capOffsets)
      b.set(a)
      return b
    }
    midStart = grow32(midStart)
    midEnd = grow32(midEnd)
    outStart = grow32(outStart)
    outEnd = grow32(outEnd)
  }
}

// Where the last stage left its result: the mid buffers when stage B had nothing to do, else the out buffers.
let resCodes = outCodes
let resStart = outStart
let resEnd = outEnd

const CHUNK = 8192

// A standard decoder (Node and browsers): for long texts it builds the string several times faster than chunks
// of fromCharCode. It would replace a lone surrogate with U+FFFD, but normalised text never holds one: stage A
// drops lone halves and every expansion is a well-formed string (the reference normaliser, which builds its
// strings by concatenation, is compared with this one in the property tests).
const utf16 = new TextDecoder('utf-16le')

/** Builds a string from code units without a per-character concatenation. */
export function codesToString(codes: Uint16Array, from = 0, to = codes.length): string {
  if (to - from <= CHUNK)
    return String.fromCharCode.apply(null, codes.subarray(from, to) as unknown as number[])
  if (isWellFormed(codes, from, to)) return utf16.decode(codes.subarray(from, to))
  let s = ''
  for (let i = from; i < to; i += CHUNK) {
    s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[])
  }
  return s
}

/** No lone surrogate in codes[from, to) (then the decoder gives exactly the units). */
function isWellFormed(codes: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = codes[i] as number
    if (c < 0xd800 || c > 0xdfff) continue
    if (c > 0xdbff || i + 1 >= to) return false
    const d = codes[i + 1] as number
    if (d < 0xdc00 || d > 0xdfff) return false
    i++
  }
  return true
}

// Per stage-A output code unit: 1 when stage B may change a text that holds it — a traditional character, or a
// unit that a phrase of no traditional character changes (覆 in 反覆 → 反复, 坏 in 土坏 → 土坯: `phraseChanged`).
// A text with no such unit is left as it is by stage B: a phrase that matches it has no traditional character,
// so it changes nothing unless it holds one of those units, and every other unit maps to itself.
let changes: Uint8Array | null = null
function changesInB(): Uint8Array {
  if (changes !== null) return changes
  const t = charTables()
  const a = new Uint8Array(0x10000)
  for (let c = 0; c < 0x10000; c++) a[c] = t.t2s[c] !== c ? 1 : 0
  for (const c of phraseChanged(t)) a[c] = 1
  changes = a
  return a
}

/**
 * The units that OpenCC phrases without a traditional character change: for each such phrase whose value
 * differs from its key, the key's units where they differ (a value of another length: all its units).
 */
function phraseChanged(t: ReturnType<typeof charTables>): Set<number> {
  const out = new Set<number>()
  for (const list of t.phrases.values()) {
    for (const [key, value] of list) {
      if (key.some((c) => t.t2s[c] !== c)) continue
      for (let i = 0; i < key.length; i++) {
        const c = key[i] as number
        if (key.length !== value.length || value.charCodeAt(i) !== c) out.add(c)
      }
    }
  }
  return out
}
// Stage B looks phrases up only at a unit that starts one, and only behind `pairFilter`, a hashed bitset of the
// phrases' first two units (a false positive costs one map lookup). Built with the stage-B table.
let pairFilter: Int32Array = new Int32Array(0)
const PAIR_BITS = 20
function pairHash(key: number): number {
  const h = Math.imul(key, 0x9e3779b1)
  return (h ^ (h >>> 16)) >>> (32 - PAIR_BITS)
}
function maybePhrase(c0: number, c1: number): boolean {
  const h = pairHash((c0 << 16) | c1)
  return (((pairFilter[h >>> 5] as number) >>> (h & 31)) & 1) === 1
}

/** `fast[c]` from FAST_SPECIAL up: c is not one unit that stage A keeps and stage B leaves alone. */
const FAST_SPECIAL = 0xfffd
/** `fast[c]`: stage A removes c. */
const FAST_DROP = 0xfffd
/** `fast[c]`: c is half of a surrogate pair, or alone. */
const FAST_SURROGATE = 0xfffe
/** `fast[c]`: c becomes several units, or a unit stage B may change: the general path must run. */
const FAST_GENERAL = 0xffff
let fast: Uint16Array | null = null
/**
 * What stage A and B do to a code unit, in one lookup: the unit it becomes, when that is one unit that stage B
 * leaves alone in any text; else FAST_DROP, FAST_SURROGATE or FAST_GENERAL (U+FFFD…U+FFFF are symbols and
 * noncharacters that stage A removes, so no kept unit takes their values).
 */
function fastTable(): Uint16Array {
  if (fast !== null) return fast
  const single = charTables().single
  const fl = changesInB()
  const a = new Uint16Array(0x10000)
  for (let c = 0; c < 0x10000; c++) {
    const v = single[c] as number
    if (c >= 0xd800 && c <= 0xdfff) a[c] = FAST_SURROGATE
    else if (v === DROP) a[c] = FAST_DROP
    else if (v === MULTI || fl[v] === 1) a[c] = FAST_GENERAL
    else if (v >= FAST_SPECIAL) throw new Error(`stage A keeps U+${v.toString(16)}`)
    else a[c] = v
  }
  fast = a
  return a
}
let lastNeedsB = false

/**
 * Stage A into the mid buffers; returns the number of code units written. Without `offsets` the start/end
 * buffers are left alone (normalizeText, normalizeCodes).
 */
function stageAInto(source: string, offsets: boolean): number {
  const t = charTables()
  const single = t.single
  const fl = changesInB()
  let need = 0
  const len = source.length
  ensure(len + 16, offsets)
  const codes = midCodes
  const start = midStart
  const end = midEnd
  let m = 0
  for (let i = 0; i < len; i++) {
    const c = source.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < len ? source.charCodeAt(i + 1) : 0
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const out = astral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)
        if (out.length > 0) {
          ensure(m + out.length + 16, offsets)
          // astral output is already converted, but it may begin or continue a phrase: let stage B decide
          need = 1
          for (let k = 0; k < out.length; k++) {
            midCodes[m] = out.charCodeAt(k)
            if (offsets) {
              midStart[m] = i
              midEnd[m] = i + 2
            }
            m++
          }
          return stageARest(source, i + 2, m, offsets)
        }
        i++
      }
      continue // a lone surrogate is dropped
    }
    const v = single[c] as number
    if (v === DROP) continue
    if (v !== MULTI) {
      need = fl[v] as number
      codes[m] = v
      if (offsets) {
        start[m] = i
        end[m] = i + 1
      }
      m++
      if (need !== 0) return stageARest(source, i + 1, m, offsets)
      continue
    }
    return stageARest(source, i, m, offsets)
  }
  lastNeedsB = false
  return m
}

/** Stage A from `from` on, once stage B is known to be needed: no more checks of what it needs. */
function stageARest(source: string, from: number, m0: number, offsets: boolean): number {
  const t = charTables()
  const single = t.single
  const len = source.length
  ensure(len + 16, offsets)
  // local copies of the buffers, taken again after each `ensure` that may replace them
  let codes = midCodes
  let start = midStart
  let end = midEnd
  let m = m0
  for (let i = from; i < len; i++) {
    const c = source.charCodeAt(i)
    const v = single[c] as number
    // most units: kept as one unit (neither DROP = 0 nor MULTI = 0xffff)
    if (v !== DROP && v !== MULTI) {
      codes[m] = v
      if (offsets) {
        start[m] = i
        end[m] = i + 1
      }
      m++
      continue
    }
    let out: string
    let to = i + 1
    if (c >= 0xd800 && c <= 0xdfff) {
      // `single` drops every surrogate: a pair is converted whole, a lone half is dropped
      const d = i + 1 < len ? source.charCodeAt(i + 1) : 0
      if (!(c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff)) continue
      out = astral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)
      to = i + 2
    } else if (v === DROP) continue
    else out = t.multi.get(c) ?? ''
    ensure(m + out.length + 16, offsets)
    codes = midCodes
    start = midStart
    end = midEnd
    for (let k = 0; k < out.length; k++) {
      codes[m] = out.charCodeAt(k)
      if (offsets) {
        start[m] = i
        end[m] = to
      }
      m++
    }
    i = to - 1
  }
  lastNeedsB = true
  return m
}

/** Stage B from the mid buffers into the out buffers; returns the number of code units written. */
function stageBInto(m: number, offsets: boolean): number {
  if (!lastNeedsB) {
    resCodes = midCodes
    resStart = midStart
    resEnd = midEnd
    return m
  }
  const t = charTables()
  const table = stageBTable()
  ensure(m + 16, offsets)
  // local copies of the buffers, taken again after each `ensure` that may replace them
  let mid = midCodes
  let ms = midStart
  let me = midEnd
  let out = outCodes
  let os = outStart
  let oe = outEnd
  let n = 0
  for (let j = 0; j < m; j++) {
    const c = mid[j] as number
    let x = table[c] as number
    // span 0: one unit, x; else `value` replaces mid[j, j + span)
    let span = 0
    let value = ''
    if (x >= MULTI) {
      // an OpenCC phrase that starts here (looked up only behind the pair filter), or several units
      const phrase =
        x > MULTI && j + 1 < m && maybePhrase(c, mid[j + 1] as number) ? phraseAt(mid, j, m) : null
      x &= 0xffff
      if (phrase !== null) {
        value = phrase[1]
        span = phrase[0].length
      } else if (x === MULTI) {
        value = t.t2sMulti.get(c) ?? String.fromCharCode(c)
        span = 1
      }
    }
    if (span === 0) {
      // most units: converted to one unit
      out[n] = x
      if (offsets) {
        os[n] = ms[j] as number
        oe[n] = me[j] as number
      }
      n++
      continue
    }
    // a phrase, or a character that becomes several units: each unit maps to the whole original range
    const s0 = ms[j] as number
    const e0 = me[j + span - 1] as number
    ensure(n + value.length + m - j + 16, offsets)
    mid = midCodes
    ms = midStart
    me = midEnd
    out = outCodes
    os = outStart
    oe = outEnd
    for (let k = 0; k < value.length; k++) {
      out[n] = value.charCodeAt(k)
      if (offsets) {
        os[n] = s0
        oe[n] = e0
      }
      n++
    }
    j += span - 1
  }
  resCodes = outCodes
  resStart = outStart
  resEnd = outEnd
  return n
}

/** The longest OpenCC phrase starting at mid[j] (j + 1 < m), as [key, value], or null. */
function phraseAt(mid: Uint16Array, j: number, m: number): readonly [Uint16Array, string] | null {
  const list = charTables().phrases.get(((mid[j] as number) << 16) | (mid[j + 1] as number))
  if (list === undefined) return null
  for (const entry of list) {
    const key = entry[0]
    if (j + key.length > m) continue
    let k = 2
    while (k < key.length && mid[j + k] === key[k]) k++
    if (k === key.length) return entry
  }
  return null
}

let bTable: Uint32Array | null = null
/**
 * Stage B per unit in one lookup: the unit it becomes (MULTI when several), plus 0x10000 when an OpenCC phrase
 * starts with it; so a value below MULTI is a plain one-unit conversion.
 */
function stageBTable(): Uint32Array {
  if (bTable !== null) return bTable
  const t = charTables()
  const a = new Uint32Array(0x10000)
  for (let c = 0; c < 0x10000; c++) a[c] = (t.t2s[c] as number) | (t.phraseStart[c] === 1 ? 0x10000 : 0)
  const bits = new Int32Array(1 << (PAIR_BITS - 5))
  for (const key of t.phrases.keys()) {
    const h = pairHash(key)
    bits[h >>> 5] = (bits[h >>> 5] as number) | (1 << (h & 31))
  }
  pairFilter = bits
  bTable = a
  return a
}

/**
 * Normalises `source` for matching and keeps the way back: `start[i]`/`end[i]` give the original range of the
 * i-th normalised code unit. Total: never throws, for any string (lone surrogates included); a non-string is
 * treated as the empty text.
 */
export function normalize(source: string): Normalized {
  const s = typeof source === 'string' ? source : ''
  // a short text that stage A alone normalises is written straight into the slab, laid out for its length
  const len = s.length
  const capWords = (len + 1) >> 1
  if (len * 2 + capWords <= SLAB_WORDS / 16) {
    const at = slabRoom(capWords)
    const n = stageADirect(s, slabUnits, at * 2, null)
    if (n >= 0) {
      slabUsed = at + ((n + 1) >> 1)
      // no offsets yet: stage A alone kept or dropped each code unit, so they are made again on first use
      return new NormalizedText(s, new Uint16Array(slabWords.buffer, at * 4, n), null, 0, 0)
    }
  }
  const n = stageBInto(stageAInto(s, true), true)
  // start, end, then the code units (rounded up to 4 bytes), in the shared slab or, when large, a buffer of its own
  const words = n * 2 + ((n + 1) >> 1)
  let mem: Int32Array
  let at = 0
  if (words > SLAB_WORDS / 16) mem = new Int32Array(words)
  else {
    at = slabRoom(words)
    mem = slabWords
    slabUsed = at + words
  }
  const units = mem === slabWords ? slabUnits : new Uint16Array(mem.buffer)
  const rc = resCodes
  const rs = resStart
  const re = resEnd
  const u = (at + n * 2) * 2
  for (let i = 0; i < n; i++) {
    mem[at + i] = rs[i] as number
    mem[at + n + i] = re[i] as number
    units[u + i] = rc[i] as number
  }
  return new NormalizedText(s, new Uint16Array(mem.buffer, u * 2, n), mem, at, at + n)
}

/**
 * Stage A of a text straight into `units` from index `u0` (room for as many units as the text has: stage A never
 * writes more units than it reads unless it expands, and then it stops). Returns the number of units, or -1 when
 * the text needs more than this (an expansion, a character outside the BMP that stays, stage B) and the general
 * path must run. Each kept unit came from exactly one source unit; with `origin`, its index is written there
 * (`origin[i]`: where the i-th unit came from). `normalize` makes these only when a match needs them
 * (`directOffsets`), `scanText` as it goes.
 */
export function stageADirect(
  source: string,
  units: Uint16Array,
  u0: number,
  origin: Int32Array | null,
): number {
  const table = fastTable()
  const len = source.length
  let m = 0
  for (let i = 0; i < len; i++) {
    const c = source.charCodeAt(i)
    const x = table[c] as number
    if (x >= FAST_SPECIAL) {
      if (x === FAST_DROP) continue
      if (x === FAST_GENERAL) return -1
      const d = i + 1 < len ? source.charCodeAt(i + 1) : 0
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        if (astral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000).length > 0) return -1
        i++
      }
      continue // a lone surrogate, or a pair stage A removes (emoji)
    }
    units[u0 + m] = x
    if (origin !== null) origin[m] = i
    m++
  }
  return m
}

/** The offsets of a text that `stageADirect` normalised to n units: start at mem[0, n), end at mem[n, 2n). */
function directOffsets(source: string, n: number): Int32Array {
  const mem = new Int32Array(2 * n)
  ensure(source.length + 16, false)
  stageADirect(source, midCodes, 0, mem)
  // each unit came from one source unit
  for (let i = 0; i < n; i++) mem[n + i] = (mem[i] as number) + 1
  return mem
}

// A result's arrays live in a shared slab of 64 KB (16k int32 words): an ArrayBuffer per call, or even three
// typed-array views per call, cost more than normalising a short post. Only the code units get a view at once
// (the matchers need them); `start` and `end` are views made on first use, which for most items is never (an
// item without a match has no span to map). A result keeps its slab alive; a text of more than ~400 units gets
// a buffer of its own.
const SLAB_WORDS = 16 * 1024
let slabWords = new Int32Array(SLAB_WORDS)
let slabUnits = new Uint16Array(slabWords.buffer)
let slabUsed = 0

/** Where `words` fit in the slab, starting a fresh slab when they do not; the caller advances `slabUsed`. */
function slabRoom(words: number): number {
  if (slabUsed + words > SLAB_WORDS) {
    slabWords = new Int32Array(SLAB_WORDS)
    slabUnits = new Uint16Array(slabWords.buffer)
    slabUsed = 0
  }
  return slabUsed
}

class NormalizedText implements Normalized {
  private cachedText: string | null = null
  private startView: Int32Array | null = null
  private endView: Int32Array | null = null
  constructor(
    readonly source: string,
    readonly codes: Uint16Array,
    /** start[i] at mem[startAt + i], end[i] at mem[endAt + i]; null: made from the source on first use. */
    private mem: Int32Array | null,
    private startAt: number,
    private endAt: number,
  ) {}
  private offsets(): Int32Array {
    if (this.mem === null) {
      this.mem = directOffsets(this.source, this.codes.length)
      this.startAt = 0
      this.endAt = this.codes.length
    }
    return this.mem
  }
  get start(): Int32Array {
    this.startView ??= new Int32Array(this.offsets().buffer, this.startAt * 4, this.codes.length)
    return this.startView
  }
  get end(): Int32Array {
    this.endView ??= new Int32Array(this.offsets().buffer, this.endAt * 4, this.codes.length)
    return this.endView
  }
  get text(): string {
    this.cachedText ??= codesToString(this.codes)
    return this.cachedText
  }
}

/** The normalised text alone (no offset map): what terms and claims are stored as. */
export function normalizeText(source: string): string {
  const s = typeof source === 'string' ? source : ''
  const n = stageBInto(stageAInto(s, false), false)
  return codesToString(resCodes, 0, n)
}

/** The normalised code units alone, in a fresh array. */
export function normalizeCodes(source: string): Uint16Array {
  const s = typeof source === 'string' ? source : ''
  const n = stageBInto(stageAInto(s, false), false)
  return resCodes.slice(0, n)
}

/** Maps a normalised span [from, to) back to the original text. An empty span maps to an empty range. */
export function originalSpan(n: Normalized, from: number, to: number): { start: number; end: number } {
  const len = n.codes.length
  if (len === 0) return { start: 0, end: 0 }
  const a = Math.max(0, Math.min(from, len - 1))
  const b = Math.max(a + 1, Math.min(to, len))
  if (to <= from) return { start: n.start[a] as number, end: n.start[a] as number }
  return { start: n.start[a] as number, end: n.end[b - 1] as number }
}
