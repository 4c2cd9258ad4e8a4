// Message handlers: each envelope type is owned by the area that acts on it. An area adds a handler to the list
// the server builder hands to the protocol; this area ships `ping` and the witness of `checkpoint.published`.
import type { TSchema } from 'typebox'
import type { NodeRole } from '../core/config.ts'
import type { Tx } from '../core/db/index.ts'
import type { Envelope } from './envelope.ts'
import type { PeerRow } from './store.ts'

export interface HandlerContext {
  nodeId: string
  peer: PeerRow
  now: Date
  /** Runs `fn` once the transaction that stored the envelope has committed (work that must not hold it open). */
  afterCommit(fn: () => void): void
}

export interface MessageHandler {
  type: string
  /** TypeBox schema the body must satisfy before anything is stored. */
  body: TSchema
  /** Requirement ids served by receiving this message; they go on the ledger entry of its receipt. */
  articles: string[]
  /** Kinds of node that accept this message, and kinds that may send it. */
  receivers: NodeRole[]
  senders: NodeRole[]
  /** Runs in the transaction that stores the envelope and its ledger entry. */
  handle(tx: Tx, envelope: Envelope, ctx: HandlerContext): Promise<void>
}
