// Sealing secrets at rest: AES-256-GCM under the node's master key, bound to a purpose string (associated data),
// so a sealed value cannot be moved to another column and opened there.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

const VERSION = 1

export function seal(plaintext: Uint8Array, key: Buffer, purpose: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(purpose))
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ct]).toString('base64')
}

/** Throws when the key is wrong, the purpose differs, or a single bit was changed. */
export function open(sealed: string, key: Buffer, purpose: string): Buffer {
  const buf = Buffer.from(sealed, 'base64')
  if (buf.length < 29 || buf[0] !== VERSION) throw new Error('not a sealed value')
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 13))
  decipher.setAAD(Buffer.from(purpose))
  decipher.setAuthTag(buf.subarray(13, 29))
  return Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()])
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
