import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

const KEY = Buffer.alloc(32, 1).toString('base64')

describe('config', () => {
  it('reads a valid environment into a typed config with secrets apart', () => {
    const { config, secrets } = loadConfig({
      QINGLANG_ROLE: 'platform',
      QINGLANG_PORT: '9000',
      QINGLANG_MASTER_KEY: KEY,
      QINGLANG_NODE_ID: 'platform-a',
    })
    expect(config.node).toMatchObject({ role: 'platform', id: 'platform-a' })
    expect(config.http.port).toBe(9000)
    expect(config.db).toEqual({ kind: 'pglite', dataDir: null })
    expect(secrets.masterKey.length).toBe(32)
    expect(JSON.stringify(config)).not.toContain(KEY)
  })

  it('selects the PostgreSQL server when DATABASE_URL is set', () => {
    const { config } = loadConfig({
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/q',
      QINGLANG_MASTER_KEY: KEY,
      QINGLANG_DATA_DIR: '/tmp/x',
    })
    expect(config.db).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/q' })
  })

  it('lists every problem at once', () => {
    let err: unknown
    try {
      loadConfig({
        QINGLANG_ROLE: 'police',
        QINGLANG_PORT: 'eighty',
        QINGLANG_LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        QINGLANG_SESSION_TTL_HOURS: '0',
      })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ConfigError)
    const problems = (err as ConfigError).problems.join('\n')
    for (const key of [
      'QINGLANG_ROLE',
      'QINGLANG_PORT',
      'QINGLANG_LOG_LEVEL',
      'DATABASE_URL',
      'QINGLANG_SESSION_TTL_HOURS',
      'QINGLANG_MASTER_KEY',
    ]) {
      expect(problems).toContain(key)
    }
    expect((err as ConfigError).problems).toHaveLength(6)
  })

  it('refuses a master key of the wrong length', () => {
    expect(() => loadConfig({ QINGLANG_MASTER_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/32 bytes/)
  })

  it('command-line flags win over the environment', () => {
    const { config } = loadConfig(
      { QINGLANG_ROLE: 'platform', QINGLANG_PORT: '9000', QINGLANG_MASTER_KEY: KEY },
      { role: 'regulator', port: 8080 },
    )
    expect(config.node.role).toBe('regulator')
    expect(config.http.port).toBe(8080)
  })
})
