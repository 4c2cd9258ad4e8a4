export {
  type AppealQueueEntry,
  type AppealView,
  appealFigures,
  appealQueue,
  decideAppeal,
  fileAppeal,
  myAppeals,
} from './appeals.ts'
