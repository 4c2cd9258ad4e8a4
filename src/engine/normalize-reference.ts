// The straightforward normaliser, kept as the reference the fast one (normalize.ts) is property-tested against:
// same text, same offsets, for any input. Not used on the hot path.
import { astral, charTables, DROP, MULTI } from './char-tables.ts'

interface Normalized {
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
let midCodes = new Uint16Array(0)
let midStart = new Int32Array(0)
let midEnd = new Int32Array(0)
let outCodes = new Uint16Array(0)
let outStart = new Int32Array(0)
let outEnd = new Int32Array(0)

function ensure(n: number): void {
  if (n <= cap) return
  cap = Math.max(n, cap * 2, 1024)
  const grow16 = (a: Uint16Array) => {
    const b = new Uint16Array(cap)
    b.set(a)
    return b
  }
  const grow32 = (a: Int32Array) => {
    const b = new Int32Array(cap)
    b.set(a)
    return b
  }
  midCodes = grow16(midCodes)
  midStart = grow32(midStart)
  midEnd = grow32(midEnd)
  outCodes = grow16(outCodes)
  outStart = grow32(outStart)
  outEnd = grow32(outEnd)
}

// Where the last stage left its result: the mid buffers when stage B had nothing to do, else the out buffers.
let resCodes = outCodes
let resStart = outStart
let resEnd = outEnd

const CHUNK = 8192

/** Builds a string from code units without a per-character concatenation. */
function codesToString(codes: Uint16Array, from = 0, to = codes.length): string {
  if (to - from <= CHUNK)
    return String.fromCharCode.apply(null, codes.subarray(from, to) as unknown as number[])
  let s = ''
  for (let i = from; i < to; i += CHUNK) {
    s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[])
  }
  return s
}

// 1 where a stage-A output code unit needs stage B (a traditional character or an OpenCC phrase start).
let needsB: Uint8Array | null = null
function needsBTable(): Uint8Array {
  if (needsB !== null) return needsB
  const t = charTables()
  const a = new Uint8Array(0x10000)
  for (let c = 0; c < 0x10000; c++) if (t.t2s[c] !== c || t.phraseStart[c] === 1) a[c] = 1
  needsB = a
  return a
}
let lastNeedsB = false

/** Stage A into the mid buffers; returns the number of code units written. */
function stageAInto(source: string): number {
  const t = charTables()
  const single = t.single
  const nb = needsBTable()
  let need = 0
  const len = source.length
  ensure(len + 16)
  let m = 0
  for (let i = 0; i < len; i++) {
    const c = source.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < len ? source.charCodeAt(i + 1) : 0
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const out = astral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)
        ensure(m + out.length + 16)
        // astral output is already converted; a following BMP phrase start sets `need` itself
        for (let k = 0; k < out.length; k++) {
          midCodes[m] = out.charCodeAt(k)
          midStart[m] = i
          midEnd[m] = i + 2
          m++
        }
        i++
      }
      continue // a lone surrogate is dropped
    }
    const v = single[c] as number
    if (v === DROP) continue
    if (v !== MULTI) {
      need |= nb[v] as number
      midCodes[m] = v
      midStart[m] = i
      midEnd[m] = i + 1
      m++
      continue
    }
    const out = t.multi.get(c) ?? ''
    ensure(m + out.length + 16)
    need = 1
    for (let k = 0; k < out.length; k++) {
      midCodes[m] = out.charCodeAt(k)
      midStart[m] = i
      midEnd[m] = i + 1
      m++
    }
  }
  lastNeedsB = need !== 0
  return m
}

/** Stage B from the mid buffers into the out buffers; returns the number of code units written. */
function stageBInto(m: number): number {
  if (!lastNeedsB) {
    resCodes = midCodes
    resStart = midStart
    resEnd = midEnd
    return m
  }
  const t = charTables()
  const t2s = t.t2s
  const phraseStart = t.phraseStart
  ensure(m * 2 + 16)
  let n = 0
  for (let j = 0; j < m; j++) {
    const c = midCodes[j] as number
    if (phraseStart[c] === 1 && j + 1 < m) {
      const list = t.phrases.get((c << 16) | (midCodes[j + 1] as number))
      if (list !== undefined) {
        let hit = -1
        for (let p = 0; p < list.length; p++) {
          const key = (list[p] as readonly [Uint16Array, string])[0]
          if (j + key.length > m) continue
          let k = 2
          while (k < key.length && midCodes[j + k] === key[k]) k++
          if (k === key.length) {
            hit = p
            break
          }
        }
        if (hit >= 0) {
          const [key, value] = list[hit] as readonly [Uint16Array, string]
          const s0 = midStart[j] as number
          const e0 = midEnd[j + key.length - 1] as number
          ensure(n + value.length + m - j + 16)
          for (let k = 0; k < value.length; k++) {
            outCodes[n] = value.charCodeAt(k)
            outStart[n] = s0
            outEnd[n] = e0
            n++
          }
          j += key.length - 1
          continue
        }
      }
    }
    const v = t2s[c] as number
    if (v !== MULTI) {
      outCodes[n] = v
      outStart[n] = midStart[j] as number
      outEnd[n] = midEnd[j] as number
      n++
    } else {
      const out = t.t2sMulti.get(c) ?? String.fromCharCode(c)
      ensure(n + out.length + m - j + 16)
      for (let k = 0; k < out.length; k++) {
        outCodes[n] = out.charCodeAt(k)
        outStart[n] = midStart[j] as number
        outEnd[n] = midEnd[j] as number
        n++
      }
    }
  }
  resCodes = outCodes
  resStart = outStart
  resEnd = outEnd
  return n
}

/**
 * Normalises `source` for matching and keeps the way back: `start[i]`/`end[i]` give the original range of the
 * i-th normalised code unit. Total: never throws, for any string (lone surrogates included); a non-string is
 * treated as the empty text.
 */
export function normalizeReference(source: string): Normalized {
  const s = typeof source === 'string' ? source : ''
  const m = stageAInto(s)
  const n = stageBInto(m)
  return new NormalizedText(s, resCodes.slice(0, n), resStart.slice(0, n), resEnd.slice(0, n))
}

class NormalizedText implements Normalized {
  private cachedText: string | null = null
  constructor(
    readonly source: string,
    readonly codes: Uint16Array,
    readonly start: Int32Array,
    readonly end: Int32Array,
  ) {}
  get text(): string {
    this.cachedText ??= codesToString(this.codes)
    return this.cachedText
  }
}

/** The normalised text alone (no offset map): what terms and claims are stored as. */
export function normalizeTextReference(source: string): string {
  const s = typeof source === 'string' ? source : ''
  const n = stageBInto(stageAInto(s))
  return codesToString(resCodes, 0, n)
}
