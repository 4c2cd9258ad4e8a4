import { eq } from 'drizzle-orm'
import type { Config, NodeRole } from '../config.ts'
import type { Tx } from '../db/index.ts'
import { DomainError } from '../errors.ts'
import { seedOrganisations } from '../organisations/index.ts'
import { nodeMeta } from './tables.ts'

export const VERSION = '0.1.0'

/** What a node says about itself, publicly. */
export interface NodeInfo {
  nodeId: string
  role: NodeRole
  nameZh: string
  nameEn: string
  version: string
  demo: boolean
}

export function nodeInfo(config: Config): NodeInfo {
  return {
    nodeId: config.node.id,
    role: config.node.role,
    nameZh: config.node.nameZh,
    nameEn: config.node.nameEn,
    version: VERSION,
    demo: config.demo.enabled,
  }
}

/**
 * Binds a database to one node kind on first start and refuses to open it as another kind later, then makes sure
 * the node's organisations exist.
 */
export async function initNode(tx: Tx, node: Config['node']): Promise<void> {
  const [meta] = await tx.select().from(nodeMeta).limit(1)
  if (!meta) {
    await tx.insert(nodeMeta).values({ nodeId: node.id, role: node.role })
  } else if (meta.role !== node.role) {
    throw new DomainError('NODE_ROLE_MISMATCH', { stored: meta.role, requested: node.role })
  } else if (meta.nodeId !== node.id) {
    await tx.update(nodeMeta).set({ nodeId: node.id }).where(eq(nodeMeta.nodeId, meta.nodeId))
  }
  await seedOrganisations(tx, node)
}
