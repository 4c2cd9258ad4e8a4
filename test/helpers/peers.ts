// Nodes that know each other as peers, over loopback HTTP.
import { transaction } from '../../src/core/db/index.ts'
import { systemActor } from '../../src/ledger/index.ts'
import { addPeer } from '../../src/protocol/index.ts'
import type { TestNode } from './node.ts'

export const urlOf = (n: TestNode): string => {
  const a = n.app.server.address()
  return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`
}

/** Listens on a free loopback port. */
export async function listen(n: TestNode): Promise<void> {
  await n.app.listen({ host: '127.0.0.1', port: 0 })
}

/** Registers `b` as a peer of `a`, with its address and key. */
export async function connect(a: TestNode, b: TestNode): Promise<void> {
  await transaction(a.database.db, (tx) =>
    addPeer(tx, systemActor('test', '测试'), {
      nodeId: b.config.node.id,
      kind: b.config.node.role,
      nameZh: b.config.node.nameZh,
      nameEn: b.config.node.nameEn,
      baseUrl: urlOf(b),
      publicKey: b.protocol.options.keys.publicKeyBase64,
    }),
  )
}
