// Opens a node's database, brings its schema up to date, binds it to its kind, and builds its app.
import type { FastifyInstance } from 'fastify'
import type { Config, Secrets } from '../core/config.ts'
import { type Database, openDatabase, transaction } from '../core/db/index.ts'
import { initNode } from '../core/node/index.ts'
import { buildApp } from './index.ts'

export interface RunningNode {
  config: Config
  database: Database
  app: FastifyInstance
  stop(): Promise<void>
}

export async function prepareDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(config.db)
  try {
    await database.migrate()
    await transaction(database.db, (tx) => initNode(tx, config.node))
  } catch (e) {
    await database.close()
    throw e
  }
  return database
}

export async function startNode(
  config: Config,
  secrets: Secrets,
  opts: { listen?: boolean } = {},
): Promise<RunningNode> {
  const database = await prepareDatabase(config)
  const app = await buildApp({ config, secrets, database })
  if (opts.listen !== false) await app.listen({ host: config.http.host, port: config.http.port })
  let stopped = false
  return {
    config,
    database,
    app,
    async stop() {
      if (stopped) return
      stopped = true
      await app.close()
      await database.close()
    },
  }
}
