export { type Envelope, type SignedEnvelope, signEnvelope, verifyEnvelope } from './envelope.ts'
export type { HandlerContext, MessageHandler } from './handlers.ts'
export {
  type AddPeerInput,
  addPeer,
  ensurePeer,
  getPeer,
  listPeers,
  type PeerView,
  pingHandler,
  retryOutbox,
  type UpdatePeerInput,
  updatePeer,
} from './peers.ts'
export { ProtocolNode, type ProtocolOptions } from './protocol.ts'
export {
  deliveryOf,
  findWitness as findWitnessedCheckpoint,
  lastPublishedSize as lastPublishedCheckpointSize,
  type WitnessRow,
} from './store.ts'
export {
  CheckpointPublishedBody,
  checkpointPublishedHandler,
  type PublishedCheckpoint,
  witnessReportedCheckpoint,
} from './witness.ts'

import { pingHandler } from './peers.ts'
import { checkpointPublishedHandler } from './witness.ts'

/** The handlers this area ships; other areas add theirs beside these in the server builder. */
export const PROTOCOL_HANDLERS = [pingHandler, checkpointPublishedHandler]
