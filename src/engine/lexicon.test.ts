import { describe, expect, it } from 'vitest'
import { compileLexicon, LexiconError, matchLexicon } from './lexicon.ts'
import { normalize, normalizeText, originalSpan } from './normalize.ts'
import type { LexiconEntry } from './types.ts'

const entry = (term: string, more: Partial<LexiconEntry> = {}): LexiconEntry => ({
  term,
  category: 'prohibit',
  severity: 3,
  basis: ['A11.1'],
  ...more,
})

function found(entries: LexiconEntry[], text: string): string[] {
  const lex = compileLexicon(entries)
  const n = normalize(text)
  return matchLexicon(lex, n).map((h) => {
    const s = originalSpan(n, h.start, h.end)
    return `${entries[h.entry]?.term}:${text.slice(s.start, s.end)}`
  })
}

describe('lexicon', () => {
  it('finds a term through each evasion and returns the span of the original characters', () => {
    const e = [entry('谣言')]
    expect(found(e, '这是謠言')).toEqual(['谣言:謠言'])
    expect(found(e, '这是谣*言吗')).toEqual(['谣言:谣*言'])
    expect(found(e, '谣😀言')).toEqual(['谣言:谣😀言'])
    expect(found(e, '谣 \u200b 言')).toEqual(['谣言:谣 \u200b 言'])
    expect(found(e, '谣\ufe0f言')).toEqual(['谣言:谣\ufe0f言'])
    expect(found([entry('covid')], 'ＣＯＶＩＤ来了')).toEqual(['covid:ＣＯＶＩＤ'])
    expect(found([entry('covid')], 'Сovid')).toEqual(['covid:Сovid'])
  })

  it('matches homophone spellings only for terms that ask for sound folding', () => {
    expect(found([entry('谣言', { sound: true })], '别信遥言')).toEqual(['谣言:遥言'])
    expect(found([entry('谣言')], '别信遥言')).toEqual([])
  })

  it('drops an occurrence inside an allowlisted phrase', () => {
    const e = [entry('病毒', { category: 'prevent', severity: 2, except: ['杀毒软件', '计算机病毒'] })]
    expect(found(e, '装个殺毒軟件吧')).toEqual([])
    expect(found(e, '计算机病毒又来了，新冠病毒也来了')).toEqual(['病毒:病毒'])
  })

  it('counts a term only when a co-occurring phrase is near enough', () => {
    const e = [entry('封城', { requires: ['明天', '今晚'], window: 4 })]
    expect(found(e, '据说明天要封城')).toEqual(['封城:封城'])
    expect(found(e, '封城')).toEqual([])
    expect(found(e, '明天我们去公园散步然后看看会不会封城')).toEqual([])
    expect(found([entry('封城', { requires: ['明天'] })], '明天我们去公园散步然后看看会不会封城')).toEqual([
      '封城:封城',
    ])
  })

  it('bounds the occurrences reported per term on a huge input', () => {
    const lex = compileLexicon([entry('谣言')])
    const hits = matchLexicon(lex, normalize('谣言'.repeat(100_000)))
    expect(hits.length).toBe(20)
  })

  it('refuses a term that is empty after normalisation, naming it', () => {
    expect(() => compileLexicon([entry('谣言'), entry('！！😀')])).toThrow(LexiconError)
    try {
      compileLexicon([entry('！！')])
    } catch (e) {
      expect((e as LexiconError).problems[0]?.index).toBe(0)
      expect((e as LexiconError).message).toContain('empty after normalisation')
    }
  })

  it('compiles terms in normalised form', () => {
    expect(compileLexicon([entry('謠 言')]).normalized).toEqual([normalizeText('谣言')])
  })
})
