// The administrative penalty procedure (行政处罚法, 2021) as data: its steps in order, what may follow what, and the
// statutory clocks. Pure: dates are China calendar dates (YYYY-MM-DD) and the working-day calendar is an argument.
//
// 立案 → 调查 → 告知 → (陈述申辩 | 听证) → 法制审核 → 决定 → 送达 → 执行 → 公示
//
// Honest sources: the article numbers and periods below are those of the Administrative Penalty Law as revised in
// 2021, written from memory of its text and to be checked against the published law; 第八十五条 ("本法中'二日''三日'
// '五日''七日'的规定是指工作日，不含法定节假日") is why the five- and seven-day periods count working days. The 90-day
// and 15-day periods are calendar days, and like every period so counted end on the next working day when their last
// day is a rest day (民法典第二百零三条; cases/calendar.ts). The publication period (seven working days after the decision) comes from
// the State Council's 2018 guidance on publishing enforcement decisions (国办发〔2018〕118号), also from memory.
import { addCalendarDays, addWorkingDays, type WorkingCalendar } from '../cases/index.ts'

export const STEPS = [
  'opened',
  'investigated',
  'notified',
  'legal_reviewed',
  'decided',
  'served',
  'executed',
  'published',
] as const
export type Step = (typeof STEPS)[number]

export const STEP_LABELS: Record<Step, { zh: string; en: string }> = {
  opened: { zh: '立案', en: 'Opened' },
  investigated: { zh: '调查终结', en: 'Investigated' },
  notified: { zh: '告知', en: 'Notified' },
  legal_reviewed: { zh: '法制审核', en: 'Legal review' },
  decided: { zh: '决定', en: 'Decided' },
  served: { zh: '送达', en: 'Served' },
  executed: { zh: '执行', en: 'Executed' },
  published: { zh: '公示', en: 'Published' },
}

export interface Clock {
  id: string
  /** The step whose time runs out. */
  step: string
  days: number
  unit: 'working' | 'calendar'
  /** Counted from which recorded date. */
  from: string
  citation: string
}

/** Every clock of the procedure, with the provision it rests on. */
export const CLOCKS = {
  hearingRequest: {
    id: 'hearingRequest',
    step: 'statement',
    days: 5,
    unit: 'working',
    from: 'notified',
    citation:
      '行政处罚法第六十四条第一项：当事人要求听证的，应当在行政机关告知后五日内提出；第八十五条：五日指工作日',
  },
  hearingNotice: {
    id: 'hearingNotice',
    step: 'hearing',
    days: 7,
    unit: 'working',
    from: 'hearingNoticed',
    citation:
      '行政处罚法第六十四条第二项：行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点',
  },
  decision: {
    id: 'decision',
    step: 'decided',
    days: 90,
    unit: 'calendar',
    from: 'opened',
    citation:
      '行政处罚法第六十条：行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定（法律另有规定的除外）',
  },
  service: {
    id: 'service',
    step: 'served',
    days: 7,
    unit: 'working',
    from: 'decided',
    citation:
      '行政处罚法第六十一条：当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定将行政处罚决定书送达当事人；第八十五条',
  },
  payment: {
    id: 'payment',
    step: 'executed',
    days: 15,
    unit: 'calendar',
    from: 'served',
    citation:
      '行政处罚法第六十七条：当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款',
  },
  publication: {
    id: 'publication',
    step: 'published',
    days: 7,
    unit: 'working',
    from: 'decided',
    citation:
      '行政处罚法第四十八条：具有一定社会影响的行政处罚决定应当依法公开；国办发〔2018〕118号：行政执法决定作出之日起7个工作日内公开',
  },
} as const satisfies Record<string, Clock>

/** Administrative review within 60 days (行政复议法第二十条), litigation within six months (行政诉讼法第四十六条). */
export const REMEDIES = {
  reviewDays: 60,
  reviewCitation:
    '《中华人民共和国行政复议法》第二十条：自知道或者应当知道该行政行为之日起六十日内提出行政复议申请',
  litigationMonths: 6,
  litigationCitation:
    '《中华人民共和国行政诉讼法》第四十六条：自知道或者应当知道作出行政行为之日起六个月内提出',
} as const

export function dueDate(clock: Clock, from: string, calendar: WorkingCalendar): string {
  // calendar-day periods end on a working day (民法典第二百零三条, cases/calendar.ts offRestDay)
  return clock.unit === 'working'
    ? addWorkingDays(from, clock.days, calendar)
    : addCalendarDays(from, clock.days, calendar)
}

/** What a case has recorded, as China dates, for the procedure's checks. */
export interface ProcedureState {
  step: Step
  openedOn: string
  notifiedOn: string | null
  decidedOn: string | null
  servedOn: string | null
  /** The proposed measures give the party the right to a hearing. */
  hearingRight: boolean
  hearingRequested: boolean
  hearingNoticedOn: string | null
  hearingHeld: boolean
  /** The party stated its case and said it wants no hearing, so the window need not run out. */
  hearingWaived: boolean
  /** 法制审核 did not approve and sent the case back: a corrected notice may be given (告知 again). */
  sentBack: boolean
  revoked: boolean
}

export type Act =
  | 'investigate'
  | 'notify'
  | 'record_statement'
  | 'request_hearing'
  | 'schedule_hearing'
  | 'hold_hearing'
  | 'legal_review'
  | 'decide'
  | 'serve'
  | 'execute'
  | 'publish'
  | 'revoke'

/** The step each act moves the case to (acts inside 告知 leave it there). */
const NEXT: Record<Act, { from: readonly Step[]; to: Step | null }> = {
  investigate: { from: ['opened'], to: 'investigated' },
  // again from 告知 only after 法制审核 sent the case back (a corrected notice restarts the party's window)
  notify: { from: ['investigated', 'notified'], to: 'notified' },
  record_statement: { from: ['notified'], to: null },
  request_hearing: { from: ['notified'], to: null },
  schedule_hearing: { from: ['notified'], to: null },
  hold_hearing: { from: ['notified'], to: null },
  legal_review: { from: ['notified'], to: 'legal_reviewed' },
  decide: { from: ['legal_reviewed'], to: 'decided' },
  serve: { from: ['decided'], to: 'served' },
  execute: { from: ['served'], to: 'executed' },
  publish: { from: ['executed'], to: 'published' },
  revoke: { from: ['decided', 'served', 'executed', 'published'], to: null },
}

export type ProcedureRefusal =
  | 'out_of_order'
  | 'revoked'
  | 'hearing_not_available'
  | 'hearing_window_closed'
  | 'hearing_not_requested'
  | 'hearing_already_requested'
  | 'hearing_not_scheduled'
  | 'hearing_notice_too_short'
  | 'hearing_pending'
  | 'statement_window_open'

/**
 * Whether an act may happen now (on `today`, a China date); null when it may, or why not. `hearingOn` is the date of
 * the hearing being scheduled or held.
 */
export function refuse(
  s: ProcedureState,
  act: Act,
  today: string,
  calendar: WorkingCalendar,
  hearingOn?: string,
): ProcedureRefusal | null {
  if (s.revoked) return 'revoked'
  if (!NEXT[act].from.includes(s.step)) return 'out_of_order'
  const windowEnd = s.notifiedOn ? dueDate(CLOCKS.hearingRequest, s.notifiedOn, calendar) : null
  switch (act) {
    case 'notify':
      if (s.step === 'notified' && !s.sentBack) return 'out_of_order'
      return null
    case 'request_hearing':
      if (!s.hearingRight) return 'hearing_not_available'
      if (s.hearingRequested) return 'hearing_already_requested'
      if (windowEnd && today > windowEnd) return 'hearing_window_closed'
      return null
    case 'schedule_hearing':
      if (!s.hearingRequested) return 'hearing_not_requested'
      if (!hearingOn || hearingOn < dueDate(CLOCKS.hearingNotice, today, calendar))
        return 'hearing_notice_too_short'
      return null
    case 'hold_hearing':
      if (!s.hearingRequested) return 'hearing_not_requested'
      if (!s.hearingNoticedOn) return 'hearing_not_scheduled'
      if (!hearingOn || hearingOn < dueDate(CLOCKS.hearingNotice, s.hearingNoticedOn, calendar))
        return 'hearing_notice_too_short'
      if (today < hearingOn) return 'hearing_notice_too_short'
      return null
    case 'legal_review':
      if (s.hearingRequested && !s.hearingHeld) return 'hearing_pending'
      // the party's time to state its case and ask for a hearing runs out first, unless it has said it wants none
      if (!s.hearingRequested && !s.hearingWaived && windowEnd && today <= windowEnd)
        return 'statement_window_open'
      return null
    default:
      return null
  }
}

export function nextStep(act: Act): Step | null {
  return NEXT[act].to
}

/** The clock running on a case now, and when it runs out; null when none is. */
export function runningClock(
  s: ProcedureState,
  calendar: WorkingCalendar,
): { clock: Clock; due: string } | null {
  if (s.revoked) return null
  switch (s.step) {
    case 'opened':
    case 'investigated':
    case 'notified':
    case 'legal_reviewed':
      return { clock: CLOCKS.decision, due: dueDate(CLOCKS.decision, s.openedOn, calendar) }
    case 'decided':
      return s.decidedOn
        ? { clock: CLOCKS.service, due: dueDate(CLOCKS.service, s.decidedOn, calendar) }
        : null
    case 'served':
      return s.servedOn ? { clock: CLOCKS.payment, due: dueDate(CLOCKS.payment, s.servedOn, calendar) } : null
    case 'executed':
      return s.decidedOn
        ? { clock: CLOCKS.publication, due: dueDate(CLOCKS.publication, s.decidedOn, calendar) }
        : null
    default:
      return null
  }
}
