// The evaluation's arithmetic (A17), pure: each indicator's raw value is normalised to 0–100 between its `worst`
// and `best` values (either way round: `direction` says whether more is better), and a scorecard's total is the
// weighted mean of the indicators that have a value (an indicator without data is left out, not scored zero).

export type IndicatorScope = 'platform' | 'county'

/** The raw figures an indicator can read. */
export const INDICATOR_KEYS = {
  platform: [
    'reports_in_time',
    'report_median_hours',
    'clarification_minutes',
    'orders_in_time',
    'staffing_ratio',
    'appeals_overturned',
    'penalties',
    'survey_score',
    'stakeholder_score',
  ],
  county: ['county_reports_in_time', 'county_median_hours', 'county_cases_closed', 'county_survey_score'],
} as const
export type IndicatorKey = (typeof INDICATOR_KEYS)[IndicatorScope][number]

export interface Indicator {
  key: IndicatorKey
  scope: IndicatorScope
  nameZh: string
  nameEn: string
  /** `higher` (more is better) or `lower`. */
  direction: 'higher' | 'lower'
  /** Linear normalisation: `best` scores 100, `worst` scores 0, beyond either is clamped. */
  best: number
  worst: number
  weight: number
}

export const DEFAULT_INDICATORS: Indicator[] = [
  {
    key: 'reports_in_time',
    scope: 'platform',
    nameZh: '举报按时处理率',
    nameEn: 'Reports decided in time',
    direction: 'higher',
    best: 1,
    worst: 0.5,
    weight: 20,
  },
  {
    key: 'report_median_hours',
    scope: 'platform',
    nameZh: '举报处理时长中位数（小时）',
    nameEn: 'Median hours to decide a report',
    direction: 'lower',
    best: 2,
    worst: 48,
    weight: 10,
  },
  {
    key: 'clarification_minutes',
    scope: 'platform',
    nameZh: '辟谣响应时长中位数（分钟）',
    nameEn: 'Median minutes to act on a clarification',
    direction: 'lower',
    best: 5,
    worst: 120,
    weight: 15,
  },
  {
    key: 'orders_in_time',
    scope: 'platform',
    nameZh: '指令按期执行率',
    nameEn: 'Orders executed on time',
    direction: 'higher',
    best: 1,
    worst: 0,
    weight: 15,
  },
  {
    key: 'staffing_ratio',
    scope: 'platform',
    nameZh: '审核人员配比达标率',
    nameEn: 'Days meeting the reviewer ratio',
    direction: 'higher',
    best: 1,
    worst: 0.5,
    weight: 10,
  },
  {
    key: 'appeals_overturned',
    scope: 'platform',
    nameZh: '申诉改判率',
    nameEn: 'Appeals overturned',
    direction: 'lower',
    best: 0,
    worst: 0.5,
    weight: 5,
  },
  {
    key: 'penalties',
    scope: 'platform',
    nameZh: '行政处罚次数',
    nameEn: 'Penalties decided',
    direction: 'lower',
    best: 0,
    worst: 3,
    weight: 10,
  },
  {
    key: 'survey_score',
    scope: 'platform',
    nameZh: '公众满意度（1–5）',
    nameEn: 'Public survey score (1–5)',
    direction: 'higher',
    best: 5,
    worst: 1,
    weight: 10,
  },
  {
    key: 'stakeholder_score',
    scope: 'platform',
    nameZh: '部门与企业评价（1–5）',
    nameEn: 'Department and enterprise score (1–5)',
    direction: 'higher',
    best: 5,
    worst: 1,
    weight: 5,
  },
  {
    key: 'county_reports_in_time',
    scope: 'county',
    nameZh: '公众举报按期办结率',
    nameEn: 'Public reports closed in time',
    direction: 'higher',
    best: 1,
    worst: 0.5,
    weight: 40,
  },
  {
    key: 'county_median_hours',
    scope: 'county',
    nameZh: '公众举报办结时长中位数（小时）',
    nameEn: 'Median hours to close a public report',
    direction: 'lower',
    best: 24,
    worst: 360,
    weight: 25,
  },
  {
    key: 'county_cases_closed',
    scope: 'county',
    nameZh: '案件办结率',
    nameEn: 'Cases closed',
    direction: 'higher',
    best: 1,
    worst: 0,
    weight: 20,
  },
  {
    key: 'county_survey_score',
    scope: 'county',
    nameZh: '辖区公众满意度（1–5）',
    nameEn: 'Public survey score in the county (1–5)',
    direction: 'higher',
    best: 5,
    worst: 1,
    weight: 15,
  },
]

/** Why a set of indicators cannot be used, or null when it can. */
export function indicatorProblem(set: readonly Indicator[]): string | null {
  const seen = new Set<string>()
  for (const i of set) {
    if (!(INDICATOR_KEYS[i.scope] as readonly string[]).includes(i.key)) return `${i.key}: scope`
    if (seen.has(i.key)) return `${i.key}: twice`
    seen.add(i.key)
    if (i.best === i.worst) return `${i.key}: best = worst`
    if ((i.direction === 'higher') !== i.best > i.worst) return `${i.key}: direction`
    if (!(i.weight >= 0)) return `${i.key}: weight`
  }
  for (const scope of ['platform', 'county'] as const) {
    if (!set.some((i) => i.scope === scope && i.weight > 0)) return `${scope}: no weight`
  }
  return null
}

/** 0–100, one decimal. */
export function normalise(i: Pick<Indicator, 'best' | 'worst'>, value: number): number {
  const t = (value - i.worst) / (i.best - i.worst)
  return Math.round(Math.min(1, Math.max(0, t)) * 1000) / 10
}

export interface Scorecard {
  /** A platform node id or a county code. */
  id: string
  nameZh: string
  nameEn: string
  raw: Record<string, number | null>
  scores: Record<string, number | null>
  total: number | null
}

export function scorecard(
  subject: { id: string; nameZh: string; nameEn: string },
  indicators: readonly Indicator[],
  raw: Record<string, number | null>,
): Scorecard {
  const scores: Record<string, number | null> = {}
  let sum = 0
  let weights = 0
  for (const i of indicators) {
    const v = raw[i.key]
    if (v === null || v === undefined) {
      scores[i.key] = null
      continue
    }
    const s = normalise(i, v)
    scores[i.key] = s
    sum += s * i.weight
    weights += i.weight
  }
  const rawOf: Record<string, number | null> = {}
  for (const i of indicators) rawOf[i.key] = raw[i.key] ?? null
  return {
    ...subject,
    raw: rawOf,
    scores,
    total: weights > 0 ? Math.round((sum / weights) * 10) / 10 : null,
  }
}

/** a ÷ b, or null when b is 0: no data is not a score. Four decimals. */
export const share = (a: number, b: number): number | null =>
  b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null
export const mean = (xs: readonly number[]): number | null =>
  xs.length > 0 ? Math.round((xs.reduce((a, x) => a + x, 0) / xs.length) * 100) / 100 : null
