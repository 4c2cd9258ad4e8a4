import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../../test/helpers/db.ts'
import { testConfig } from '../../../test/helpers/node.ts'
import { type Database, transaction } from '../db/index.ts'
import { listOrganisations, seedOrganisations } from './index.ts'

let database: Database
beforeAll(async () => {
  database = await freshDatabase()
})
afterAll(async () => database?.close())

describe('organisations of a regulator node', () => {
  it('hold the city CAC, the five A5.2 departments, seven counties and the procuratorate', async () => {
    const { config } = testConfig('regulator')
    await transaction(database.db, (tx) => seedOrganisations(tx, config.node))
    await transaction(database.db, (tx) => seedOrganisations(tx, config.node))
    const orgs = await listOrganisations(database.db)
    expect(orgs).toHaveLength(14)
    const byKind = (k: string) => orgs.filter((o) => o.kind === k)
    expect(byKind('cac').map((o) => o.divisionCode)).toEqual(['220500'])
    expect(
      byKind('department')
        .map((o) => o.key)
        .sort(),
    ).toEqual(['culture-tourism', 'health', 'market-supervision', 'public-security', 'state-security'])
    expect(
      byKind('county')
        .map((o) => o.divisionCode)
        .sort(),
    ).toEqual(['220502', '220503', '220521', '220523', '220524', '220581', '220582'])
    const cac = byKind('cac')[0]!
    expect(byKind('county').every((c) => c.parentId === cac.id)).toBe(true)
    expect(byKind('procuratorate')).toHaveLength(1)
  })
})
