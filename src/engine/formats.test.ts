import { describe, expect, it } from 'vitest'
import { parseClaimLine, parseItemLine, parseLexiconLine } from './formats.ts'

describe('formats', () => {
  it('parses the documented lexicon line and its optional constraints', () => {
    expect(
      parseLexiconLine(
        '{"term": "谣言", "category": "prohibit", "severity": 3, "basis": ["A11.1"], "sound": false}',
      ),
    ).toEqual({
      ok: true,
      value: { term: '谣言', category: 'prohibit', severity: 3, basis: ['A11.1'], sound: false },
    })
    const r = parseLexiconLine(
      '{"term":"病毒","category":"prevent","severity":2,"basis":["A14"],"except":["杀毒"],"requires":["新冠"],"window":5}',
    )
    expect(r.ok && r.value.except).toEqual(['杀毒'])
  })

  it('names every problem of a bad line in Chinese and English', () => {
    const r = parseLexiconLine('{"term": "", "category": "bad", "severity": 4, "basis": []}')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.problems.map((p) => p.en)).toEqual([
        'term must be a non-empty string',
        'category must be prohibit, prevent or encourage',
        'severity must be 1, 2 or 3',
        'basis must be a non-empty array of strings, e.g. ["A11.1"]',
      ])
      expect(r.problems[0]?.zh).toContain('term')
    }
    expect(parseItemLine('{not json').ok).toBe(false)
    expect(parseItemLine('[1]').ok).toBe(false)
  })

  it('parses items and claims, keeping the extra fields of claims', () => {
    expect(parseItemLine('{"id":"1","text":"x","kind":"danmaku","fictionDeclared":true}')).toEqual({
      ok: true,
      value: { id: '1', text: 'x', kind: 'danmaku', fictionDeclared: true },
    })
    expect(parseItemLine('{"id":"1","text":"x","kind":"tweet"}').ok).toBe(false)
    expect(parseClaimLine('{"id":"c","text":"t","source":"s"}')).toEqual({
      ok: true,
      value: { id: 'c', text: 't', source: 's' },
    })
  })
})
