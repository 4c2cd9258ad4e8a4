// The officers' signing keys (A27): every act a staff member performs is signed with their own Ed25519 key into
// the ledger, so an entry attributed to an officer cannot be written by anyone without that officer's key, not
// even by someone with write access to the database. Private keys are sealed at rest under a key derived from the
// master key; public keys are kept for ever, so old signatures stay verifiable after a rotation or a disablement.
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { deriveKey, open, seal } from '../core/crypto.ts'
import { bindService, boundService, type Tx } from '../core/db/index.ts'
import { officerPublicKey } from './entry.ts'
import { officerKey } from './tables.ts'

export { officerPublicKey }

export const OFFICER_SIGNATURE_ALG = 'Ed25519'
const SEAL_PURPOSE = 'qinglang/officer-key/v1'
const SIGNER = Symbol('qinglang.officer-signer')

/** What a signed entry carries in `details.officerSignature`. */
export interface OfficerSignature {
  keyId: string
  alg: typeof OFFICER_SIGNATURE_ALG
  /** Ed25519 signature (base64) over `signedContent` of the entry. */
  sig: string
}

/** A published officer key: what anybody verifying the log needs. */
export interface OfficerKeyView {
  keyId: string
  staffId: string
  alg: typeof OFFICER_SIGNATURE_ALG
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string
  createdAt: string
  retiredAt: string | null
}

interface Signer {
  sealKey: Buffer
  /** The database handle itself: an act written on it outside a transaction is not cached for. */
  root: Tx
  /** Keys opened in one transaction, by staff id: dropped with the transaction, never kept across acts. */
  opened: WeakMap<object, Map<string, { keyId: string; privateKey: KeyObject }>>
}

/**
 * Lets the node's transactions sign officers' acts: called once when the node opens its database. Entries written
 * through a database without a signer bound (a bare test database, a tool) carry no officer signature.
 */
export function bindOfficerSigner(db: Tx, masterKey: Buffer): void {
  bindService<Signer>(db, SIGNER, {
    sealKey: deriveKey(masterKey, SEAL_PURPOSE),
    root: db,
    opened: new WeakMap(),
  })
}

export function officerKeyId(rawPublicKey: Buffer): string {
  return createHash('sha256').update(rawPublicKey).digest('hex').slice(0, 16)
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ type: 'spki', format: 'der' })
  return der.subarray(der.length - 32)
}

// The sealed private key is bound to its person and key id, so it cannot be moved to another row and used there.
const sealPurpose = (staffId: string, keyId: string) => `${SEAL_PURPOSE}:${staffId}:${keyId}`

const view = (r: typeof officerKey.$inferSelect): OfficerKeyView => ({
  keyId: r.keyId,
  staffId: r.staffId,
  alg: OFFICER_SIGNATURE_ALG,
  publicKey: r.publicKey,
  createdAt: r.createdAt.toISOString(),
  retiredAt: r.retiredAt?.toISOString() ?? null,
})

async function insertKey(tx: Tx, signer: Signer, staffId: string): Promise<void> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const raw = rawPublicKey(publicKey)
  const keyId = officerKeyId(raw)
  const der = privateKey.export({ type: 'pkcs8', format: 'der' })
  // A concurrent first act of the same person may have made the key: then theirs is the current one.
  await tx
    .insert(officerKey)
    .values({
      keyId,
      staffId,
      publicKey: raw.toString('base64'),
      privateKeySealed: seal(der, signer.sealKey, sealPurpose(staffId, keyId)),
    })
    .onConflictDoNothing()
}

/**
 * The person's current key row. `lock` 'share' holds it until the transaction ends (an act signing with it), so a
 * rotation, which takes it 'update', waits for the acts already signing and retires the key only after they
 * committed: no entry signed with a key is ever recorded after that key's retirement (`ledger verify` reports one).
 */
function currentKey(tx: Tx, staffId: string, lock?: 'share' | 'update') {
  const q = tx
    .select()
    .from(officerKey)
    .where(and(eq(officerKey.staffId, staffId), isNull(officerKey.retiredAt)))
  return (lock ? q.for(lock) : q).then((rows) => rows[0])
}

/**
 * The person's current key, made when they have none (at creation, or at the first act of someone created before
 * keys existed). Null when no signer is bound to this database.
 */
export async function ensureOfficerKey(tx: Tx, staffId: string): Promise<OfficerKeyView | null> {
  const signer = boundService<Signer>(tx, SIGNER)
  if (!signer) return null
  let row = await currentKey(tx, staffId)
  if (!row) {
    await insertKey(tx, signer, staffId)
    row = await currentKey(tx, staffId)
  }
  return row ? view(row) : null
}

/** The private key an act of this person is signed with, opened at most once per transaction. */
export async function signingKey(
  tx: Tx,
  staffId: string,
): Promise<{ keyId: string; privateKey: KeyObject } | null> {
  const signer = boundService<Signer>(tx, SIGNER)
  if (!signer) return null
  let cache = signer.opened.get(tx)
  const hit = cache?.get(staffId)
  if (hit) return hit
  let row = await currentKey(tx, staffId, 'share')
  if (!row) {
    await insertKey(tx, signer, staffId)
    row = await currentKey(tx, staffId, 'share')
  }
  if (!row) throw new Error(`no signing key for staff ${staffId}`)
  const der = open(row.privateKeySealed, signer.sealKey, sealPurpose(staffId, row.keyId))
  const key = { keyId: row.keyId, privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) }
  // Kept for the transaction only: never across acts, where a rotation could have retired the key meanwhile.
  if (tx === signer.root) return key
  if (!cache) {
    cache = new Map()
    signer.opened.set(tx, cache)
  }
  cache.set(staffId, key)
  return key
}

export function signContent(privateKey: KeyObject, content: string): string {
  return sign(null, Buffer.from(content, 'utf8'), privateKey).toString('base64')
}

/**
 * Retires the person's current key and makes a new one. The old public key stays published: entries it signed
 * still verify. Null when no signer is bound.
 */
export async function rotateOfficerKey(
  tx: Tx,
  staffId: string,
  at?: Date,
): Promise<{ retired: OfficerKeyView | null; current: OfficerKeyView } | null> {
  const signer = boundService<Signer>(tx, SIGNER)
  if (!signer) return null
  // Waits for the acts signing with the current key to commit; the retirement time is taken after them.
  await currentKey(tx, staffId, 'update')
  const [retired] = await tx
    .update(officerKey)
    .set({ retiredAt: at ?? new Date() })
    .where(and(eq(officerKey.staffId, staffId), isNull(officerKey.retiredAt)))
    .returning()
  signer.opened.get(tx)?.delete(staffId)
  await insertKey(tx, signer, staffId)
  const current = await currentKey(tx, staffId)
  if (!current) throw new Error(`no key after rotation for staff ${staffId}`)
  return { retired: retired ? view(retired) : null, current: view(current) }
}

/** Every key ever made (of one person, or of everybody), oldest first: the public halves only. */
export async function listOfficerKeys(tx: Tx, staffId?: string): Promise<OfficerKeyView[]> {
  const rows = await tx
    .select()
    .from(officerKey)
    .where(staffId === undefined ? undefined : eq(officerKey.staffId, staffId))
    .orderBy(asc(officerKey.createdAt), asc(officerKey.keyId))
  return rows.map(view)
}
