// Benchmark of the reverse sweep (issue #6, A16): a platform node started in-process (startNode: engine, ledger
// sequencer and checkpoint timers running) holds N published items — the ordinary Weibo posts of
// `../shared/data/weibo-ordinary-posts` (cycled with a suffix past 389,917), as posts, comments, replies and bullet
// comments — with generated variants of a few invented claims about Tonghua seeded among them (traditional
// characters, emoji, spacing, full width, deletions, insertions, substitutions, reordered sentences, quoted in a
// longer post, and all at once). For each claim: confirm it (registry + bank + disposal, as the route does) and time
// until the sweep has stopped every matching copy; recall = seeded variants of that claim stopped, precision =
// nothing else stopped. Anchors on the same data in the same run: a SQL substring search (`LIKE '%…%'` on the
// claim's longest clause, what an operator would type) and a full re-screen of every item with the claim bank (what
// a patrol does), each timed with its recall.
// Run: npx tsx bench/sweep.ts [--db postgres|pglite|both] [--items N] [--pglite-items N] [--claims N]
//        [--variants N]   (BENCH_QUICK=1: 50k / 20k items; BENCH_PG_URL overrides the server, on which a database
//        qinglang_bench_<random> is created and dropped at the end). Writes bench/results/sweep.json and .md.
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readJsonl, rng } from './data.ts'
import { EVASIONS, variant } from './variants.ts'

const HERE = dirname(fileURLToPath(import.meta.url))
const QUICK = process.env.BENCH_QUICK === '1'
const log = (line: string) => process.stderr.write(`${line}\n`)

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const num = (name: string, fallback: number) => {
  const raw = arg(name)
  const n = raw === undefined ? fallback : Number(raw)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, got ${raw}`)
  return n
}

/** Claims written for this benchmark: invented rumors about Tonghua, not taken from any dataset. */
const CLAIMS = [
  '通化市自来水公司紧急通知，浑江上游化工厂泄漏，全市自来水已被污染，三天内千万不要饮用，赶紧囤桶装水',
  '东昌区人民医院发现多例不明原因肺炎，医院已经封锁，医生都被隔离了，大家近期不要去医院附近',
  '集安市明天开始全面限电，每户每天只供电两个小时，冰箱里的东西赶快处理掉，转给家里人',
  '梅河口火车站昨晚发生持刀伤人事件，死伤十几人，警方封锁消息不让报道，晚上千万别出门',
  '通化县教育局内部消息，下学期起全县中小学取消寒假，补课一个月，家长们赶紧转发反映',
  '柳河县一座大桥出现裂缝随时可能垮塌，交通部门隐瞒不报，开车路过的朋友一定绕行',
  '辉南县龙湾景区下个月起永久关闭，门票全部作废，已经买了年卡的人赶紧去退款',
  '二道江区明天全区停气检修一周，家家户户都不能做饭，赶快去超市抢购方便面和罐头',
]

interface ClaimResult {
  claim: number
  seeded: number
  stopped: number
  recall: number
  /** Items stopped that were not seeded variants of this claim. */
  falseStops: number
  toReview: number
  candidates: number
  sweepMs: number
  anchorLikeMs: number
  anchorLikeRecall: number
  anchorLikeFalse: number
  anchorRescreenMs: number
  anchorRescreenRecall: number
  byEvasion: Record<string, { seeded: number; stopped: number }>
}

async function main(): Promise<void> {
  const [{ default: pg }, { loadConfig }, { transaction }, { startNode }, disposal, engine, ledger] =
    await Promise.all([
      import('pg'),
      import('../src/core/config.ts'),
      import('../src/core/db/index.ts'),
      import('../src/server/start.ts'),
      import('../src/platform/disposal/index.ts'),
      import('../src/engine/index.ts'),
      import('../src/ledger/index.ts'),
    ])
  const DB_ARG = arg('db') ?? 'both'
  if (!['pglite', 'postgres', 'both'].includes(DB_ARG))
    throw new Error('--db must be pglite, postgres or both')
  const PG_ITEMS = num('items', QUICK ? 50_000 : 1_000_000)
  const PGLITE_ITEMS = num('pglite-items', QUICK ? 20_000 : 100_000)
  const N_CLAIMS = Math.min(CLAIMS.length, num('claims', QUICK ? 2 : 5))
  const VARIANTS = num('variants', QUICK ? 50 : 200)
  const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

  const posts = readJsonl<{ text: string }>('weibo-ordinary-posts/posts.jsonl')
  if (posts === null) {
    log('sweep: ../shared/data/weibo-ordinary-posts is absent; skipped')
    return
  }
  const corpus = posts.map((p) => p.text).filter((t) => t.trim().length > 0)
  log(`sweep: corpus ${corpus.length} posts`)

  const admin = DB_ARG === 'pglite' ? null : new pg.Client({ connectionString: ADMIN_URL })
  await admin?.connect()
  const created: string[] = []
  const results: Record<string, unknown>[] = []

  async function run(db: 'postgres' | 'pglite', N: number) {
    let overrides: { databaseUrl?: string; dataDir?: string } = { dataDir: ':memory:' }
    if (db === 'postgres') {
      const name = `qinglang_bench_${randomBytes(6).toString('hex')}`
      await admin!.query(`create database "${name}"`)
      created.push(name)
      const url = new URL(ADMIN_URL)
      url.pathname = `/${name}`
      overrides = { databaseUrl: url.toString() }
    }
    const { config, secrets } = loadConfig(
      { QINGLANG_RATE_LIMIT: '1000000' },
      {
        role: 'platform',
        id: 'bench-platform',
        nameZh: '通化同城圈',
        nameEn: 'Tonghua Neighbours',
        host: '127.0.0.1',
        port: 0,
        logLevel: 'silent',
        masterKey: randomBytes(32),
        ...overrides,
      },
    )
    const node = await startNode(config, secrets, { listen: false })
    const database = node.database
    try {
      // --- load: users, then items in batches (one statement each, unnest of arrays) ---
      const r = rng(42)
      const users: string[] = []
      for (let i = 0; i < 200; i++) users.push(randomUUID())
      await database.executeSql(
        `insert into platform_user (id, phone_hmac, phone_sealed, display_name, password_hash, status)
         select id, 'bench-' || id, 'x', '通化网友' || n, 'x', 'active'
         from unnest($1::uuid[]) with ordinality as u(id, n)`,
        [users],
      )
      const seeded = new Map<string, { claim: number; evasion: string }>()
      const seedAt = new Map<number, { text: string; claim: number; evasion: string }>()
      for (let c = 0; c < N_CLAIMS; c++) {
        for (let v = 0; v < VARIANTS; v++) {
          const evasion = EVASIONS[v % EVASIONS.length]!
          const text = variant(CLAIMS[c]!, evasion, r, corpus)
          // spread over the whole range, at distinct positions
          let at = Math.floor(r() * N)
          while (seedAt.has(at)) at = (at + 1) % N
          seedAt.set(at, { text, claim: c, evasion })
        }
      }
      const t0 = performance.now()
      const BATCH = 5000
      const postIds: string[] = []
      const kindsOf = [
        'post',
        'post',
        'post',
        'post',
        'post',
        'post',
        'post',
        'comment',
        'comment',
        'reply',
        'danmaku',
      ]
      const now = Date.now()
      for (let from = 0; from < N; from += BATCH) {
        const ids: string[] = []
        const kinds: string[] = []
        const authors: string[] = []
        const parents: (string | null)[] = []
        const texts: string[] = []
        const created: string[] = []
        for (let i = from; i < Math.min(N, from + BATCH); i++) {
          const s = seedAt.get(i)
          const id = randomUUID()
          const kind = postIds.length === 0 ? 'post' : (kindsOf[Math.floor(r() * kindsOf.length)] as string)
          ids.push(id)
          kinds.push(kind)
          authors.push(users[Math.floor(r() * users.length)]!)
          parents.push(kind === 'post' ? null : postIds[Math.floor(r() * postIds.length)]!)
          const base = corpus[i % corpus.length]!
          texts.push(s ? s.text : i < corpus.length ? base : `${base}（${Math.floor(i / corpus.length)}）`)
          created.push(new Date(now - (N - i) * 1000).toISOString())
          if (kind === 'post' && postIds.length < 50_000) postIds.push(id)
          if (s) seeded.set(id, { claim: s.claim, evasion: s.evasion })
        }
        await database.executeSql(
          `insert into content_item (id, kind, author_id, post_id, parent_id, text, fiction_declared, fiction_label,
             danmaku_ms, status, verdict, rule_version, rules_accepted, credit_pre_review, created_at, decided_at)
           select id, kind, author, parent, parent, text, false, false,
             case when kind = 'danmaku' then 1000 else null end, 'published',
             '{"outcome":"allow","reasons":[],"ruleVersion":"rule-set/0"}'::jsonb, 'rule-set/0', '[]'::jsonb, false,
             created, created
           from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[])
             as t(id, kind, author, parent, text, created)`,
          [ids, kinds, authors, parents, texts, created],
        )
        if ((from / BATCH) % 20 === 0) log(`${db}: loaded ${from + ids.length} / ${N}`)
      }
      const loadMs = performance.now() - t0
      await database.executeSql('analyze content_item')

      // --- the index of fingerprints: built from everything stored ---
      const rssBefore = process.memoryUsage().rss
      const t1 = performance.now()
      await node.app.disposal.index.ready()
      await node.app.disposal.index.catchUp()
      const indexMs = performance.now() - t1
      const status = node.app.disposal.index.status()
      const rssAfter = process.memoryUsage().rss
      log(
        `${db}: index of ${status.indexed} items in ${Math.round(indexMs)} ms, ${(status.bytes / 1e6).toFixed(0)} MB`,
      )

      const actor = ledger.systemActor('bench', 'bench')
      const claims: ClaimResult[] = []
      for (let c = 0; c < N_CLAIMS; c++) {
        const claim = CLAIMS[c]!
        const mine = [...seeded].filter(([, s]) => s.claim === c).map(([id]) => id)
        const mineSet = new Set(mine)

        // anchor 1: SQL substring of the claim's longest clause
        const clause = claim.split(/[，。！？,]/).sort((a, b) => b.length - a.length)[0]!
        const ta = performance.now()
        const like = await database.executeSql(
          `select id from content_item where status = 'published' and text like '%' || $1 || '%'`,
          [clause],
        )
        const anchorLikeMs = performance.now() - ta
        const likeIds = like.rows.map((x) => String(x.id))

        // anchor 2: re-screen every item with the claim bank (what a patrol does), reading the texts in pages
        const bank = new engine.ClaimBank()
        bank.add({ id: 'c', text: claim })
        const tr = performance.now()
        let last = '00000000-0000-0000-0000-000000000000'
        const rescreened: string[] = []
        for (;;) {
          const page = await database.executeSql(
            `select id, text from content_item where id > $1 and status = 'published' order by id limit 20000`,
            [last],
          )
          for (const row of page.rows) {
            const hit = bank.match(engine.normalizeCodes(String(row.text)))[0]
            if (hit && hit.similarity >= bank.threshold) rescreened.push(String(row.id))
          }
          if (page.rows.length < 20000) break
          last = String(page.rows.at(-1)!.id)
        }
        const anchorRescreenMs = performance.now() - tr

        // ours: confirm (registry + bank + disposal in one transaction), then the sweep to the end
        const ts = performance.now()
        const confirmed = await transaction(database.db, (tx) =>
          disposal.confirmRumor(tx, actor, node.app.disposal.ctx, {
            text: claim,
            verdict: 'false',
            source: 'trusted',
            sourceRef: `bench-${c}`,
            clarificationUrl: `https://www.tonghua.gov.cn/piyao/bench-${c}`,
            measures: ['stop', 'label'],
            reason: '基准测试：经核实为虚假信息',
            category: 'false',
          }),
        )
        node.app.screening.addClaim(confirmed.claim.id, confirmed.claim.text)
        await node.app.disposal.sweeper.run(confirmed.disposal.id)
        const sweepMs = performance.now() - ts

        const applied = await database.executeSql(
          `select item_id, outcome from disposal_item where disposal_id = $1`,
          [confirmed.disposal.id],
        )
        const stoppedIds = applied.rows.filter((x) => x.outcome === 'applied').map((x) => String(x.item_id))
        const toReview = applied.rows.length - stoppedIds.length
        const stoppedMine = stoppedIds.filter((id) => mineSet.has(id)).length
        const byEvasion: Record<string, { seeded: number; stopped: number }> = {}
        const stoppedSet = new Set(stoppedIds)
        for (const id of mine) {
          const e = seeded.get(id)!.evasion
          byEvasion[e] ??= { seeded: 0, stopped: 0 }
          byEvasion[e].seeded++
          if (stoppedSet.has(id)) byEvasion[e].stopped++
        }
        const d = await disposal.getDisposal(database.db, confirmed.disposal.id)
        const result: ClaimResult = {
          claim: c,
          seeded: mine.length,
          stopped: stoppedMine,
          recall: stoppedMine / mine.length,
          falseStops: stoppedIds.length - stoppedMine,
          toReview,
          candidates: d.candidates,
          sweepMs: Math.round(sweepMs),
          anchorLikeMs: Math.round(anchorLikeMs),
          anchorLikeRecall: likeIds.filter((id) => mineSet.has(id)).length / mine.length,
          anchorLikeFalse: likeIds.filter((id) => !mineSet.has(id)).length,
          anchorRescreenMs: Math.round(anchorRescreenMs),
          anchorRescreenRecall: rescreened.filter((id) => mineSet.has(id)).length / mine.length,
          byEvasion,
        }
        claims.push(result)
        log(
          `${db}: claim ${c}: sweep ${result.sweepMs} ms, recall ${result.recall.toFixed(3)}, false ${result.falseStops}, review ${toReview} | LIKE ${result.anchorLikeMs} ms recall ${result.anchorLikeRecall.toFixed(3)} | re-screen ${result.anchorRescreenMs} ms recall ${result.anchorRescreenRecall.toFixed(3)}`,
        )
      }
      const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
      const med = (xs: number[]) => {
        const s = sorted(xs)
        return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
      }
      results.push({
        db,
        items: N,
        seeded: seeded.size,
        loadSeconds: Math.round(loadMs / 100) / 10,
        index: {
          ms: Math.round(indexMs),
          items: status.indexed,
          bytes: status.bytes,
          rssDeltaMB: Math.round((rssAfter - rssBefore) / 1e6),
        },
        sweepMsMedian: med(claims.map((x) => x.sweepMs)),
        sweepMsMax: Math.max(...claims.map((x) => x.sweepMs)),
        recallMin: Math.min(...claims.map((x) => x.recall)),
        recallMean: claims.reduce((a, x) => a + x.recall, 0) / claims.length,
        falseStops: claims.reduce((a, x) => a + x.falseStops, 0),
        likeMsMedian: med(claims.map((x) => x.anchorLikeMs)),
        likeRecallMean: claims.reduce((a, x) => a + x.anchorLikeRecall, 0) / claims.length,
        rescreenMsMedian: med(claims.map((x) => x.anchorRescreenMs)),
        rescreenRecallMean: claims.reduce((a, x) => a + x.anchorRescreenRecall, 0) / claims.length,
        claims,
      })
    } finally {
      await node.stop()
    }
  }

  try {
    if (DB_ARG !== 'pglite') await run('postgres', PG_ITEMS)
    if (DB_ARG !== 'postgres') await run('pglite', PGLITE_ITEMS)
  } finally {
    for (const name of created) await admin!.query(`drop database if exists "${name}" with (force)`)
    await admin?.end()
  }
  const out = {
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      memGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      load: loadavg(),
    },
    quick: QUICK,
    variantsPerClaim: VARIANTS,
    results,
  }
  const dir = join(HERE, 'results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'sweep.json'), `${JSON.stringify(out, null, 2)}\n`)
  writeFileSync(join(dir, 'sweep.md'), markdown(out))
  log(markdown(out))
}

function markdown(out: { machine: unknown; results: Record<string, unknown>[] }): string {
  const f = (x: unknown, d = 0) => (typeof x === 'number' ? x.toFixed(d) : '—')
  const lines = [
    '# Reverse sweep (A16)',
    '',
    `machine: ${JSON.stringify(out.machine)}`,
    '',
    '| db | items | seeded | index build | index MB | sweep ms median (max) | recall mean (min) | false stops | LIKE ms / recall | re-screen ms / recall | ratio re-screen ÷ sweep |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const r of out.results) {
    const idx = r.index as { ms: number; bytes: number }
    lines.push(
      `| ${r.db} | ${r.items} | ${r.seeded} | ${f(idx.ms / 1000, 1)} s | ${f(idx.bytes / 1e6)} | ${f(r.sweepMsMedian)} (${f(r.sweepMsMax)}) | ${f(r.recallMean, 3)} (${f(r.recallMin, 3)}) | ${r.falseStops} | ${f(r.likeMsMedian)} / ${f(r.likeRecallMean, 3)} | ${f(r.rescreenMsMedian)} / ${f(r.rescreenRecallMean, 3)} | ${f((r.rescreenMsMedian as number) / (r.sweepMsMedian as number), 1)}× |`,
    )
  }
  lines.push(
    '',
    '## Per claim',
    '',
    '| db | claim | sweep ms | candidates | stopped / seeded | review | false | missed evasions |',
    '|---|---|---|---|---|---|---|---|',
  )
  for (const r of out.results) {
    for (const c of r.claims as ClaimResult[]) {
      const missed = Object.entries(c.byEvasion)
        .filter(([, v]) => v.stopped < v.seeded)
        .map(([k, v]) => `${k} ${v.seeded - v.stopped}`)
        .join(', ')
      lines.push(
        `| ${r.db} | ${c.claim} | ${c.sweepMs} | ${c.candidates} | ${c.stopped} / ${c.seeded} | ${c.toReview} | ${c.falseStops} | ${missed || '—'} |`,
      )
    }
  }
  return `${lines.join('\n')}\n`
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
