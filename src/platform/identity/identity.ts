// Real-name verification (A13.2): the user gives their name and resident identity number; the shipped adapter checks
// the format and the check character, and a carrier or ID-service adapter can be plugged in. The identity is kept
// sealed; only its keyed digest is compared, to limit how many accounts one identity may verify.
import { hmacHex, seal } from '../../core/crypto.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError, type FieldProblem } from '../../core/errors.ts'
import { append } from '../../ledger/index.ts'
import { type AccountKeys, getUser, revealPhone, userActor } from '../accounts/index.ts'
import { recordCreditEvent } from '../credit/index.ts'
import * as store from './store.ts'
import { checkRealName, checkResidentId } from './validate.ts'

export interface IdentityClaim {
  realName: string
  idNumber: string
  phone: string
}

/** Confirms that a real person holds this identity (and, for carriers, this phone). */
export interface IdentityVerifier {
  name: string
  verify(claim: IdentityClaim): Promise<{ ok: true } | { ok: false; zh: string; en: string }>
}

/** Shipped adapter: the format checks are all it can do without an outside service. */
export const formatCheckVerifier: IdentityVerifier = {
  name: 'format-check',
  async verify() {
    return { ok: true }
  },
}

const IDENTITY_PURPOSE = 'qinglang/user-identity/v1'

export interface VerifyIdentityOptions {
  keys: AccountKeys
  verifier: IdentityVerifier
  accountsPerIdentity: number
  now?: Date
}

export async function verifyIdentity(
  tx: Tx,
  userId: string,
  input: { realName: string; idNumber: string },
  opts: VerifyIdentityOptions,
): Promise<{ verifiedAt: string; adapter: string }> {
  const now = opts.now ?? new Date()
  const user = await getUser(tx, userId)
  if (await store.findIdentity(tx, userId)) throw new DomainError('IDENTITY_ALREADY_VERIFIED')
  const errors: FieldProblem[] = []
  const name = checkRealName(input.realName)
  if (!name.ok) errors.push(...name.problems.map((p) => ({ field: 'realName', zh: p.zh, en: p.en })))
  const id = checkResidentId(input.idNumber, now)
  if (!id.ok) errors.push(...id.problems.map((p) => ({ field: `idNumber.${p.check}`, zh: p.zh, en: p.en })))
  if (!name.ok || !id.ok) throw new DomainError('IDENTITY_INVALID', { errors })

  const identityHmac = hmacHex(opts.keys.identityHmacKey, id.normalised)
  if ((await store.countByHmac(tx, identityHmac)) >= opts.accountsPerIdentity) {
    throw new DomainError('IDENTITY_LIMIT_REACHED', { limit: opts.accountsPerIdentity })
  }
  const verdict = await opts.verifier.verify({
    realName: name.name,
    idNumber: id.normalised,
    phone: revealPhone(user, opts.keys),
  })
  if (!verdict.ok) {
    throw new DomainError('IDENTITY_REJECTED', {
      errors: [{ field: 'idNumber', zh: verdict.zh, en: verdict.en }],
    })
  }
  await store.insertIdentity(tx, {
    userId,
    identityHmac,
    sealed: seal(
      Buffer.from(JSON.stringify({ realName: name.name, idNumber: id.normalised })),
      opts.keys.sealKey,
      IDENTITY_PURPOSE,
    ),
    adapter: opts.verifier.name,
    verifiedAt: now,
  })
  await recordCreditEvent(tx, userActor(user), {
    userId,
    kind: 'identity_verified',
    reason: '完成实名认证 / real identity verified',
    subject: { type: 'user', id: userId },
    at: now,
  })
  // The record says that, when and how the account was verified; never who the person is.
  await append(tx, {
    actor: userActor(user),
    action: 'identity.verified',
    subject: { type: 'user', id: userId },
    articles: ['A13.2'],
    details: { adapter: opts.verifier.name },
    at: now,
  })
  return { verifiedAt: now.toISOString(), adapter: opts.verifier.name }
}

export async function isVerified(tx: Tx, userId: string): Promise<boolean> {
  return (await store.findIdentity(tx, userId)) !== undefined
}

/** The gate in front of publishing, commenting and messaging: refused with how to verify. */
/** The refusal of an unverified user, saying where to verify. */
export function identityRequired(): DomainError {
  return new DomainError('IDENTITY_REQUIRED', { verifyAt: '/u/identity' })
}

export async function requireVerified(tx: Tx, userId: string): Promise<void> {
  if (!(await isVerified(tx, userId))) throw identityRequired()
}

/** Which of these users have verified; the identities themselves stay sealed. */
export async function verifiedAmong(tx: Tx, userIds: string[]): Promise<Set<string>> {
  return new Set(await store.verifiedAmong(tx, userIds))
}
