export {
  type CoverageView,
  getPatrol,
  listPatrols,
  lookDailyFigures,
  PATROL_CHUNK,
  type PatrolRunView,
  patrolChunk,
  patrolCoverage,
  publishRulesAndPatrol,
  recordLook,
  runningPatrols,
  type SampleItem,
  samplePatrol,
  startPatrol,
} from './patrol.ts'
export { PATROL_QUEUE, PatrolWorker } from './worker.ts'
