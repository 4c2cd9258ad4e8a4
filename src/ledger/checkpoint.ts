// Checkpoints as C2SP signed notes (c2sp.org/tlog-checkpoint, c2sp.org/signed-note), signed with Ed25519:
//
//   <origin>
//   <size, decimal>
//   <root, base64>
//   timestamp <ms since epoch>
//
//   — <key name> <base64(4-byte key ID ‖ 64-byte Ed25519 signature)>
//
// The signature covers the body including its final newline; key ID = SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public
// key)[:4]. Parsing is strict: one canonical text per checkpoint, so equal checkpoints are equal strings.
import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'
import type { Hash } from './merkle.ts'

export interface Checkpoint {
  origin: string
  size: number
  root: Hash
  timestamp: number // ms since epoch
}

export type CheckpointErrorReason =
  | 'malformed-note' // not a signed note: no blank line, a bad signature line, control characters, too long
  | 'malformed-checkpoint' // a signed note whose text is not a checkpoint, or a checkpoint that cannot be written
  | 'bad-key' // a key name or key that cannot sign or verify (not Ed25519, spaces or '+' in the name)
  | 'unknown-key' // no signature line from this key name and key ID
  | 'bad-signature' // a signature line from this key that does not verify

export class CheckpointError extends Error {
  readonly reason: CheckpointErrorReason

  constructor(reason: CheckpointErrorReason, message: string) {
    super(message)
    this.name = 'CheckpointError'
    this.reason = reason
  }
}

const SIGNATURE_PREFIX = '\u2014 ' // em dash, space
const ED25519_TYPE = 0x01
const KEY_ID_BYTES = 4
const SIGNATURE_BYTES = 64
const ROOT_BYTES = 32
// Go's note.Open caps signatures at 100; C2SP asks verifiers to accept at least 16. The byte cap bounds the work.
const MAX_SIGNATURES = 100
const MAX_NOTE_CHARS = 1 << 20

const DECIMAL = /^(0|[1-9][0-9]*)$/
const TIMESTAMP_LINE = /^timestamp (0|[1-9][0-9]*)$/
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const LONE_SURROGATE = /\p{Surrogate}/u
const SPACE_OR_PLUS = /[\s+]/u

/** Control characters other than newline are forbidden anywhere in a note (C2SP signed-note §Format). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 && c !== 0x0a) return true
  }
  return false
}

/** Strict standard base64: canonical padding and zero trailing bits, so one byte string has one text. */
function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null
  const bytes = Buffer.from(text, 'base64')
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : null
}

function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}

function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null
  const n = Number(text)
  return Number.isSafeInteger(n) ? n : null
}

function checkKeyName(keyName: string): void {
  if (
    typeof keyName !== 'string' ||
    keyName === '' ||
    SPACE_OR_PLUS.test(keyName) ||
    hasControlCharacter(keyName) ||
    LONE_SURROGATE.test(keyName)
  ) {
    throw new CheckpointError('bad-key', 'a key name must be non-empty, without spaces or "+"')
  }
}

function checkKey(key: KeyObject, type: 'public' | 'private'): void {
  if (!key || key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new CheckpointError('bad-key', `an Ed25519 ${type} key is required`)
  }
}

/** The 32-byte RFC 8032 encoding of an Ed25519 public key. */
export function publicKeyRaw(publicKey: KeyObject): Uint8Array {
  checkKey(publicKey, 'public')
  const { x } = publicKey.export({ format: 'jwk' })
  return new Uint8Array(Buffer.from(x ?? '', 'base64url'))
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (!(raw instanceof Uint8Array) || raw.length !== 32) {
    throw new CheckpointError('bad-key', 'an Ed25519 public key is 32 bytes')
  }
  const x = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64url')
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' })
  } catch (cause) {
    throw new CheckpointError('bad-key', `not an Ed25519 public key: ${(cause as Error).message}`)
  }
}

/** SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key)[:4], the C2SP signed-note key ID for Ed25519. */
function keyId(keyName: string, publicKey: KeyObject): Uint8Array {
  const digest = createHash('sha256')
    .update(`${keyName}\n`, 'utf8')
    .update(Uint8Array.of(ED25519_TYPE))
    .update(publicKeyRaw(publicKey))
    .digest()
  return new Uint8Array(digest.subarray(0, KEY_ID_BYTES))
}

/** The signed text: four lines, each ending in a newline. Throws CheckpointError on a checkpoint it cannot write. */
export function checkpointBody(c: Checkpoint): string {
  const bad = (what: string) => new CheckpointError('malformed-checkpoint', what)
  if (typeof c.origin !== 'string' || c.origin === '') throw bad('the origin must be a non-empty string')
  if (c.origin.includes('\n') || hasControlCharacter(c.origin) || LONE_SURROGATE.test(c.origin)) {
    throw bad('the origin must be one line of text without control characters')
  }
  if (!Number.isSafeInteger(c.size) || c.size < 0) throw bad('the size must be a non-negative integer')
  if (!(c.root instanceof Uint8Array) || c.root.length !== ROOT_BYTES) throw bad('the root must be 32 bytes')
  if (!Number.isSafeInteger(c.timestamp) || c.timestamp < 0) {
    throw bad('the timestamp must be a non-negative integer (ms)')
  }
  return `${c.origin}\n${c.size}\n${encodeBase64(c.root)}\ntimestamp ${c.timestamp}\n`
}

/** The signed note text: body, blank line, one signature line. */
export function signCheckpoint(c: Checkpoint, keyName: string, privateKey: KeyObject): string {
  checkKeyName(keyName)
  checkKey(privateKey, 'private')
  const body = checkpointBody(c)
  const signature = sign(null, Buffer.from(body, 'utf8'), privateKey)
  const id = keyId(keyName, createPublicKey(privateKey))
  const blob = new Uint8Array(KEY_ID_BYTES + SIGNATURE_BYTES)
  blob.set(id)
  blob.set(signature, KEY_ID_BYTES)
  return `${body}\n${SIGNATURE_PREFIX}${keyName} ${encodeBase64(blob)}\n`
}

interface SignatureLine {
  name: string
  bytes: Uint8Array
}

/** Splits a signed note into its text and signature lines (C2SP signed-note §Format), checking only syntax. */
function parseNote(note: string): { text: string; signatures: SignatureLine[] } {
  const bad = (what: string) => new CheckpointError('malformed-note', what)
  if (typeof note !== 'string') throw bad('a signed note is text')
  if (note.length > MAX_NOTE_CHARS) throw bad('the note is too long')
  if (LONE_SURROGATE.test(note)) throw bad('the note is not valid UTF-8')
  if (hasControlCharacter(note)) throw bad('the note contains control characters')
  if (!note.endsWith('\n')) throw bad('the note does not end in a newline')
  // The text ends at the last blank line; it keeps its final newline, the blank line belongs to neither part.
  const split = note.lastIndexOf('\n\n')
  if (split < 0) throw bad('the note has no blank line before its signatures')
  const text = note.slice(0, split + 1)
  const lines = note.slice(split + 2, -1).split('\n')
  if (lines.length > MAX_SIGNATURES) throw bad('the note has too many signatures')
  const signatures = lines.map((line): SignatureLine => {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw bad('a signature line does not start with "— "')
    const rest = line.slice(SIGNATURE_PREFIX.length)
    const space = rest.indexOf(' ')
    const name = rest.slice(0, space)
    const bytes = space > 0 ? decodeBase64(rest.slice(space + 1)) : null
    if (name === '' || SPACE_OR_PLUS.test(name) || bytes === null || bytes.length <= KEY_ID_BYTES) {
      throw bad('a signature line is not "— <key name> <base64 signature>"')
    }
    return { name, bytes }
  })
  return { text, signatures }
}

/** Reads the four body lines strictly: exactly what checkpointBody writes. */
function parseBody(text: string): Checkpoint {
  const bad = (what: string) => new CheckpointError('malformed-checkpoint', what)
  const lines = text.slice(0, -1).split('\n')
  if (lines.length !== 4) throw bad('a checkpoint has four lines: origin, size, root, timestamp')
  const [origin, sizeLine, rootLine, timestampLine] = lines as [string, string, string, string]
  if (origin === '') throw bad('the origin is empty')
  const size = parseDecimal(sizeLine)
  if (size === null) throw bad('the size is not a decimal integer without leading zeros')
  const root = decodeBase64(rootLine)
  if (root === null || root.length !== ROOT_BYTES) throw bad('the root is not 32 bytes of standard base64')
  const timestamp = TIMESTAMP_LINE.test(timestampLine)
    ? parseDecimal(timestampLine.slice('timestamp '.length))
    : null
  if (timestamp === null) throw bad('the fourth line is not "timestamp <ms>"')
  return { origin, size, root, timestamp }
}

/**
 * Verifies the note's signature by (keyName, publicKey) and returns its checkpoint. Signatures from other keys are
 * ignored, as C2SP requires (witness cosignatures may sit beside ours); every line from this key must verify. The
 * text is read only after its signature verified.
 */
export function openCheckpoint(note: string, keyName: string, publicKey: KeyObject): Checkpoint {
  checkKeyName(keyName)
  checkKey(publicKey, 'public')
  const { text, signatures } = parseNote(note)
  const id = keyId(keyName, publicKey)
  const ours = signatures.filter(
    (s) => s.name === keyName && s.bytes.subarray(0, KEY_ID_BYTES).every((b, i) => b === id[i]),
  )
  if (ours.length === 0) throw new CheckpointError('unknown-key', `the note has no signature by ${keyName}`)
  const message = Buffer.from(text, 'utf8')
  for (const s of ours) {
    const signature = s.bytes.subarray(KEY_ID_BYTES)
    if (signature.length !== SIGNATURE_BYTES || !verify(null, message, publicKey, signature)) {
      throw new CheckpointError('bad-signature', `the signature by ${keyName} does not verify`)
    }
  }
  return parseBody(text)
}
