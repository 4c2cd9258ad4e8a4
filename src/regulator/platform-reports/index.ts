export {
  getPlatformReport,
  listPlatformReports,
  type PlatformReportDetail,
  type PlatformReportEntryView,
  type PlatformReportView,
  platformReportIdsAmong,
  ReportFiledSchema,
  receiveReport,
  reportFiledHandler,
  reportsAbout,
  type WitnessCheck,
} from './reports.ts'
export type { PlatformReportSummary, ReportEntry } from './tables.ts'
export { entryVerifies, type ReportFiled, type VerifiedReport, verifyReport } from './verify.ts'
