// The pattern rules at their thresholds, for any times and counts (A27).
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { type Act, evaluatePatterns, PATTERN_RULES, type PatternRule } from './patterns.ts'

const rule = <K extends PatternRule['kind']>(kind: K) =>
  PATTERN_RULES.find((r) => r.kind === kind) as Extract<PatternRule, { kind: K }>
const seals = rule('seal_openings')
const offHours = rule('off_hours')
const rapid = rule('rapid_closures')
const everyDayWorks = () => true

const DAY = 86_400_000
// A Wednesday, 10:00 in China.
const BASE = Date.parse('2026-11-25T02:00:00Z')
const actsAt = (offsets: readonly number[], action: string, staffId = 's1'): Act[] =>
  offsets.map((o, i) => ({
    entryId: `e${i}`,
    staffId,
    name: '测试',
    organisationId: null,
    action,
    subject: { type: 't', id: `x${i}` },
    at: new Date(BASE + o),
  }))

describe('pattern rules', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 7 * DAY - 1 }), { maxLength: 10 })])(
    'seal openings inside one week fire exactly when there are more than the threshold',
    (offsets) => {
      const hits = evaluatePatterns(
        actsAt(offsets, 'public_report.identity_unsealed'),
        [seals],
        everyDayWorks,
      )
      expect(hits.length > 0).toBe(offsets.length > seals.max)
      if (hits.length > 0) expect(hits[0]?.entryIds).toHaveLength(offsets.length)
    },
  )

  test.prop([fc.integer({ min: 0, max: 10 })])('seal openings a week or more apart never fire', (n) => {
    const offsets = Array.from({ length: n }, (_, i) => i * 7 * DAY)
    expect(evaluatePatterns(actsAt(offsets, 'retention.opened'), [seals], everyDayWorks)).toEqual([])
  })

  test.prop([fc.array(fc.integer({ min: 0, max: rapid.windowMinutes * 60_000 - 1 }), { maxLength: 12 })])(
    'closures inside the window fire from the threshold on',
    (offsets) => {
      const hits = evaluatePatterns(actsAt(offsets, 'public_report.closed'), [rapid], everyDayWorks)
      expect(hits.length > 0).toBe(offsets.length >= rapid.min)
    },
  )

  test.prop([fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })])(
    'acts off hours fire from the threshold on; acts in hours on working days never count',
    (off, inHours) => {
      // 10:00 + 12 h = 22:00 China time: off hours; +0..7 h stays within 10:00–17:59.
      const offsets = [
        ...Array.from({ length: off }, (_, i) => 12 * 3_600_000 + i * 60_000),
        ...Array.from({ length: inHours }, (_, i) => (i % 7) * 3_600_000),
      ]
      const hits = evaluatePatterns(actsAt(offsets, 'case.department_added'), [offHours], everyDayWorks)
      expect(hits.length > 0).toBe(off >= offHours.min)
      if (hits.length > 0) expect(hits[0]?.entryIds).toHaveLength(off)
      // On a non-working day every act counts.
      const holiday = evaluatePatterns(actsAt(offsets, 'case.department_added'), [offHours], () => false)
      expect(holiday.length > 0).toBe(off + inHours >= offHours.min)
    },
  )

  test.prop([fc.array(fc.integer({ min: 0, max: 6 * DAY }), { maxLength: 10 })])(
    'one officer’s acts never make another officer’s finding',
    (offsets) => {
      const acts = [
        ...actsAt(offsets, 'public_report.identity_unsealed', 'a'),
        ...actsAt(offsets.slice(0, seals.max), 'public_report.identity_unsealed', 'b'),
      ]
      const hits = evaluatePatterns(acts, [seals], everyDayWorks)
      expect(hits.every((h) => h.staffId === 'a')).toBe(true)
    },
  )
})
