// One node end to end: its service endpoints, its embedded data folder across restarts, the CLI.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff, findStaffByLogin } from '../src/core/auth/index.ts'
import { loadConfig } from '../src/core/config.ts'
import { transaction } from '../src/core/db/index.ts'
import { getOrganisationByKey, listOrganisations } from '../src/core/organisations/index.ts'
import { startNode } from '../src/server/start.ts'
import { as, signIn, startTestNode, TEST_MASTER_KEY, type TestNode } from './helpers/node.ts'

const tmp = mkdtempSync(path.join(tmpdir(), 'qinglang-node-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('service endpoints', () => {
  let node: TestNode
  beforeAll(async () => {
    const web = path.join(tmp, 'web')
    mkdirSync(web, { recursive: true })
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>清朗</title><div id="root"></div>')
    node = await startTestNode('regulator', { QINGLANG_WEB_DIST: web })
  })
  afterAll(async () => node?.close())

  it('/healthz and /readyz', async () => {
    expect((await node.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' })
    const ready = await node.app.inject({ url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json().status).toBe('ready')
  })

  it('/openapi.json describes every API route, and /docs serves Swagger UI', async () => {
    const doc = (await node.app.inject({ url: '/openapi.json' })).json()
    expect(doc.openapi).toMatch(/^3\./)
    const apiRoutes = node.app.routeTable.filter((r) => r.url.startsWith('/api'))
    for (const r of apiRoutes) {
      const p = r.url.replace(/:(\w+)/g, '{$1}')
      expect(doc.paths[p]?.[r.method.toLowerCase()], `${r.method} ${p}`).toBeDefined()
    }
    const docs = await node.app.inject({ url: '/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.body).toContain('swagger')
  })

  it('/metrics exposes request counters in Prometheus format', async () => {
    await node.app.inject({ url: '/api/node' })
    const m = await node.app.inject({ url: '/metrics' })
    expect(m.headers['content-type']).toContain('text/plain')
    expect(m.body).toMatch(/qinglang_http_requests_total\{.*route="\/api\/node".*\} \d+/)
  })

  it('sends security headers', async () => {
    const res = await node.app.inject({ url: '/api/node' })
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('serves the console for page URLs and problems for API URLs', async () => {
    const page = await node.app.inject({ url: '/staff' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.body).toContain('清朗')
    expect((await node.app.inject({ url: '/api/staff/x/y' })).statusCode).toBe(404)
    expect((await node.app.inject({ url: '/api/staff/x/y' })).json().code).toBe('ROUTE_NOT_FOUND')
  })

  it('never serves a file from outside the console folder', async () => {
    for (const url of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/../package.json']) {
      const res = await node.app.inject({ url })
      expect(res.body).not.toContain('"dependencies"')
    }
  })

  it('says how to build the console when it is not built', async () => {
    const bare = await startTestNode('platform', { QINGLANG_WEB_DIST: path.join(tmp, 'no-such-dist') })
    try {
      const res = await bare.app.inject({ url: '/' })
      expect(res.statusCode).toBe(503)
      expect(res.body).toContain('npm run build:web')
    } finally {
      await bare.close()
    }
  })
})

describe('embedded data folder', () => {
  const dir = path.join(tmp, 'pg-regulator')
  const cfg = (role: string) =>
    loadConfig({ QINGLANG_LOG_LEVEL: 'silent' }, { role, dataDir: dir, port: 0, masterKey: TEST_MASTER_KEY })

  it('is created on first start and reused on restart', async () => {
    const a = cfg('regulator')
    expect(existsSync(dir)).toBe(false)
    const first = await startNode(a.config, a.secrets, { listen: false })
    expect(existsSync(dir)).toBe(true)
    await transaction(first.database.db, async (tx) =>
      createStaff(tx, null, {
        login: 'kept.officer',
        displayName: '留存测试',
        password: 'kept-password-1',
        roles: ['officer'],
        organisationId: (await getOrganisationByKey(tx, 'county-220521')).id,
      }),
    )
    await first.stop()
    const second = await startNode(a.config, a.secrets, { listen: false })
    try {
      const kept = await findStaffByLogin(second.database.db, 'kept.officer')
      expect(kept?.displayName).toBe('留存测试')
      expect((await listOrganisations(second.database.db)).length).toBe(14)
    } finally {
      await second.stop()
    }
  })

  it('refuses to open as another kind of node', async () => {
    const b = cfg('platform')
    await expect(startNode(b.config, b.secrets, { listen: false })).rejects.toMatchObject({
      code: 'NODE_ROLE_MISMATCH',
    })
  })
})

describe('the qinglang command', () => {
  const cli = (args: string[], input?: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 60_000,
    })

  it('serve without a master key lists what is missing and exits 1', () => {
    const r = cli(['serve', '--role', 'platform', '--port', '0'], undefined, { QINGLANG_LOG_LEVEL: 'nope' })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('QINGLANG_MASTER_KEY')
    expect(r.stderr).toContain('QINGLANG_LOG_LEVEL')
  })

  it('admin create makes the first admin of a real deployment, who can sign in', async () => {
    const data = path.join(tmp, 'pg-platform-cli')
    const keyFile = path.join(tmp, 'master.key')
    writeFileSync(keyFile, TEST_MASTER_KEY.toString('base64'))
    const args = ['admin', 'create', '--role', 'platform', '--data', data, '--master-key-file', keyFile]
    const r = cli(
      [...args, '--login', 'first.admin', '--display-name', '首任管理员', '--password-stdin'],
      'first-admin-password\n',
    )
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('first.admin')
    const weak = cli(
      [...args, '--login', 'second.admin', '--display-name', '弱密码', '--password-stdin'],
      'short\n',
    )
    expect(weak.status).toBe(1)
    expect(weak.stderr).toContain('PASSWORD_TOO_WEAK')

    const { config, secrets } = loadConfig(
      { QINGLANG_LOG_LEVEL: 'silent' },
      { role: 'platform', dataDir: data, port: 0, masterKey: TEST_MASTER_KEY },
    )
    const node = await startNode(config, secrets, { listen: false })
    try {
      const s = await signIn(node.app, 'first.admin', 'first-admin-password')
      const me = await node.app.inject({ url: '/api/auth/me', headers: as(s) })
      expect(me.json().staff.roles).toEqual(['platform_admin'])
      // No default credentials outside demo mode: the only account is the one just made.
      const staff = await node.app.inject({ url: '/api/staff', headers: as(s) })
      expect(staff.json().items.map((x: { login: string }) => x.login)).toEqual(['first.admin'])
    } finally {
      await node.stop()
    }
  })
})
