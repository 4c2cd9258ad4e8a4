import { randomBytes } from 'node:crypto'

let lastMs = 0
let counter = 0

/**
 * A UUID version 7 (RFC 9562): time-ordered, so indexes stay compact and ids sort by creation. Within one
 * millisecond a 12-bit counter (RFC 9562 §6.2, method 1) keeps ids of one process strictly increasing.
 */
export function newId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now
    counter = randomBytes(2).readUInt16BE(0) & 0x7ff
  } else if (++counter > 0xfff) {
    lastMs += 1
    counter = 0
  }
  const b = randomBytes(16)
  b.writeUIntBE(lastMs, 0, 6)
  b[6] = 0x70 | (counter >> 8)
  b[7] = counter & 0xff
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A random opaque secret for sessions and tokens, URL-safe. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}
