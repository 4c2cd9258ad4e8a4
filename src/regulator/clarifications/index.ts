export {
  approveClarification,
  ClarificationActedSchema,
  type ClarificationView,
  claimReview,
  clarificationActedHandler,
  clarificationIdsAmong,
  cosignClarification,
  type DeliveryView,
  draftClarification,
  getClarification,
  listClarifications,
  type PublicClarification,
  publicClarification,
  publicClarifications,
  publishClarification,
} from './clarifications.ts'
export { type ClarificationActFigures, clarificationActFigures } from './figures.ts'
