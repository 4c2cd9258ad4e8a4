// Builds (or extends) the verify benchmark's log in a PGlite data folder: appendMany in transactions of 10,000
// entries, each followed by ledger.sequence(), a signed checkpoint every 100,000 entries and at the end. The layout
// is the one bench/ledger-verify.ts keeps with BENCH_DATA (DIR/pgdata, DIR/master-key).
// Run: npx tsx bench/ledger-fixture.ts DIR [entries]
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig } from '../src/core/config.ts'
import { transaction } from '../src/core/db/index.ts'
import { type AppendInput, appendMany } from '../src/ledger/index.ts'
import { createLedger, prepareDatabase } from '../src/server/start.ts'
import { EVIDENCE_TEXTS, MODERATOR, REASON } from './ledger-common.ts'

export function entryInput(i: number): AppendInput {
  const postId = `post-${i}`
  return {
    actor: MODERATOR,
    action: 'post.removed',
    subject: { type: 'post', id: postId },
    articles: ['A16'],
    ruleVersion: 'claim-bank-2026.11',
    evidence: { postId, text: EVIDENCE_TEXTS[i % EVIDENCE_TEXTS.length] },
    details: { reason: REASON },
  }
}

export const CHUNK = 10_000
export const CHECKPOINT_EVERY = 100_000

/** Opens (creating when new) the node in `folder` and grows its log to `entries` + 1 (the node's own first). */
export async function buildLog(folder: string, entries: number, progress: (text: string) => void) {
  const keyFile = join(folder, 'master-key')
  if (!existsSync(keyFile)) {
    mkdirSync(folder, { recursive: true })
    writeFileSync(keyFile, randomBytes(32).toString('base64'))
  }
  const { config, secrets } = loadConfig(
    {},
    {
      role: 'platform',
      id: 'bench-node',
      masterKey: Buffer.from(readFileSync(keyFile, 'utf8'), 'base64'),
      logLevel: 'silent',
      dataDir: join(folder, 'pgdata'),
    },
  )
  const { database, keys } = await prepareDatabase(config, secrets)
  const ledger = createLedger(config, database, keys)
  const totals = { appendMs: 0, sequenceMs: 0, entries: 0 }
  try {
    await ledger.load()
    await ledger.sequence()
    const t0 = performance.now()
    for (let done = ledger.tree.size - 1; done < entries; ) {
      const n = Math.min(CHUNK, entries - done)
      let t = performance.now()
      await transaction(database.db, (tx) =>
        appendMany(
          tx,
          Array.from({ length: n }, (_, i) => entryInput(done + i)),
        ),
      )
      totals.appendMs += performance.now() - t
      t = performance.now()
      const sequenced = await ledger.sequence()
      totals.sequenceMs += performance.now() - t
      if (sequenced !== n) throw new Error(`sequenced ${sequenced} of ${n}`)
      done += n
      totals.entries += n
      if (Math.floor(done / CHECKPOINT_EVERY) > Math.floor((done - n) / CHECKPOINT_EVERY) || done === entries)
        await ledger.checkpoint()
      progress(
        `build ${done.toLocaleString('en')}/${entries.toLocaleString('en')}, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      )
    }
    await ledger.checkpoint()
  } finally {
    await database.close()
  }
  return {
    entries: totals.entries,
    appendPerSecond: totals.entries / (totals.appendMs / 1000),
    sequencePerSecond: totals.entries / (totals.sequenceMs / 1000),
    seconds: (totals.appendMs + totals.sequenceMs) / 1000,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2]
  if (!folder) throw new Error('usage: npx tsx bench/ledger-fixture.ts DIR [entries]')
  const result = await buildLog(folder, Number(process.argv[3] ?? 1_000_000), (t) =>
    process.stderr.write(`\r${t}`.padEnd(60)),
  )
  console.log(`\n${JSON.stringify(result)}`)
}
