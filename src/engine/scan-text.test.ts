import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { buildAutomaton, MatchBuffer, scan } from './automaton.ts'
import { normalize, normalizeCodes, originalSpan } from './normalize.ts'
import { SpanBuffer, scanText } from './scan-text.ts'

// What scanText must equal: normalise with offsets, scan the code units, map each span back.
function twoStep(patterns: Uint16Array[], text: string): string[] {
  const a = buildAutomaton(patterns)
  const n = normalize(text)
  const buf = new MatchBuffer()
  scan(a, n.codes, buf)
  const out: string[] = []
  for (let i = 0; i < buf.count; i++) {
    const p = buf.pattern(i)
    const e = buf.end(i)
    const span = originalSpan(n, e - (patterns[p] as Uint16Array).length, e)
    out.push(`${p}:${span.start}-${span.end}`)
  }
  return out
}

function oneStep(patterns: Uint16Array[], text: string, out = new SpanBuffer()): string[] {
  const a = buildAutomaton(patterns)
  out.reset()
  scanText(a, text, out)
  const r: string[] = []
  for (let i = 0; i < out.count; i++) r.push(`${out.pattern(i)}:${out.start(i)}-${out.end(i)}`)
  return r
}

// Units of every kind the one pass meets: kept, dropped (punctuation, spaces, emoji, zero-width), full width,
// expansions, traditional characters, phrases that change characters of no traditional form, surrogates.
const UNITS = [...'谣言病毒通化市疫情封城反覆土坏了一目然头发乾淨隆著名Ａｂ１a😀𠵾㈱ﬁ \u200b*，。'].concat([
  '\ud800',
  '\udc00',
  '\ud83d',
])
const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 50 }).map((a) => a.join(''))

describe('scanText', () => {
  test.prop([fc.array(text, { minLength: 1, maxLength: 8 }), fc.array(text, { maxLength: 6 })])(
    'gives the occurrences, order and original spans of normalize, scan and originalSpan',
    (terms, texts) => {
      // patterns are normalised terms (as a lexicon stores them), of every length, so every filter width k = 1..4 runs
      const patterns = terms.map((t) => normalizeCodes(t)).filter((p) => p.length > 0)
      const out = new SpanBuffer()
      for (const t of texts) expect(oneStep(patterns, t, out)).toEqual(twoStep(patterns, t))
      // a pattern drawn from the text itself, so that most runs have occurrences to map back
      for (const t of texts) {
        const c = normalizeCodes(t)
        if (c.length < 2) continue
        const own = [...patterns, c.subarray(1, Math.min(c.length, 5))]
        expect(oneStep(own, t, out)).toEqual(twoStep(own, t))
      }
    },
  )

  it('maps spans over removed characters and through both paths', () => {
    const patterns = ['谣言', '病毒', '头发'].map((t) => normalizeCodes(t))
    // one pass: 谣*言 and 病😀毒 span the characters between them
    expect(oneStep(patterns, '这是谣*言，不是病😀毒')).toEqual(['0:2-5', '1:8-12'])
    // general path (a traditional character): 頭髮 maps back to its two characters
    expect(oneStep(patterns, '謠言說頭髮')).toEqual(['0:0-2', '2:3-5'])
    // a phrase of no traditional character still goes the general path: 反覆 is 反复
    expect(oneStep([normalizeCodes('反复')], '他反覆了')).toEqual(['0:1-3'])
  })

  it('appends to what the buffer holds, and is total', () => {
    const a = buildAutomaton([normalizeCodes('谣言')])
    const out = new SpanBuffer()
    expect(scanText(a, '谣言谣言', out)).toBe(2)
    expect(scanText(a, '谣言', out)).toBe(1)
    expect(out.count).toBe(3)
    for (const bad of [null, undefined, 42, {}, '\ud800', 'x'.repeat(1 << 20)]) {
      expect(() => scanText(a, bad as unknown as string, out)).not.toThrow()
    }
    expect(scanText(buildAutomaton([]), '谣言', out)).toBe(0)
    // a text of one unit, a term of one unit
    expect(oneStep([normalizeCodes('谣')], '「谣」')).toEqual(['0:1-2'])
    // a buffer grows past its first capacity
    const many = new SpanBuffer()
    expect(scanText(a, '谣言'.repeat(500), many)).toBe(500)
    expect(many.start(499)).toBe(998)
  })
})
