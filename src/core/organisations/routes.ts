import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { problems } from '../../server/schemas.ts'
import { listOrganisations } from './organisations.ts'
import { OrganisationSchema } from './schemas.ts'

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
