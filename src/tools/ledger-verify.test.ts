// `qinglang ledger verify` from the command line, over a data folder and over HTTP.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { TEST_MASTER_KEY } from '../../test/helpers/node.ts'
import { loadConfig } from '../core/config.ts'
import { openDatabase, transaction } from '../core/db/index.ts'
import { append, systemActor } from '../ledger/index.ts'
import { startNode } from '../server/start.ts'

const tmp = mkdtempSync(path.join(tmpdir(), 'qinglang-verify-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
const dir = path.join(tmp, 'pg')

function cli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => {
      out += String(d)
    })
    child.stderr.on('data', (d) => {
      out += String(d)
    })
    child.on('exit', (code) => resolve({ code, out }))
  })
}

const config = () =>
  loadConfig(
    { QINGLANG_LOG_LEVEL: 'silent' },
    { role: 'platform', id: 'platform-a', dataDir: dir, port: 0, masterKey: TEST_MASTER_KEY },
  )

async function recordActs(n: number): Promise<void> {
  const { config: c, secrets } = config()
  const node = await startNode(c, secrets, { listen: false })
  try {
    for (let i = 0; i < n; i++) {
      await transaction(node.database.db, (tx) =>
        append(tx, {
          actor: systemActor('test', '测试'),
          action: 'post.removed',
          subject: { type: 'post', id: `p${i}` },
          articles: ['A16'],
          evidence: { text: `通化谣言副本 ${i}` },
          details: { reason: '已核实为虚假信息' },
        }),
      )
    }
    await node.ledger.sequence()
    await node.ledger.checkpoint()
  } finally {
    await node.stop()
  }
}

describe('qinglang ledger verify', () => {
  it('says an untouched data folder is intact and exits 0', async () => {
    await recordActs(30)
    const r = await cli(['ledger', 'verify', '--data', dir])
    expect(r.out).toContain('账本完整 / the ledger is intact')
    expect(r.out).toContain('entries 条目: 31')
    expect(r.code).toBe(0)
  })

  it('verifies a running node over HTTP with an API token', async () => {
    const { config: c, secrets } = config()
    const node = await startNode({ ...c, http: { ...c.http, port: 0 } }, secrets)
    try {
      const addr = node.app.server.address()
      const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
      const { createStaff, createToken } = await import('../core/auth/index.ts')
      const { getOrganisationByKey } = await import('../core/organisations/index.ts')
      const token = await transaction(node.database.db, async (tx) => {
        const org = await getOrganisationByKey(tx, 'platform')
        const admin = await createStaff(tx, null, {
          login: 'verifier',
          displayName: '核验',
          password: 'verifier-pass-1',
          roles: ['inspector'],
          organisationId: org.id,
        })
        return createToken(
          tx,
          {
            kind: 'staff',
            id: admin.id,
            staffId: admin.id,
            organisationId: org.id,
            roles: ['inspector'],
            name: '核验',
          },
          { name: 'verify', roles: ['inspector'] },
        )
      })
      await node.ledger.sequence()
      await node.ledger.checkpoint()
      const r = await cli(['ledger', 'verify', '--url', base, '--token', token.token])
      expect(r.out).toContain('账本完整 / the ledger is intact')
      expect(r.code).toBe(0)
      const refused = await cli(['ledger', 'verify', '--url', base])
      expect(refused.code).toBe(1)
      expect(refused.out).toContain('API token')
    } finally {
      await node.stop()
    }
  })

  it('finds a row changed in the database and names its index; exits 1', async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir: dir })
    try {
      await transaction(db.db, async (tx) => {
        await tx.execute(sql`SET LOCAL session_replication_role = replica`)
        await tx.execute(sql`UPDATE ledger_entry SET subject_id = 'p-forged' WHERE subject_id = 'p7'`)
      })
    } finally {
      await db.close()
    }
    const r = await cli(['ledger', 'verify', '--data', dir])
    expect(r.code).toBe(1)
    expect(r.out).toContain('the ledger has been altered')
    expect(r.out).toMatch(/first problem 首个问题: entry 8 \(/)
    expect(r.out).toContain('subject.id: sequenced "p7" → now "p-forged"')
  })

  it('needs a source', async () => {
    const r = await cli(['ledger', 'verify'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('--data')
  })
})
