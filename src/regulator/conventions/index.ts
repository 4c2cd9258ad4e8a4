export {
  ConventionSignedSchema,
  type ConventionView,
  conventionSignedHandler,
  listConventions,
  publishConvention,
} from './conventions.ts'
