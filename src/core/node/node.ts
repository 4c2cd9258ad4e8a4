import { eq } from 'drizzle-orm'
import { append, systemActor } from '../../ledger/index.ts'
import type { Config, NodeRole } from '../config.ts'
import type { Tx } from '../db/index.ts'
import { DomainError } from '../errors.ts'
import { seedOrganisations } from '../organisations/index.ts'
import { loadOrCreateNodeKeys, type NodeKeys } from './keys.ts'
import { nodeKey, nodeMeta } from './tables.ts'

export const VERSION = '0.1.0'

/** What a node says about itself, publicly. */
export interface NodeInfo {
  nodeId: string
  role: NodeRole
  nameZh: string
  nameEn: string
  version: string
  demo: boolean
  /** Ed25519 public key (32 bytes, base64) that verifies this node's checkpoints and envelopes. */
  publicKey: string
}

export function nodeInfo(config: Config, keys: NodeKeys): NodeInfo {
  return {
    nodeId: config.node.id,
    role: config.node.role,
    nameZh: config.node.nameZh,
    nameEn: config.node.nameEn,
    version: VERSION,
    demo: config.demo.enabled,
    publicKey: keys.publicKeyBase64,
  }
}

/**
 * Binds a database to one node kind on first start and refuses to open it as another kind later, then makes sure
 * the node's organisations exist.
 */
export async function initNode(tx: Tx, node: Config['node'], masterKey: Buffer): Promise<NodeKeys> {
  const [meta] = await tx.select().from(nodeMeta).limit(1)
  if (!meta) {
    await tx.insert(nodeMeta).values({ nodeId: node.id, role: node.role })
  } else if (meta.role !== node.role) {
    throw new DomainError('NODE_ROLE_MISMATCH', { stored: meta.role, requested: node.role })
  } else if (meta.nodeId !== node.id) {
    await tx.update(nodeMeta).set({ nodeId: node.id }).where(eq(nodeMeta.nodeId, meta.nodeId))
  }
  await seedOrganisations(tx, node)
  const keys = await loadOrCreateNodeKeys(tx, masterKey)
  if (!meta) {
    // The log opens with the node's own birth: who it is and the key that will sign its checkpoints.
    await append(tx, {
      actor: systemActor(node.id, node.nameZh),
      action: 'node.initialised',
      subject: { type: 'node', id: node.id },
      articles: ['A16', 'A19.1', 'A27'],
      details: { nodeId: node.id, role: node.role, publicKey: keys.publicKeyBase64 },
    })
  }
  return keys
}

/** Who a database belongs to, read without the master key: what an outside verifier needs. */
export async function readNodeIdentity(
  tx: Tx,
): Promise<{ nodeId: string; role: string; publicKey: string } | undefined> {
  const [meta] = await tx.select().from(nodeMeta).limit(1)
  const [key] = await tx.select({ publicKey: nodeKey.publicKey }).from(nodeKey).where(eq(nodeKey.id, 'node'))
  return meta && key ? { nodeId: meta.nodeId, role: meta.role, publicKey: key.publicKey } : undefined
}
