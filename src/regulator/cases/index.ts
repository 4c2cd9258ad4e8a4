export { addWorkingDays, buildCalendar, chinaDate, workingDaysBetween } from './calendar.ts'
export {
  addCaseDepartment,
  flagOverdueCases,
  linkCase,
  listCases,
  recordConsultation,
  remindCasesDueSoon,
  routeOnReceipt,
  routePublicReport,
  seesAll,
  setCaseDeadline,
  visibleCaseNumber,
} from './cases.ts'
export { caseCountyFigures } from './figures.ts'
export {
  acceptCaseTransfer,
  caseTransferAnsweredHandler,
  caseTransferredHandler,
  listCaseTransfers,
  refuseCaseTransfer,
  transferCase,
} from './transfers.ts'
