// The referral clocks as properties: for any start date and any clock, the last day of the period is a working day,
// never earlier than the nominal end, and every day between the nominal end and it is a rest day (the shortest
// extension the rule allows); months land on the same day or the month's last day.
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { buildCalendar, isWorkingDay, nextDate } from '../cases/index.ts'
import { addMonths, periodEnd, REFERRAL_CLOCKS } from './clocks.ts'

const cal = buildCalendar([{ date: '2027-01-04', working: false, note: '测试：运营人员更正的假日' }])
const day = fc
  .integer({ min: 0, max: 3 * 366 })
  .map((n) => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000).toISOString().slice(0, 10))

describe('referral clocks (properties)', () => {
  test.prop([day, fc.constantFrom(...REFERRAL_CLOCKS)])(
    'end on the first working day on or after the nominal end',
    (start, clock) => {
      const nominal = clock.unit === 'months' ? addMonths(start, clock.amount) : nextDate(start, clock.amount)
      const end = periodEnd(start, clock, cal)
      expect(end >= nominal).toBe(true)
      expect(isWorkingDay(end, cal)).toBe(true)
      for (let d = nominal; d < end; d = nextDate(d)) expect(isWorkingDay(d, cal)).toBe(false)
    },
  )

  test.prop([day, fc.integer({ min: 1, max: 24 })])(
    'months keep the day, or take the month’s last',
    (start, n) => {
      const out = addMonths(start, n)
      const [y, m, d] = start.split('-').map(Number) as [number, number, number]
      const [oy, om, od] = out.split('-').map(Number) as [number, number, number]
      expect((oy - y) * 12 + (om - m)).toBe(n)
      const last = new Date(Date.UTC(oy, om, 0)).getUTCDate()
      expect(od).toBe(Math.min(d, last))
    },
  )
})
