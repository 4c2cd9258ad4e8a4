export { addWorkingDays, buildCalendar, workingDaysBetween } from './calendar.ts'
export { flagOverdueCases } from './cases.ts'
