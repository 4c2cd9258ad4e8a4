export {
  INSPECTED_ACTIONS,
  type InspectionFigures,
  InspectionRequestedSchema,
  inspectionFigures,
  inspectionRequestedHandler,
  listReceivedInspections,
  type ReceivedInspectionView,
} from './inspections.ts'
