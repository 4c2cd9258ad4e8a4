export { addWorkingDays, buildCalendar, workingDaysBetween } from './calendar.ts'
export {
  addCaseDepartment,
  flagOverdueCases,
  listCases,
  recordConsultation,
  routePublicReport,
  setCaseDeadline,
} from './cases.ts'
