import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { problems } from '../../server/schemas.ts'
import { listOrganisations } from './organisations.ts'

export const OrganisationSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  kind: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  divisionCode: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Type.String(), Type.Null()]),
})

export const organisationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/organisations',
    {
      config: { access: 'organisation.read' },
      schema: {
        tags: ['organisations'],
        summary: 'Organisations on this node (A4, A5.2)',
        response: { 200: Type.Object({ items: Type.Array(OrganisationSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listOrganisations(app.database.db) }),
  )
}
