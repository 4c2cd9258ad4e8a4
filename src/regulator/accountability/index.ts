export {
  type AccountabilityRecordView,
  BOUNDS_ACTIONS,
  concludeAccountability,
  type Finding,
  type FindingKind,
  getAccountabilityRecord,
  listAccountabilityRecords,
  MEASURE_LABELS,
  type Measure,
  OVERDUE_ACTIONS,
  recordAccountability,
  type SupervisionView,
  supervisionView,
} from './accountability.ts'
export { PATTERN_RULES, type PatternRule } from './patterns.ts'
