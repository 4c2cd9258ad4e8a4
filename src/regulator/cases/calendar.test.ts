import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  addWorkingDays,
  buildCalendar,
  chinaDate,
  endOfChinaDay,
  isWorkingDay,
  nextDate,
  offRestDay,
  workingDaysBetween,
} from './calendar.ts'

const cal = buildCalendar()

describe('the working-day calendar', () => {
  it('skips weekends', () => {
    // Friday 2026-03-06 + 1 → Monday 2026-03-09.
    expect(addWorkingDays('2026-03-06', 1, cal)).toBe('2026-03-09')
    expect(addWorkingDays('2026-03-06', 5, cal)).toBe('2026-03-13')
    expect(workingDaysBetween('2026-03-06', '2026-03-13', cal)).toBe(5)
    expect(workingDaysBetween('2026-03-13', '2026-03-06', cal)).toBe(-5)
    expect(isWorkingDay('2026-03-07', cal)).toBe(false)
  })

  it('skips a holiday and counts a make-up Saturday', () => {
    // 30 Sep (Wed) + 3: 1–7 Oct are 国庆节, 8 Oct (Thu) 1, 9 Oct (Fri) 2, 10 Oct (Sat, 调休上班) 3.
    expect(addWorkingDays('2026-09-30', 3, cal)).toBe('2026-10-10')
    expect(isWorkingDay('2026-10-01', cal)).toBe(false)
    expect(isWorkingDay('2026-10-10', cal)).toBe(true)
    expect(workingDaysBetween('2026-09-30', '2026-10-12', cal)).toBe(4)
  })

  it('crosses a year, with an operator entering the next year’s holiday', () => {
    // Thu 31 Dec 2026 + 2: without 2027's schedule Fri 1 Jan counts; with it, Mon 4 and Tue 5 Jan.
    expect(addWorkingDays('2026-12-31', 2, cal)).toBe('2027-01-04')
    const with2027 = buildCalendar([{ date: '2027-01-01', working: false, note: '元旦' }])
    expect(addWorkingDays('2026-12-31', 2, with2027)).toBe('2027-01-05')
    expect(workingDaysBetween('2026-12-30', '2027-01-05', with2027)).toBe(3)
  })

  it('lets an operator’s entry win over the built-in list and the weekday', () => {
    const c = buildCalendar([
      { date: '2026-10-01', working: true, note: '更正' },
      { date: '2026-03-09', working: false, note: '测试' },
    ])
    expect(isWorkingDay('2026-10-01', c)).toBe(true)
    expect(isWorkingDay('2026-03-09', c)).toBe(false)
  })

  it('reads instants as dates in China and ends a day at midnight there', () => {
    expect(chinaDate(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01')
    expect(chinaDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30')
    expect(endOfChinaDay('2026-10-10').toISOString()).toBe('2026-10-10T15:59:59.999Z')
    expect(() => addWorkingDays('2026-02-30', 1, cal)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-03-01', 0, cal)).toThrow(RangeError)
  })
})

describe('calendar-day periods', () => {
  it('end on the next working day when their last day is a rest day (民法典第二百零三条)', () => {
    expect(addCalendarDays('2026-09-16', 15, cal)).toBe('2026-10-08') // 10-01..07 国庆节
    expect(addCalendarDays('2026-03-02', 5, cal)).toBe('2026-03-09') // Saturday 03-07 → Monday
    expect(addCalendarDays('2026-09-15', 5, cal)).toBe('2026-09-20') // a Sunday, but a 调休 working day
    expect(offRestDay('2026-10-10', cal)).toBe('2026-10-10') // 调休 Saturday: a working day
  })

  it('property: the end is a working day, never before the plain count, with only rest days between', () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => nextDate('2025-06-01', n))
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), (start, days) => {
        const plain = nextDate(start, days)
        const end = addCalendarDays(start, days, cal)
        expect(isWorkingDay(end, cal)).toBe(true)
        expect(end >= plain).toBe(true)
        for (let d = plain; d < end; d = nextDate(d)) expect(isWorkingDay(d, cal)).toBe(false)
        if (isWorkingDay(plain, cal)) expect(end).toBe(plain)
      }),
    )
  })
})
