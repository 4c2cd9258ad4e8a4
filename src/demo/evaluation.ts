// Evaluation in the demo (监督评价, A17), once: both platforms send their figures for the last four months — platform
// A steady and improving, platform B slipping (slower decisions, more overdue reports, too few reviewers) — as the
// signed `metrics.submitted` they send at each month's end; these months come before the demo's own content, so
// their figures are written here rather than computed. Residents answer the public survey, the health commission
// and an enterprise give their scores, and the supervisor runs last month's evaluation and publishes it; this
// month's is run as a draft, so the county scorecards show the public reports already received.
import { transaction } from '../core/db/index.ts'
import { lastPeriods, type Period, periodContaining } from '../core/periods.ts'
import { type PlatformMetrics, sendMetrics } from '../platform/metrics/index.ts'
import {
  listEvaluations,
  publishEvaluation,
  recordStakeholderInput,
  runEvaluation,
  submitSurvey,
} from '../regulator/evaluation/index.ts'
import type { RunningNode } from '../server/start.ts'
import { staffActor } from './regulator-work.ts'

const DAY_MS = 86_400_000

interface Month {
  received: number
  overdue: number
  inTimeShare: number
  medianHours: number
  clarifications: number
  clarificationMinutes: number
  orders: number
  ordersInTime: number
  roster: number
  daysBelow: number
  screened: number
  appeals: number
  overturned: number
  disposals: number
  items: number
}

/** Oldest month first. */
const HISTORY: Record<string, Month[]> = {
  'platform-a': [
    {
      received: 312,
      overdue: 3,
      inTimeShare: 0.93,
      medianHours: 6.5,
      clarifications: 3,
      clarificationMinutes: 18,
      orders: 1,
      ordersInTime: 1,
      roster: 8,
      daysBelow: 2,
      screened: 398_000,
      appeals: 21,
      overturned: 3,
      disposals: 27,
      items: 188,
    },
    {
      received: 287,
      overdue: 2,
      inTimeShare: 0.95,
      medianHours: 5.8,
      clarifications: 2,
      clarificationMinutes: 14,
      orders: 0,
      ordersInTime: 0,
      roster: 8,
      daysBelow: 1,
      screened: 402_500,
      appeals: 18,
      overturned: 2,
      disposals: 22,
      items: 150,
    },
    {
      received: 340,
      overdue: 1,
      inTimeShare: 0.96,
      medianHours: 4.9,
      clarifications: 4,
      clarificationMinutes: 11,
      orders: 2,
      ordersInTime: 2,
      roster: 9,
      daysBelow: 0,
      screened: 431_200,
      appeals: 25,
      overturned: 2,
      disposals: 35,
      items: 240,
    },
    {
      received: 305,
      overdue: 1,
      inTimeShare: 0.97,
      medianHours: 4.2,
      clarifications: 3,
      clarificationMinutes: 9,
      orders: 1,
      ordersInTime: 1,
      roster: 9,
      daysBelow: 0,
      screened: 415_800,
      appeals: 19,
      overturned: 1,
      disposals: 30,
      items: 205,
    },
  ],
  'platform-b': [
    {
      received: 198,
      overdue: 6,
      inTimeShare: 0.86,
      medianHours: 14.2,
      clarifications: 2,
      clarificationMinutes: 42,
      orders: 1,
      ordersInTime: 1,
      roster: 3,
      daysBelow: 8,
      screened: 236_000,
      appeals: 12,
      overturned: 3,
      disposals: 14,
      items: 96,
    },
    {
      received: 221,
      overdue: 9,
      inTimeShare: 0.82,
      medianHours: 16.8,
      clarifications: 2,
      clarificationMinutes: 55,
      orders: 1,
      ordersInTime: 0,
      roster: 3,
      daysBelow: 11,
      screened: 251_400,
      appeals: 15,
      overturned: 4,
      disposals: 16,
      items: 121,
    },
    {
      received: 260,
      overdue: 14,
      inTimeShare: 0.77,
      medianHours: 19.5,
      clarifications: 3,
      clarificationMinutes: 61,
      orders: 2,
      ordersInTime: 1,
      roster: 3,
      daysBelow: 15,
      screened: 270_900,
      appeals: 17,
      overturned: 6,
      disposals: 19,
      items: 133,
    },
    {
      received: 244,
      overdue: 17,
      inTimeShare: 0.74,
      medianHours: 21.3,
      clarifications: 3,
      clarificationMinutes: 75,
      orders: 2,
      ordersInTime: 0,
      roster: 2,
      daysBelow: 17,
      screened: 262_300,
      appeals: 20,
      overturned: 7,
      disposals: 18,
      items: 127,
    },
  ],
}

function figuresOf(m: Month, p: Period): PlatformMetrics {
  const days = Math.round((p.to.getTime() - p.from.getTime()) / DAY_MS)
  const decided = m.received - m.overdue - 2
  return {
    reports: {
      received: m.received,
      decided,
      decidedInTime: Math.round(decided * m.inTimeShare),
      overdue: m.overdue,
      medianHoursToDecision: m.medianHours,
    },
    clarifications: { disposals: m.clarifications, medianMinutesToAct: m.clarificationMinutes },
    orders: {
      received: m.orders,
      executed: m.orders,
      executedInTime: m.ordersInTime,
      medianHoursToExecute: m.orders > 0 ? (m.ordersInTime === m.orders ? 3.5 : 30) : null,
    },
    staffing: {
      reviewersOnRoster: m.roster,
      itemsPerReviewer: 2000,
      days,
      daysBelowRatio: Math.min(days, m.daysBelow),
      screened: m.screened,
      reviewed: Math.round(m.screened * 0.004),
      backlog: m.overdue,
    },
    appeals: { filed: m.appeals, overturned: m.overturned, dismissed: m.appeals - m.overturned - 1 },
    disposals: { disposals: m.disposals, itemsApplied: m.items },
  }
}

/** Survey answers of last month: platform, county, rumour handling, clarification speed, ease of reporting. */
const ANSWERS: [string, string | undefined, number, number, number][] = [
  ['platform-a', '220502', 5, 4, 5],
  ['platform-a', '220502', 4, 4, 4],
  ['platform-a', '220581', 4, 5, 4],
  ['platform-a', undefined, 5, 4, 4],
  ['platform-b', '220521', 2, 3, 3],
  ['platform-b', '220523', 3, 3, 2],
  ['platform-b', '220582', 2, 4, 3],
  ['platform-b', undefined, 3, 3, 3],
]

export async function seedEvaluation(nodes: RunningNode[]): Promise<void> {
  const regulator = nodes.find((n) => n.config.node.role === 'regulator')
  const platforms = nodes.filter((n) => n.config.node.role === 'platform')
  if (!regulator || platforms.length === 0) return
  if ((await listEvaluations(regulator.database.db, 1)).length > 0) return
  const now = new Date()
  const months = lastPeriods('month', now, 4)
  const lastMonth = months[months.length - 1]
  if (!lastMonth) return

  for (const p of platforms) {
    const history = HISTORY[p.config.node.id]
    if (!history) continue
    const admin = await staffActor(p, 'admin')
    await transaction(p.database.db, async (tx) => {
      for (const [i, period] of months.entries()) {
        const m = history[i]
        if (m) await sendMetrics(tx, admin, p.protocol, period, figuresOf(m, period), now)
      }
    })
    await p.protocol.deliverDue()
  }

  await transaction(regulator.database.db, async (tx) => {
    for (const [i, [platform, county, handling, clarificationSpeed, reporting]] of ANSWERS.entries()) {
      const at = new Date(lastMonth.from.getTime() + (i + 2) * 3 * DAY_MS + 10 * 3_600_000)
      await submitSurvey(
        tx,
        { platform, ...(county ? { county } : {}), handling, clarificationSpeed, reporting },
        at,
      )
    }
  })
  const health = await staffActor(regulator, 'health.officer')
  await transaction(regulator.database.db, (tx) =>
    recordStakeholderInput(tx, health, {
      platform: 'platform-a',
      period: lastMonth.label,
      source: 'department',
      score: 4,
      comment:
        '“东昌区自来水有毒”谣言出现后，平台在接到辟谣信息后十分钟内完成全量排查并加注辟谣标签，配合及时；建议对谐音变体的识别再加强。',
    }),
  )
  const officer = await staffActor(regulator, 'cac.officer')
  await transaction(regulator.database.db, (tx) =>
    recordStakeholderInput(tx, officer, {
      platform: 'platform-b',
      period: lastMonth.label,
      source: 'enterprise',
      enterpriseName: '鸭绿江短视频运营方（平台代表）',
      score: 3,
      comment: '本月举报量上升，审核人员仅两人在岗，已招聘三名审核员，预计下月到岗。',
    }),
  )
  const supervisor = await staffActor(regulator, 'cac.supervisor')
  const run = await transaction(regulator.database.db, (tx) =>
    runEvaluation(tx, supervisor, { period: lastMonth.label }, now),
  )
  await transaction(regulator.database.db, (tx) => publishEvaluation(tx, supervisor, run.id, now))
  await transaction(regulator.database.db, (tx) =>
    runEvaluation(
      tx,
      supervisor,
      { period: periodContaining('month', now).label },
      new Date(now.getTime() + 1000),
    ),
  )
}
