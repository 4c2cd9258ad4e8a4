// The penalty procedure's order and clocks (行政处罚法 2021): steps only in order, no decision without 告知 and
// 法制审核, nor without the hearing the party asked for; the five- and seven-day periods in working days across
// holidays and 调休 days, the 90- and 15-day periods in calendar days.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../cases/index.ts'
import {
  type Act,
  CLOCKS,
  dueDate,
  nextStep,
  type ProcedureState,
  refuse,
  runningClock,
  STEPS,
} from './procedure.ts'

const cal = buildCalendar()

function fresh(openedOn: string, hearingRight: boolean): ProcedureState {
  return {
    step: 'opened',
    openedOn,
    notifiedOn: null,
    decidedOn: null,
    servedOn: null,
    hearingRight,
    hearingRequested: false,
    hearingNoticedOn: null,
    hearingHeld: false,
    hearingWaived: false,
    sentBack: false,
    revoked: false,
  }
}

/** Applies an act the way the use cases do: refused acts change nothing. */
function apply(s: ProcedureState, act: Act, today: string, hearingOn?: string): ProcedureState | null {
  if (refuse(s, act, today, cal, hearingOn)) return null
  const next = { ...s, step: nextStep(act) ?? s.step }
  if (act === 'notify') Object.assign(next, { notifiedOn: today, sentBack: false, hearingRequested: false })
  if (act === 'request_hearing') next.hearingRequested = true
  if (act === 'schedule_hearing') next.hearingNoticedOn = today
  if (act === 'hold_hearing') next.hearingHeld = true
  if (act === 'record_statement') next.hearingWaived = true
  if (act === 'decide') next.decidedOn = today
  if (act === 'serve') next.servedOn = today
  if (act === 'revoke') next.revoked = true
  return next
}

describe('clocks', () => {
  it('five working days to ask for a hearing skip the National Day holiday and count the 调休 Saturday', () => {
    // notified Wednesday 2026-09-30; 10-01..07 holiday; 10-08 Thu, 10-09 Fri, 10-10 Sat (调休上班), 10-12 Mon, 10-13 Tue
    expect(dueDate(CLOCKS.hearingRequest, '2026-09-30', cal)).toBe('2026-10-13')
    // notified Friday 2026-09-18: Sat 09-20 is a make-up working day
    expect(dueDate(CLOCKS.hearingRequest, '2026-09-18', cal)).toBe('2026-09-24')
  })

  it('seven working days to serve the decision across the Spring Festival', () => {
    // decided Thursday 2026-02-12: 02-13, Sat 02-14 (调休), 02-15..23 holiday, 02-24..27, Sat 02-28 (调休)
    expect(dueDate(CLOCKS.service, '2026-02-12', cal)).toBe('2026-02-28')
  })

  it('ninety calendar days to decide, fifteen to pay', () => {
    expect(dueDate(CLOCKS.decision, '2026-01-10', cal)).toBe('2026-04-10')
    expect(dueDate(CLOCKS.payment, '2026-09-30', cal)).toBe('2026-10-15')
    // a last day on a rest day moves to the next working day: served 09-16, the 15th day is 10-01 (国庆节) → 10-08
    expect(dueDate(CLOCKS.payment, '2026-09-16', cal)).toBe('2026-10-08')
    // opened 2026-01-05: the 90th day is Sunday 04-05, in the 清明节 holiday (04-04..06) → Tuesday 04-07
    expect(dueDate(CLOCKS.decision, '2026-01-05', cal)).toBe('2026-04-07')
  })

  it('the clock that runs follows the step', () => {
    const s = fresh('2026-03-02', true)
    expect(runningClock(s, cal)?.clock.id).toBe('decision')
    expect(runningClock({ ...s, step: 'decided', decidedOn: '2026-03-20' }, cal)).toMatchObject({
      clock: { id: 'service' },
      due: '2026-03-31',
    })
    expect(runningClock({ ...s, step: 'published' }, cal)).toBeNull()
  })
})

describe('order', () => {
  it('告知 again only after 法制审核 sent the case back', () => {
    const s = { ...fresh('2026-03-02', false), step: 'notified' as const, notifiedOn: '2026-03-03' }
    expect(refuse(s, 'notify', '2026-03-20', cal)).toBe('out_of_order')
    expect(refuse({ ...s, sentBack: true }, 'notify', '2026-03-20', cal)).toBeNull()
    expect(refuse({ ...s, step: 'legal_reviewed', sentBack: true }, 'notify', '2026-03-20', cal)).toBe(
      'out_of_order',
    )
  })

  it('the hearing: asked for within five working days, noticed seven working days ahead, held before review', () => {
    let s = fresh('2026-06-01', true)
    s = apply(s, 'investigate', '2026-06-02') as ProcedureState
    expect(refuse(s, 'decide', '2026-06-03', cal)).toBe('out_of_order')
    s = apply(s, 'notify', '2026-06-03') as ProcedureState
    expect(refuse(s, 'request_hearing', '2026-06-11', cal)).toBe('hearing_window_closed')
    s = apply(s, 'request_hearing', '2026-06-10') as ProcedureState
    expect(refuse(s, 'legal_review', '2026-06-11', cal)).toBe('hearing_pending')
    // 端午 06-19..21: seven working days after 06-11 is 06-23
    expect(refuse(s, 'schedule_hearing', '2026-06-11', cal, '2026-06-22')).toBe('hearing_notice_too_short')
    s = apply(s, 'schedule_hearing', '2026-06-11', '2026-06-23') as ProcedureState
    expect(refuse(s, 'hold_hearing', '2026-06-22', cal, '2026-06-23')).toBe('hearing_notice_too_short')
    s = apply(s, 'hold_hearing', '2026-06-23', '2026-06-23') as ProcedureState
    expect(refuse(s, 'legal_review', '2026-06-24', cal)).toBeNull()
  })

  it('without a hearing, review waits for the window unless the party waived it; no hearing without the right', () => {
    let s = fresh('2026-06-01', false)
    s = apply(
      apply(s, 'investigate', '2026-06-01') as ProcedureState,
      'notify',
      '2026-06-01',
    ) as ProcedureState
    expect(refuse(s, 'request_hearing', '2026-06-02', cal)).toBe('hearing_not_available')
    expect(refuse(s, 'legal_review', '2026-06-08', cal)).toBe('statement_window_open')
    expect(refuse(s, 'legal_review', '2026-06-09', cal)).toBeNull()
    expect(refuse({ ...s, hearingWaived: true }, 'legal_review', '2026-06-02', cal)).toBeNull()
  })

  const act = fc.constantFrom<Act>(
    'investigate',
    'notify',
    'record_statement',
    'request_hearing',
    'schedule_hearing',
    'hold_hearing',
    'legal_review',
    'decide',
    'serve',
    'execute',
    'publish',
    'revoke',
  )

  it('property: any sequence of acts on any days keeps the steps in order; a decision always follows 告知 and 法制审核, and the hearing when asked for', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(act, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), {
          maxLength: 40,
        }),
        (right, acts) => {
          let s = fresh('2026-01-05', right)
          let day = '2026-01-05'
          const seen: string[] = ['opened']
          let hearingRequestedBeforeDecision = false
          let hearingHeldBeforeDecision = false
          for (const [a, gap, ahead] of acts) {
            day = dueDate({ ...CLOCKS.decision, days: gap || 1 }, day, cal)
            const next = apply(s, a, day, dueDate({ ...CLOCKS.decision, days: ahead || 1 }, day, cal))
            if (!next) continue
            if (a === 'decide') {
              expect(seen).toContain('notified')
              expect(seen).toContain('legal_reviewed')
              if (hearingRequestedBeforeDecision) expect(hearingHeldBeforeDecision).toBe(true)
            }
            if (a === 'request_hearing') hearingRequestedBeforeDecision = true
            if (a === 'hold_hearing') hearingHeldBeforeDecision = true
            if (next.step !== s.step) {
              // steps only move forward, one at a time
              expect(STEPS.indexOf(next.step)).toBe(STEPS.indexOf(s.step) + 1)
              seen.push(next.step)
            }
            s = next
          }
        },
      ),
      { numRuns: 1000 },
    )
  })
})
