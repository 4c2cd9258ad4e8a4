// Sound folding: every Han character becomes one private-use code unit per toneless pinyin syllable, so that
// homophone spellings (遥言, 摇演 for 谣言) fold to the same sequence. Other code units stay as they are; the
// folded text has the same length as the normalised text, so offsets carry over unchanged.
import { pinyin } from 'pinyin-pro'

/** First private-use code unit used for syllables; stage A removes private-use input, so there is no clash. */
const BASE = 0xe000

let table: Uint16Array | null = null
let syllables: string[] = []

function build(): Uint16Array {
  const t = new Uint16Array(0x10000)
  for (let c = 0; c < 0x10000; c++) t[c] = c
  const ids = new Map<string, number>()
  const ranges: [number, number][] = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ]
  for (const [lo, hi] of ranges) {
    for (let c = lo; c <= hi; c++) {
      const p = pinyin(String.fromCharCode(c), { toneType: 'none', type: 'array' })[0]
      if (p === undefined || !/^[a-zü]+$/.test(p)) continue
      let id = ids.get(p)
      if (id === undefined) {
        id = ids.size
        if (id >= 0x1900) continue // the private-use area holds 6,400 units; pinyin has ~410 syllables
        ids.set(p, id)
      }
      t[c] = BASE + id
    }
  }
  syllables = [...ids.keys()]
  return t
}

/** The folding table (built on first use, ≈ 0.1 s). */
export function soundTable(): Uint16Array {
  if (table === null) table = build()
  return table
}

/** Folds normalised code units by sound; same length as the input. */
export function soundFold(codes: Uint16Array): Uint16Array {
  const t = soundTable()
  const out = new Uint16Array(codes.length)
  for (let i = 0; i < codes.length; i++) out[i] = t[codes[i] as number] as number
  return out
}

/** The pinyin of a folded code unit, for explanations (`yao`), or the character itself. */
export function syllableOf(code: number): string {
  soundTable()
  if (code >= BASE && code < BASE + syllables.length) return syllables[code - BASE] as string
  return String.fromCharCode(code)
}
