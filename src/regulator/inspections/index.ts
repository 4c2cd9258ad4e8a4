export {
  getInspection,
  type InspectionView,
  inspectionAnsweredHandler,
  listInspections,
  type RequestInspectionInput,
  requestInspection,
} from './inspections.ts'
