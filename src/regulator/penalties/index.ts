export {
  allowedMeasures,
  BOUNDS_VERSIONS,
  boundsInForce,
  MEASURE_KINDS,
  MEASURE_LABELS,
  type Measure,
  type MeasureKind,
  VIOLATIONS,
  validateMeasures,
} from './bounds.ts'
export { decisionHtml } from './decision.ts'
export { DISCLOSURE_RULES, disclosureOf } from './disclosure.ts'
export {
  allowedForCase,
  decidePenaltyCase,
  decisionDocument,
  executePenaltyCase,
  flagOverduePenaltySteps,
  getPenaltyCase,
  holdHearing,
  investigatePenaltyCase,
  legalReview,
  listCreditRecords,
  listPenaltyCases,
  listPublicDisclosures,
  notifyPenaltyCase,
  openCasesForOverdueOrders,
  openPenaltyCase,
  type PenaltyCaseView,
  publishPenaltyCase,
  recordBoundsRefusal,
  recordStatement,
  requestHearing,
  revokePenaltyCase,
  scheduleHearing,
  servePenaltyCase,
} from './penalties.ts'
export { CLOCKS, REMEDIES, STEP_LABELS, STEPS } from './procedure.ts'
