import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { buildAutomaton, MatchBuffer, scan, scanAC } from './automaton.ts'

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

  // the reversed-trie scan must give exactly what the Aho–Corasick scan gives, in the same order
  const inOrder = (patterns: Uint16Array[], text: Uint16Array, from: number, to: number) => {
    const a = buildAutomaton(patterns)
    const fast = new MatchBuffer()
    const ref = new MatchBuffer()
    fast.push(-7, -7) // what a buffer already holds is kept
    ref.push(-7, -7)
    scan(a, text, fast, from, to)
    scanAC(a, text, ref, from, to)
    return [
      Array.from(fast.data.subarray(0, fast.count * 2)),
      Array.from(ref.data.subarray(0, ref.count * 2)),
    ]
  }
  const unit = fc.oneof(
    fc.constantFrom(0x8c23, 0x8a00, 0x75c5, 0x6bd2, 0x61, 0x0, 0xffff), // 谣 言 病 毒 a, NUL, U+FFFF
    fc.constantFrom(0xd83d, 0xde00, 0xdc00, 0xd800), // surrogates (emoji halves, lone ones)
    fc.constantFrom(0x8b20, 0x9a57, 0x81fa, 0x7063), // traditional 謠 驗 臺 灣
    fc.integer({ min: 0, max: 0xffff }),
  )
  const units = (max: number) => fc.array(unit, { maxLength: max }).map((u) => Uint16Array.from(u))
  test.prop([fc.array(units(6), { maxLength: 14 }), units(120), fc.nat(10), fc.nat(10)])(
    'the fast scan equals the Aho–Corasick scan exactly, order included, on any code units and any range',
    (patterns, text, cutFrom, cutTo) => {
      const from = Math.min(cutFrom, text.length)
      const to = Math.max(from, text.length - cutTo)
      const [fast, ref] = inOrder(patterns, text, from, to)
      expect(fast).toEqual(ref)
    },
  )
  test.prop([
    fc.array(fc.string({ unit: fc.constantFrom('谣', '言', '病', '毒'), minLength: 1, maxLength: 9 }), {
      minLength: 1,
      maxLength: 30,
    }),
    fc.string({ unit: fc.constantFrom('谣', '言', '病', '毒', '😀'), maxLength: 200 }),
  ])(
    'the fast scan equals the Aho–Corasick scan on dense overlapping matches, short and long patterns mixed',
    (patterns, text) => {
      // every UTF-16 unit, emoji halves included
      const t = Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))
      const [fast, ref] = inOrder(patterns.map(codes), t, 0, t.length)
      expect(fast).toEqual(ref)
    },
  )

  // every shortest length k = 1..4 takes the depth-k table (k = min(4, shortest)), and long walks beyond it
  const tiny = fc.constantFrom(0x8c23, 0x8a00, 0x0, 0xffff, 0xd83d, 0xde00)
  for (const min of [1, 2, 3, 4, 5]) {
    test.prop([
      fc.array(
        fc.array(tiny, { minLength: min, maxLength: min + 5 }).map((u) => Uint16Array.from(u)),
        { minLength: 1, maxLength: 20 },
      ),
      fc.array(tiny, { maxLength: 150 }).map((u) => Uint16Array.from(u)),
      fc.nat(6),
      fc.nat(6),
    ])(
      `the fast scan equals the Aho–Corasick scan when the shortest pattern is ≥ ${min} units`,
      (patterns, text, cutFrom, cutTo) => {
        const from = Math.min(cutFrom, text.length)
        const to = Math.max(from, text.length - cutTo)
        const [fast, ref] = inOrder(patterns, text, from, to)
        expect(fast).toEqual(ref)
      },
    )
  }

  it('finds every pattern when hundreds share their last code units (crowded hash slots)', () => {
    // 600 patterns ending in the same two units, 2–4 units long: the depth-k table and the filter must not lose any
    const patterns: Uint16Array[] = []
    for (let i = 0; i < 600; i++) {
      const len = 2 + (i % 3)
      const p = new Uint16Array(len)
      for (let j = 0; j < len - 2; j++) p[j] = 0x4e00 + ((i * 7 + j * 131) % 2000)
      p[len - 2] = 0x8c23
      p[len - 1] = 0x8a00
      patterns.push(p)
    }
    for (let i = 0; i < 600; i++) patterns.push(Uint16Array.of(0x4e00 + i, 0x4e00 + ((i * 13) % 600)))
    const text = new Uint16Array(4000)
    for (let i = 0; i < text.length; i++)
      text[i] = i % 5 === 4 ? 0x8a00 : i % 5 === 3 ? 0x8c23 : 0x4e00 + ((i * 7919) % 600)
    const [fast, ref] = inOrder(patterns, text, 0, text.length)
    expect(fast?.length).toBeGreaterThan(2)
    expect(fast).toEqual(ref)
  })

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
