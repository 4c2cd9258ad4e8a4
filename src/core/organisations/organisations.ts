import type { Config } from '../config.ts'
import type { Tx } from '../db/index.ts'
import { DomainError } from '../errors.ts'
import { newId } from '../ids.ts'
import { type OrganisationKind, platformOrganisations, regulatorOrganisations } from './jurisdiction.ts'
import * as store from './store.ts'

export interface Organisation {
  id: string
  key: string
  kind: OrganisationKind
  nameZh: string
  nameEn: string
  divisionCode: string | null
  parentId: string | null
}

function present(row: store.OrganisationRow): Organisation {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind as OrganisationKind,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    divisionCode: row.divisionCode,
    parentId: row.parentId,
  }
}

/** Creates the organisations a node of this kind holds; running it again adds only what is missing. */
export async function seedOrganisations(tx: Tx, node: Config['node']): Promise<void> {
  const seeds =
    node.role === 'regulator' ? regulatorOrganisations() : platformOrganisations(node.nameZh, node.nameEn)
  for (const s of seeds) {
    const parent = s.parentKey === null ? undefined : await store.findByKey(tx, s.parentKey)
    await store.insert(tx, {
      id: newId(),
      key: s.key,
      kind: s.kind,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      divisionCode: s.divisionCode,
      parentId: parent?.id ?? null,
    })
  }
}

export async function listOrganisations(tx: Tx): Promise<Organisation[]> {
  return (await store.listAll(tx)).map(present)
}

export async function getOrganisation(tx: Tx, id: string): Promise<Organisation> {
  const row = await store.findById(tx, id)
  if (!row) throw new DomainError('ORGANISATION_NOT_FOUND', { organisationId: id })
  return present(row)
}

export async function getOrganisationByKey(tx: Tx, key: string): Promise<Organisation> {
  const row = await store.findByKey(tx, key)
  if (!row) throw new DomainError('ORGANISATION_NOT_FOUND', { key })
  return present(row)
}
