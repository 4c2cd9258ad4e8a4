// What of a decision the public sees (A26), and for how long: warnings and non-penalties kept off, fines a year, the
// heavy measures three years, no person named; off the list when revoked or when the period ends.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MEASURE_KINDS, type Measure } from './bounds.ts'
import { addMonths, DISCLOSURE_RULES, disclosureOf, isDisplayed } from './disclosure.ts'

describe('disclosure rules', () => {
  it('keeps warnings, interviews and correction orders off the list', () => {
    expect(
      disclosureOf([{ kind: 'warning' }, { kind: 'correction_order' }, { kind: 'interview' }], '2026-05-01'),
    ).toBeNull()
  })

  it('shows fines for a year and the heavy measures for three, without persons’ names', () => {
    const d = disclosureOf(
      [
        { kind: 'correction_order' },
        { kind: 'fine', amountYuan: 80_000 },
        { kind: 'person_fine', amountYuan: 10_000, personName: '赵某' },
      ],
      '2026-02-28',
    )
    expect(d).toMatchObject({ months: 12, from: '2026-02-28', until: '2027-02-28' })
    expect(JSON.stringify(d)).not.toContain('赵某')
    expect(d?.measures.map((m) => m.kind)).toEqual(['fine', 'person_fine'])
    expect(disclosureOf([{ kind: 'close_site' }], '2026-01-31')?.until).toBe('2029-01-31')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
  })

  it('is displayed only within its period and never once revoked', () => {
    const d = disclosureOf([{ kind: 'fine', amountYuan: 60_000 }], '2026-03-01')
    expect(isDisplayed(d, false, '2026-02-28')).toBe(false)
    expect(isDisplayed(d, false, '2026-03-01')).toBe(true)
    expect(isDisplayed(d, false, '2027-03-01')).toBe(true)
    expect(isDisplayed(d, false, '2027-03-02')).toBe(false)
    expect(isDisplayed(d, true, '2026-06-01')).toBe(false)
  })

  it('property: a decision is shown exactly when one of its measures has a period, for the longest of them', () => {
    const measure = fc.record({
      kind: fc.constantFrom(...MEASURE_KINDS),
      amountYuan: fc.nat(),
    }) as fc.Arbitrary<Measure>
    fc.assert(
      fc.property(fc.array(measure, { maxLength: 6 }), (ms) => {
        const months = ms.map((m) => DISCLOSURE_RULES.find((r) => r.kind === m.kind)?.months ?? 0)
        const d = disclosureOf(ms, '2026-06-15')
        if (Math.max(0, ...months) === 0) expect(d).toBeNull()
        else expect(d?.months).toBe(Math.max(...months))
        for (const m of d?.measures ?? []) expect(m).not.toHaveProperty('personName')
      }),
    )
  })
})
