export {
  type AppealQueueEntry,
  type AppealView,
  appealQueue,
  decideAppeal,
  fileAppeal,
  myAppeals,
} from './appeals.ts'
