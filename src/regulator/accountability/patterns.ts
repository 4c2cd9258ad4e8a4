// Unusual patterns in officers' work (A27), as data: each rule is a threshold a supervisor can read and explain,
// evaluated over the acts of the ledger. Pure: the acts, the rules and the working-day test are arguments.

/** One act of a person, as the ledger recorded it. */
export interface Act {
  entryId: string
  staffId: string
  name: string
  organisationId: string | null
  action: string
  subject: { type: string; id: string }
  at: Date
}

export type PatternRule =
  | {
      id: 'seal_openings_week'
      kind: 'seal_openings'
      /** Fires when one officer opens more than this many seals within `windowDays`. */
      max: number
      windowDays: number
      actions: readonly string[]
    }
  | {
      id: 'off_hours'
      kind: 'off_hours'
      /** Fires when one officer acts at least this many times on non-working days or outside working hours. */
      min: number
      /** Working hours in China time: from `startHour` (inclusive) to `endHour` (exclusive). */
      startHour: number
      endHour: number
    }
  | {
      id: 'rapid_closures'
      kind: 'rapid_closures'
      /** Fires when one officer closes at least this many matters within `windowMinutes`. */
      min: number
      windowMinutes: number
      actions: readonly string[]
    }
  | {
      id: 'own_draft_decided'
      kind: 'own_draft'
      /** An officer decides or approves (`decided`) what they drafted or proposed themselves (`drafted`). */
      drafted: readonly string[]
      decided: readonly string[]
    }

/**
 * Every opening of a seal a supervisor must see: a reporter's identity (public reports), an individual's identity
 * in a case (referrals), sealed retained content.
 */
export const SEAL_ACTIONS = [
  'public_report.identity_unsealed',
  'case.individual_identity_unsealed',
  'retention.opened',
] as const

/** The rules in force, with their thresholds. */
export const PATTERN_RULES: readonly PatternRule[] = [
  { id: 'seal_openings_week', kind: 'seal_openings', max: 3, windowDays: 7, actions: SEAL_ACTIONS },
  { id: 'off_hours', kind: 'off_hours', min: 3, startHour: 8, endHour: 18 },
  {
    id: 'rapid_closures',
    kind: 'rapid_closures',
    min: 5,
    windowMinutes: 10,
    actions: ['public_report.closed', 'case.closed'],
  },
  {
    id: 'own_draft_decided',
    kind: 'own_draft',
    drafted: ['.drafted', '.proposed'],
    decided: ['.decided', '.approved'],
  },
]

/** Why a rule fired, in both languages, with the acts that made it fire. */
export interface PatternHit {
  ruleId: PatternRule['id']
  staffId: string
  name: string
  organisationId: string | null
  entryIds: string[]
  at: Date
  subject: { type: string; id: string } | null
  zh: string
  en: string
}

const CHINA_OFFSET_MS = 8 * 3_600_000
const chinaTime = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS)
const chinaDate = (at: Date) => chinaTime(at).toISOString().slice(0, 10)
const chinaClock = (at: Date) => chinaTime(at).toISOString().slice(0, 16).replace('T', ' ')

function byOfficer(acts: readonly Act[]): Map<string, Act[]> {
  const m = new Map<string, Act[]>()
  for (const a of acts) {
    const list = m.get(a.staffId)
    if (list) list.push(a)
    else m.set(a.staffId, [a])
  }
  for (const list of m.values()) list.sort((x, y) => x.at.getTime() - y.at.getTime())
  return m
}

/**
 * The smallest runs of at least `count` acts within `windowMs`, without overlap: the first run starts at the
 * earliest act that begins one; the next is looked for after it.
 */
function dense(acts: readonly Act[], count: number, windowMs: number): Act[][] {
  const runs: Act[][] = []
  let i = 0
  while (i + count <= acts.length) {
    const first = acts[i] as Act
    const last = acts[i + count - 1] as Act
    if (last.at.getTime() - first.at.getTime() < windowMs) {
      // Take every further act that still falls inside the window of the first.
      let j = i + count
      while (j < acts.length && (acts[j] as Act).at.getTime() - first.at.getTime() < windowMs) j++
      runs.push(acts.slice(i, j))
      i = j
    } else i++
  }
  return runs
}

/** Every hit of every rule over these acts. `isWorkingDay` takes a China date (`YYYY-MM-DD`). */
export function evaluatePatterns(
  acts: readonly Act[],
  rules: readonly PatternRule[],
  isWorkingDay: (date: string) => boolean,
): PatternHit[] {
  const hits: PatternHit[] = []
  const officers = byOfficer(acts)
  const hit = (
    rule: PatternRule,
    run: readonly Act[],
    zh: string,
    en: string,
    subject: Act['subject'] | null = null,
  ) => {
    const first = run[0] as Act
    hits.push({
      ruleId: rule.id,
      staffId: first.staffId,
      name: first.name,
      organisationId: first.organisationId,
      entryIds: run.map((a) => a.entryId),
      at: (run.at(-1) as Act).at,
      subject,
      zh,
      en,
    })
  }
  for (const rule of rules) {
    for (const list of officers.values()) {
      switch (rule.kind) {
        case 'seal_openings': {
          const opened = list.filter((a) => rule.actions.includes(a.action))
          for (const run of dense(opened, rule.max + 1, rule.windowDays * 86_400_000)) {
            hit(
              rule,
              run,
              `${rule.windowDays} 日内开启密封 ${run.length} 次（阈值：超过 ${rule.max} 次），自 ${chinaClock(run[0]!.at)} 起`,
              `${run.length} seals opened within ${rule.windowDays} days (threshold: more than ${rule.max}), from ${chinaClock(run[0]!.at)}`,
            )
          }
          break
        }
        case 'off_hours': {
          const off = list.filter((a) => {
            const hour = chinaTime(a.at).getUTCHours()
            return !isWorkingDay(chinaDate(a.at)) || hour < rule.startHour || hour >= rule.endHour
          })
          if (off.length >= rule.min) {
            const times = off
              .slice(0, 5)
              .map((a) => chinaClock(a.at))
              .join('、')
            hit(
              rule,
              off,
              `非工作日或工作时间（${rule.startHour}:00–${rule.endHour}:00）以外履职 ${off.length} 次（阈值：${rule.min} 次）：${times}${off.length > 5 ? ' 等' : ''}`,
              `${off.length} acts on non-working days or outside ${rule.startHour}:00–${rule.endHour}:00 (threshold: ${rule.min}): ${times}${off.length > 5 ? ' …' : ''}`,
            )
          }
          break
        }
        case 'rapid_closures': {
          const closed = list.filter((a) => rule.actions.includes(a.action))
          for (const run of dense(closed, rule.min, rule.windowMinutes * 60_000)) {
            hit(
              rule,
              run,
              `${rule.windowMinutes} 分钟内办结 ${run.length} 件（阈值：${rule.min} 件），自 ${chinaClock(run[0]!.at)} 起`,
              `${run.length} matters closed within ${rule.windowMinutes} minutes (threshold: ${rule.min}), from ${chinaClock(run[0]!.at)}`,
            )
          }
          break
        }
        case 'own_draft': {
          const drafted = new Map<string, Act>()
          for (const a of list) {
            const key = `${a.subject.type}:${a.subject.id}`
            if (rule.drafted.some((s) => a.action.endsWith(s))) drafted.set(key, drafted.get(key) ?? a)
            else if (rule.decided.some((s) => a.action.endsWith(s))) {
              const d = drafted.get(key)
              if (d) {
                hit(
                  rule,
                  [d, a],
                  `本人起草（${d.action}）后又由本人决定或批准（${a.action}）`,
                  `drafted (${d.action}) and then decided or approved (${a.action}) by the same person`,
                  a.subject,
                )
                drafted.delete(key)
              }
            }
          }
          break
        }
      }
    }
  }
  return hits
}
