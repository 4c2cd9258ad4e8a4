export { type StaffingDay, type StaffingView, staffingFigures } from './staffing.ts'
