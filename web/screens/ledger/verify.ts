// Verifying a ledger entry in the browser, trusting nothing the server says but the node's public key: the entry's
// canonical bytes, their leaf hash, the RFC 9162 inclusion proof up to a signed checkpoint root, and the Ed25519
// signature on that checkpoint. WebCrypto only; no I/O here (the screen fetches, this decides). The formats are
// the server's: src/ledger/entry.ts (leaf bytes), src/ledger/merkle.ts (hashing), src/ledger/checkpoint.ts (notes).
import type { InclusionProof, LedgerEntry, LedgerStatus } from '../../api/types.ts'

export type Bytes = Uint8Array<ArrayBuffer>
/** SHA-256, async because WebCrypto is. Injectable so the verifier can be tested against other hashing. */
export type HashFn = (data: Bytes) => Promise<Bytes>

const HASH_BYTES = 32
const ED25519_TYPE = 0x01
const KEY_ID_BYTES = 4
const SIGNATURE_BYTES = 64
const SIGNATURE_PREFIX = '\u2014 ' // em dash, space

/** Whether this page may use WebCrypto: it needs a secure context (HTTPS, or localhost). */
export function hasWebCrypto(): boolean {
  return typeof globalThis.crypto !== 'undefined' && typeof globalThis.crypto.subtle !== 'undefined'
}

export const sha256: HashFn = async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data))

// --- encodings, strict: one text per byte string ---

const HEX = /^(?:[0-9a-f]{2})*$/i
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export function hexToBytes(hex: string): Bytes | null {
  if (typeof hex !== 'string' || !HEX.test(hex)) return null
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

/** Standard base64 with canonical padding and zero trailing bits, as the server's parser insists. */
export function base64ToBytes(text: string): Bytes | null {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) return null
  let binary: string
  try {
    binary = atob(text)
  } catch {
    return null
  }
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return bytesToBase64(out) === text ? out : null
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

function concat(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const utf8 = (text: string): Bytes => new TextEncoder().encode(text) as Bytes

// --- RFC 8785 canonical JSON, enough for what JSON.parse gives back ---

/**
 * RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace, strings and numbers as ECMAScript
 * serialises them (which is what JSON.stringify does). Throws on values JSON cannot hold.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JSON has no non-finite numbers')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`
  }
  throw new TypeError(`JSON cannot hold a ${typeof value}`)
}

// --- RFC 9162 hashing and the inclusion verifier ---

/** SHA-256(0x00 ‖ data). */
export function hashLeaf(data: Uint8Array, hash: HashFn = sha256): Promise<Bytes> {
  return hash(concat(Uint8Array.of(0x00), data))
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Uint8Array, right: Uint8Array, hash: HashFn = sha256): Promise<Bytes> {
  return hash(concat(Uint8Array.of(0x01), left, right))
}

const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
const half = (n: number) => Math.floor(n / 2)

/**
 * The root an inclusion proof leads to, by RFC 9162 §2.1.3.2; `null` when the proof cannot be one for (index,
 * size) at all (wrong length, bad hashes). Arithmetic by division, so it holds for every safe integer. Pure.
 */
export async function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  hash: HashFn = sha256,
): Promise<Bytes | null> {
  if (!isSize(index) || !isSize(size) || index >= size) return null
  if (leafHash.length !== HASH_BYTES || !proof.every((p) => p.length === HASH_BYTES)) return null
  // 1. fn = leaf_index, sn = tree_size − 1, r = leaf_hash.
  let fn = index
  let sn = size - 1
  let r: Bytes = new Uint8Array(leafHash)
  // 2. For each value p in the inclusion path:
  for (const p of proof) {
    // a. If sn is 0, the proof is too long.
    if (sn === 0) return null
    if (fn % 2 === 1 || fn === sn) {
      // b. r = HASH(0x01 ‖ p ‖ r); then, unless LSB(fn) is set or fn is 0, shift both until it is.
      r = await hashChildren(p, r, hash)
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn)
        sn = half(sn)
      }
    } else {
      // c. r = HASH(0x01 ‖ r ‖ p).
      r = await hashChildren(r, p, hash)
    }
    // d. Shift both one bit right.
    fn = half(fn)
    sn = half(sn)
  }
  // 3. sn must be 0 at the end: the proof was not too short.
  return sn === 0 ? r : null
}

/** RFC 9162 §2.1.3.2: whether `proof` shows `leafHash` at `index` in the tree of `size` leaves with `root`. */
export async function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  hash: HashFn = sha256,
): Promise<boolean> {
  const computed = await rootFromInclusionProof(leafHash, index, size, proof, hash)
  return computed !== null && equalBytes(computed, root)
}

// --- C2SP signed notes and checkpoints (src/ledger/checkpoint.ts) ---

export interface NoteSignature {
  name: string
  bytes: Bytes
}

/** A signed note split into its signed text (with its final newline) and its signature lines; null if malformed. */
export function parseSignedNote(note: string): { text: string; signatures: NoteSignature[] } | null {
  if (typeof note !== 'string' || !note.endsWith('\n')) return null
  for (let i = 0; i < note.length; i++) {
    const c = note.charCodeAt(i)
    if (c < 0x20 && c !== 0x0a) return null
  }
  const split = note.lastIndexOf('\n\n')
  if (split < 0) return null
  const text = note.slice(0, split + 1)
  const signatures: NoteSignature[] = []
  for (const line of note.slice(split + 2, -1).split('\n')) {
    if (!line.startsWith(SIGNATURE_PREFIX)) return null
    const rest = line.slice(SIGNATURE_PREFIX.length)
    const space = rest.indexOf(' ')
    const name = rest.slice(0, space)
    const bytes = space > 0 ? base64ToBytes(rest.slice(space + 1)) : null
    if (name === '' || /[\s+]/u.test(name) || bytes === null || bytes.length <= KEY_ID_BYTES) return null
    signatures.push({ name, bytes })
  }
  return { text, signatures }
}

export interface CheckpointBody {
  origin: string
  size: number
  root: Bytes
  timestamp: number
}

/** The four body lines, read exactly as `checkpointBody` writes them; null otherwise. */
export function parseCheckpointBody(text: string): CheckpointBody | null {
  if (!text.endsWith('\n')) return null
  const lines = text.slice(0, -1).split('\n')
  if (lines.length !== 4) return null
  const [origin, sizeLine, rootLine, timestampLine] = lines as [string, string, string, string]
  const decimal = /^(0|[1-9][0-9]*)$/
  if (origin === '' || !decimal.test(sizeLine)) return null
  const root = base64ToBytes(rootLine)
  const ts = /^timestamp (0|[1-9][0-9]*)$/.exec(timestampLine)
  if (root === null || root.length !== HASH_BYTES || ts === null) return null
  const size = Number(sizeLine)
  const timestamp = Number(ts[1])
  if (!Number.isSafeInteger(size) || !Number.isSafeInteger(timestamp)) return null
  return { origin, size, root, timestamp }
}

/** SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key)[:4], the signed-note key ID of an Ed25519 key. */
export async function keyIdOf(keyName: string, publicKey: Uint8Array, hash: HashFn = sha256): Promise<Bytes> {
  const digest = await hash(concat(utf8(`${keyName}\n`), Uint8Array.of(ED25519_TYPE), publicKey))
  return digest.slice(0, KEY_ID_BYTES)
}

// --- one entry, step by step ---

export type StepName = 'entry' | 'leaf' | 'proof' | 'signature' | 'root'
/** The order the steps are shown in. */
export const STEP_NAMES: readonly StepName[] = ['entry', 'leaf', 'proof', 'signature', 'root']

/** Why a step passed or failed; the screen words each as `ledger.verify.<reason>` in the current language. */
export type StepReason =
  | 'entry.ok'
  | 'entry.unparsable'
  | 'entry.notCanonical'
  | 'entry.version'
  | 'entry.mismatch'
  | 'leaf.ok'
  | 'leaf.mismatch'
  | 'leaf.proofMismatch'
  | 'proof.ok'
  | 'proof.noCheckpoint'
  | 'proof.size'
  | 'proof.malformed'
  | 'proof.mismatch'
  | 'signature.ok'
  | 'signature.unsupported'
  | 'signature.badKey'
  | 'signature.malformed'
  | 'signature.missing'
  | 'signature.keyId'
  | 'signature.bad'
  | 'signature.body'
  | 'root.ok'
  | 'root.noCheckpoint'
  | 'root.mismatch'

export interface VerifyStep {
  name: StepName
  ok: boolean
  reason: StepReason
  vars: Record<string, string | number>
}

export interface VerifyReport {
  /** Every step that ran, in STEP_NAMES order. */
  steps: VerifyStep[]
  /** Every step ran and passed. */
  ok: boolean
  /** The entry is not (yet) covered by the latest signed checkpoint: only the local steps ran. */
  pending: boolean
  /** What was computed, for whoever wants to check by hand. */
  leafHash: string | null
  computedRoot: string | null
  signedRoot: string | null
  signedSize: number | null
  signedAt: number | null
  keyId: string | null
}

export interface VerifyInput {
  entry: LedgerEntry
  /** GET /api/ledger/checkpoint, fetched for this verification. */
  status: LedgerStatus
  /** GET /api/ledger/proofs/inclusion at the checkpoint's size; null when the entry is beyond the checkpoint. */
  proof: InclusionProof | null
}

/** The leaf the entry's row says it is: what `leafData` in src/ledger/entry.ts would write for it. */
export function expectedLeaf(e: LedgerEntry): Record<string, unknown> {
  return {
    v: 1,
    seq: e.index,
    id: e.id,
    recordedAt: e.recordedAt,
    actor: {
      kind: e.actor.kind,
      id: e.actor.id,
      staffId: e.actor.staffId,
      organisationId: e.actor.organisationId,
      name: e.actor.name,
    },
    action: e.action,
    subject: { type: e.subject.type, id: e.subject.id },
    articles: e.articles,
    ruleVersion: e.ruleVersion,
    evidenceDigest: e.evidenceDigest,
    details: e.details,
  }
}

const short = (hex: string) => (hex.length > 16 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex)

function checkEntry(e: LedgerEntry): VerifyStep {
  const step = (ok: boolean, reason: StepReason, vars: VerifyStep['vars'] = {}): VerifyStep => ({
    name: 'entry',
    ok,
    reason,
    vars: { index: e.index, ...vars },
  })
  let parsed: unknown
  try {
    parsed = JSON.parse(e.leafData)
  } catch {
    return step(false, 'entry.unparsable')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return step(false, 'entry.unparsable')
  if (canonicalJson(parsed) !== e.leafData) return step(false, 'entry.notCanonical')
  const leaf = parsed as Record<string, unknown>
  if (leaf.v !== 1) return step(false, 'entry.version', { v: String(leaf.v) })
  const expected = expectedLeaf(e)
  if (canonicalJson(expected) !== e.leafData) {
    const fields = [...new Set([...Object.keys(expected), ...Object.keys(leaf)])].filter(
      (k) => canonicalJson(expected[k] ?? null) !== canonicalJson(leaf[k] ?? null),
    )
    return step(false, 'entry.mismatch', { fields: fields.join(', ') })
  }
  return step(true, 'entry.ok')
}

/**
 * Runs every step it can and reports each; never throws on bad data (a WebCrypto failure is a failed step).
 * Needs WebCrypto (`hasWebCrypto()`).
 */
export async function verifyEntry({ entry, status, proof }: VerifyInput): Promise<VerifyReport> {
  const steps: VerifyStep[] = [checkEntry(entry)]
  const report: VerifyReport = {
    steps,
    ok: false,
    pending: false,
    leafHash: null,
    computedRoot: null,
    signedRoot: null,
    signedSize: null,
    signedAt: null,
    keyId: null,
  }

  // (b) The leaf hash, from the bytes themselves.
  const leafHash = await hashLeaf(utf8(entry.leafData))
  report.leafHash = bytesToHex(leafHash)
  const listedLeaf = hexToBytes(entry.leafHash)
  if (listedLeaf === null || !equalBytes(leafHash, listedLeaf)) {
    steps.push({
      name: 'leaf',
      ok: false,
      reason: 'leaf.mismatch',
      vars: { computed: short(report.leafHash), listed: short(entry.leafHash) },
    })
  } else if (proof !== null && !equalBytes(leafHash, hexToBytes(proof.leafHash) ?? new Uint8Array())) {
    steps.push({
      name: 'leaf',
      ok: false,
      reason: 'leaf.proofMismatch',
      vars: { computed: short(report.leafHash), listed: short(proof.leafHash) },
    })
  } else {
    steps.push({ name: 'leaf', ok: true, reason: 'leaf.ok', vars: { hash: short(report.leafHash) } })
  }

  const checkpoint = status.checkpoint
  if (checkpoint === null || proof === null || entry.index >= checkpoint.size) {
    report.pending = true
    return report
  }

  // (d) The checkpoint's signature, over the note's text exactly as signed; its body is read only afterwards.
  const signature = await checkSignature(checkpoint.note, status.keyName, status.publicKey)
  report.keyId = signature.keyId
  const body = signature.body
  if (body) {
    report.signedRoot = bytesToHex(body.root)
    report.signedSize = body.size
    report.signedAt = body.timestamp
  }

  // (c) The inclusion proof, from the leaf hash computed here up to the signed root.
  steps.push(await checkProof(entry.index, leafHash, proof, body, report))
  steps.push(signature.step)

  // (e) The signed root is the one the proof and the checkpoint listing claim.
  if (!body) {
    steps.push({ name: 'root', ok: false, reason: 'root.noCheckpoint', vars: {} })
  } else {
    const claimed = hexToBytes(proof.root)
    const listed = hexToBytes(checkpoint.root)
    const same =
      claimed !== null &&
      listed !== null &&
      equalBytes(body.root, claimed) &&
      equalBytes(body.root, listed) &&
      body.size === proof.size &&
      body.size === checkpoint.size &&
      body.origin === checkpoint.origin
    steps.push({
      name: 'root',
      ok: same,
      reason: same ? 'root.ok' : 'root.mismatch',
      vars: { size: body.size, root: short(bytesToHex(body.root)), claimed: short(proof.root) },
    })
  }

  steps.sort((a, b) => STEP_NAMES.indexOf(a.name) - STEP_NAMES.indexOf(b.name))
  report.ok = steps.length === STEP_NAMES.length && steps.every((s) => s.ok)
  return report
}

async function checkProof(
  index: number,
  leafHash: Bytes,
  proof: InclusionProof,
  body: CheckpointBody | null,
  report: VerifyReport,
): Promise<VerifyStep> {
  const step = (ok: boolean, reason: StepReason, vars: VerifyStep['vars'] = {}): VerifyStep => ({
    name: 'proof',
    ok,
    reason,
    vars: { index, n: proof.proof.length, ...vars },
  })
  if (!body) return step(false, 'proof.noCheckpoint')
  if (proof.index !== index || proof.size !== body.size) {
    return step(false, 'proof.size', { size: proof.size, signedSize: body.size })
  }
  const path = proof.proof.map(hexToBytes)
  if (!path.every((p): p is Bytes => p !== null && p.length === HASH_BYTES))
    return step(false, 'proof.malformed')
  const computed = await rootFromInclusionProof(leafHash, index, body.size, path)
  if (computed === null) return step(false, 'proof.malformed')
  report.computedRoot = bytesToHex(computed)
  const vars = { size: body.size, computed: short(report.computedRoot), signed: short(bytesToHex(body.root)) }
  return equalBytes(computed, body.root) ? step(true, 'proof.ok', vars) : step(false, 'proof.mismatch', vars)
}

async function checkSignature(
  note: string,
  keyName: string,
  publicKeyBase64: string,
): Promise<{ step: VerifyStep; body: CheckpointBody | null; keyId: string | null }> {
  const fail = (reason: StepReason, vars: VerifyStep['vars'] = {}, keyId: string | null = null) => ({
    step: { name: 'signature' as const, ok: false, reason, vars: { keyName, ...vars } },
    body: null,
    keyId,
  })
  const publicKey = base64ToBytes(publicKeyBase64)
  if (publicKey === null || publicKey.length !== 32) return fail('signature.badKey')
  const parsed = parseSignedNote(note)
  if (parsed === null) return fail('signature.malformed')
  const id = await keyIdOf(keyName, publicKey)
  const keyId = bytesToHex(id)
  const named = parsed.signatures.filter((s) => s.name === keyName)
  if (named.length === 0) return fail('signature.missing', {}, keyId)
  // Lines by other keys (a witness's cosignature) are ignored; every line by this key must verify.
  const ours = named.filter((s) => equalBytes(s.bytes.slice(0, KEY_ID_BYTES), id))
  if (ours.length === 0) return fail('signature.keyId', { keyId }, keyId)
  // Spelled this way so the file type-checks under Node's types too (the browser test imports it).
  let key: Awaited<ReturnType<typeof crypto.subtle.importKey>>
  try {
    key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify'])
  } catch {
    return fail('signature.unsupported', {}, keyId)
  }
  const message = utf8(parsed.text)
  for (const s of ours) {
    const sig = s.bytes.slice(KEY_ID_BYTES)
    let valid = false
    try {
      valid = sig.length === SIGNATURE_BYTES && (await crypto.subtle.verify('Ed25519', key, sig, message))
    } catch {
      valid = false
    }
    if (!valid) return fail('signature.bad', { keyId }, keyId)
  }
  const body = parseCheckpointBody(parsed.text)
  if (body === null) return fail('signature.body', { keyId }, keyId)
  return {
    step: { name: 'signature', ok: true, reason: 'signature.ok', vars: { keyName, keyId } },
    body,
    keyId,
  }
}
