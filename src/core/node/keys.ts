import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { open, seal } from '../crypto.ts'
import type { Tx } from '../db/index.ts'
import { DomainError } from '../errors.ts'
import { nodeKey } from './tables.ts'

export interface NodeKeys {
  publicKey: KeyObject
  privateKey: KeyObject
  /** The 32-byte raw public key, base64: what peers configure. */
  publicKeyBase64: string
}

const PURPOSE = 'qinglang/node-key/v1'

export function rawPublicKey(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ type: 'spki', format: 'der' })
  return der.subarray(der.length - 32)
}

export function publicKeyFromBase64(b64: string): KeyObject {
  const raw = Buffer.from(b64, 'base64')
  if (raw.length !== 32) throw new Error('an Ed25519 public key has 32 bytes')
  return createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]),
    format: 'der',
    type: 'spki',
  })
}

/** The node's key pair, made on first start. A wrong master key stops the node rather than making a new key. */
export async function loadOrCreateNodeKeys(tx: Tx, masterKey: Buffer): Promise<NodeKeys> {
  const [row] = await tx.select().from(nodeKey).where(eq(nodeKey.id, 'node'))
  if (row) {
    let der: Buffer
    try {
      der = open(row.privateKeySealed, masterKey, PURPOSE)
    } catch {
      throw new DomainError('MASTER_KEY_WRONG')
    }
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    const publicKey = createPublicKey(privateKey)
    return { publicKey, privateKey, publicKeyBase64: rawPublicKey(publicKey).toString('base64') }
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const publicKeyBase64 = rawPublicKey(publicKey).toString('base64')
  await tx.insert(nodeKey).values({
    id: 'node',
    publicKey: publicKeyBase64,
    privateKeySealed: seal(privateKey.export({ type: 'pkcs8', format: 'der' }), masterKey, PURPOSE),
  })
  return { publicKey, privateKey, publicKeyBase64 }
}
