// Evaluation periods (A17): a month `2026-10` or a quarter `2026-Q4`, in Tonghua time (UTC+8). Pure.

export type PeriodKind = 'month' | 'quarter'
export interface Period {
  label: string
  kind: PeriodKind
  from: Date
  to: Date
}

const TZ_MS = 8 * 3_600_000
export const PERIOD_RE = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/

const start = (year: number, month0: number): Date => new Date(Date.UTC(year, month0, 1) - TZ_MS)

/** The period a label names, or null when it names none. */
export function parsePeriod(label: string): Period | null {
  const m = PERIOD_RE.exec(label)
  if (!m) return null
  const year = Number(m[1])
  if (m[2]) {
    const month0 = Number(m[2]) - 1
    return { label, kind: 'month', from: start(year, month0), to: start(year, month0 + 1) }
  }
  const q = Number(m[3])
  return { label, kind: 'quarter', from: start(year, (q - 1) * 3), to: start(year, q * 3) }
}

/** The period of `kind` that contains `at`. */
export function periodContaining(kind: PeriodKind, at: Date): Period {
  const local = new Date(at.getTime() + TZ_MS)
  const year = local.getUTCFullYear()
  const month = local.getUTCMonth()
  const label =
    kind === 'month'
      ? `${year}-${String(month + 1).padStart(2, '0')}`
      : `${year}-Q${Math.floor(month / 3) + 1}`
  return parsePeriod(label) as Period
}

/** The period just before `p`, of the same kind. */
export function previousPeriod(p: Period): Period {
  return periodContaining(p.kind, new Date(p.from.getTime() - 1))
}

/** The last `n` ended periods of `kind` before `at`, oldest first. */
export function lastPeriods(kind: PeriodKind, at: Date, n: number): Period[] {
  const out: Period[] = []
  let p = previousPeriod(periodContaining(kind, at))
  for (let i = 0; i < n; i++) {
    out.unshift(p)
    p = previousPeriod(p)
  }
  return out
}
