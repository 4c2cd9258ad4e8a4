import { Type } from 'typebox'
import type { Actor } from '../core/auth/index.ts'
import type { NodeRole } from '../core/config.ts'
import type { Tx } from '../core/db/index.ts'
import { DomainError } from '../core/errors.ts'
import { publicKeyFromBase64 } from '../core/node/index.ts'
import { append, type LedgerActor } from '../ledger/index.ts'
import type { MessageHandler } from './handlers.ts'
import * as store from './store.ts'

export interface PeerView {
  nodeId: string
  kind: NodeRole
  nameZh: string
  nameEn: string
  baseUrl: string
  publicKey: string
  status: 'active' | 'suspended'
  createdAt: string
  updatedAt: string
}

function present(r: store.PeerRow): PeerView {
  return {
    nodeId: r.nodeId,
    kind: r.kind as NodeRole,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    baseUrl: r.baseUrl,
    publicKey: r.publicKey,
    status: r.status as PeerView['status'],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

function checkKey(publicKey: string): void {
  try {
    publicKeyFromBase64(publicKey)
  } catch {
    throw new DomainError('VALIDATION_FAILED', { field: 'publicKey' })
  }
}

export interface AddPeerInput {
  nodeId: string
  kind: NodeRole
  nameZh: string
  nameEn: string
  baseUrl: string
  publicKey: string
}

// Peers carry supervision: orders, inspections and reports travel between them (A19).
const PEER_ARTICLES = ['A19.1', 'A19.2']

export async function addPeer(tx: Tx, actor: Actor | LedgerActor, input: AddPeerInput): Promise<PeerView> {
  checkKey(input.publicKey)
  if (await store.findPeer(tx, input.nodeId))
    throw new DomainError('PEER_EXISTS', { field: 'nodeId', nodeId: input.nodeId })
  await store.insertPeer(tx, { ...input, status: 'active' })
  await append(tx, {
    actor,
    action: 'peer.added',
    subject: { type: 'peer', id: input.nodeId },
    articles: PEER_ARTICLES,
    evidence: input,
    details: { kind: input.kind, baseUrl: input.baseUrl, publicKey: input.publicKey },
  })
  return getPeer(tx, input.nodeId)
}

export interface UpdatePeerInput {
  nameZh?: string
  nameEn?: string
  baseUrl?: string
  publicKey?: string
  status?: 'active' | 'suspended'
}

export async function updatePeer(
  tx: Tx,
  actor: Actor | LedgerActor,
  nodeId: string,
  input: UpdatePeerInput,
): Promise<PeerView> {
  const row = await store.findPeer(tx, nodeId)
  if (!row) throw new DomainError('PEER_NOT_FOUND', { nodeId })
  if (input.publicKey !== undefined) checkKey(input.publicKey)
  await store.updatePeer(tx, nodeId, { ...input, updatedAt: new Date() })
  const view = await getPeer(tx, nodeId)
  await append(tx, {
    actor,
    action: input.status === 'suspended' && row.status !== 'suspended' ? 'peer.suspended' : 'peer.updated',
    subject: { type: 'peer', id: nodeId },
    articles: PEER_ARTICLES,
    evidence: view,
    details: {
      changed: Object.keys(input),
      status: view.status,
      baseUrl: view.baseUrl,
      publicKey: view.publicKey,
    },
  })
  return view
}

/** Adds the peer, or brings its address and key up to date when they changed (the demo wires its nodes so). */
export async function ensurePeer(tx: Tx, actor: Actor | LedgerActor, input: AddPeerInput): Promise<PeerView> {
  const row = await store.findPeer(tx, input.nodeId)
  if (!row) return addPeer(tx, actor, input)
  if (row.baseUrl === input.baseUrl && row.publicKey === input.publicKey) return present(row)
  return updatePeer(tx, actor, input.nodeId, { baseUrl: input.baseUrl, publicKey: input.publicKey })
}

export async function getPeer(tx: Tx, nodeId: string): Promise<PeerView> {
  const row = await store.findPeer(tx, nodeId)
  if (!row) throw new DomainError('PEER_NOT_FOUND', { nodeId })
  return present(row)
}

export async function listPeers(tx: Tx): Promise<PeerView[]> {
  return (await store.listPeers(tx)).map(present)
}

/** A signed no-op: proves the channel and both keys work. */
export const pingHandler: MessageHandler = {
  type: 'ping',
  body: Type.Object(
    { message: Type.Optional(Type.String({ maxLength: 200 })) },
    { additionalProperties: false },
  ),
  articles: PEER_ARTICLES,
  receivers: ['regulator', 'platform'],
  senders: ['regulator', 'platform'],
  async handle() {},
}

/** Puts a failed (or waiting) message back at the front of the queue. */
export async function retryOutbox(tx: Tx, actor: Actor, id: string): Promise<void> {
  const row = await store.findOutbox(tx, id)
  if (!row) throw new DomainError('OUTBOX_NOT_FOUND', { id })
  if (row.status === 'delivered') return
  await store.markOutbox(tx, id, { status: 'pending', nextAttemptAt: new Date() })
  await append(tx, {
    actor,
    action: 'envelope.retried',
    subject: { type: 'envelope', id },
    articles: PEER_ARTICLES,
    details: { type: row.type, to: row.toNode, attempts: row.attempts },
  })
}
