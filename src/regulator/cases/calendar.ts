// Working days (工作日) in the PRC: Monday to Friday, less the statutory holidays, plus the weekend days the State
// Council names as make-up working days (调休). Case supervision (督办, A5.1) counts its deadlines in working days.
// Pure: no clock, no database. Dates are calendar dates in China (`YYYY-MM-DD`, Asia/Shanghai, UTC+8, no DST).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 3_600_000

/** A date that is not what its weekday says: a holiday on a weekday, or a make-up working day on a weekend. */
export interface DayOverride {
  date: string
  working: boolean
  note: string
}

/**
 * 2026, after the State Council General Office's notice on the 2026 holiday schedule (国办发明电〔2025〕7号), as we
 * recall it: operators should check it against the published notice and correct any day through the
 * `working_day_override` table (PUT /api/working-days/:date), which wins over this list. Other years start empty
 * and are entered the same way once the State Council publishes them (usually in November).
 */
export const BUILT_IN_OVERRIDES: readonly DayOverride[] = [
  ...range('2026-01-01', '2026-01-03', false, '元旦'),
  { date: '2026-01-04', working: true, note: '元旦调休上班' },
  { date: '2026-02-14', working: true, note: '春节调休上班' },
  ...range('2026-02-15', '2026-02-23', false, '春节'),
  { date: '2026-02-28', working: true, note: '春节调休上班' },
  ...range('2026-04-04', '2026-04-06', false, '清明节'),
  ...range('2026-05-01', '2026-05-05', false, '劳动节'),
  { date: '2026-05-09', working: true, note: '劳动节调休上班' },
  ...range('2026-06-19', '2026-06-21', false, '端午节'),
  { date: '2026-09-20', working: true, note: '国庆节调休上班' },
  ...range('2026-09-25', '2026-09-27', false, '中秋节'),
  ...range('2026-10-01', '2026-10-07', false, '国庆节'),
  { date: '2026-10-10', working: true, note: '国庆节调休上班' },
]

/** Which dates are overridden: the built-in list, then the operators' entries over it. */
export type WorkingCalendar = ReadonlyMap<string, DayOverride>

export function buildCalendar(operatorOverrides: readonly DayOverride[] = []): WorkingCalendar {
  const m = new Map<string, DayOverride>()
  for (const o of BUILT_IN_OVERRIDES) m.set(o.date, o)
  for (const o of operatorOverrides) m.set(o.date, o)
  return m
}

export function isDateString(s: string): boolean {
  const m = DATE.exec(s)
  if (!m) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

function parse(s: string): number {
  if (!isDateString(s)) throw new RangeError(`not a date: ${s}`)
  return Date.parse(`${s}T00:00:00Z`)
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function nextDate(s: string, days = 1): string {
  return format(parse(s) + days * DAY_MS)
}

function range(from: string, to: string, working: boolean, note: string): DayOverride[] {
  const out: DayOverride[] = []
  for (let d = from; d <= to; d = nextDate(d)) out.push({ date: d, working, note })
  return out
}

/** The calendar date in China of an instant. */
export function chinaDate(at: Date): string {
  return format(at.getTime() + CHINA_OFFSET_MS - ((at.getTime() + CHINA_OFFSET_MS) % DAY_MS))
}

/** The last instant of a date in China (23:59:59.999 +08:00): a deadline "by the end of" that day. */
export function endOfChinaDay(date: string): Date {
  return new Date(parse(date) + DAY_MS - 1 - CHINA_OFFSET_MS)
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const o = calendar.get(date)
  if (o) return o.working
  const weekday = new Date(parse(date)).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** The n-th working day after `date` (n ≥ 1); `date` itself never counts. */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer: ${n}`)
  let d = date
  let left = n
  while (left > 0) {
    d = nextDate(d)
    if (isWorkingDay(d, calendar)) left--
  }
  return d
}

/** Working days after `from` up to and including `to`; negative when `to` comes first. */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar)
  let count = 0
  for (let d = nextDate(from); d <= to; d = nextDate(d)) if (isWorkingDay(d, calendar)) count++
  return count
}

/**
 * A period's last day that falls on a rest day (a weekend or statutory holiday not made a working day) moves to the
 * next working day: 民法典 第二百零三条 (期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日), which
 * periods counted in calendar days follow — the referral clocks (刑事诉讼法 第一百零五条) and the penalty procedure's
 * 90- and 15-day periods (行政处罚法 第八十五条 makes only its 二日、三日、五日、七日 working days). From memory, to be
 * checked.
 */
export const REST_DAY_RULE_CITATION =
  '《中华人民共和国民法典》第二百零一条、第二百零三条；《中华人民共和国刑事诉讼法》第一百零五条；《中华人民共和国行政处罚法》第八十五条'

/** `date` itself when it is a working day, else the first working day after it. */
export function offRestDay(date: string, calendar: WorkingCalendar): string {
  let d = date
  while (!isWorkingDay(d, calendar)) d = nextDate(d)
  return d
}

/** The last day of a period of `days` calendar days from `date` (not counted), moved off a rest day. */
export function addCalendarDays(date: string, days: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer: ${days}`)
  return offRestDay(nextDate(date, days), calendar)
}
