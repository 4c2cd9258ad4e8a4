// Benchmark of recommendation (issue #9, A14): a platform node started in-process (startNode, timers running) on a
// fresh PostgreSQL database holds N published posts over the last 30 days (the ordinary Weibo posts of
// `../shared/data/weibo-ordinary-posts`, a third of them with a Tonghua topic word added so that the model's topics
// apply; invented Tonghua sentences when the data is absent), U users with interest tags (20% with personalisation
// off), engagement counts, a few low-credit authors and 20 operators' interventions. Measured:
//   1. the feed service in-process: `FeedService.feed` for random users, one at a time — p50 / p99 per request;
//   2. over HTTP: autocannon (a child process) on GET /api/users/me/feed rotating signed-in users, and on the
//      anonymous GET /api/feed — requests/s and latency percentiles on this machine's 2 cores — against the anchor of
//      the same run: GET /api/content (the newest 30 posts by one indexed query, no ranking);
//   3. an offline simulated day: impressions (top 20 of each of 20,000 feed requests over a day's candidates) by
//      category, before the compliance model (freshness, engagement, interest only; the screening's categories
//      ignored) and after it (A14: encourage boosted within its bound, prevent demoted, prohibit never shown).
// Run: npx tsx bench/feed.ts [--items N] [--users N] [--seconds N] [--connections N]   (BENCH_QUICK=1: 100k / 10k;
//        BENCH_PG_URL overrides the server; a database qinglang_bench_<random> is created and dropped at the end).
// Writes bench/results/feed.json and bench/results/feed.md.
import { fork } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readJsonl, rng } from './data.ts'

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

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d

/** Sentences written for this benchmark, used when the Weibo data is absent. */
const FALLBACK = [
  '今天东昌区的早市人特别多，菜价比上周便宜了一点',
  '二道江的冬天来得早，小区已经开始供暖了',
  '周末带孩子去图书馆看书，阅览室里很安静',
  '新开的那家冷面馆味道不错，就是排队有点久',
  '下班路上堵了半个小时，新华大街还在修路',
]
/** A topic word of the default model per topic (src/platform/recommendation/model.ts), added to a third of the posts. */
const TOPIC_WORDS = ['杨靖宇', '高句丽', '长白山', '葡萄酒', '志愿者', '公交', '停水', '中考']

interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p90: number; p99: number; max: number; average: number }
  '2xx': number
  non2xx: number
  errors: number
  timeouts: number
}
interface LoadPlan {
  url: string
  path: string
  connections: number
  seconds: number
  cookies: string[]
}

// ---- the load generator (child process) ----
if (process.argv.includes('--load-generator')) {
  const autocannon = createRequire(import.meta.url)('autocannon') as (o: unknown) => Promise<AutocannonResult>
  process.on('message', async (plan: LoadPlan) => {
    let n = 0
    const result = await autocannon({
      url: plan.url,
      connections: plan.connections,
      duration: plan.seconds,
      requests: [
        {
          method: 'GET',
          path: plan.path,
          setupRequest: (req: { headers: Record<string, string> }) => {
            const cookie = plan.cookies.length > 0 ? plan.cookies[n++ % plan.cookies.length] : undefined
            return cookie ? { ...req, headers: { ...req.headers, cookie } } : req
          },
        },
      ],
    })
    process.send?.(result)
  })
} else {
  await main()
}

async function load(plan: LoadPlan): Promise<AutocannonResult> {
  const child = fork(fileURLToPath(import.meta.url), ['--load-generator'], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  })
  try {
    return await new Promise<AutocannonResult>((resolve, reject) => {
      child.once('message', (m) => resolve(m as AutocannonResult))
      child.once('error', reject)
      child.send(plan)
    })
  } finally {
    child.kill()
  }
}

async function main(): Promise<void> {
  const [{ default: pg }, { loadConfig }, { transaction }, { startNode }, rec, { DEFAULT_CREDIT_POLICY }] =
    await Promise.all([
      import('pg'),
      import('../src/core/config.ts'),
      import('../src/core/db/index.ts'),
      import('../src/server/start.ts'),
      import('../src/platform/recommendation/index.ts'),
      import('../src/platform/credit/index.ts'),
    ])
  const N = num('items', QUICK ? 100_000 : 1_000_000)
  const U = num('users', QUICK ? 10_000 : 100_000)
  const SECONDS = num('seconds', QUICK ? 5 : 15)
  const CONNECTIONS = num('connections', 10)
  const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

  const posts = readJsonl<{ text: string }>('weibo-ordinary-posts/posts.jsonl')
  const corpus = posts ? posts.map((p) => p.text).filter((t) => t.trim().length > 0) : FALLBACK
  log(`feed: ${posts ? `Weibo corpus, ${corpus.length} posts` : 'Weibo data absent: invented sentences'}`)

  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  const dbName = `qinglang_bench_${randomBytes(6).toString('hex')}`
  await admin.query(`create database "${dbName}"`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${dbName}`
  const { config, secrets } = loadConfig(
    { QINGLANG_RATE_LIMIT: '1000000', QINGLANG_LOGIN_ATTEMPTS_PER_MINUTE: '10000' },
    {
      role: 'platform',
      id: 'bench-platform',
      nameZh: '通化同城圈',
      nameEn: 'Tonghua Neighbours',
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      masterKey: randomBytes(32),
      databaseUrl: url.toString(),
    },
  )
  const node = await startNode(config, secrets)
  const db = node.database
  const r = rng(9)
  const out: Record<string, unknown> = {
    machine: { node: process.version, cpus: cpus().length, memGiB: round(totalmem() / 2 ** 30, 1) },
    items: N,
    users: U,
    corpus: posts ? 'weibo-ordinary-posts' : 'invented',
  }
  try {
    // ---- load ----
    const t0 = performance.now()
    const userIds: string[] = []
    for (let i = 0; i < U; i++) userIds.push(randomUUID())
    for (let from = 0; from < U; from += 20_000) {
      const ids = userIds.slice(from, from + 20_000)
      await db.executeSql(
        `insert into platform_user (id, phone_hmac, phone_sealed, display_name, password_hash, status)
         select id, 'bench-' || id, 'x', '通化网友' || n, 'x', 'active'
         from unnest($1::uuid[]) with ordinality as u(id, n)`,
        [ids],
      )
    }
    // 2% of authors at a score whose tier may not be recommended
    const lowTier = [...DEFAULT_CREDIT_POLICY.tiers].reverse().find((t) => !t.capabilities.recommend)
    const authors = userIds.slice(0, Math.min(U, 20_000))
    const low = authors.filter(() => r() < 0.02)
    if (lowTier)
      await db.executeSql(
        `insert into credit_account (user_id, score, updated_at) select id, $2, now() from unnest($1::uuid[]) as t(id)`,
        [low, lowTier.min],
      )
    const now = Date.now()
    const span = 30 * 86_400_000
    const BATCH = 10_000
    const CATS: [string, number][] = [
      ['prohibit', 0.01],
      ['prevent', 0.05],
      ['encourage', 0.05],
    ]
    for (let from = 0; from < N; from += BATCH) {
      const ids: string[] = []
      const au: string[] = []
      const texts: string[] = []
      const created: string[] = []
      const verdicts: string[] = []
      for (let i = from; i < Math.min(N, from + BATCH); i++) {
        ids.push(randomUUID())
        au.push(authors[Math.floor(r() * authors.length)]!)
        const base = corpus[i % corpus.length]!
        texts.push(r() < 0.33 ? `${base} ${TOPIC_WORDS[Math.floor(r() * TOPIC_WORDS.length)]}` : base)
        // newest last: item i was published (N - i) / N of 30 days ago
        created.push(new Date(now - Math.floor(((N - i) / N) * span)).toISOString())
        const x = r()
        let acc = 0
        let cat: string | null = null
        for (const [c, p] of CATS) {
          acc += p
          if (x < acc) {
            cat = c
            break
          }
        }
        verdicts.push(
          JSON.stringify({
            outcome: 'allow',
            reasons: cat ? [{ type: 'term', term: 'bench', category: cat, severity: 1, basis: ['A14'] }] : [],
            ruleVersion: 'rule-set/0',
          }),
        )
      }
      await db.executeSql(
        `insert into content_item (id, kind, author_id, text, fiction_declared, fiction_label, status, verdict,
           rule_version, rules_accepted, credit_pre_review, created_at, decided_at)
         select id, 'post', author, text, false, false, 'published', verdict, 'rule-set/0', '[]'::jsonb, false,
           created, created
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::jsonb[])
           as t(id, author, text, created, verdict)`,
        [ids, au, texts, created, verdicts],
      )
      // engagement of each item
      await db.executeSql(
        `insert into item_engagement (item_id, views, likes, replies)
         select id, (random() * 500)::int, (random() * 40)::int, (random() * 10)::int from unnest($1::uuid[]) as t(id)`,
        [ids],
      )
      if ((from / BATCH) % 20 === 0) log(`feed: loaded ${from + ids.length} / ${N} items`)
    }
    // interests: three tags per user; 20% with personalisation off
    const tags = rec.DEFAULT_RECOMMENDATION_MODEL.topics.map((t) => t.tag)
    for (let from = 0; from < U; from += 20_000) {
      const us: string[] = []
      const ts: string[] = []
      const ws: number[] = []
      for (const u of userIds.slice(from, from + 20_000)) {
        const picked = new Set<string>()
        while (picked.size < 3) picked.add(tags[Math.floor(r() * tags.length)]!)
        for (const t of picked) {
          us.push(u)
          ts.push(t)
          ws.push(round(0.1 + r() * 0.9))
        }
      }
      await db.executeSql(
        `insert into user_interest (user_id, tag, weight, updated_at)
         select u, t, w, now() from unnest($1::uuid[], $2::text[], $3::real[]) as x(u, t, w)`,
        [us, ts, ws],
      )
      await db.executeSql(
        `insert into feed_setting (user_id, personalised, updated_at)
         select u, false, now() from unnest($1::uuid[]) as x(u)`,
        [userIds.slice(from, from + 20_000).filter(() => r() < 0.2)],
      )
    }
    await db.executeSql('analyze')
    const loadMs = performance.now() - t0
    log(`feed: loaded in ${round(loadMs / 1000, 1)} s`)
    // twenty interventions by an operator, through the use case (ledger entries and all)
    const recent = (await db.executeSql(
      `select id from content_item order by created_at desc limit 200`,
    )) as unknown as { rows: { id: string }[] }
    // a real operator, made as the demo makes its staff
    const { seedDemoStaff } = await import('../src/demo/demo.ts')
    const { staffActorByLogin } = await import('../src/core/auth/index.ts')
    await transaction(db.db, (tx) => seedDemoStaff(tx, 'platform', 'bench-password-123'))
    const actor = await transaction(db.db, (tx) => staffActorByLogin(tx, 'operator'))
    const actions = ['pin', 'boost', 'demote', 'exclude'] as const
    await transaction(db.db, async (tx) => {
      for (let i = 0; i < 20; i++) {
        const action = actions[i % 4]!
        await rec.addIntervention(tx, actor, {
          targetKind: 'item',
          target: recent.rows[i * 7]!.id,
          action,
          ...(action === 'boost' || action === 'demote' ? { factor: 2 } : {}),
          reason: '基准测试干预',
          expiresAt: new Date(now + 86_400_000).toISOString(),
        })
      }
    })

    // ---- 1. the feed service in-process ----
    const feeds = node.app.feeds
    await feeds.feed({ id: userIds[0]! }, { limit: 30 })
    const lat: number[] = []
    const t1 = performance.now()
    const REQS = QUICK ? 500 : 3000
    let served = 0
    for (let i = 0; i < REQS; i++) {
      const u = userIds[Math.floor(r() * U)]!
      const s = performance.now()
      served += (await feeds.feed({ id: u }, { limit: 30 })).items.length
      lat.push(performance.now() - s)
    }
    const inProcessMs = performance.now() - t1
    lat.sort((a, b) => a - b)
    out.inProcess = {
      requests: REQS,
      p50Ms: round(pct(lat, 0.5)),
      p99Ms: round(pct(lat, 0.99)),
      maxMs: round(lat.at(-1) ?? 0),
      requestsPerSecond: round(REQS / (inProcessMs / 1000), 0),
      meanItems: round(served / REQS, 1),
    }
    log(`feed: in-process ${JSON.stringify(out.inProcess)}`)

    // ---- 2. over HTTP ----
    const port = (node.app.server.address() as { port: number }).port
    const base = `http://127.0.0.1:${port}`
    const cookies: string[] = []
    for (let k = 0; k < 64; k++) {
      const res = await fetch(`${base}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          phone: `158${String(4360000 + k).padStart(8, '0')}`,
          password: `bench-pass-${k}-tonghua`,
          displayName: `推荐测试${k}`,
        }),
      })
      if (!res.ok) throw new Error(`register: ${res.status} ${await res.text()}`)
      const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('ql_user=')) ?? '').split(';')[0]!
      cookies.push(cookie)
    }
    // the signed-in users get interests too
    await db.executeSql(
      `insert into user_interest (user_id, tag, weight, updated_at)
       select u.id, t, 0.5, now() from platform_user u, unnest($1::text[]) as t
       where u.display_name like '推荐测试%'`,
      [tags.slice(0, 3)],
    )
    const http: Record<string, unknown> = {}
    for (const [label, path, useCookies] of [
      ['personalised /api/users/me/feed', '/api/users/me/feed?limit=30', true],
      ['anonymous /api/feed', '/api/feed?limit=30', false],
      // the anchor: the newest 30 posts straight from the database, what a feed without recommendation serves
      ['anchor: newest posts /api/content', '/api/content?limit=30', false],
    ] as const) {
      await load({
        url: base,
        path,
        connections: CONNECTIONS,
        seconds: 3,
        cookies: useCookies ? cookies : [],
      })
      const res = await load({
        url: base,
        path,
        connections: CONNECTIONS,
        seconds: SECONDS,
        cookies: useCookies ? cookies : [],
      })
      http[label] = {
        requestsPerSecond: round(res.requests.average, 0),
        p50Ms: res.latency.p50,
        p90Ms: res.latency.p90,
        p99Ms: res.latency.p99,
        maxMs: res.latency.max,
        ok: res['2xx'],
        non2xx: res.non2xx,
        errors: res.errors + res.timeouts,
      }
      log(`feed: ${label} ${JSON.stringify(http[label])}`)
    }
    out.http = { connections: CONNECTIONS, seconds: SECONDS, ...http }

    // ---- 3. the simulated day ----
    out.simulatedDay = simulateDay(rec, r)
    out.loadSeconds = round(loadMs / 1000, 1)
    out.load = loadavg().map((x) => round(x, 1))
  } finally {
    await node.stop()
    await admin.query(`drop database if exists "${dbName}" with (force)`)
    await admin.end()
  }
  mkdirSync(join(HERE, 'results'), { recursive: true })
  writeFileSync(join(HERE, 'results', 'feed.json'), `${JSON.stringify(out, null, 2)}\n`)
  writeFileSync(join(HERE, 'results', 'feed.md'), toMarkdown(out))
  log('feed: wrote bench/results/feed.json and .md')
}

type Rec = typeof import('../src/platform/recommendation/index.ts')

/**
 * A day of feed requests over one day's candidates (2,000 posts of the same category mix as the load), top 20 shown
 * of each of 20,000 requests by users with three random interests: impressions by category before and after the
 * compliance model.
 */
function simulateDay(rec: Rec, r: () => number) {
  const model = rec.DEFAULT_RECOMMENDATION_MODEL
  const tags = model.topics.map((t) => t.tag)
  const now = Date.UTC(2026, 10, 30, 12)
  const candidates = Array.from({ length: 2000 }, (_, i) => {
    const x = r()
    const category = x < 0.01 ? 'prohibit' : x < 0.06 ? 'prevent' : x < 0.11 ? 'encourage' : 'neutral'
    const topics = r() < 0.33 ? [tags[Math.floor(r() * tags.length)]!] : []
    const encouragedTopic = topics.some((t) => model.topics.find((d) => d.tag === t)?.encourage)
    return {
      id: `d${i}`,
      authorId: `a${i % 300}`,
      createdAt: now - Math.floor(r() * 86_400_000),
      likes: Math.floor(r() ** 3 * 200),
      replies: Math.floor(r() ** 3 * 50),
      views: Math.floor(r() * 2000),
      topics,
      // what the compliance model sees: the verdict's category, or an encouraged topic
      category: (category === 'neutral' && encouragedTopic ? 'encourage' : category) as
        | 'encourage'
        | 'neutral'
        | 'prevent'
        | 'prohibit',
      restricted: false,
      authorRecommendable: true,
    }
  })
  const count = (compliance: boolean) => {
    const shown: Record<string, number> = { encourage: 0, neutral: 0, prevent: 0, prohibit: 0 }
    // before: the same ranker blind to categories (what a feed without the A14 model does)
    const blind = candidates.map((c) => ({ ...c, category: 'neutral' as const }))
    const byId = new Map(candidates.map((c) => [c.id, c.category]))
    const seedR = rng(77)
    for (let q = 0; q < 20_000; q++) {
      const interests = new Map<string, number>()
      for (let k = 0; k < 3; k++) interests.set(tags[Math.floor(seedR() * tags.length)]!, 0.2 + seedR() * 0.8)
      const feed = rec.rankFeed({
        candidates: compliance ? candidates : blind,
        model: compliance ? model : { ...model, encourageBoost: 0, preventFactor: 1 },
        interventions: [],
        personalised: seedR() >= 0.2,
        interests,
        now: now + Math.floor(seedR() * 86_400_000),
        limit: 20,
        seed: q,
      })
      for (const e of feed) shown[byId.get(e.id)!]! += 1
    }
    const total = Object.values(shown).reduce((a, b) => a + b, 0)
    return Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, round(v / total, 4)]))
  }
  const pool: Record<string, number> = { encourage: 0, neutral: 0, prevent: 0, prohibit: 0 }
  for (const c of candidates) pool[c.category]! += 1
  return {
    requests: 20_000,
    perRequest: 20,
    candidates: Object.fromEntries(
      Object.entries(pool).map(([k, v]) => [k, round(v / candidates.length, 4)]),
    ),
    before: count(false),
    after: count(true),
  }
}

function toMarkdown(o: Record<string, unknown>): string {
  const ip = o.inProcess as Record<string, number>
  const http = o.http as Record<string, Record<string, number> | number>
  const day = o.simulatedDay as Record<string, Record<string, number>>
  const share = (x: number | undefined) => `${round((x ?? 0) * 100, 1)}%`
  const lines = [
    `# Recommendation (issue #9): ${Number(o.items).toLocaleString('en')} posts, ${Number(o.users).toLocaleString('en')} users, PostgreSQL 15`,
    '',
    `Machine: ${JSON.stringify(o.machine)}; load average at the end ${JSON.stringify(o.load)}; corpus ${o.corpus}.`,
    '',
    '| measure | requests/s | p50 ms | p99 ms |',
    '|---|---:|---:|---:|',
    `| feed service in-process, one at a time (${ip.requests} requests) | ${ip.requestsPerSecond} | ${ip.p50Ms} | ${ip.p99Ms} |`,
  ]
  for (const [label, v] of Object.entries(http)) {
    if (typeof v !== 'object') continue
    lines.push(
      `| HTTP ${label}, ${http.connections} connections | ${v.requestsPerSecond} | ${v.p50Ms} | ${v.p99Ms} |`,
    )
  }
  lines.push(
    '',
    `Simulated day (${day.requests} requests × top ${day.perRequest}): share of impressions by category.`,
    '',
    '| | encourage | neutral | prevent | prohibit |',
    '|---|---:|---:|---:|---:|',
  )
  for (const k of ['candidates', 'before', 'after'])
    lines.push(
      `| ${k} | ${share(day[k]?.encourage)} | ${share(day[k]?.neutral)} | ${share(day[k]?.prevent)} | ${share(day[k]?.prohibit)} |`,
    )
  return `${lines.join('\n')}\n`
}
