export {
  type FilingDelivery,
  type FilingFilter,
  type FilingItemInput,
  type FilingStatus,
  type FilingView,
  getFiling,
  listFilings,
  type QueueFilingInput,
  queueFiling,
  textDigest,
} from './filings.ts'
export { FilingSender, type FilingSenderOptions, type ReportFiledBody } from './sender.ts'
export type { FilingSummary } from './tables.ts'
