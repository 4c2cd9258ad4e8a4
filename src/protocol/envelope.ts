// Signed envelopes between nodes: `{id, type, from, to, issuedAt, body}` signed with the sender's Ed25519 node key
// over its RFC 8785 canonical form.
import { createHash, type KeyObject, sign, verify } from 'node:crypto'
import canonicalize from 'canonicalize'

export interface Envelope {
  id: string
  type: string
  from: string
  to: string
  issuedAt: string
  body: Record<string, unknown>
}

export interface SignedEnvelope {
  envelope: Envelope
  /** base64 Ed25519 signature over the canonical envelope. */
  signature: string
}

export function canonicalEnvelope(e: Envelope): string {
  const text = canonicalize({
    id: e.id,
    type: e.type,
    from: e.from,
    to: e.to,
    issuedAt: e.issuedAt,
    body: e.body,
  })
  if (text === undefined) throw new Error('envelope cannot be canonicalised')
  return text
}

export function signEnvelope(e: Envelope, privateKey: KeyObject): SignedEnvelope {
  return {
    envelope: e,
    signature: sign(null, Buffer.from(canonicalEnvelope(e)), privateKey).toString('base64'),
  }
}

export function verifyEnvelope(s: SignedEnvelope, publicKey: KeyObject): boolean {
  try {
    const sig = Buffer.from(s.signature, 'base64')
    return sig.length === 64 && verify(null, Buffer.from(canonicalEnvelope(s.envelope)), publicKey, sig)
  } catch {
    return false
  }
}

/** What identifies an envelope's content, so a re-delivery can be told from a replay with other content. */
export function envelopeDigest(s: SignedEnvelope): string {
  return createHash('sha256').update(canonicalEnvelope(s.envelope)).digest('hex')
}
