export {
  listMetricsSubmissions,
  type MetricsSubmissionView,
  type PlatformMetrics,
  platformMetrics,
  submitDueMetrics,
  submitMetrics,
} from './metrics.ts'
