import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { buildAutomaton, MatchBuffer, scan } from './automaton.ts'

const codes = (s: string) => Uint16Array.from([...s].map((c) => c.charCodeAt(0)))

function naive(patterns: string[], text: string): string[] {
  const out: string[] = []
  patterns.forEach((p, i) => {
    if (p.length === 0) return
    for (let j = text.indexOf(p); j >= 0; j = text.indexOf(p, j + 1)) out.push(`${i}@${j + p.length}`)
  })
  return out.sort()
}

function run(patterns: string[], text: string): string[] {
  const a = buildAutomaton(patterns.map(codes))
  const buf = new MatchBuffer()
  scan(a, codes(text), buf)
  const out: string[] = []
  for (let i = 0; i < buf.count; i++) out.push(`${buf.pattern(i)}@${buf.end(i)}`)
  return out.sort()
}

describe('automaton', () => {
  const small = fc.string({ unit: fc.constantFrom('谣', '言', '病', '毒', 'a'), maxLength: 5 })
  test.prop([
    fc.array(small, { maxLength: 12 }),
    fc.string({ unit: fc.constantFrom('谣', '言', '病', '毒', 'a', 'x'), maxLength: 80 }),
  ])(
    'reports exactly the occurrences a naive search finds, overlaps and duplicates included',
    (patterns, text) => {
      expect(run(patterns, text)).toEqual(naive(patterns, text))
    },
  )

  it('reports every match with its end, and nested patterns inside longer ones', () => {
    expect(run(['谣言', '言', '造谣言论'], '有人造谣言论谣言')).toEqual(
      ['0@5', '0@8', '1@5', '1@8', '2@6'].sort(),
    )
  })

  it('stores the automaton in flat typed arrays and reports its size', () => {
    const a = buildAutomaton(['abc', 'abd', 'bc'].map(codes))
    expect(a.stateCount).toBe(7) // root, a, ab, abc, abd, b, bc
    expect(a.bytes).toBeGreaterThan(0)
    expect(a.edgeTo).toBeInstanceOf(Int32Array)
  })
})
