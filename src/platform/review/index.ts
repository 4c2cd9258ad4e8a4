export {
  CLAIM_MS,
  claimItem,
  DEADLINE_MS,
  type Decision,
  decideItem,
  type HistoryEntry,
  itemHistory,
  type QueueItem,
  reviewQueue,
} from './review.ts'
