// Platform users (网民): register with a mainland mobile number, sign in, and act as themselves. Real identity is
// a separate step (src/platform/identity); the display name is free (后台实名、前台自愿).
import { createHash } from 'node:crypto'
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../core/auth/index.ts'
import { deriveKey, hmacHex, open, seal } from '../../core/crypto.ts'
import type { Tx } from '../../core/db/index.ts'
import { isUniqueViolation } from '../../core/db/index.ts'
import { DomainError, type FieldProblem } from '../../core/errors.ts'
import { newId, newSecret } from '../../core/ids.ts'
import { append, type LedgerActor } from '../../ledger/index.ts'
import { checkMobile } from './phone.ts'
import * as store from './store.ts'

/** The keys platform accounts need, derived once from the master key. */
export interface AccountKeys {
  sealKey: Buffer
  phoneHmacKey: Buffer
  identityHmacKey: Buffer
}

export function accountKeys(masterKey: Buffer): AccountKeys {
  return {
    sealKey: masterKey,
    phoneHmacKey: deriveKey(masterKey, 'qinglang/phone-hmac/v1'),
    identityHmacKey: deriveKey(masterKey, 'qinglang/identity-hmac/v1'),
  }
}

export interface PlatformUser {
  id: string
  displayName: string
  status: 'active' | 'suspended'
  createdAt: string
}

export function presentUser(row: store.UserRow): PlatformUser {
  return {
    id: row.id,
    displayName: row.displayName,
    status: row.status as PlatformUser['status'],
    createdAt: row.createdAt.toISOString(),
  }
}

export function userActor(row: { id: string; displayName: string }): LedgerActor {
  return { kind: 'user', id: row.id, staffId: null, organisationId: null, name: row.displayName }
}

const PHONE_PURPOSE = 'qinglang/user-phone/v1'

function mobileOrThrow(raw: string): string {
  const r = checkMobile(raw)
  if (!r.ok) {
    const errors: FieldProblem[] = r.problems.map((p) => ({ field: 'phone', zh: p.zh, en: p.en }))
    throw new DomainError('USER_PHONE_INVALID', { errors })
  }
  return r.e164
}

export async function registerUser(
  tx: Tx,
  keys: AccountKeys,
  input: { phone: string; password: string; displayName: string },
): Promise<PlatformUser> {
  const phone = mobileOrThrow(input.phone)
  checkPasswordStrength(phone, input.password)
  const phoneHmac = hmacHex(keys.phoneHmacKey, phone)
  if (await store.findByPhoneHmac(tx, phoneHmac))
    throw new DomainError('USER_PHONE_TAKEN', { field: 'phone' })
  const id = newId()
  try {
    await store.insertUser(tx, {
      id,
      phoneHmac,
      phoneSealed: seal(Buffer.from(phone), keys.sealKey, PHONE_PURPOSE),
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      status: 'active',
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('USER_PHONE_TAKEN', { field: 'phone' })
    throw e
  }
  const row = await store.findById(tx, id)
  if (!row) throw new Error('user vanished')
  // Registration is account management (A12.1); the phone stays out of the record.
  await append(tx, {
    actor: userActor(row),
    action: 'user.registered',
    subject: { type: 'user', id },
    articles: ['A12.1'],
    details: { displayName: row.displayName },
  })
  return presentUser(row)
}

/** The phone of a user, for the user themself or a role that needs it; never for logs or exports. */
export function revealPhone(row: store.UserRow, keys: AccountKeys): string {
  return open(row.phoneSealed, keys.sealKey, PHONE_PURPOSE).toString()
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

export async function signInUser(
  tx: Tx,
  keys: AccountKeys,
  input: { phone: string; password: string },
  ttlHours: number,
  now: Date = new Date(),
): Promise<{ sessionToken: string; csrfToken: string; expiresAt: Date; user: PlatformUser }> {
  const parsed = checkMobile(input.phone)
  const row = parsed.ok ? await store.findByPhoneHmac(tx, hmacHex(keys.phoneHmacKey, parsed.e164)) : undefined
  const ok = row ? await verifyPassword(row.passwordHash, input.password) : false
  if (!row || !ok) throw new DomainError('USER_INVALID_CREDENTIALS')
  if (row.status !== 'active') throw new DomainError('USER_SUSPENDED')
  const sessionToken = newSecret()
  const csrfToken = newSecret(24)
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000)
  await store.insertSession(tx, {
    id: newId(now.getTime()),
    tokenHash: sha256(sessionToken),
    csrfToken,
    userId: row.id,
    expiresAt,
    createdAt: now,
  })
  return { sessionToken, csrfToken, expiresAt, user: presentUser(row) }
}

export async function signOutUser(tx: Tx, sessionToken: string, now: Date = new Date()): Promise<void> {
  await store.revokeSession(tx, sha256(sessionToken), now)
}

export async function resolveUserSession(
  tx: Tx,
  sessionToken: string,
  now: Date = new Date(),
): Promise<{ user: PlatformUser; csrfToken: string }> {
  const found = await store.findLiveSession(tx, sha256(sessionToken))
  if (!found) throw new DomainError('USER_AUTH_REQUIRED')
  if (found.session.expiresAt <= now) throw new DomainError('AUTH_SESSION_EXPIRED')
  if (found.user.status !== 'active') throw new DomainError('USER_SUSPENDED')
  return { user: presentUser(found.user), csrfToken: found.session.csrfToken }
}

export async function getUser(tx: Tx, id: string): Promise<store.UserRow> {
  const row = await store.findById(tx, id)
  if (!row) throw new DomainError('NOT_FOUND', { what: 'user', id })
  return row
}

/** Several users locked at once (the batched publish path); the unknown ones are left out. */
export async function lockUsers(
  tx: Tx,
  ids: string[],
): Promise<Map<string, { id: string; displayName: string }>> {
  return new Map((await store.lockByIds(tx, [...new Set(ids)])).map((u) => [u.id, u]))
}

/** Users for staff screens: display names only, never phones or identities. */
export async function listUsers(
  tx: Tx,
  opts: { query?: string; limit: number; offset: number },
): Promise<PlatformUser[]> {
  return (await store.listUsers(tx, opts)).map(presentUser)
}

/** Display names of many users at once (what is shown beside their content). */
export async function displayNamesOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  return new Map((await store.displayNames(tx, unique)).map((r) => [r.id, r.displayName]))
}
