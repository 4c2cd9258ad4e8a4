// The only module that reads the environment. It is read once at boot, validated, and every problem is listed
// at once. Secrets are kept in their own object so that the rest of the config can be logged and shown.
import { existsSync } from 'node:fs'
import path from 'node:path'

export type NodeRole = 'regulator' | 'platform'
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface Config {
  node: {
    role: NodeRole
    /** A stable short name, e.g. `tonghua-cac`, `platform-a`. */
    id: string
    nameZh: string
    nameEn: string
  }
  http: {
    host: string
    port: number
    publicUrl: string
    /** Set the Secure flag on cookies: on unless the node is served over plain http. */
    secureCookies: boolean
    bodyLimitBytes: number
    rateLimitPerMinute: number
    loginAttemptsPerMinute: number
    trustProxy: boolean
  }
  db: { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string }
  log: { level: LogLevel; pretty: boolean }
  session: { ttlHours: number }
  ledger: { sequenceIntervalMs: number; checkpointIntervalMs: number }
  platform: {
    accountsPerIdentity: number
    /** How far back a patrol re-screens published items when the rules change (A12.1). */
    patrolWindowDays: number
    /** Items a day one reviewer is expected to cover; fewer reviewers on duty raise the staffing alert (A12.2). */
    itemsPerReviewer: number
    /** Hours to handle a report, per category (A15); shown to the reporter. */
    reportDeadlineHours: Record<ReportCategoryKey, number>
    /** Reports one user may file in an hour (abuse control). */
    reportsPerHour: number
    /** Days after a decision in which its subject's author may appeal. */
    appealWindowDays: number
    /** Days removed content is kept sealed for appeals, inspections and courts (A16). */
    retentionDays: number
    /** Whether a disposal tells the users who commented on or replied to a disposed item (A16). */
    notifyInteractors: boolean
  }
  regulator: {
    /** Days within which a public report to the regulator is handled (A18); shown to the reporter. */
    publicReportDays: number
    /** Public reports one address may file in an hour (abuse control). */
    publicReportsPerHour: number
    /** Tracking-code lookups one address may make in a minute, so codes cannot be guessed. */
    publicReportLookupsPerMinute: number
    /** Route each public report by the routing rules the moment it is filed, instead of waiting for an officer (A5.2). */
    routeOnReceipt: boolean
  }
  demo: { enabled: boolean; password: string }
  web: { distDir: string }
  /** The Chromium that prints documents to PDF (a penalty decision); null when none is installed. */
  pdf: { chromium: string | null }
}

export interface Secrets {
  /** 32-byte key that seals secrets at rest (node keys, identities). */
  masterKey: Buffer
}

export class ConfigError extends Error {
  override name = 'ConfigError'
  constructor(readonly problems: string[]) {
    super(`Invalid configuration / 配置无效:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/** Values that command-line flags set; they win over the environment. */
export interface ConfigOverrides {
  role?: string
  id?: string
  nameZh?: string
  nameEn?: string
  port?: number
  host?: string
  dataDir?: string
  databaseUrl?: string
  publicUrl?: string
  logLevel?: string
  demo?: boolean
  masterKey?: Buffer
}

type Env = Record<string, string | undefined>

/** The process environment, for the CLI to hand to loadConfig; nothing else should look at it. */
export function processEnvironment(): Env {
  return process.env
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

export function loadConfig(
  env: Env = process.env,
  overrides: ConfigOverrides = {},
): { config: Config; secrets: Secrets } {
  const problems: string[] = []
  const pick = (key: string, override?: string) => override ?? nonEmpty(env[key])

  const roleRaw = pick('QINGLANG_ROLE', overrides.role) ?? 'regulator'
  if (roleRaw !== 'regulator' && roleRaw !== 'platform') {
    problems.push(`QINGLANG_ROLE must be "regulator" or "platform", got "${roleRaw}"`)
  }
  const role: NodeRole = roleRaw === 'platform' ? 'platform' : 'regulator'

  const id = pick('QINGLANG_NODE_ID', overrides.id) ?? (role === 'regulator' ? 'tonghua-cac' : 'platform')
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(id)) {
    problems.push(`QINGLANG_NODE_ID must be 2–63 lowercase letters, digits or dashes, got "${id}"`)
  }
  const nameZh =
    pick('QINGLANG_NODE_NAME_ZH', overrides.nameZh) ??
    (role === 'regulator' ? '通化市互联网信息办公室' : '平台')
  const nameEn =
    pick('QINGLANG_NODE_NAME_EN', overrides.nameEn) ??
    (role === 'regulator' ? 'Tonghua Cyberspace Administration' : 'Platform')

  const port = overrides.port ?? parseIntEnv(env, 'QINGLANG_PORT', 8080, problems, 0, 65535)
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`port must be 0–65535, got ${port}`)
  const host = pick('QINGLANG_HOST', overrides.host) ?? '127.0.0.1'
  const publicUrl = pick('QINGLANG_PUBLIC_URL', overrides.publicUrl) ?? `http://${host}:${port}`
  try {
    new URL(publicUrl)
  } catch {
    problems.push(`QINGLANG_PUBLIC_URL must be a URL, got "${publicUrl}"`)
  }
  const secureRaw = nonEmpty(env.QINGLANG_SECURE_COOKIES)
  if (secureRaw !== undefined && secureRaw !== 'true' && secureRaw !== 'false') {
    problems.push(`QINGLANG_SECURE_COOKIES must be "true" or "false", got "${secureRaw}"`)
  }
  const secureCookies = secureRaw === undefined ? publicUrl.startsWith('https:') : secureRaw === 'true'

  const databaseUrl = pick('DATABASE_URL', overrides.databaseUrl)
  let db: Config['db']
  if (databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      problems.push('DATABASE_URL must start with postgres:// or postgresql://')
    }
    db = { kind: 'postgres', url: databaseUrl }
  } else {
    const dataDir = pick('QINGLANG_DATA_DIR', overrides.dataDir)
    db = {
      kind: 'pglite',
      dataDir: dataDir === undefined || dataDir === ':memory:' ? null : path.resolve(dataDir),
    }
  }

  const levelRaw = pick('QINGLANG_LOG_LEVEL', overrides.logLevel) ?? 'info'
  if (!LOG_LEVELS.includes(levelRaw as LogLevel)) {
    problems.push(`QINGLANG_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${levelRaw}"`)
  }

  const demoEnabled = overrides.demo ?? nonEmpty(env.QINGLANG_DEMO) === 'true'
  const demoPassword = nonEmpty(env.QINGLANG_DEMO_PASSWORD) ?? 'qinglang-demo'
  if (demoPassword.length < 8) problems.push('QINGLANG_DEMO_PASSWORD must be at least 8 characters')

  let masterKey = overrides.masterKey
  if (masterKey === undefined) {
    const raw = nonEmpty(env.QINGLANG_MASTER_KEY)
    if (raw === undefined) {
      problems.push(
        'QINGLANG_MASTER_KEY is required: 32 random bytes in base64 (e.g. `openssl rand -base64 32`) / 缺少主密钥',
      )
    } else {
      const decoded = Buffer.from(raw, 'base64')
      if (decoded.length !== 32) {
        problems.push(`QINGLANG_MASTER_KEY must decode to 32 bytes, got ${decoded.length}`)
      } else masterKey = decoded
    }
  } else if (masterKey.length !== 32) problems.push('master key must be 32 bytes')

  const config: Config = {
    node: { role, id, nameZh, nameEn },
    http: {
      host,
      port,
      publicUrl,
      secureCookies,
      bodyLimitBytes: parseIntEnv(env, 'QINGLANG_BODY_LIMIT', 1_048_576, problems, 1024, 100 * 1_048_576),
      rateLimitPerMinute: parseIntEnv(env, 'QINGLANG_RATE_LIMIT', 600, problems, 1, 1_000_000),
      loginAttemptsPerMinute: parseIntEnv(env, 'QINGLANG_LOGIN_ATTEMPTS_PER_MINUTE', 10, problems, 1, 10_000),
      trustProxy: nonEmpty(env.QINGLANG_TRUST_PROXY) === 'true',
    },
    db,
    log: { level: levelRaw as LogLevel, pretty: nonEmpty(env.QINGLANG_LOG_PRETTY) === 'true' },
    session: { ttlHours: parseIntEnv(env, 'QINGLANG_SESSION_TTL_HOURS', 12, problems, 1, 24 * 30) },
    platform: {
      accountsPerIdentity: parseIntEnv(env, 'QINGLANG_ACCOUNTS_PER_IDENTITY', 1, problems, 1, 100),
      patrolWindowDays: parseIntEnv(env, 'QINGLANG_PATROL_WINDOW_DAYS', 30, problems, 1, 3650),
      itemsPerReviewer: parseIntEnv(env, 'QINGLANG_ITEMS_PER_REVIEWER', 2000, problems, 1, 1_000_000),
      reportDeadlineHours: parseDeadlines(env.QINGLANG_REPORT_DEADLINE_HOURS, problems),
      reportsPerHour: parseIntEnv(env, 'QINGLANG_REPORTS_PER_HOUR', 20, problems, 1, 10_000),
      appealWindowDays: parseIntEnv(env, 'QINGLANG_APPEAL_WINDOW_DAYS', 15, problems, 1, 365),
      retentionDays: parseIntEnv(env, 'QINGLANG_RETENTION_DAYS', 180, problems, 1, 3650 * 3),
      notifyInteractors: nonEmpty(env.QINGLANG_NOTIFY_INTERACTORS) !== 'false',
    },
    regulator: {
      publicReportDays: parseIntEnv(env, 'QINGLANG_PUBLIC_REPORT_DAYS', 15, problems, 1, 365),
      routeOnReceipt: nonEmpty(env.QINGLANG_ROUTE_ON_RECEIPT) === 'true',
      publicReportsPerHour: parseIntEnv(env, 'QINGLANG_PUBLIC_REPORTS_PER_HOUR', 10, problems, 1, 100_000),
      publicReportLookupsPerMinute: parseIntEnv(
        env,
        'QINGLANG_PUBLIC_REPORT_LOOKUPS_PER_MINUTE',
        30,
        problems,
        1,
        100_000,
      ),
    },
    ledger: {
      sequenceIntervalMs: parseIntEnv(env, 'QINGLANG_SEQUENCE_INTERVAL_MS', 200, problems, 10, 60_000),
      checkpointIntervalMs:
        1000 * parseIntEnv(env, 'QINGLANG_CHECKPOINT_INTERVAL_SECONDS', 60, problems, 1, 86_400),
    },
    demo: { enabled: demoEnabled, password: demoPassword },
    web: { distDir: path.resolve(nonEmpty(env.QINGLANG_WEB_DIST) ?? 'dist/web') },
    pdf: {
      chromium:
        nonEmpty(env.QINGLANG_CHROMIUM) ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null),
    },
  }
  if (problems.length > 0 || masterKey === undefined) throw new ConfigError(problems)
  return { config, secrets: { masterKey } }
}

/** The report categories a platform takes (A15) and their default deadlines in hours. */
export const REPORT_CATEGORY_KEYS = ['rumor', 'fiction', 'reputation', 'privacy', 'illegal'] as const
export type ReportCategoryKey = (typeof REPORT_CATEGORY_KEYS)[number]
export const DEFAULT_REPORT_DEADLINE_HOURS: Record<ReportCategoryKey, number> = {
  rumor: 24,
  fiction: 48,
  reputation: 72,
  privacy: 72,
  illegal: 24,
}

/** `rumor=12,privacy=48`: the categories named get these hours, the others keep their defaults. */
function parseDeadlines(raw: string | undefined, problems: string[]): Record<ReportCategoryKey, number> {
  const out = { ...DEFAULT_REPORT_DEADLINE_HOURS }
  const value = nonEmpty(raw)
  if (value === undefined) return out
  for (const part of value.split(',')) {
    const [key, hours] = part.split('=').map((s) => s.trim())
    const n = Number(hours)
    if (!(REPORT_CATEGORY_KEYS as readonly string[]).includes(key ?? '')) {
      problems.push(
        `QINGLANG_REPORT_DEADLINE_HOURS: unknown category "${key}" (one of ${REPORT_CATEGORY_KEYS.join(', ')})`,
      )
    } else if (!Number.isInteger(n) || n < 1 || n > 24 * 90) {
      problems.push(`QINGLANG_REPORT_DEADLINE_HOURS: "${part}" needs whole hours between 1 and 2160`)
    } else out[key as ReportCategoryKey] = n
  }
  return out
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim()
}

function parseIntEnv(
  env: Env,
  key: string,
  fallback: number,
  problems: string[],
  min: number,
  max: number,
): number {
  const raw = nonEmpty(env[key])
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${key} must be an integer from ${min} to ${max}, got "${raw}"`)
    return fallback
  }
  return n
}
