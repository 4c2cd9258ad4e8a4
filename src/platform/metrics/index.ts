export {
  listMetricsSubmissions,
  type MetricsSubmissionView,
  type PlatformMetrics,
  platformMetrics,
  sendMetrics,
  submitDueMetrics,
  submitMetrics,
} from './metrics.ts'
