// Reviewer staffing (A12.2): the figures a regulator asks a platform for — items screened, held and reviewed a day,
// the backlog and its oldest age, reviews per reviewer, and reviewers on duty against the ratio the platform set
// for its volume. A day is a day in Tonghua (UTC+8). Read only: the figures come from the items and looks.
import { can, listStaff } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { contentDailyFigures } from '../content/index.ts'
import { lookDailyFigures } from '../patrol/index.ts'

const DAY_MS = 86_400_000
const TZ_MS = 8 * 3_600_000

export interface StaffingDay {
  /** YYYY-MM-DD in Tonghua time. */
  day: string
  screened: number
  /** Items that went to review that day (an item held twice counts on the day it last went). */
  held: number
  reviewed: number
  looks: number
  /** Reviewers who decided an item or looked at one that day. */
  onDuty: number
  /** ceil(screened ÷ items per reviewer), at least one on a day with items. */
  required: number
  belowRatio: boolean
  perReviewer: { staffId: string; name: string; reviews: number; looks: number }[]
}

export interface StaffingView {
  itemsPerReviewer: number
  /** Staff whose roles let them decide held items, and who are not disabled. */
  reviewersOnRoster: number
  backlog: number
  oldestHeldAt: string | null
  oldestAgeMinutes: number | null
  days: StaffingDay[]
  alerts: { kind: 'below_ratio' | 'backlog_overdue'; day: string | null; zh: string; en: string }[]
}

function dayKey(t: number): string {
  return new Date(t + TZ_MS).toISOString().slice(0, 10)
}

/** How old the oldest held item may be before the backlog itself is an alert: the longest review deadline. */
const BACKLOG_ALERT_MINUTES = 120

export async function staffingFigures(
  tx: Tx,
  opts: { days: number; itemsPerReviewer: number },
  now: Date = new Date(),
): Promise<StaffingView> {
  const local = now.getTime() + TZ_MS
  const todayStart = local - (local % DAY_MS) - TZ_MS
  const since = new Date(todayStart - (opts.days - 1) * DAY_MS)

  const { screened, held, reviews, backlog } = await contentDailyFigures(tx, since)
  const looks = await lookDailyFigures(tx, since)

  const staff = await listStaff(tx)
  const names = new Map(staff.map((s) => [s.id, s.displayName]))
  const days: StaffingDay[] = []
  for (let i = 0; i < opts.days; i++) {
    const day = dayKey(since.getTime() + i * DAY_MS)
    const people = new Map<string, { reviews: number; looks: number }>()
    for (const r of reviews.filter((x) => x.day === day && x.staffId)) {
      const p = people.get(r.staffId as string) ?? { reviews: 0, looks: 0 }
      p.reviews += r.n
      people.set(r.staffId as string, p)
    }
    for (const l of looks.filter((x) => x.day === day)) {
      const p = people.get(l.staffId) ?? { reviews: 0, looks: 0 }
      p.looks += l.n
      people.set(l.staffId, p)
    }
    const s = screened.find((x) => x.day === day)?.n ?? 0
    const required = s === 0 ? 0 : Math.max(1, Math.ceil(s / opts.itemsPerReviewer))
    days.push({
      day,
      screened: s,
      held: held.find((x) => x.day === day)?.n ?? 0,
      reviewed: reviews.filter((x) => x.day === day).reduce((n, x) => n + x.n, 0),
      looks: looks.filter((x) => x.day === day).reduce((n, x) => n + x.n, 0),
      onDuty: people.size,
      required,
      belowRatio: people.size < required,
      perReviewer: [...people.entries()]
        .map(([staffId, p]) => ({ staffId, name: names.get(staffId) ?? staffId, ...p }))
        .sort((a, b) => b.reviews + b.looks - (a.reviews + a.looks)),
    })
  }

  const oldest = backlog.oldest
  const oldestAgeMinutes = oldest ? Math.floor((now.getTime() - oldest.getTime()) / 60_000) : null
  const alerts: StaffingView['alerts'] = []
  for (const d of days.slice(-2)) {
    if (d.belowRatio) {
      alerts.push({
        kind: 'below_ratio',
        day: d.day,
        zh: `${d.day} 在岗审核人员 ${d.onDuty} 人，低于业务量要求的 ${d.required} 人（每人每日 ${opts.itemsPerReviewer} 条）`,
        en: `${d.day}: ${d.onDuty} reviewers on duty, below the ${d.required} the volume requires (${opts.itemsPerReviewer} items each a day)`,
      })
    }
  }
  if (oldestAgeMinutes !== null && oldestAgeMinutes > BACKLOG_ALERT_MINUTES) {
    alerts.push({
      kind: 'backlog_overdue',
      day: null,
      zh: `待审内容积压 ${backlog.held} 条，最早一条已等待 ${oldestAgeMinutes} 分钟`,
      en: `${backlog.held} items wait for review; the oldest has waited ${oldestAgeMinutes} minutes`,
    })
  }
  return {
    itemsPerReviewer: opts.itemsPerReviewer,
    reviewersOnRoster: staff.filter((s) => !s.disabled && can(s.roles, 'review.act')).length,
    backlog: backlog.held,
    oldestHeldAt: oldest?.toISOString() ?? null,
    oldestAgeMinutes,
    days,
    alerts,
  }
}
