// A running node for tests: fresh database, demo staff for every role, the app driven with app.inject().
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { type Config, loadConfig, type NodeRole, type Secrets } from '../../src/core/config.ts'
import { type Database, transaction } from '../../src/core/db/index.ts'
import { demoStaffFor, seedDemoStaff } from '../../src/demo/demo.ts'
import type { Ledger } from '../../src/ledger/index.ts'
import type { ProtocolNode } from '../../src/protocol/index.ts'
import { buildApp } from '../../src/server/index.ts'
import { createLedger, createProtocol, prepareDatabase } from '../../src/server/start.ts'
import { freshDatabase } from './db.ts'

export const TEST_PASSWORD = 'test-password-123'
export const TEST_MASTER_KEY = Buffer.alloc(32, 7)

export interface TestNode {
  app: FastifyInstance
  database: Database
  ledger: Ledger
  protocol: ProtocolNode
  config: Config
  secrets: Secrets
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[]
  close(): Promise<void>
}

export interface Session {
  cookie: string
  csrf: string
}

let fixtureWeb: string | undefined
/** A stand-in console build, so tests do not depend on whether `npm run build:web` has run. */
function fixtureWebDist(): string {
  if (fixtureWeb === undefined) {
    fixtureWeb = mkdtempSync(path.join(tmpdir(), 'qinglang-web-'))
    writeFileSync(
      path.join(fixtureWeb, 'index.html'),
      '<!doctype html><title>清朗</title><div id="root"></div>',
    )
  }
  return fixtureWeb
}

export function testConfig(role: NodeRole, env: Record<string, string> = {}) {
  return loadConfig(
    {
      QINGLANG_RATE_LIMIT: '1000000',
      QINGLANG_LOGIN_ATTEMPTS_PER_MINUTE: '10000',
      QINGLANG_WEB_DIST: fixtureWebDist(),
      ...env,
    },
    {
      role,
      id: role === 'regulator' ? 'tonghua-cac' : 'platform-a',
      nameZh: role === 'regulator' ? '通化市互联网信息办公室' : '通化同城圈',
      nameEn: role === 'regulator' ? 'Tonghua CAC' : 'Tonghua Neighbours',
      masterKey: TEST_MASTER_KEY,
      logLevel: 'info',
      demo: false,
    },
  )
}

export async function startTestNode(
  role: NodeRole,
  env: Record<string, string> = {},
  overrides: { id?: string } = {},
): Promise<TestNode> {
  const { config: base, secrets } = testConfig(role, env)
  const config = overrides.id ? { ...base, node: { ...base.node, id: overrides.id } } : base
  const { database, keys } = await prepareDatabase(config, secrets, await freshDatabase())
  await transaction(database.db, (tx) => seedDemoStaff(tx, role, TEST_PASSWORD))
  // No timers in tests: a test sequences and signs when it wants to (node.ledger.sequence()).
  const ledger = createLedger(config, database, keys)
  await ledger.load()
  const logs: Record<string, unknown>[] = []
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line))
      cb()
    },
  })
  const protocol = createProtocol(config, database, keys)
  const app = await buildApp({ config, secrets, database, keys, ledger, protocol, logStream })
  await app.ready()
  return {
    app,
    database,
    ledger,
    protocol,
    config,
    secrets,
    logs,
    async close() {
      await app.close()
      await database.close()
    },
  }
}

export function loginsFor(role: NodeRole): { login: string; roles: string[] }[] {
  return demoStaffFor(role).map((s) => ({ login: s.login, roles: s.roles }))
}

export async function signIn(
  app: FastifyInstance,
  login: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } })
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`)
  const cookie = res.cookies.find((c) => c.name === 'ql_session')
  if (!cookie) throw new Error('no session cookie')
  return { cookie: `ql_session=${cookie.value}`, csrf: res.json().csrfToken }
}

/** Headers of a console request: the cookie, and the CSRF token on anything that changes state. */
export function as(s: Session, method = 'GET'): Record<string, string> {
  return method === 'GET' ? { cookie: s.cookie } : { cookie: s.cookie, 'x-csrf-token': s.csrf }
}

export function problem(res: LightMyRequestResponse): {
  code: string
  zh: string
  en: string
  errors?: { field: string }[]
} {
  return res.json()
}
