export {
  afterCommit,
  bindService,
  boundService,
  type Database,
  MIGRATIONS_DIR,
  openDatabase,
  type Tx,
  transaction,
  wrapPglite,
} from './connection.ts'
export { isUniqueViolation } from './pg-errors.ts'
export { nextInSequence, nextYearNumber } from './sequence.ts'
