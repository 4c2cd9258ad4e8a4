// The legal bounds of A22–A25 (articles 22–25 of the Tonghua measures) and the checks every proposal and decision
// passes: the figures against the Chinese text, and properties over any violated requirement, date and inputs.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allowedMeasures,
  BOUNDS_VERSIONS,
  type BoundsVersion,
  hearingRight,
  heavierThanNotified,
  MEASURE_KINDS,
  type Measure,
  measureLabel,
  VIOLATIONS,
  validateMeasures,
} from './bounds.ts'

const ON = '2026-06-01'
const kinds = (violated: string[], aggravated: boolean) =>
  allowedMeasures(violated, aggravated, ON)?.measures.map((x) => x.kind)

describe('the bounds as the articles write them', () => {
  it('A22 (A12.1, A13.1, A13.3, A14, A15): interview, correction, warning; suspension of updates only when aggravated', () => {
    for (const v of ['A12.1', 'A13.1', 'A13.3', 'A14', 'A15']) {
      expect(allowedMeasures([v], false, ON)?.article).toBe('A22')
      expect(kinds([v], false)).toEqual(['interview', 'correction_order', 'warning'])
      expect(kinds([v], true)).toEqual(['interview', 'correction_order', 'warning', 'suspend_updates'])
    }
  })

  it('A23 (A13.2): fine 50,000–500,000, persons 10,000–100,000, heavy measures only when aggravated', () => {
    const a = allowedMeasures(['A13.2'], true, ON)
    expect(a?.article).toBe('A23')
    expect(a?.measures.find((x) => x.kind === 'fine')).toMatchObject({ minYuan: 50_000, maxYuan: 500_000 })
    expect(a?.measures.find((x) => x.kind === 'person_fine')).toMatchObject({
      minYuan: 10_000,
      maxYuan: 100_000,
    })
    expect(kinds(['A13.2'], true)).toContain('revoke_licence')
    expect(kinds(['A13.2'], false)).toEqual(['correction_order'])
  })

  it('A24 (A16): warning and confiscation at the base level; fine 100,000–500,000 when aggravated', () => {
    expect(kinds(['A16'], false)).toEqual(['correction_order', 'warning', 'confiscation'])
    const a = allowedMeasures(['A16'], true, ON)
    expect(a?.article).toBe('A24')
    expect(a?.measures.find((x) => x.kind === 'fine')).toMatchObject({ minYuan: 100_000, maxYuan: 500_000 })
    expect(a?.measures.find((x) => x.kind === 'person_fine')).toMatchObject({
      minYuan: 10_000,
      maxYuan: 100_000,
    })
    expect(kinds(['A16'], true)).toEqual(
      expect.arrayContaining(['suspend_business', 'rectification', 'close_site', 'revoke_licence']),
    )
  })

  it('A25 (A19.2): correction, then fine 50,000–500,000 and persons 10,000–100,000; nothing heavier', () => {
    expect(kinds(['A19.2'], false)).toEqual(['correction_order'])
    expect(kinds(['A19.2'], true)).toEqual(['correction_order', 'fine', 'person_fine'])
    const a = allowedMeasures(['A19.2'], true, ON)
    expect(a?.measures.find((x) => x.kind === 'fine')).toMatchObject({ minYuan: 50_000, maxYuan: 500_000 })
    expect(a?.textZh).toContain('处五万元以上五十万元以下罚款')
  })

  it('nothing before the measures took effect; violations under two articles are not one case', () => {
    expect(allowedMeasures(['A19.2'], true, '2025-03-26')).toBeNull()
    expect(
      validateMeasures({ violated: ['A19.2'], aggravated: false, date: '2025-01-01', measures: [] }),
    ).toEqual([{ code: 'no_bounds' }])
    expect(allowedMeasures(['A19.2', 'A16'], true, ON)).toBeNull()
    expect(allowedMeasures(['A12.1', 'A15'], false, ON)?.article).toBe('A22')
  })

  it('finds every problem at once: out of range, not allowed, no condition, fined twice, missing', () => {
    const problems = validateMeasures({
      violated: ['A19.2'],
      aggravated: false,
      date: ON,
      measures: [
        { kind: 'fine', amountYuan: 600_000 },
        { kind: 'warning' },
        { kind: 'person_fine', amountYuan: 5_000, personName: '张某' },
        { kind: 'person_fine', amountYuan: 20_000, personName: '张某' },
      ],
    })
    const codes = problems.map((p) => p.code)
    expect(codes).toEqual(
      expect.arrayContaining([
        'needs_aggravation',
        'amount_out_of_range',
        'measure_not_allowed',
        'fined_twice',
        'required_missing',
      ]),
    )
    expect(problems).toContainEqual({
      code: 'amount_out_of_range',
      kind: 'fine',
      amountYuan: 600_000,
      minYuan: 50_000,
      maxYuan: 500_000,
    })
  })

  it('one act is fined once: a second fine of the same act is refused', () => {
    const input = {
      violated: ['A19.2'],
      aggravated: true,
      date: ON,
      measures: [{ kind: 'correction_order' as const }, { kind: 'fine' as const, amountYuan: 80_000 }],
    }
    expect(validateMeasures(input)).toEqual([])
    expect(validateMeasures({ ...input, alreadyFined: true })).toContainEqual({
      code: 'fined_twice',
      kind: 'fine',
    })
  })

  it('a later version governs decisions from its date, the earlier one before it', () => {
    const base = BOUNDS_VERSIONS[0] as BoundsVersion
    const later: BoundsVersion = {
      ...base,
      version: '2027-01',
      effectiveFrom: '2027-01-01',
      articles: base.articles.map((a) =>
        a.article === 'A25'
          ? { ...a, measures: a.measures.map((x) => (x.kind === 'fine' ? { ...x, maxYuan: 1_000_000 } : x)) }
          : a,
      ),
    }
    const versions = [base, later]
    const measures: Measure[] = [{ kind: 'correction_order' }, { kind: 'fine', amountYuan: 800_000 }]
    const at = (date: string) =>
      validateMeasures({ violated: ['A19.2'], aggravated: true, date, measures }, versions).map((p) => p.code)
    expect(at('2026-12-31')).toEqual(['amount_out_of_range'])
    expect(at('2027-01-01')).toEqual([])
  })

  it('the hearing right: large fines and the heavy measures; a decision heavier than the notice is found', () => {
    expect(hearingRight([{ kind: 'fine', amountYuan: 100_000 }])).toBe(true)
    expect(hearingRight([{ kind: 'fine', amountYuan: 99_999 }])).toBe(false)
    expect(hearingRight([{ kind: 'person_fine', amountYuan: 10_000, personName: '李某' }])).toBe(true)
    expect(hearingRight([{ kind: 'close_site' }])).toBe(true)
    expect(hearingRight([{ kind: 'correction_order' }, { kind: 'warning' }])).toBe(false)
    expect(
      heavierThanNotified([{ kind: 'fine', amountYuan: 100_000 }], [{ kind: 'fine', amountYuan: 120_000 }]),
    ).toHaveLength(1)
    expect(
      heavierThanNotified([{ kind: 'fine', amountYuan: 100_000 }], [{ kind: 'fine', amountYuan: 80_000 }]),
    ).toEqual([])
  })
})

// --- properties ---

const date = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const measure: fc.Arbitrary<Measure> = fc.record(
  {
    kind: fc.constantFrom(...MEASURE_KINDS),
    amountYuan: fc.oneof(
      fc.integer({ min: -10, max: 2_000_000 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    ),
    personName: fc.constantFrom('张某', '李某', ' '),
  },
  { requiredKeys: ['kind'] },
)
const violated = fc.subarray([...VIOLATIONS], { minLength: 1, maxLength: 3 })

describe('correction', () => {
  it('is 责令限期改正 under A22, with a deadline after the day; 责令改正 under A23–A25', () => {
    expect(measureLabel('correction_order', 'A22').zh).toBe('责令限期改正')
    for (const a of ['A23', 'A24', 'A25']) expect(measureLabel('correction_order', a).zh).toBe('责令改正')
    const a22 = (deadline?: string) =>
      validateMeasures({
        violated: ['A15'],
        aggravated: false,
        date: '2026-06-10',
        measures: [
          { kind: 'interview' },
          { kind: 'correction_order', ...(deadline ? { deadline } : {}) },
          { kind: 'warning' },
        ],
      }).map((p) => p.code)
    expect(a22()).toEqual(['deadline_missing'])
    expect(a22('2026-06-10')).toEqual(['deadline_not_after'])
    expect(a22('2026-06-11')).toEqual([])
    // A25's 责令改正 names no period
    expect(
      validateMeasures({
        violated: ['A19.2'],
        aggravated: false,
        date: '2026-06-10',
        measures: [{ kind: 'correction_order' }],
      }),
    ).toEqual([])
  })
})

describe('properties', () => {
  it('no proposal or decision outside the bounds in force on its date is accepted, for any inputs', () => {
    fc.assert(
      fc.property(
        violated,
        fc.boolean(),
        date,
        fc.array(measure, { maxLength: 6 }),
        (v, aggravated, d, ms) => {
          const problems = validateMeasures({ violated: v, aggravated, date: d, measures: ms })
          if (problems.length > 0) return
          // accepted: then the bounds of that date allow every measure, at every amount, under that condition
          const allowed = allowedMeasures(v, aggravated, d)
          expect(allowed).not.toBeNull()
          expect(d >= '2025-03-27').toBe(true)
          for (const x of ms) {
            const rule = allowed?.measures.find((r) => r.kind === x.kind)
            expect(rule).toBeDefined()
            if (rule?.aggravatedOnly) expect(aggravated).toBe(true)
            if (rule?.minYuan !== undefined) {
              expect(Number.isInteger(x.amountYuan)).toBe(true)
              expect(x.amountYuan).toBeGreaterThanOrEqual(rule.minYuan)
              expect(x.amountYuan).toBeLessThanOrEqual(rule.maxYuan as number)
            }
          }
          expect(ms.filter((x) => x.kind === 'fine').length).toBeLessThanOrEqual(1)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('every set drawn from the allowed measures within their bounds is accepted', () => {
    fc.assert(
      fc.property(violated, fc.boolean(), date, fc.nat(), (v, aggravated, d, seed) => {
        const allowed = allowedMeasures(v, aggravated, d)
        if (!allowed) return
        const ms: Measure[] = allowed.measures.map((r, i) => {
          const amount =
            r.minYuan !== undefined
              ? r.minYuan + ((seed + i) % ((r.maxYuan as number) - r.minYuan + 1))
              : r.kind === 'confiscation'
                ? seed % 100_000
                : undefined
          return {
            kind: r.kind,
            ...(amount !== undefined ? { amountYuan: amount } : {}),
            ...(r.kind === 'person_fine' ? { personName: '王某' } : {}),
            ...(r.kind === 'correction_order' ? { deadline: '2999-12-31' } : {}),
          }
        })
        expect(validateMeasures({ violated: v, aggravated, date: d, measures: ms })).toEqual([])
      }),
      { numRuns: 1000 },
    )
  })
})
