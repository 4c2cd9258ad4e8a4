export { CITY_DIVISION_CODE, COUNTIES, DEPARTMENTS, type OrganisationKind } from './jurisdiction.ts'
export {
  getOrganisation,
  getOrganisationByKey,
  listOrganisations,
  type Organisation,
  seedOrganisations,
} from './organisations.ts'
export { OrganisationSchema } from './schemas.ts'
