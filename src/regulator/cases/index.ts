export {
  addCalendarDays,
  addWorkingDays,
  buildCalendar,
  chinaDate,
  endOfChinaDay,
  isDateString,
  isWorkingDay,
  nextDate,
  offRestDay,
  REST_DAY_RULE_CITATION,
  type WorkingCalendar,
  workingDaysBetween,
} from './calendar.ts'
export {
  addCaseDepartment,
  caseNumbersOf,
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
  visibleRow as visibleCase,
  workingCalendar,
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
