export {
  answerClarification,
  ClarificationPublishedSchema,
  clarificationPublishedHandler,
  clarificationRef,
} from './clarification-handler.ts'
export { ContentIndex, type IndexStatus } from './content-index.ts'
export {
  applyDisposalToItem,
  type ConfirmRumorInput,
  confirmRumor,
  type DisposalCategory,
  type DisposalContext,
  type DisposalItemView,
  type DisposalView,
  disposalDetail,
  disposalEvidence,
  disposeItem,
  forgetRetained,
  getDisposal,
  getRumor,
  type HoldView,
  latestDisposalOf,
  listDisposals,
  listLegalHolds,
  listRumors,
  MEASURES,
  type Measure,
  openRetained,
  placeLegalHold,
  purgeExpired,
  RUMOR_SOURCES,
  type RumorSource,
  type RumorView,
  releaseLegalHold,
  retainedText,
} from './disposal.ts'
export { DisposalSchema, MeasuresSchema, RumorSchema } from './schemas.ts'
export { clarificationDisposalFigures, periodFigures as disposalFigures } from './store.ts'
export { DisposalSweeper } from './sweeper.ts'
