export {
  addIntervention,
  currentModel,
  type FeedItemView,
  FeedService,
  type FeedView,
  type InterventionView,
  type ModelView,
  publishModel,
  recommendationDisclosure,
  recommendationFigures,
} from './feed.ts'
export {
  DEFAULT_RECOMMENDATION_MODEL,
  MAX_ENCOURAGE_BOOST,
  MAX_INTERVENTION_BOUND,
  type RecommendationModelDocument,
} from './model.ts'
export { type Candidate, type FeedIntervention, rankFeed, type WhyReason } from './rank.ts'
