import { fc, test } from '@fast-check/vitest'
import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { codesToString, normalize, normalizeCodes, normalizeText, originalSpan } from './normalize.ts'
import { normalizeReference, normalizeTextReference } from './normalize-reference.ts'

// Characters that exercise every stage: traditional (incl. phrase starts), full width, emoji, zero-width,
// variation selectors, homoglyphs, combining marks, surrogate halves, compatibility forms.
const TRICKY = [
  ...'謠言乾隆乾淨頭髮著名么麼後來Ａｂ１２３😀🦁️\u200b\u200d\ufe0f\u0301еоａ①㈱ﬁ \t\n*，。谣言天气\ud800\udc00𠵾',
].concat(['\ud800', '\udfff', '\ud83d'])
const tricky = fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((a) => a.join(''))
const anyText = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 60 }))

// Traditional phrases and characters, simplified text that needs nothing, pairs that start OpenCC phrases, and
// phrases of no traditional character that OpenCC still changes (反覆 → 反复, 土坏 → 土坯).
const PHRASEY = [
  ...'乾淨乾隆頭髮著名後來發展計劃裡面臺灣說話當時為了這樣們的是我你他在有一个不人天气很好反覆回土坏瞭然藉口消沈',
]
const mixed = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.constantFrom(...PHRASEY)), { maxLength: 60 })
  .map((a) => a.join(''))

describe('normalize', () => {
  test.prop([fc.oneof(anyText, mixed)])(
    'the fast path gives exactly what the reference normaliser gives: text, code units and offsets',
    (s) => {
      const fast = normalize(s)
      const ref = normalizeReference(s)
      expect(fast.text).toBe(ref.text)
      expect(Array.from(fast.codes)).toEqual(Array.from(ref.codes))
      expect(Array.from(fast.start)).toEqual(Array.from(ref.start))
      expect(Array.from(fast.end)).toEqual(Array.from(ref.end))
      expect(normalizeText(s)).toBe(normalizeTextReference(s))
      expect(Array.from(normalizeCodes(s))).toEqual(Array.from(ref.codes))
    },
  )

  test.prop([fc.array(fc.oneof(anyText, mixed), { minLength: 1, maxLength: 400 })])(
    'results kept across later calls keep their own text and offsets (shared slab, offsets read late)',
    (texts) => {
      const kept = texts.map((s) => normalize(s))
      texts.forEach((s, i) => {
        const ref = normalizeReference(s)
        const n = kept[i] as ReturnType<typeof normalize>
        expect(Array.from(n.codes)).toEqual(Array.from(ref.codes))
        expect(Array.from(n.start)).toEqual(Array.from(ref.start))
        expect(Array.from(n.end)).toEqual(Array.from(ref.end))
      })
    },
  )

  test.prop([anyText])('is idempotent', (s) => {
    const once = normalizeText(s)
    expect(normalizeText(once)).toBe(once)
  })

  test.prop([anyText])('maps every normalised code unit inside the original text, in order', (s) => {
    const n = normalize(s)
    expect(n.start.length).toBe(n.codes.length)
    expect(n.text.length).toBe(n.codes.length)
    for (let i = 0; i < n.codes.length; i++) {
      const a = n.start[i] as number
      const b = n.end[i] as number
      expect(a).toBeGreaterThanOrEqual(0)
      expect(b).toBeGreaterThan(a)
      expect(b).toBeLessThanOrEqual(s.length)
      if (i > 0) expect(a).toBeGreaterThanOrEqual(n.start[i - 1] as number)
    }
  })

  test.prop([anyText, fc.nat(), fc.nat()])('maps a span onto characters that normalise to it', (s, x, y) => {
    const n = normalize(s)
    if (n.codes.length === 0) return
    const from = x % n.codes.length
    const to = from + 1 + (y % (n.codes.length - from))
    const span = originalSpan(n, from, to)
    // the original characters of the span normalise to a text that contains the normalised span
    expect(normalizeText(s.slice(span.start, span.end))).toContain(n.text.slice(from, to))
  })

  it('removes interference: punctuation, spaces, emoji, zero-width and variation selectors between letters', () => {
    for (const v of [
      '谣*言',
      '谣 言',
      '谣😀言',
      '谣\u200b言',
      '谣\ufe0f言',
      '谣\u3000言',
      '谣\n言',
      '谣🦁️言',
      '谣\u0301言',
    ])
      expect(normalizeText(v)).toBe('谣言')
  })

  it('folds full width, case, homoglyphs and compatibility forms', () => {
    expect(normalizeText('ＣＯＶＩＤ－１９')).toBe('covid19')
    expect(normalizeText('Соvid')).toBe('covid') // Cyrillic С and о
    expect(normalizeText('①②')).toBe('12')
    expect(normalizeText('⻢上')).toBe('马上')
  })

  it('converts traditional to simplified, phrases first', () => {
    expect(normalizeText('謠言')).toBe('谣言')
    expect(normalizeText('頭髮乾淨')).toBe('头发干净')
    expect(normalizeText('乾隆')).toBe('乾隆') // a phrase keeps 乾
    expect(normalizeText('著名')).toBe('著名') // 著 is also a simplified character
    // no traditional character, yet OpenCC's phrases change them: the short path must not keep them as they are
    const n = normalize('他反覆思量，土坏。')
    expect(n.text).toBe('他反复思量土坯')
    expect(Array.from(n.start)).toEqual([0, 1, 1, 1, 1, 6, 6]) // each phrase maps back as a whole
    expect(normalizeText('覆盖坏人')).toBe('覆盖坏人')
  })

  test.prop(
    [
      fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.constantFrom(...PHRASEY)), {
        minLength: 9000,
        maxLength: 12000,
      }),
    ],
    {
      numRuns: 5,
    },
  )('gives the reference result on long texts (buffers grown mid-text, the decoder path)', (units) => {
    const s = units.join('')
    expect(normalizeText(s)).toBe(normalizeTextReference(s))
    const n = normalize(s)
    const ref = normalizeReference(s)
    expect(n.text).toBe(ref.text)
    expect(Array.from(n.end)).toEqual(Array.from(ref.end))
  })

  it('builds strings of any length from code units, lone surrogates kept', () => {
    const units = Uint16Array.from({ length: 20000 }, (_, i) => 0x4e00 + (i % 500))
    expect(codesToString(units)).toBe(
      String.fromCharCode(...units.subarray(0, 10000)) + String.fromCharCode(...units.subarray(10000)),
    )
    units[12345] = 0xd800 // a lone high surrogate: the standard decoder would make it U+FFFD
    units[15000] = 0xdc00
    const s = codesToString(units)
    expect(s.length).toBe(20000)
    expect(s.charCodeAt(12345)).toBe(0xd800)
    expect(s.charCodeAt(15000)).toBe(0xdc00)
    expect(codesToString(units, 100, 9000)).toBe(String.fromCharCode(...units.subarray(100, 9000)))
  })

  it('agrees with opencc-js phrase conversion on traditional text', () => {
    const conv = OpenCC.Converter({ from: 't', to: 'cn' })
    const text = '據說喝高度白酒可以預防新冠肺炎，乾隆皇帝的頭髮很乾淨，後來這個著名的謠言被澄清了。'
    expect(normalizeText(text)).toBe(normalizeText(conv(text)))
  })

  it('never throws on lone surrogates, non-strings and a 1 MB string', () => {
    expect(normalizeText('\ud800\ud800a\udc00')).toBe('a')
    expect(normalizeText(undefined as unknown as string)).toBe('')
    const big = '谣言，😀 '.repeat(200_000)
    const n = normalize(big)
    expect(n.codes.length).toBe(400_000)
    expect(n.end[n.end.length - 1]).toBeLessThanOrEqual(big.length)
  })

  it('maps surrogate pairs and expansions to whole original characters', () => {
    const n = normalize('a𠵾㈱b')
    expect(n.text).toBe('a𠵾株b')
    expect(originalSpan(n, 1, 3)).toEqual({ start: 1, end: 3 })
    expect(originalSpan(n, 3, 4)).toEqual({ start: 3, end: 4 })
  })
})
