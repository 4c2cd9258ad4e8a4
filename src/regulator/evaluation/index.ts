export {
  currentIndicators,
  type EvaluationRunView,
  evaluationFigures,
  getEvaluation,
  listEvaluations,
  listIndicatorSets,
  publishEvaluation,
  recordStakeholderInput,
  reviseIndicators,
  runEvaluation,
  submitSurvey,
} from './evaluation.ts'
export { listPlatformMetrics, type MetricsFigures, metricsSubmittedHandler } from './metrics.ts'
export { DEFAULT_INDICATORS, type Indicator, type Scorecard } from './scoring.ts'
