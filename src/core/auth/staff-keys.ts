// Each staff member's signing keys (A27): made with the account, rotated on request, published for ever.
import {
  append,
  ensureOfficerKey,
  listOfficerKeys,
  type OfficerKeyView,
  rotateOfficerKey,
} from '../../ledger/index.ts'
import type { Tx } from '../db/index.ts'
import { DomainError } from '../errors.ts'
import type { Actor } from './actor.ts'
import * as store from './store.ts'

/** A person's keys, current one last; the retired ones stay so that their signatures can still be checked. */
export async function listStaffKeys(tx: Tx, staffId: string): Promise<OfficerKeyView[]> {
  if (!(await store.findStaffById(tx, staffId))) throw new DomainError('STAFF_NOT_FOUND', { staffId })
  return listOfficerKeys(tx, staffId)
}

/**
 * Retires the person's current key and makes a new one (a key suspected lost, a device handed back). Acts after
 * this are signed with the new key; the rotation itself is on the record.
 */
export async function rotateStaffKey(tx: Tx, actor: Actor, staffId: string): Promise<OfficerKeyView[]> {
  const row = await store.lockStaff(tx, staffId)
  if (!row) throw new DomainError('STAFF_NOT_FOUND', { staffId })
  const rotated = await rotateOfficerKey(tx, staffId)
  if (!rotated) throw new Error('no officer signer is bound to this database')
  await append(tx, {
    actor,
    action: 'staff.key_rotated',
    subject: { type: 'staff', id: staffId },
    articles: ['A27'],
    details: { login: row.login, retiredKeyId: rotated.retired?.keyId ?? null, keyId: rotated.current.keyId },
  })
  return listOfficerKeys(tx, staffId)
}

/** The key a new person signs with, made with the account; null when this database signs nothing (a bare tool). */
export async function makeStaffKey(tx: Tx, staffId: string): Promise<string | null> {
  return (await ensureOfficerKey(tx, staffId))?.keyId ?? null
}
