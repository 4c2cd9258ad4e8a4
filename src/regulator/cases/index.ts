export {
  addWorkingDays,
  buildCalendar,
  chinaDate,
  endOfChinaDay,
  isDateString,
  nextDate,
  type WorkingCalendar,
  workingDaysBetween,
} from './calendar.ts'
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
  workingCalendar,
} from './cases.ts'
export {
  acceptCaseTransfer,
  caseTransferAnsweredHandler,
  caseTransferredHandler,
  listCaseTransfers,
  refuseCaseTransfer,
  transferCase,
} from './transfers.ts'
