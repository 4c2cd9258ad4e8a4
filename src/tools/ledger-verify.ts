// `qinglang ledger verify`: recompute a node's whole log and check it against its signed checkpoints, from its
// data folder (or DATABASE_URL) or from its HTTP API. Exit code 0 when the log is intact, 1 when it is not.
import type { KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { SingleBar } from 'cli-progress'
import { Command } from 'commander'
import { type Config, loadConfig, processEnvironment } from '../core/config.ts'
import { openDatabase } from '../core/db/index.ts'
import { publicKeyFromBase64, readNodeIdentity } from '../core/node/index.ts'
import {
  type OfficerKeyRecord,
  type SequencedEntry,
  storedLogSize,
  type VerifyReport,
  verifyLog,
  verifyStoredLog,
} from '../ledger/index.ts'

interface Source {
  label: string
  size: number
  keyName: string
  publicKey: KeyObject
  verify(
    key: { name: string; publicKey: KeyObject },
    onProgress: (done: number) => void,
  ): Promise<VerifyReport>
  close(): Promise<void>
}

async function fromDatabase(db: Config['db']): Promise<Source> {
  const database = await openDatabase(db)
  try {
    const identity = await readNodeIdentity(database.db)
    if (!identity) throw new Error('no qinglang node in this database / 这里没有清朗节点的数据')
    const { nodeId, publicKey } = identity
    return {
      label: db.kind === 'pglite' ? (db.dataDir ?? 'memory') : 'DATABASE_URL',
      size: await storedLogSize(database.db),
      keyName: nodeId,
      publicKey: publicKeyFromBase64(publicKey),
      verify: (key, onProgress) => verifyStoredLog(database.db, key, onProgress),
      close: () => database.close(),
    }
  } catch (e) {
    await database.close()
    throw e
  }
}

interface ApiEntry {
  index: number
  id: string
  recordedAt: string
  actor: { kind: string; id: string; staffId: string | null; organisationId: string | null; name: string }
  action: string
  subject: { type: string; id: string }
  articles: string[]
  ruleVersion: string | null
  evidenceDigest: string
  details: Record<string, unknown>
  leafData: string
  leafHash: string
}

async function fromUrl(base: string, token: string | undefined): Promise<Source> {
  if (!token)
    throw new Error('reading entries over HTTP needs an API token with ledger.read: --token or --token-file')
  const get = async <T>(path: string, auth = false): Promise<T> => {
    const res = await fetch(new URL(path, base), {
      headers: auth ? { authorization: `Bearer ${token}` } : {},
    })
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`)
    return (await res.json()) as T
  }
  const head = await get<{ size: number; publicKey: string; keyName: string }>('/api/ledger/checkpoint')
  const checkpoints: { size: number; note: string }[] = []
  for (let from = 0; ; ) {
    const page = await get<{ items: { size: number; note: string }[] }>(
      `/api/ledger/checkpoints?from=${from}&limit=1000`,
    )
    checkpoints.push(...page.items)
    if (page.items.length < 1000) break
    from = (page.items.at(-1)?.size ?? from) + 1
  }
  // Officers' keys (A27); a node from before officer signatures answers 404, and its entries carry none.
  const officerKeys = await get<{ items: OfficerKeyRecord[] }>('/api/ledger/officer-keys', true).then(
    (r) => r.items,
    () => [],
  )
  async function* entries(): AsyncIterable<SequencedEntry> {
    for (let from = 0; from < head.size; from += 5000) {
      const to = Math.min(head.size, from + 5000)
      const page = await get<{ items: ApiEntry[] }>(
        `/api/ledger/entries?from=${from}&to=${to}&limit=5000`,
        true,
      )
      for (const e of page.items) {
        yield {
          seq: e.index,
          leafData: e.leafData,
          leafHash: e.leafHash,
          entry: {
            id: e.id,
            recordedAt: new Date(e.recordedAt),
            actorKind: e.actor.kind,
            actorId: e.actor.id,
            actorStaffId: e.actor.staffId,
            actorOrganisationId: e.actor.organisationId,
            actorName: e.actor.name,
            action: e.action,
            subjectType: e.subject.type,
            subjectId: e.subject.id,
            articles: e.articles,
            ruleVersion: e.ruleVersion,
            evidenceDigest: e.evidenceDigest,
            details: e.details,
          },
        }
      }
      if (page.items.length < to - from) return
    }
  }
  return {
    label: base,
    size: head.size,
    keyName: head.keyName,
    publicKey: publicKeyFromBase64(head.publicKey),
    verify: (key, onProgress) => verifyLog(entries(), checkpoints, key, onProgress, officerKeys),
    close: async () => {},
  }
}

export function printReport(r: VerifyReport, out: (line: string) => void): void {
  out(`entries 条目: ${r.entries}   checkpoints 检查点: ${r.checkpoints}   root 根: ${r.root}`)
  if (r.ok) {
    out('账本完整 / the ledger is intact')
    return
  }
  const first = r.problems[0]
  out(`账本被改动 / the ledger has been altered: ${r.problems.length} problem(s)`)
  if (first) {
    out(`first problem 首个问题: ${first.message}`)
    for (const d of first.differences ?? []) {
      out(`  ${d.field}: sequenced ${JSON.stringify(d.sequenced)} → now ${JSON.stringify(d.now)}`)
    }
  }
  for (const p of r.problems.slice(1, 20)) out(`  ${p.message}`)
}

interface VerifyFlags {
  data?: string
  url?: string
  token?: string
  tokenFile?: string
  publicKey?: string
  json?: boolean
}

export function ledgerCommand(): Command {
  const ledger = new Command('ledger').description('the node ledger / 治理记录账本')
  ledger
    .command('verify')
    .description('recompute the whole log and check every checkpoint / 校验账本')
    .option('--data <dir>', 'embedded database folder of the node (or set DATABASE_URL)')
    .option('--url <url>', 'base URL of a running node')
    .option('--token <token>', 'API token with ledger.read (with --url)')
    .option('--token-file <file>', 'file holding the API token (with --url)')
    .option('--public-key <base64>', 'the node key to trust, instead of the one the node presents')
    .option('--json', 'print the report as JSON')
    .action(async (flags: VerifyFlags) => {
      let source: Source
      if (flags.url) {
        const token =
          flags.token ?? (flags.tokenFile ? readFileSync(flags.tokenFile, 'utf8').trim() : undefined)
        source = await fromUrl(flags.url, token)
      } else {
        // Verification needs only the public key, so no master key is asked for.
        const { config } = loadConfig(processEnvironment(), {
          dataDir: flags.data,
          masterKey: Buffer.alloc(32),
        })
        if (config.db.kind === 'pglite' && config.db.dataDir === null) {
          throw new Error('name a source: --data DIR, --url URL or DATABASE_URL / 请指定 --data 或 --url')
        }
        source = await fromDatabase(config.db)
      }
      const publicKey = flags.publicKey ? publicKeyFromBase64(flags.publicKey) : source.publicKey
      const bar =
        process.stderr.isTTY && !flags.json
          ? new SingleBar({ format: '校验 verifying [{bar}] {value}/{total}', hideCursor: true })
          : null
      bar?.start(source.size, 0)
      try {
        const report = await source.verify({ name: source.keyName, publicKey }, (n) => bar?.update(n))
        bar?.stop()
        if (flags.json) console.log(JSON.stringify({ source: source.label, ...report }, null, 2))
        else {
          const trust = flags.publicKey ? 'pinned 指定' : 'presented by the node 节点自报'
          console.log(`source 来源: ${source.label}   key 密钥: ${trust}`)
          printReport(report, (l) => console.log(l))
        }
        process.exitCode = report.ok ? 0 : 1
      } finally {
        bar?.stop()
        await source.close()
      }
    })
  return ledger
}
