export {
  ConventionPublishedSchema,
  conventionPublishedHandler,
  listReceivedConventions,
  type ReceivedConventionView,
  signConvention,
} from './conventions.ts'
