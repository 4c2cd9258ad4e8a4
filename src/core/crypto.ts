// Sealing secrets at rest: AES-256-GCM under the node's master key, bound to a purpose string (associated data),
// so a sealed value cannot be moved to another column and opened there.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto'

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

/** A key for one purpose derived from the master key (HKDF-SHA256), so one secret never serves two uses. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), Buffer.from(purpose), 32))
}

/** A keyed digest for finding equal secrets (an identity number, a phone) without storing them readable. */
export function hmacHex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex')
}
