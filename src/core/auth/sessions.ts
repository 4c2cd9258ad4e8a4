import { createHash } from 'node:crypto'
import { append } from '../../ledger/index.ts'
import type { Tx } from '../db/index.ts'
import { DomainError } from '../errors.ts'
import { newId, newSecret } from '../ids.ts'
import type { Actor } from './actor.ts'
import { dummyHash, verifyPassword } from './passwords.ts'
import { isRole, type Role } from './roles.ts'
import { presentStaff, type StaffView } from './staff.ts'
import * as store from './store.ts'

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex')
}

export interface SessionGrant {
  /** The cookie value; only its hash is stored. */
  sessionToken: string
  csrfToken: string
  expiresAt: Date
  staff: StaffView
}

export async function login(
  tx: Tx,
  input: { login: string; password: string },
  ttlHours: number,
  now: Date = new Date(),
): Promise<SessionGrant> {
  const row = await store.findStaffByLogin(tx, input.login)
  if (!row) {
    await verifyPassword(await dummyHash(), input.password)
    throw new DomainError('AUTH_INVALID_CREDENTIALS')
  }
  if (!(await verifyPassword(row.passwordHash, input.password)))
    throw new DomainError('AUTH_INVALID_CREDENTIALS')
  if (row.disabled) throw new DomainError('AUTH_ACCOUNT_DISABLED')
  const sessionToken = newSecret()
  const csrfToken = newSecret(24)
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000)
  await store.insertSession(tx, {
    id: newId(now.getTime()),
    tokenHash: sha256(sessionToken),
    csrfToken,
    staffId: row.id,
    expiresAt,
    createdAt: now,
  })
  await store.updateStaff(tx, row.id, { lastLoginAt: now })
  await append(tx, {
    actor: staffActor(row),
    action: 'staff.signed_in',
    subject: { type: 'staff', id: row.id },
    articles: ['A27'],
    at: now,
  })
  return { sessionToken, csrfToken, expiresAt, staff: presentStaff({ ...row, lastLoginAt: now }) }
}

export async function logout(tx: Tx, sessionToken: string, now: Date = new Date()): Promise<void> {
  await store.revokeSession(tx, sha256(sessionToken), now)
}

function staffActor(row: store.StaffRow): Actor {
  return {
    kind: 'staff',
    id: row.id,
    staffId: row.id,
    organisationId: row.organisationId,
    roles: row.roles.filter(isRole),
    name: row.displayName,
  }
}

/** The actor behind a session cookie, with the CSRF token its mutating requests must carry. */
export async function resolveSession(
  tx: Tx,
  sessionToken: string,
  now: Date = new Date(),
): Promise<{ actor: Actor; csrfToken: string; staff: StaffView }> {
  const found = await store.findLiveSession(tx, sha256(sessionToken), now)
  if (!found) throw new DomainError('AUTH_REQUIRED')
  if (found.expired) throw new DomainError('AUTH_SESSION_EXPIRED')
  if (found.staff.disabled) throw new DomainError('AUTH_ACCOUNT_DISABLED')
  return {
    actor: staffActor(found.staff),
    csrfToken: found.session.csrfToken,
    staff: presentStaff(found.staff),
  }
}

export const TOKEN_PREFIX = 'qlt_'

export interface TokenView {
  id: string
  name: string
  prefix: string
  roles: Role[]
  organisationId: string
  createdBy: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

function presentToken(row: store.TokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    roles: row.roles.filter(isRole),
    organisationId: row.organisationId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }
}

/**
 * A token acts for the creator's organisation with at most the creator's own roles, so a token never holds more
 * power than the person who answers for it.
 */
export async function createToken(
  tx: Tx,
  actor: Actor,
  input: { name: string; roles: Role[] },
): Promise<{ token: string; view: TokenView }> {
  const excess = input.roles.filter((r) => !actor.roles.includes(r))
  if (excess.length > 0) throw new DomainError('FORBIDDEN', { field: 'roles', roles: excess })
  const token = `${TOKEN_PREFIX}${newSecret()}`
  const id = newId()
  await store.insertToken(tx, {
    id,
    name: input.name,
    tokenHash: sha256(token),
    prefix: token.slice(0, 10),
    roles: [...new Set(input.roles)],
    organisationId: actor.organisationId,
    createdBy: actor.staffId,
  })
  const row = await store.findTokenById(tx, id)
  if (!row) throw new DomainError('TOKEN_NOT_FOUND', { tokenId: id })
  const view = presentToken(row)
  await append(tx, {
    actor,
    action: 'api_token.created',
    subject: { type: 'api_token', id },
    articles: ['A27'],
    evidence: view,
    details: { name: view.name, prefix: view.prefix, roles: view.roles },
  })
  return { token, view }
}

export async function listTokens(tx: Tx): Promise<TokenView[]> {
  return (await store.listTokens(tx)).map(presentToken)
}

export async function revokeToken(
  tx: Tx,
  actor: Actor,
  tokenId: string,
  now: Date = new Date(),
): Promise<void> {
  const row = await store.findTokenById(tx, tokenId)
  if (!row) throw new DomainError('TOKEN_NOT_FOUND', { tokenId })
  if (row.revokedAt !== null) return
  await store.revokeToken(tx, tokenId, now)
  await append(tx, {
    actor,
    action: 'api_token.revoked',
    subject: { type: 'api_token', id: tokenId },
    articles: ['A27'],
    details: { name: row.name, prefix: row.prefix },
    at: now,
  })
}

export async function resolveToken(tx: Tx, token: string, now: Date = new Date()): Promise<Actor> {
  const found = await store.findTokenByHash(tx, sha256(token))
  if (!found || found.token.revokedAt !== null) throw new DomainError('AUTH_TOKEN_INVALID')
  if (found.staff.disabled) throw new DomainError('AUTH_ACCOUNT_DISABLED')
  // Record use at most once a minute, so a busy integration does not write on every request.
  if (found.token.lastUsedAt === null || now.getTime() - found.token.lastUsedAt.getTime() > 60_000) {
    await store.touchToken(tx, found.token.id, now)
  }
  return {
    kind: 'token',
    id: found.token.id,
    staffId: found.staff.id,
    organisationId: found.token.organisationId,
    roles: found.token.roles.filter(isRole),
    name: found.token.name,
  }
}
