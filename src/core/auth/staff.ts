import { append, systemActor } from '../../ledger/index.ts'
import type { NodeRole } from '../config.ts'
import type { Tx } from '../db/index.ts'
import { isUniqueViolation } from '../db/index.ts'
import { DomainError } from '../errors.ts'
import { newId } from '../ids.ts'
import { getOrganisation, type Organisation } from '../organisations/index.ts'
import type { Actor } from './actor.ts'
import { checkPasswordStrength, hashPassword } from './passwords.ts'
import { ADMIN_ROLES, ROLE_LABELS, type Role, rolesForNode } from './roles.ts'
import { makeStaffKey } from './staff-keys.ts'
import * as store from './store.ts'

export interface StaffView {
  id: string
  login: string
  displayName: string
  organisationId: string
  roles: Role[]
  disabled: boolean
  createdAt: string
  lastLoginAt: string | null
}

export function presentStaff(row: store.StaffRow): StaffView {
  return {
    id: row.id,
    login: row.login,
    displayName: row.displayName,
    organisationId: row.organisationId,
    roles: row.roles as Role[],
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  }
}

/** Which organisations each role belongs to: a procurator works at the procuratorate, a reviewer at a platform. */
const ROLE_ORGANISATION_KINDS: Record<Role, readonly Organisation['kind'][]> = {
  platform_admin: ['platform'],
  operator: ['platform'],
  reviewer: ['platform'],
  inspector: ['platform'],
  regulator_admin: ['cac'],
  officer: ['cac', 'department', 'county'],
  supervisor: ['cac', 'county'],
  procurator: ['procuratorate'],
}

function checkRolesFit(roles: readonly Role[], org: Organisation): void {
  const misfit = roles.filter((r) => !ROLE_ORGANISATION_KINDS[r].includes(org.kind))
  if (misfit.length > 0) {
    throw new DomainError('ROLE_NOT_FOR_ORGANISATION', {
      field: 'roles',
      roles: misfit,
      organisationKind: org.kind,
    })
  }
}

export interface CreateStaffInput {
  login: string
  displayName: string
  password: string
  roles: Role[]
  organisationId: string
}

/** `actor` is null only for the first admin, made from the command line (`qinglang admin create`). */
export async function createStaff(tx: Tx, actor: Actor | null, input: CreateStaffInput): Promise<StaffView> {
  const org = await getOrganisation(tx, input.organisationId)
  checkRolesFit(input.roles, org)
  checkPasswordStrength(input.login, input.password)
  if (await store.findStaffByLogin(tx, input.login)) {
    throw new DomainError('STAFF_LOGIN_TAKEN', { field: 'login', login: input.login })
  }
  const id = newId()
  try {
    await store.insertStaff(tx, {
      id,
      login: input.login,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      organisationId: org.id,
      roles: [...new Set(input.roles)],
    })
  } catch (e) {
    if (isUniqueViolation(e))
      throw new DomainError('STAFF_LOGIN_TAKEN', { field: 'login', login: input.login })
    throw e
  }
  const row = await store.findStaffById(tx, id)
  if (!row) throw new DomainError('STAFF_NOT_FOUND', { staffId: id })
  const view = presentStaff(row)
  const keyId = await makeStaffKey(tx, id)
  // Who may act, and for which organisation, is itself on the record (A27: staff answer for their acts).
  await append(tx, {
    actor: actor ?? systemActor('cli', 'qinglang admin create'),
    action: 'staff.created',
    subject: { type: 'staff', id },
    articles: ['A27'],
    evidence: view,
    details: {
      login: view.login,
      organisationId: view.organisationId,
      roles: view.roles,
      ...(keyId ? { signingKeyId: keyId } : {}),
    },
  })
  return view
}

export interface UpdateStaffInput {
  displayName?: string
  roles?: Role[]
  disabled?: boolean
  password?: string
}

export async function updateStaff(
  tx: Tx,
  actor: Actor,
  staffId: string,
  input: UpdateStaffInput,
  now: Date = new Date(),
): Promise<StaffView> {
  const row = await store.lockStaff(tx, staffId)
  if (!row) throw new DomainError('STAFF_NOT_FOUND', { staffId })
  const isSelf = row.id === actor.staffId
  const wasAdmin = (row.roles as Role[]).some((r) => ADMIN_ROLES.includes(r))
  const roles = input.roles ? [...new Set(input.roles)] : (row.roles as Role[])
  const staysAdmin = roles.some((r) => ADMIN_ROLES.includes(r)) && !(input.disabled ?? row.disabled)
  if (isSelf && wasAdmin && !staysAdmin) throw new DomainError('STAFF_SELF_LOCKOUT', { staffId })
  if (input.roles) checkRolesFit(roles, await getOrganisation(tx, row.organisationId))
  if (input.password !== undefined) checkPasswordStrength(row.login, input.password)

  await store.updateStaff(tx, staffId, {
    displayName: input.displayName ?? row.displayName,
    roles,
    disabled: input.disabled ?? row.disabled,
    ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
  })
  // A disabled account or a changed password ends every open session of that person.
  if (input.disabled === true || input.password !== undefined) await store.revokeSessionsOf(tx, staffId, now)
  const updated = await store.findStaffById(tx, staffId)
  if (!updated) throw new DomainError('STAFF_NOT_FOUND', { staffId })
  const view = presentStaff(updated)
  await append(tx, {
    actor,
    action: input.disabled === true && !row.disabled ? 'staff.disabled' : 'staff.updated',
    subject: { type: 'staff', id: staffId },
    articles: ['A27'],
    evidence: view,
    details: {
      login: view.login,
      // Which fields changed, never the password itself.
      changed: Object.keys(input).filter((k) => input[k as keyof UpdateStaffInput] !== undefined),
      roles: view.roles,
      disabled: view.disabled,
    },
  })
  return view
}

export async function listStaff(tx: Tx): Promise<StaffView[]> {
  return (await store.listStaff(tx)).map(presentStaff)
}

export async function getStaff(tx: Tx, staffId: string): Promise<StaffView> {
  const row = await store.findStaffById(tx, staffId)
  if (!row) throw new DomainError('STAFF_NOT_FOUND', { staffId })
  return presentStaff(row)
}

export async function findStaffByLogin(tx: Tx, login: string): Promise<StaffView | undefined> {
  const row = await store.findStaffByLogin(tx, login)
  return row ? presentStaff(row) : undefined
}

/** A staff member as the actor of their own acts (what a session resolves to, for work done outside a request). */
export function actorOfStaff(s: Pick<StaffView, 'id' | 'organisationId' | 'roles' | 'displayName'>): Actor {
  return {
    kind: 'staff',
    id: s.id,
    staffId: s.id,
    organisationId: s.organisationId,
    roles: s.roles,
    name: s.displayName,
  }
}

/** The actor of the staff member with this login (seeds, benches, tests); throws when there is none. */
export async function staffActorByLogin(tx: Tx, login: string): Promise<Actor> {
  const s = await findStaffByLogin(tx, login)
  if (!s) throw new Error(`no staff member ${login}`)
  return actorOfStaff(s)
}

/** What the console learns about the signed-in person: enough to build its menu and sign its requests. */
export interface Me {
  staff: StaffView
  organisation: Organisation
  permissions: import('./roles.ts').Permission[]
  csrfToken: string
}

export interface RoleInfo {
  role: Role
  zh: string
  en: string
  /** Kinds of organisation a person with this role may belong to. */
  organisationKinds: Organisation['kind'][]
}

export function roleCatalogue(node: NodeRole): RoleInfo[] {
  return rolesForNode(node).map((role) => ({
    role,
    ...ROLE_LABELS[role],
    organisationKinds: [...ROLE_ORGANISATION_KINDS[role]],
  }))
}
