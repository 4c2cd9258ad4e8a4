export { type AppendInput, append, appendMany } from './append.ts'
export { type Checkpoint, CheckpointError, openCheckpoint, signCheckpoint } from './checkpoint.ts'
export {
  type EntryFields,
  evidenceDigest,
  type LedgerActor,
  leafHashOf,
  ledgerActor,
  peerActor,
  systemActor,
} from './entry.ts'
export { type Hash, MerkleTree, verifyConsistency, verifyInclusion } from './merkle.ts'
export {
  bindOfficerSigner,
  ensureOfficerKey,
  listOfficerKeys,
  OFFICER_SIGNATURE_ALG,
  type OfficerKeyView,
  type OfficerSignature,
  rotateOfficerKey,
} from './officer-keys.ts'
export { readLog, storedLogSize, verifyStoredLog } from './read-log.ts'
export {
  type EntryInclusion,
  Ledger,
  type LedgerOptions,
  type LedgerStatus,
  type SignedCheckpoint,
} from './service.ts'
export {
  type EntryRow,
  entriesAbout,
  entriesForReview,
  entriesInPeriod,
  firstStaffEntries,
  knownEntryIds,
} from './store.ts'
export {
  LogChecker,
  type OfficerKeyRecord,
  type SequencedEntry,
  type VerifyProblem,
  type VerifyReport,
  verifyLog,
} from './verify.ts'
