// The statutory clocks of referrals (A20), as data: which step must follow which, within how long, by whom, and the
// provision that says so. Pure: no clock, no database. Dates are calendar dates in China (`YYYY-MM-DD`).
//
// @NOTE Every citation below was written from memory of the texts, not checked against an official copy in this
// project; `fromMemory` says so per clock and docs/referrals.md lists them. A lawyer should confirm each before use.
import { nextDate, offRestDay, type WorkingCalendar } from '../cases/index.ts'

export type ReferralKind = 'criminal' | 'public_interest'

/** How a period is counted. */
export type ClockUnit = 'days' | 'months'

export interface ReferralClock {
  id: string
  kind: ReferralKind
  /** The status whose date starts the clock. */
  from: string
  /** What must happen before the period ends (the step that is overdue otherwise). */
  step: string
  amount: number
  unit: ClockUnit
  /** Who owes the step: the referring organ, the receiving body, the procuratorate, or the addressee of a suggestion. */
  owedBy: 'referring' | 'receiving' | 'procuratorate' | 'addressee'
  /**
   * A right the law gives within the period (asking for reconsideration) rather than a duty: its end closes the
   * window, and is never flagged overdue.
   */
  window: boolean
  citation: string
  textZh: string
  fromMemory: boolean
}

/**
 * Calendar-day periods do not count the first day, and one that ends on a rest day (a weekend or statutory holiday
 * not made a working day) ends on the next working day: 刑事诉讼法 第一百零五条 and 民法典 第二百零一条、第二百零三条,
 * from memory. 310号令 counts in days and says nothing of working days, so these are calendar days.
 */
export const PERIOD_RULE_CITATION =
  '《中华人民共和国刑事诉讼法》第一百零五条；《中华人民共和国民法典》第二百零一条、第二百零二条、第二百零三条'

const R310 = '《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号，2020年8月7日修订）'
const GY = '《最高人民法院 最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释》（2018年，2020年修正）'

export const REFERRAL_CLOCKS: readonly ReferralClock[] = [
  {
    id: 'criminal.decide',
    kind: 'criminal',
    from: 'reported',
    step: 'decided',
    amount: 3,
    unit: 'days',
    owedBy: 'referring',
    window: false,
    citation: `${R310}第五条第一款`,
    textZh:
      '行政执法机关正职负责人或者主持工作的负责人应当自接到报告之日起3日内作出批准移送或者不批准移送的决定',
    fromMemory: true,
  },
  {
    // 24 hours from the decision; kept as one day because the decision is recorded as a date.
    id: 'criminal.transfer',
    kind: 'criminal',
    from: 'decided',
    step: 'sent',
    amount: 1,
    unit: 'days',
    owedBy: 'referring',
    window: false,
    citation: `${R310}第五条第一款`,
    textZh: '决定批准的，应当在24小时内向同级公安机关移送',
    fromMemory: true,
  },
  {
    id: 'criminal.review',
    kind: 'criminal',
    from: 'received',
    step: 'decision',
    amount: 3,
    unit: 'days',
    owedBy: 'receiving',
    window: false,
    citation: `${R310}第八条`,
    textZh:
      '公安机关应当自接受行政执法机关移送的涉嫌犯罪案件之日起3日内进行审查，决定立案的书面通知移送机关；不予立案的，说明理由，书面通知移送机关，相应退回案卷材料',
    fromMemory: true,
  },
  {
    id: 'criminal.reconsideration_window',
    kind: 'criminal',
    from: 'not_filed',
    step: 'reconsideration_requested',
    amount: 3,
    unit: 'days',
    owedBy: 'referring',
    window: true,
    citation: `${R310}第九条`,
    textZh:
      '行政执法机关接到不予立案通知书后，认为应当立案的，可以自接到通知书之日起3日内提请作出不予立案决定的公安机关复议，也可以建议人民检察院依法进行立案监督',
    fromMemory: true,
  },
  {
    id: 'criminal.reconsideration_answer',
    kind: 'criminal',
    from: 'reconsideration_requested',
    step: 'reconsidered',
    amount: 3,
    unit: 'days',
    owedBy: 'receiving',
    window: false,
    citation: `${R310}第九条`,
    textZh:
      '作出不予立案决定的公安机关应当自收到提请复议的文件之日起3日内作出立案或者不予立案的决定，并书面通知移送机关',
    fromMemory: true,
  },
  {
    id: 'criminal.supervision_window',
    kind: 'criminal',
    from: 'not_filed_upheld',
    step: 'supervision_requested',
    amount: 3,
    unit: 'days',
    owedBy: 'referring',
    window: true,
    citation: `${R310}第九条；第十四条（接受人民检察院的监督）`,
    textZh: '对复议决定仍有异议的，应当自收到复议决定通知书之日起3日内建议人民检察院依法进行立案监督',
    fromMemory: true,
  },
  {
    id: 'public_interest.reply',
    kind: 'public_interest',
    from: 'suggestion_issued',
    step: 'replied',
    amount: 2,
    unit: 'months',
    owedBy: 'addressee',
    window: false,
    citation: `${GY}第二十一条；《中华人民共和国行政诉讼法》第二十五条第四款`,
    textZh: '行政机关应当在收到检察建议书之日起两个月内依法履行职责，并书面回复人民检察院',
    fromMemory: true,
  },
  {
    id: 'public_interest.reply_urgent',
    kind: 'public_interest',
    from: 'suggestion_issued_urgent',
    step: 'replied',
    amount: 15,
    unit: 'days',
    owedBy: 'addressee',
    window: false,
    citation: `${GY}第二十一条`,
    textZh: '出现国家利益或者社会公共利益损害继续扩大等紧急情形的，行政机关应当在十五日内书面回复',
    fromMemory: true,
  },
]

export function clockById(id: string): ReferralClock {
  const c = REFERRAL_CLOCKS.find((x) => x.id === id)
  if (!c) throw new RangeError(`no referral clock ${id}`)
  return c
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** The same day `n` months later; the month's last day when it has no such day (民法典 第二百零二条). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + n
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  const nd = Math.min(d, daysInMonth(ny, nm))
  return `${ny}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`
}

/**
 * The last day of a period that starts on `start` (a China date): the first day is not counted, and a last day that
 * is a rest day moves to the next working day.
 */
export function periodEnd(
  start: string,
  clock: Pick<ReferralClock, 'amount' | 'unit'>,
  cal: WorkingCalendar,
): string {
  return offRestDay(
    clock.unit === 'months' ? addMonths(start, clock.amount) : nextDate(start, clock.amount),
    cal,
  )
}
