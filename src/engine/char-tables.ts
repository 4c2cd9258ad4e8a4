// Precompiled character tables for normalisation. Built once, lazily, from Unicode data in the runtime
// (String.prototype.normalize, \p{…} classes) and the OpenCC dictionaries shipped in opencc-js, so that the hot
// loop is one typed-array lookup per code unit.
import { Locale } from 'opencc-js'

/** Value in `single` meaning "this code unit becomes several code units": see `multi`. */
export const MULTI = 0xffff
/** Value in `single` meaning "this code unit is removed" (U+0000 is itself removed, so 0 is free). */
export const DROP = 0

export interface CharTables {
  /** Stage A, per BMP code unit: NFKC, lower case, homoglyph folding, removal of everything but letters/digits. */
  readonly single: Uint16Array
  /** Stage A outputs longer than one code unit (e.g. `㈱` → `(株)` → `株`, `ﬁ` → `fi`). */
  readonly multi: ReadonlyMap<number, string>
  /** Stage B: traditional → simplified per BMP code unit (identity when unchanged). */
  readonly t2s: Uint16Array
  /** Stage B outputs that are not one BMP code unit (simplified forms outside the BMP). */
  readonly t2sMulti: ReadonlyMap<number, string>
  /** Traditional → simplified for code points outside the BMP. */
  readonly t2sAstral: ReadonlyMap<number, string>
  /** 1 where a code unit starts an OpenCC phrase; the phrase table is consulted only there. */
  readonly phraseStart: Uint8Array
  /** Phrases keyed by their first two code units (`c0 << 16 | c1`), longest first. */
  readonly phrases: ReadonlyMap<number, readonly (readonly [Uint16Array, string])[]>
}

// Latin look-alikes from Cyrillic, Greek and IPA blocks (lower case; upper case is lowered first). Chosen from
// the Unicode confusables list (UTS #39) for letters that render identically in common CJK fonts.
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  ѵ: 'v',
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ο: 'o',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  ς: 'c',
  // CJK radicals (supplement block, not covered by NFKC) that stand in for ordinary ideographs.
  '⺀': '冫',
  '⺁': '厂',
  '⺇': '几',
  '⺈': '刀',
  '⺊': '卜',
  '⺋': '卩',
  '⺌': '小',
  '⺗': '心',
  '⺝': '月',
  '⺠': '民',
  '⺡': '水',
  '⺢': '水',
  '⺣': '火',
  '⺨': '犬',
  '⺮': '竹',
  '⺶': '羊',
  '⺼': '肉',
  '⻌': '辶',
  '⻎': '辶',
  '⻏': '阝',
  '⻖': '阝',
  '⻗': '雨',
  '⻝': '食',
  '⻞': '食',
  '⻟': '食',
  '⻢': '马',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻨': '麦',
  '⻩': '黄',
  '⻬': '齐',
  '⻰': '龙',
  '⻳': '龟',
  // Ideographic zero and the ideographic "number" forms that people use for digits in evasions.
  〇: '零',
}

const KEEP = /^[\p{L}\p{N}]$/u

/** Stage A for one code point, before fixpoint iteration. */
function stageAOnce(s: string): string {
  let n = s.normalize('NFKC').toLowerCase()
  // toLowerCase can decompose (İ → i̇); NFKC again recomposes what can be composed.
  n = n.normalize('NFKC')
  let out = ''
  for (const ch of n) {
    const h = HOMOGLYPHS[ch]
    if (h !== undefined) {
      out += h
      continue
    }
    if (KEEP.test(ch)) out += ch
  }
  return out
}

/** Stage A applied until it no longer changes its input, so that normalisation is idempotent. */
export function stageA(s: string): string {
  let prev = s
  for (let i = 0; i < 8; i++) {
    let next = ''
    for (const ch of prev) next += stageAOnce(ch)
    if (next === prev) return next
    prev = next
  }
  return prev
}

function parseDict(d: unknown): [string, string][] {
  if (typeof d === 'string') {
    if (d === '') return []
    return d.split('|').map((line) => {
      const [l = '', r = ''] = line.split(' ')
      return [l, r]
    })
  }
  if (Array.isArray(d)) return d as [string, string][]
  return []
}

let cached: CharTables | null = null

/** The tables, built on first use (≈ 100 ms) and shared thereafter; the value never changes. */
export function charTables(): CharTables {
  if (cached !== null) return cached
  const single = new Uint16Array(0x10000)
  const multi = new Map<number, string>()
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue // surrogates: handled by the caller (pairs) or dropped (lone)
    const ch = String.fromCharCode(c)
    const a = stageA(ch)
    if (a.length === 0) single[c] = DROP
    else if (a.length === 1 && a.charCodeAt(0) !== MULTI) single[c] = a.charCodeAt(0)
    else {
      single[c] = MULTI
      multi.set(c, a)
    }
  }

  // OpenCC traditional → simplified: Locale.to.cn is [[TSPhrases, TSCharacters]]; Taiwan and Hong Kong variant
  // forms (Locale.from.tw/hk) are folded into the character table where TSCharacters has no entry of its own.
  const group = (Locale.to as Record<string, readonly (readonly unknown[])[]>).cn?.[0] ?? []
  const phraseDict = parseDict(group[0])
  const charDict = parseDict(group[1])
  const variantDicts = ['tw', 'hk'].flatMap((k) => {
    const g = (Locale.from as Record<string, readonly (readonly unknown[])[]>)[k]?.[0] ?? []
    // the last dictionary of each group is the single-character variant table
    return parseDict(g[g.length - 1])
  })
  const tsChar = new Map<string, string>()
  for (const [l, r] of charDict) if (l && r && !tsChar.has(l)) tsChar.set(l, r)
  // A variant that is itself a simplified character (吃, 才, 著 …) must stay as it is.
  const simplified = new Set(tsChar.values())
  simplified.add('著')
  for (const [l, r] of variantDicts) {
    if (!l || !r || tsChar.has(l) || simplified.has(l)) continue
    const via = tsChar.get(r) ?? r
    if (via !== l) tsChar.set(l, via)
  }

  const t2s = new Uint16Array(0x10000)
  for (let c = 0; c < 0x10000; c++) t2s[c] = c
  const t2sMulti = new Map<number, string>()
  const t2sAstral = new Map<number, string>()
  for (const [l, r] of tsChar) {
    if (l.length !== 1) {
      const cp = l.codePointAt(0) as number
      if (l.length === 2 && cp > 0xffff && stageA(l) === l) t2sAstral.set(cp, stageA(r))
      continue
    }
    const c = l.charCodeAt(0)
    if (single[c] !== c) continue // only letters that survive stage A unchanged are looked up
    const out = stageA(r)
    if (out.length === 1) t2s[c] = out.charCodeAt(0)
    else {
      t2s[c] = MULTI
      t2sMulti.set(c, out)
    }
  }

  // Chains (A → B, B → C) are followed to their end so that a second pass changes nothing.
  for (let c = 0; c < 0x10000; c++) {
    let v = t2s[c] as number
    for (let k = 0; k < 4 && v !== MULTI && t2s[v] !== v; k++) v = t2s[v] as number
    t2s[c] = v
  }

  const phraseStart = new Uint8Array(0x10000)
  const byPrefix = new Map<number, [Uint16Array, string][]>()
  for (const [l, r] of phraseDict) {
    const key = stageA(l)
    if (key.length < 2 || r.length === 0) continue
    const c0 = key.charCodeAt(0)
    const p = (c0 << 16) | key.charCodeAt(1)
    phraseStart[c0] = 1
    const codes = new Uint16Array(key.length)
    for (let i = 0; i < key.length; i++) codes[i] = key.charCodeAt(i)
    const list = byPrefix.get(p) ?? []
    // first entry wins for duplicate keys, as in OpenCC's dictionary group order
    if (!list.some(([k]) => k.length === codes.length && k.every((v, i) => v === codes[i])))
      list.push([codes, stageA(r)])
    byPrefix.set(p, list)
  }
  for (const list of byPrefix.values()) list.sort((a, b) => b[0].length - a[0].length)
  // A phrase's value must come out of a second pass unchanged (么麼 → 幺麽 would become 幺么): replace each
  // value by the fixpoint of converting it again.
  const convert = (text: string): string => {
    let out = ''
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j)
      const list = j + 1 < text.length ? byPrefix.get((c << 16) | text.charCodeAt(j + 1)) : undefined
      const hit = list?.find(([k]) => k.every((v, i) => text.charCodeAt(j + i) === v))
      if (hit !== undefined) {
        out += hit[1]
        j += hit[0].length - 1
        continue
      }
      const v = t2s[c] as number
      out += v === MULTI ? (t2sMulti.get(c) ?? text[j]) : String.fromCharCode(v)
    }
    return out
  }
  for (const list of byPrefix.values()) {
    for (const entry of list) {
      let v = entry[1]
      for (let k = 0; k < 4; k++) {
        const next = convert(v)
        if (next === v) break
        v = next
      }
      entry[1] = v
    }
  }
  cached = { single, multi, t2s, t2sMulti, t2sAstral, phraseStart, phrases: byPrefix }
  return cached
}

const astralCache = new Map<number, string>()

/** Stage A and B for a code point outside the BMP (emoji, CJK extension B…, mathematical letters). */
export function astral(cp: number): string {
  const hit = astralCache.get(cp)
  if (hit !== undefined) return hit
  const t = charTables()
  let out = ''
  for (const ch of stageA(String.fromCodePoint(cp))) {
    if (ch.length === 2) out += t.t2sAstral.get(ch.codePointAt(0) as number) ?? ch
    else if (ch.length === 1) {
      const c = ch.charCodeAt(0)
      const v = t.t2s[c] as number
      out += v === MULTI ? (t.t2sMulti.get(c) ?? ch) : String.fromCharCode(v)
    }
  }
  if (astralCache.size < 65536) astralCache.set(cp, out)
  return out
}
