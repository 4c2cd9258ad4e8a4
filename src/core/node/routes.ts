import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { nodeInfo } from './node.ts'

const NodeInfoSchema = Type.Object({
  nodeId: Type.String(),
  role: Type.Union([Type.Literal('regulator'), Type.Literal('platform')]),
  nameZh: Type.String(),
  nameEn: Type.String(),
  version: Type.String(),
  demo: Type.Boolean(),
  publicKey: Type.String(),
})

export const nodeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/node',
    {
      config: { access: 'public' },
      schema: {
        tags: ['node'],
        summary: 'This node: kind, name, version',
        response: { 200: NodeInfoSchema },
      },
    },
    async () => nodeInfo(app.config, app.keys),
  )
}
