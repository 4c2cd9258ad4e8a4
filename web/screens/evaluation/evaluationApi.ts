// Evaluation (监督评价, A17), regulator only: the figures platforms submitted for each period, the indicators and
// weights (versioned), evaluation runs with their scorecards per platform and per county, the public survey's
// answers and departments' and enterprises' input. The types mirror src/regulator/evaluation/ (routes.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'
import type {
  EvaluationRunView,
  Indicator,
  IndicatorSetView,
  InputBody,
  PlatformMetricsView,
  StakeholderInputView,
  SurveySummary,
} from './types.ts'

export type {
  EvaluationRunView,
  Indicator,
  IndicatorSetView,
  InputBody,
  MetricsFigures,
  PlatformMetricsView,
  Scorecard,
  StakeholderInputView,
  SurveySummary,
  Values,
} from './types.ts'

/** The server's period pattern (src/core/periods.ts). */
export const PERIOD_PATTERN = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/

/** The month before the present one, in Tonghua time: the period most often evaluated. */
export function lastMonthLabel(now = new Date()): string {
  const local = new Date(now.getTime() + 8 * 3_600_000)
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

const keys = {
  metrics: ['evaluation', 'metrics'] as const,
  indicators: ['evaluation', 'indicators'] as const,
  runs: ['evaluation', 'runs'] as const,
  inputs: ['evaluation', 'inputs'] as const,
  survey: (period: string) => ['evaluation', 'survey', period] as const,
}

export function usePlatformMetrics() {
  return useQuery({
    queryKey: keys.metrics,
    queryFn: async () => (await get<Items<PlatformMetricsView>>('/api/platform-metrics')).items,
  })
}

export function useIndicatorSets() {
  return useQuery({
    queryKey: keys.indicators,
    queryFn: async () => (await get<Items<IndicatorSetView>>('/api/evaluation/indicators')).items,
  })
}

export function useEvaluations() {
  return useQuery({
    queryKey: keys.runs,
    queryFn: async () => (await get<Items<EvaluationRunView>>('/api/evaluations')).items,
  })
}

export function useStakeholderInputs() {
  return useQuery({
    queryKey: keys.inputs,
    queryFn: async () => (await get<Items<StakeholderInputView>>('/api/evaluation/inputs')).items,
  })
}

export function useSurveySummary(period: string) {
  return useQuery({
    queryKey: keys.survey(period),
    queryFn: () => get<SurveySummary>(`/api/evaluation/survey?period=${encodeURIComponent(period)}`),
    enabled: PERIOD_PATTERN.test(period),
  })
}

/** Needs `evaluation.manage`. */
export function useRunEvaluation() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (period: string) => post<EvaluationRunView>('/api/evaluations', { period }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.runs }),
  })
}

/** Needs `evaluation.manage`. */
export function usePublishEvaluation() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => post<EvaluationRunView>(`/api/evaluations/${encodeURIComponent(id)}/publish`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.runs }),
  })
}

/** Needs `evaluation.manage`. */
export function useReviseIndicators() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { indicators: Indicator[]; note: string }) =>
      post<IndicatorSetView>('/api/evaluation/indicators', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.indicators }),
  })
}

/** Needs `evaluation.input`. */
export function useRecordInput() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: InputBody) => post<StakeholderInputView>('/api/evaluation/inputs', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.inputs }),
  })
}

/** A run as CSV: one row per platform and per county, a column per indicator (raw value and score) and the total. */
export function runToCsv(run: EvaluationRunView): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v)
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const lines: string[] = []
  for (const scope of ['platform', 'county'] as const) {
    const inds = run.indicators.filter((i) => i.scope === scope)
    lines.push(
      ['scope', 'id', 'name', ...inds.flatMap((i) => [`${i.key}`, `${i.key}_score`]), 'total']
        .map(cell)
        .join(','),
    )
    for (const s of scope === 'platform' ? run.platforms : run.counties) {
      lines.push(
        [
          scope,
          s.id,
          s.nameZh,
          ...inds.flatMap((i) => [s.raw[i.key] ?? null, s.scores[i.key] ?? null]),
          s.total,
        ]
          .map(cell)
          .join(','),
      )
    }
  }
  return `\uFEFF${lines.join('\n')}\n`
}

/** Offers `text` as a file download. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
