// The fast leaf form used by `ledger verify` is the canonical form (RFC 8785, via the generic canonicaliser) on
// every entry it accepts, and declines (null) rather than guessing on anything else.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type EntryFields, isoOfPgTime, leafData, leafDataFast } from './entry.ts'

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }), // lone surrogates included
  fc.constantFrom(
    '',
    '__proto__',
    'toJSON',
    '10',
    '2',
    'a',
    'B',
    '\u0000',
    '"',
    '\\',
    '通化',
    '😀',
    'é',
    'é',
  ),
)
const nullableText = fc.option(text, { nil: null })

/** Values as they come back from jsonb, with keys that sort in surprising ways. */
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-0, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER + 2),
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 5 }),
  ),
})).value

const details = fc.oneof(
  fc.dictionary(text, jsonish, { maxKeys: 6 }),
  fc.jsonValue().map((v) => ({ v })),
  // JSON.parse makes '__proto__' an own key; so can a database.
  fc
    .dictionary(text, jsonish, { maxKeys: 3 })
    .map((d) => JSON.parse(`{"__proto__":1${Object.keys(d).length ? ',' : ''}${JSON.stringify(d).slice(1)}`)),
)

const entry = (detailsArb: fc.Arbitrary<unknown>) =>
  fc.record({
    id: fc.oneof(fc.uuid(), text),
    recordedAt: fc.date({ min: new Date(0), max: new Date('9999-12-31T23:59:59.999Z') }),
    actorKind: text,
    actorId: text,
    actorStaffId: nullableText,
    actorOrganisationId: nullableText,
    actorName: text,
    action: text,
    subjectType: text,
    subjectId: text,
    articles: fc.array(text, { maxLength: 4 }),
    ruleVersion: nullableText,
    evidenceDigest: text,
    details: detailsArb,
  }) as fc.Arbitrary<EntryFields>

const seq = fc.oneof(fc.nat(), fc.maxSafeNat())

function canonical(e: EntryFields, s: number): string | Error {
  try {
    return leafData(e, s)
  } catch (err) {
    return err as Error
  }
}

describe('leafDataFast', () => {
  it('equals the canonical form on entries of plain JSON', () => {
    let written = 0
    fc.assert(
      fc.property(entry(details), seq, (e, s) => {
        const fast = leafDataFast(e, s)
        const slow = canonical(e, s)
        if (fast === null) {
          // Declined: only where the canonicaliser refuses too (lone surrogates).
          expect(slow).toBeInstanceOf(Error)
          return
        }
        written++
        expect(fast).toBe(slow)
      }),
      { numRuns: 3000 },
    )
    expect(written).toBeGreaterThan(1000)
  })

  it('never gives other bytes than the canonical form, whatever the values', () => {
    const odd = fc.oneof(
      fc.anything({ withDate: true, withMap: true, withBoxedValues: true, withNullPrototype: true }),
      fc.constant({ toJSON: () => 'x' }),
      fc.constant({ a: undefined, b: 1 }),
      fc.constant([1, undefined]),
      fc.constant(Number.NaN),
      fc.constant(new Date(0)),
    )
    fc.assert(
      fc.property(
        entry(fc.oneof(odd, fc.dictionary(text, odd, { maxKeys: 3 }))),
        fc.oneof(seq, fc.double()),
        (e, s) => {
          const fast = leafDataFast(e, s)
          if (fast !== null) expect(fast).toBe(canonical(e, s))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('gives the documented example byte for byte', () => {
    const e: EntryFields = {
      id: '0193a6f0-5b1e-7c2d-8e4f-a1b2c3d4e5f6',
      recordedAt: new Date('2026-11-29T23:58:10.123Z'),
      actorKind: 'staff',
      actorId: 'a',
      actorStaffId: 'a',
      actorOrganisationId: null,
      actorName: '王建国（系统管理员）',
      action: 'staff.created',
      subjectType: 'staff',
      subjectId: 's',
      articles: ['A27'],
      ruleVersion: null,
      evidenceDigest: 'd',
      details: { roles: ['officer'], login: 'cac.officer', 10: 1, 2: { z: 1, A: 2 } },
    }
    expect(leafDataFast(e, 12)).toBe(leafData(e, 12))
    expect(leafDataFast({ ...e, recordedAt: new Date(Number.NaN) }, 12)).toBeNull()
  })
})

describe('isoOfPgTime', () => {
  /** A timestamptz as PostgreSQL writes it with DateStyle ISO: trailing zeros of the fraction dropped. */
  const pgText = (d: Date, micros: number, offset: string) => {
    const iso = d.toISOString()
    const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '')
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}${offset}`
  }

  it('reads a time as the schema does (new Date(text)), on the fast path and off it', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999 })),
        fc.constantFrom('+00', '+00:00', '+08', '-05:30'),
        (d, micros, offset) => {
          const text = pgText(d, micros, offset)
          expect(isoOfPgTime(text)).toBe(new Date(text).toISOString())
        },
      ),
      { numRuns: 5000 },
    )
    expect(isoOfPgTime('2026-11-30 02:31:00.12+00')).toBe('2026-11-30T02:31:00.120Z')
    expect(isoOfPgTime('not a time')).toBeNull()
  })
})
