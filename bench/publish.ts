// Benchmark of the publish path (issue #5): `POST /api/content` over HTTP against a real platform node started
// in-process with startNode (full engine, ledger sequencer and checkpoint timers running), on the PostgreSQL
// server and on PGlite in memory, under autocannon with a realistic mix: ≈90% allowed text, ≈8% that the demo
// lexicon holds and ≈2% that it blocks, over posts, comments, replies and bullet comments, rotating many verified
// users. Also an anchor: a bare fastify POST route with JSON schema validation, under the same load.
// autocannon runs in a child process (this file with --load-generator) so that it does not share the node's event
// loop. Writes bench/results/publish.json and bench/results/publish.md.
// Run: npx tsx bench/publish.ts [--db pglite|postgres|both] [--seconds N] [--connections N] [--rounds N]
//        [--users N] [--warmup N] [--no-anchor]        (BENCH_QUICK=1: a short smoke run; BENCH_PG_URL overrides
//        the server, on which a database qinglang_bench_<random> is created and dropped at the end)
//   Diagnostics (their results go to the temporary folder, not bench/results): --pool N (the server pool's size
//   instead of 10), --profile DIR (a CPU profile of the node's process during the measured rounds).
import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const RESULTS_DIR = join(HERE, 'results')
const QUICK = process.env.BENCH_QUICK === '1'

// ---------------------------------------------------------------------------------------------------------------
// The request mix. Texts are written for this benchmark: everyday talk about Tonghua (allowed), and what the demo
// lexicon (src/demo/platform-content.ts) holds for a reviewer or blocks under the default policy. Every text is
// screened by the node's engine before the load starts; a text whose outcome is not its class stops the run.

type Kind = 'post' | 'comment' | 'reply' | 'danmaku'
type Klass = 'allow' | 'hold' | 'block'

const ALLOWED: Record<Kind, string[]> = {
  post: [
    '今天早上去玉皇山公园爬山，台阶上全是晨练的大爷大妈，山顶往下看整个通化城都在薄雾里，特别好看。',
    '东昌区新开了一家朝鲜族冷面馆，汤是酸甜口的，配上辣白菜，一碗下去浑身舒坦，人均二十多块。',
    '周末带孩子去杨靖宇烈士陵园，讲解员讲得很细，孩子回来说要好好学习，这趟没白去。',
    '集安五女峰国家森林公园的叶子开始变红了，估计下周是最佳观赏期，想去的朋友抓紧时间。',
    '二道江区的菜市场今天黄瓜一块五一斤，豆角三块，比上周便宜了不少，顺手买了点小葱。',
    '通化葡萄酒节今年在哪儿办有人知道吗？去年在江北广场，人特别多，冰葡萄酒真不错。',
    '下班路过新华大街，路灯都换成了新的，晚上走路亮堂多了，给市政的师傅们点个赞。',
    '辉南县龙湾景区今天人不多，三角龙湾的水清得能看见底，拍照都不用修图。',
    '柳河的山葡萄今年收成好，亲戚家自酿了几坛，说是留着过年的时候再开。',
    '梅河口的大米真是好吃，蒸出来有股清香，外地朋友来了都要带几袋回去。',
    '长白山脚下的温泉泡完整个人都松快了，就是周末房价涨得有点多，建议错峰去。',
    '通化师范学院今年的樱花开得晚，但是开得特别密，图书馆前面那一排最好看。',
    '浑江边的步道修好了，晚上吃完饭沿着江边走一圈，风吹着很舒服，就是蚊子有点多。',
    '请问东昌区哪里有靠谱的修手机的店？屏幕摔裂了，想换个原装屏，价格合适就行。',
    '今年冬天来得早，十月底就下了第一场雪，大家出门注意路滑，开车慢一点。',
    '靖宇县的蓝莓熟了，山上采的野生蓝莓，酸甜口，五十块钱一大盆，孩子特别爱吃。',
    '想带爸妈去长白山看天池，从通化出发是坐火车方便还是自驾方便？求有经验的朋友指点。',
    '集安高句丽王陵的将军坟真壮观，一千多年前的石头垒得那么整齐，古人太厉害了。',
    '今天去人参市场逛了一圈，五年生的园参价格还算公道，买了两盒送家里老人。',
    '女儿学校组织去东北抗联纪念馆参观，回来给我讲了好多杨靖宇将军的故事，听得我也很感动。',
    '小区楼下新开了个早餐铺，豆腐脑加油条五块钱，老板两口子特别实在，分量足。',
    '昨晚江北夜市人山人海，烤冷面、炸串、糖葫芦，一圈吃下来撑得走不动道。',
    '有没有一起周末去白鸡峰徒步的？早上七点出发，下午就能回来，路线不难，适合新手。',
    '通化的松花石砚台挺有名的，今天在文化市场看到一块纹路特别漂亮的，有点心动。',
    '今天带狗去滨江公园，碰到好多遛狗的，大家都自觉拴绳捡粪便，文明养犬点赞。',
    '刚考完驾照科目二，一把过！感谢驾校的王教练，耐心又细致，下个月考科目三。',
    '听说市图书馆周末有免费的亲子阅读活动，有去过的家长说说怎么样吗？',
    '快入冬了，家里暖气已经试水，今年供暖比往年早几天，屋里暖和多了。',
    '鸭绿江边的集安城区太适合慢慢逛了，小城安静，空气也好，住了三天都不想走。',
    '通化县快大茂镇赶大集，自家种的土豆、白菜、大葱一车一车的，热闹得很。',
    '周六在万峰滑雪场滑了一天，雪质比去年好，初级道人不多，教练也专业。',
    '我们单位组织去红色文化教育基地学习，听老同志讲当年的抗联密营，很受教育。',
  ],
  comment: [
    '说得对，我上周也去了，确实不错。',
    '收藏了，下次去试试。',
    '请问具体地址在哪儿？想带家里人一起去。',
    '照片拍得真好，是用手机拍的吗？',
    '同意楼主，通化这几年变化挺大的。',
    '我家孩子也去过，回来念叨了好几天。',
    '价格还算公道，就是排队的人有点多。',
    '周末人多，建议工作日去。',
    '感谢分享，正好在找这方面的信息。',
    '我觉得还可以，就是停车不太方便。',
    '去年去过一次，今年还想再去。',
    '这个季节去最合适，不冷不热。',
    '楼主说的那家我也吃过，味道一直没变。',
    '有没有公交能直接到？不想开车。',
    '路上注意安全，山里信号不太好。',
    '我们单位组织去过，讲解很专业。',
    '老家就在那边，欢迎大家常来玩。',
    '早上去人少，拍照效果更好。',
    '谢谢提醒，出门多穿点。',
    '支持本地商家，希望越做越好。',
  ],
  reply: [
    '回复楼上：在江北那边，导航一搜就有。',
    '是的，我也这么觉得。',
    '十二路公交可以到，下车走五分钟。',
    '工作日确实人少，上次周二去的基本没排队。',
    '谢谢，我下次早点去。',
    '哈哈，同感。',
    '停车场在后门，知道的人不多。',
    '就是普通手机，光线好就行。',
    '好的，回头我也去看看。',
    '那边冬天更好看，下雪以后像画一样。',
    '对，老板人特别好，还送了一碟小菜。',
    '我也是东昌的，咱们算老乡了。',
  ],
  danmaku: [
    '通化加油',
    '这是哪儿？好美',
    '前排打卡',
    '家乡的味道',
    '我家就在附近',
    '看饿了',
    '太好看了吧',
    '下次一定去',
    '雪景绝了',
    '这个镜头好',
    '集安的朋友举手',
    '想家了',
    '支持支持',
    '老板好实在',
    '哈哈哈哈',
    '二道江来报到',
    '空气真好',
    '记录美好生活',
    '小时候常去',
    '梅河口路过',
  ],
}

/** Held for a reviewer under the default policy: prohibited terms of severity 1–2 and a severity-3 "prevent" term. */
const HELD = [
  '听说二道江那边辐射泄漏了，有没有人知道真假？',
  '朋友说化工厂附近可能有辐射泄漏，大家这几天少出门吧。',
  '辐射泄漏是真的吗',
  '政府内部消息，下周起全市停暖检修，赶紧准备电暖气。',
  '我二舅说的政府内部消息，明年要调整区划，先别买房。',
  '网上传一份红头文件截图，说是紧急通知全市学校停课，有人知道真假吗？',
  '超市里大家都在抢购食盐，说是要涨价，我也跟着买了两袋。',
  '不转不是通化人！家乡的大米要让全国都知道！',
]

/** Blocked under the default policy: prohibited terms of severity 3, and copies of the demo's known false claims. */
const BLOCKED = [
  '浑江水库溃坝了！下游的赶紧往高处跑！',
  '专家说通化将发生大地震，这几天晚上别在屋里睡。',
  '明天全市封城，赶紧去超市囤菜！',
  '紧急通知：浑江上游发生化工原料泄漏，全市自来水已被污染，三天内不要饮用自来水！',
  '梅河口市明天起全城封控，所有超市停业，请市民尽快囤积粮食和食盐，扩散！',
]

const KIND_SHARES: [Kind, number][] = [
  ['post', 0.15],
  ['comment', 0.35],
  ['reply', 0.15],
  ['danmaku', 0.35],
]
const CLASS_SHARES: [Klass, number][] = [
  ['allow', 0.9],
  ['hold', 0.08],
  ['block', 0.02],
]

function textsOf(klass: Klass, kind: Kind): string[] {
  return klass === 'allow' ? ALLOWED[kind] : klass === 'hold' ? HELD : BLOCKED
}

/** mulberry32: a small seeded generator, so that every run sends the same sequence. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(shares: [T, number][], x: number): T {
  let acc = 0
  for (const [v, share] of shares) {
    acc += share
    if (x < acc) return v
  }
  return shares[shares.length - 1]![0]
}

// ---------------------------------------------------------------------------------------------------------------
// The load generator (child process): one autocannon run per message.

interface BenchUser {
  cookie: string
  csrf: string
}

interface LoadPlan {
  label: string
  url: string
  connections: number
  seconds: number
  seed: number
  users: BenchUser[]
  posts: string[]
  comments: string[]
}

interface Counts {
  /** HTTP status → responses. */
  http: Record<string, number>
  /** Item status of 201 responses (published / held / rejected). */
  outcome: Record<string, number>
  /** Intended class → item status → responses. */
  byClass: Record<string, Record<string, number>>
  /** Kind → item status → responses. */
  byKind: Record<string, Record<string, number>>
  /** Problem code of non-2xx responses. */
  problems: Record<string, number>
  /** Requests sent per user and kind: the most any user sent of each kind (daily limits). */
  maxPerUserKind: Record<string, number>
}

interface RoundResult {
  label: string
  requestsPerSecond: number
  requestsPerSecondStddev: number
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number }
  total: number
  twoXx: number
  non2xx: number
  errors: number
  timeouts: number
  durationSeconds: number
  counts: Counts
  generatorCpuShare: number
}

interface AutocannonResult {
  requests: { average: number; stddev: number; total: number }
  latency: { p50: number; p90: number; p99: number; max: number; average: number }
  '2xx': number
  non2xx: number
  errors: number
  timeouts: number
  duration: number
}
interface AutocannonRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: string
}
interface AutocannonOptions {
  url: string
  connections: number
  duration: number
  pipelining: number
  requests: {
    method: string
    path: string
    setupRequest: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest
    onResponse: (status: number, body: string, context: Record<string, unknown>) => void
  }[]
}
type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>

const bump = (m: Record<string, number>, k: string, by = 1) => {
  m[k] = (m[k] ?? 0) + by
}
const bump2 = (m: Record<string, Record<string, number>>, a: string, b: string) => {
  m[a] ??= {}
  bump(m[a], b)
}

async function loadGenerator(): Promise<void> {
  // autocannon 9 ships no type declarations.
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
  process.on('message', async (plan: LoadPlan | 'exit') => {
    if (plan === 'exit') {
      process.disconnect?.()
      return
    }
    const random = rng(plan.seed)
    const perUserKind = new Map<string, number>()
    const counts: Counts = {
      http: {},
      outcome: {},
      byClass: {},
      byKind: {},
      problems: {},
      maxPerUserKind: {},
    }
    let n = 0
    const cpu = process.cpuUsage()
    const t0 = performance.now()
    const result = await autocannon({
      url: plan.url,
      connections: plan.connections,
      duration: plan.seconds,
      pipelining: 1,
      requests: [
        {
          method: 'POST',
          path: '/api/content',
          setupRequest: (req, context) => {
            const i = n++
            const kind = pick(KIND_SHARES, random())
            const klass = pick(CLASS_SHARES, random())
            const texts = textsOf(klass, kind)
            const text = texts[Math.floor(random() * texts.length)]!
            const u = i % plan.users.length
            const user = plan.users[u]!
            const body: Record<string, unknown> = { kind, text }
            if (kind === 'comment' || kind === 'danmaku')
              body.parentId = plan.posts[Math.floor(random() * plan.posts.length)]
            if (kind === 'reply') body.parentId = plan.comments[Math.floor(random() * plan.comments.length)]
            if (kind === 'danmaku') body.danmakuMs = Math.floor(random() * 600_000)
            const key = `${u}/${kind}`
            perUserKind.set(key, (perUserKind.get(key) ?? 0) + 1)
            context.kind = kind
            context.klass = klass
            return {
              ...req,
              headers: {
                ...req.headers,
                'content-type': 'application/json',
                cookie: user.cookie,
                'x-csrf-token': user.csrf,
              },
              body: JSON.stringify(body),
            }
          },
          onResponse: (status, body, context) => {
            bump(counts.http, String(status))
            let parsed: { status?: string; code?: string } = {}
            try {
              parsed = JSON.parse(body) as typeof parsed
            } catch {}
            if (status >= 200 && status < 300) {
              const outcome = parsed.status ?? 'unknown'
              bump(counts.outcome, outcome)
              bump2(counts.byClass, String(context.klass), outcome)
              bump2(counts.byKind, String(context.kind), outcome)
            } else {
              bump(counts.problems, `${status} ${parsed.code ?? 'unparsed'}`)
              bump2(counts.byClass, String(context.klass), `http ${status}`)
              bump2(counts.byKind, String(context.kind), `http ${status}`)
            }
          },
        },
      ],
    })
    const seconds = (performance.now() - t0) / 1000
    const used = process.cpuUsage(cpu)
    for (const [key, v] of perUserKind) {
      const kind = key.split('/')[1]!
      counts.maxPerUserKind[kind] = Math.max(counts.maxPerUserKind[kind] ?? 0, v)
    }
    const out: RoundResult = {
      label: plan.label,
      requestsPerSecond: result.requests.average,
      requestsPerSecondStddev: result.requests.stddev,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        mean: result.latency.average,
      },
      total: result['2xx'] + result.non2xx,
      twoXx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      durationSeconds: result.duration,
      counts,
      generatorCpuShare: (used.user + used.system) / 1e6 / seconds,
    }
    process.send?.(out)
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics and machine readings

interface Range {
  n: number
  median: number
  min: number
  max: number
}

function range(xs: readonly number[]): Range {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  const median = s.length === 0 ? Number.NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
  return { n: s.length, median, min: s[0] ?? Number.NaN, max: s.at(-1) ?? Number.NaN }
}

const CLOCK_TICKS = 100

/** CPU seconds used so far by every process named postgres (all databases of the server, any client). */
function postgresCpuSeconds(): number {
  let ticks = 0
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue
      const fields = stat
        .slice(close + 2)
        .split(' ')
        .map(Number)
      ticks += (fields[11] ?? 0) + (fields[12] ?? 0)
    } catch {}
  }
  return ticks / CLOCK_TICKS
}

/** The machine's busy and total CPU time so far, in ticks (/proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
  const v = line.trim().split(/\s+/).slice(1).map(Number)
  const total = v.reduce((a, b) => a + b, 0)
  const idle = (v[3] ?? 0) + (v[4] ?? 0)
  return { busy: total - idle, total }
}

interface Readings {
  nodeCpuShare: number
  postgresCpuShare: number
  machineBusyShare: number
  eventLoopDelayMs: { p50: number; p99: number; max: number }
  load1: number
}

function startReadings(): () => Readings {
  const cpu = process.cpuUsage()
  const pg0 = postgresCpuSeconds()
  const m0 = machineTicks()
  const t0 = performance.now()
  const eld = monitorEventLoopDelay({ resolution: 10 })
  eld.enable()
  return () => {
    eld.disable()
    const seconds = (performance.now() - t0) / 1000
    const used = process.cpuUsage(cpu)
    const m1 = machineTicks()
    return {
      nodeCpuShare: (used.user + used.system) / 1e6 / seconds,
      postgresCpuShare: (postgresCpuSeconds() - pg0) / seconds,
      machineBusyShare: (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total),
      eventLoopDelayMs: {
        p50: eld.percentile(50) / 1e6,
        p99: eld.percentile(99) / 1e6,
        max: eld.max / 1e6,
      },
      load1: loadavg()[0]!,
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The benchmark (parent process)

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function numberArg(name: string, fallback: number): number {
  const raw = arg(name)
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`)
  return n
}

async function main(): Promise<void> {
  const [
    { default: Fastify },
    { sql },
    { default: pg },
    { loadConfig },
    { transaction },
    { seedDemoStaff, seedPlatformContent, seedPlatformScreening },
    { checkCharacter },
    { startNode },
  ] = await Promise.all([
    import('fastify'),
    import('drizzle-orm'),
    import('pg'),
    import('../src/core/config.ts'),
    import('../src/core/db/index.ts'),
    import('../src/demo/demo.ts'),
    import('../src/platform/identity/index.ts'),
    import('../src/server/start.ts'),
  ])
  type RunningNode = Awaited<ReturnType<typeof startNode>>

  const DB_ARG = arg('db') ?? 'both'
  if (!['pglite', 'postgres', 'both'].includes(DB_ARG))
    throw new Error('--db must be pglite, postgres or both')
  const SECONDS = numberArg('seconds', QUICK ? 3 : 15)
  const CONNECTIONS = numberArg('connections', QUICK ? 10 : 32)
  const ROUNDS = numberArg('rounds', QUICK ? 1 : 3)
  const WARMUP = numberArg('warmup', QUICK ? 2 : 5)
  const USERS = numberArg('users', QUICK ? 40 : 400)
  const ANCHOR = !process.argv.includes('--no-anchor')
  // Diagnostic: the server pool's size instead of openDatabase's 10 (results then go to the temporary folder).
  const POOL = arg('pool') === undefined ? null : numberArg('pool', 10)
  // Diagnostic: a CPU profile of this process (the node) during the measured rounds, written to DIR/publish-<db>.cpuprofile.
  const PROFILE_DIR = arg('profile') ?? null
  const PARENT_POSTS = QUICK ? 6 : 40
  const PARENT_COMMENTS = QUICK ? 12 : 80
  const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const RATE_LIMIT = 1_000_000
  const started = performance.now()
  const log = (line: string) => process.stderr.write(`${line}\n`)

  // The statements node-postgres sends while measured rounds run, counted by text (one Map update per statement).
  const queryCounts = new Map<string, number>()
  let counting = false
  {
    const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }
    const original = proto.query
    proto.query = function (this: unknown, ...a: unknown[]) {
      if (counting) {
        const q = a[0]
        const text = typeof q === 'string' ? q : ((q as { text?: string } | undefined)?.text ?? '?')
        queryCounts.set(text, (queryCounts.get(text) ?? 0) + 1)
      }
      return original.apply(this, a)
    }
  }
  if (POOL !== null) {
    // openDatabase reads pg.Pool when it opens the server's pool.
    const Original = pg.Pool
    ;(pg as { Pool: unknown }).Pool = class extends Original {
      constructor(options: ConstructorParameters<typeof Original>[0]) {
        super({ ...options, max: POOL ?? 10 })
      }
    }
  }

  // The load generator: this file again, without a CPU profiler of its own.
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--load-generator'], {
    execArgv: process.execArgv.filter((a) => !a.startsWith('--cpu-prof')),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const runLoad = (plan: LoadPlan): Promise<RoundResult> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load generator exited (${code})`))
      child.once('exit', onExit)
      child.once('message', (m) => {
        child.off('exit', onExit)
        resolve(m as RoundResult)
      })
      child.send(plan)
    })

  // Rounds: warm-up (not kept), then ROUNDS measured rounds with the readings of this process, PostgreSQL and the
  // machine taken around each.
  async function rounds(label: string, base: Omit<LoadPlan, 'label' | 'seconds' | 'seed'>) {
    log(`${label}: warm-up ${WARMUP} s`)
    const warmup = await runLoad({ ...base, label: `${label} warm-up`, seconds: WARMUP, seed: 1 })
    const kept: (RoundResult & { readings: Readings })[] = []
    const profiler = PROFILE_DIR === null ? null : new (await import('node:inspector/promises')).Session()
    if (profiler) {
      profiler.connect()
      await profiler.post('Profiler.enable')
      await profiler.post('Profiler.start')
    }
    for (let r = 0; r < ROUNDS; r++) {
      const stop = startReadings()
      counting = true
      const res = await runLoad({ ...base, label: `${label} round ${r + 1}`, seconds: SECONDS, seed: 2 + r })
      counting = false
      const readings = stop()
      kept.push({ ...res, readings })
      log(
        `${label} round ${r + 1}: ${res.requestsPerSecond.toFixed(0)} req/s, p50 ${res.latencyMs.p50} ms, ` +
          `p99 ${res.latencyMs.p99} ms, non-2xx ${res.non2xx}, errors ${res.errors}, ` +
          `node CPU ${readings.nodeCpuShare.toFixed(2)}, postgres CPU ${readings.postgresCpuShare.toFixed(2)}, ` +
          `machine busy ${(readings.machineBusyShare * 100).toFixed(0)}%`,
      )
    }
    if (profiler && PROFILE_DIR !== null) {
      const { profile } = await profiler.post('Profiler.stop')
      mkdirSync(PROFILE_DIR, { recursive: true })
      writeFileSync(join(PROFILE_DIR, `publish-${label}.cpuprofile`), JSON.stringify(profile))
      profiler.disconnect()
    }
    const sum = (f: (r: RoundResult) => number) => kept.reduce((a, r) => a + f(r), 0)
    const merged: Record<string, Record<string, number>> = {}
    for (const r of [warmup, ...kept]) {
      for (const [name, map] of Object.entries(r.counts)) {
        if (name === 'maxPerUserKind') continue
        merged[name] ??= {}
        for (const [k, v] of Object.entries(map as Record<string, number | Record<string, number>>)) {
          if (typeof v === 'number') bump(merged[name], k, v)
          else for (const [k2, v2] of Object.entries(v)) bump(merged[name], `${k} → ${k2}`, v2)
        }
      }
    }
    const answered = sum((r) => r.total)
    // Shortened after the rounds, so that counting costs one Map update per statement.
    const shortened: Record<string, number> = {}
    for (const [text, n] of queryCounts) bump(shortened, text.replace(/\s+/g, ' ').slice(0, 100), n)
    const statements = Object.entries(shortened).sort((a, b) => b[1] - a[1])
    queryCounts.clear()
    return {
      ...(statements.length > 0
        ? {
            /** Statements sent through node-postgres during the measured rounds, per response received. */
            queries: {
              perResponse: statements.reduce((a, [, v]) => a + v, 0) / Math.max(1, answered),
              statements: statements.map(([text, n]) => ({ text, perResponse: n / Math.max(1, answered) })),
            },
          }
        : {}),
      warmup,
      rounds: kept,
      requestsPerSecond: range(kept.map((r) => r.requestsPerSecond)),
      p50Ms: range(kept.map((r) => r.latencyMs.p50)),
      p99Ms: range(kept.map((r) => r.latencyMs.p99)),
      nodeCpuShare: range(kept.map((r) => r.readings.nodeCpuShare)),
      postgresCpuShare: range(kept.map((r) => r.readings.postgresCpuShare)),
      generatorCpuShare: range(kept.map((r) => r.generatorCpuShare)),
      machineBusyShare: range(kept.map((r) => r.readings.machineBusyShare)),
      measured: {
        total: sum((r) => r.total),
        non2xx: sum((r) => r.non2xx),
        errors: sum((r) => r.errors),
        timeouts: sum((r) => r.timeouts),
      },
      /** Warm-up and measured rounds together. */
      counts: merged,
    }
  }

  // ---- the anchor: a bare fastify POST route with JSON schema validation (no helmet, rate limit, cookies, DB)
  async function anchor() {
    const app = Fastify({ logger: false })
    let seq = 0
    app.post(
      '/api/content',
      {
        schema: {
          body: {
            type: 'object',
            required: ['kind', 'text'],
            additionalProperties: false,
            properties: {
              kind: { type: 'string', enum: ['post', 'comment', 'reply', 'danmaku'] },
              text: { type: 'string', minLength: 1, maxLength: 5000 },
              parentId: { type: 'string', format: 'uuid' },
              danmakuMs: { type: 'integer', minimum: 0, maximum: 86_400_000 },
              fictionDeclared: { type: 'boolean' },
            },
          },
          response: {
            201: {
              type: 'object',
              properties: { id: { type: 'integer' }, kind: { type: 'string' }, status: { type: 'string' } },
            },
          },
        },
      },
      async (req, reply) => {
        const body = req.body as { kind: string }
        return reply.code(201).send({ id: ++seq, kind: body.kind, status: 'published' })
      },
    )
    await app.listen({ host: '127.0.0.1', port: 0 })
    const port = (app.server.address() as { port: number }).port
    const uuid = '0193a6f0-5b1e-7c2d-8e4f-a1b2c3d4e5f6'
    try {
      return await rounds('anchor', {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        users: [{ cookie: 'ql_user=anchor', csrf: 'anchor' }],
        posts: [uuid],
        comments: [uuid],
      })
    } finally {
      await app.close()
    }
  }

  // ---- a platform node with its demo rules, users and parent items
  let admin: InstanceType<typeof pg.Client> | null = null
  const createdDatabases = new Set<string>()
  const dropDatabases = async () => {
    for (const name of [...createdDatabases]) {
      await admin?.query(`drop database if exists "${name}" with (force)`).catch(() => {})
      createdDatabases.delete(name)
    }
  }
  process.on('SIGINT', () => {
    child.kill()
    void dropDatabases().finally(() => process.exit(130))
  })

  async function seedUsers(base: string, count: number): Promise<BenchUser[]> {
    const SURNAMES =
      '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢'
    const GIVEN =
      '建国秀英丽华志强桂兰海燕伟明红梅春生玉珍德胜晓东雪梅长林淑芬文杰佳怡宇航欣然浩然子涵思远雅琴'
    const users: BenchUser[] = new Array(count)
    const call = async (path: string, method: string, body: unknown, u?: BenchUser) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(u ? { cookie: u.cookie, 'x-csrf-token': u.csrf } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
      return { res, json: JSON.parse(text) as Record<string, unknown> }
    }
    let next = 0
    const one = async (k: number) => {
      const phone = `158${String(4350000 + k).padStart(8, '0')}`
      const reg = await call('/api/users', 'POST', {
        phone,
        password: `bench-pass-${k}-tonghua`,
        displayName: `通化网友${String(k).padStart(4, '0')}`,
      })
      const cookie = (reg.res.headers.getSetCookie().find((c) => c.startsWith('ql_user=')) ?? '').split(
        ';',
      )[0]!
      const u: BenchUser = { cookie, csrf: String(reg.json.csrfToken) }
      // A distinct resident number for each account: Dongchang district, a birth date from 1960 on, a serial.
      const birth = new Date(Date.UTC(1960, 0, 1) + k * 86_400_000 * 7)
      const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '')
      const first17 = `220502${ymd}${String(100 + (k % 900)).padStart(3, '0')}`
      const realName =
        SURNAMES[k % SURNAMES.length]! +
        GIVEN.slice((k * 2) % GIVEN.length, ((k * 2) % GIVEN.length) + 2).padEnd(2, '明')
      await call(
        '/api/users/me/identity',
        'POST',
        { realName, idNumber: first17 + checkCharacter(first17) },
        u,
      )
      const pending = await call('/api/users/me/acceptances', 'GET', undefined, u)
      const documents = (pending.json.items as { kind: string; version: number }[]).map((d) => ({
        kind: d.kind,
        version: d.version,
      }))
      await call('/api/users/me/acceptances', 'POST', { documents }, u)
      users[k] = u
    }
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < count) await one(next++)
      }),
    )
    return users
  }

  async function publish(base: string, u: BenchUser, body: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${base}/api/content`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: u.cookie, 'x-csrf-token': u.csrf },
      body: JSON.stringify(body),
    })
    const json = (await res.json()) as { id?: string; status?: string }
    if (res.status !== 201 || json.status !== 'published')
      throw new Error(`seeding ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(json)}`)
    return json.id!
  }

  /** Screens every text of the mix with the node's engine as a user of the benchmark's tier would be. */
  function checkMix(node: RunningNode) {
    const wrong: string[] = []
    const outcomes: Record<string, Record<string, number>> = {}
    for (const [klass] of CLASS_SHARES) {
      for (const [kind] of KIND_SHARES) {
        for (const text of textsOf(klass, kind)) {
          const v = node.app.screening.screen({
            id: '00000000-0000-7000-8000-000000000000',
            text,
            kind,
            fictionDeclared: false,
            credit: 'high',
          })
          bump2(outcomes, klass, v.outcome)
          if (v.outcome !== klass)
            wrong.push(
              `${klass}/${kind}: ${v.outcome} ${JSON.stringify(v.reasons.map((r) => r.type))} ${text}`,
            )
        }
      }
    }
    if (wrong.length > 0) throw new Error(`texts whose outcome is not their class:\n${wrong.join('\n')}`)
    return outcomes
  }

  async function platform(db: 'postgres' | 'pglite') {
    const load1Before = loadavg()
    let dbName = 'memory'
    let overrides: { databaseUrl?: string; dataDir?: string } = { dataDir: ':memory:' }
    if (db === 'postgres') {
      dbName = `qinglang_bench_${randomBytes(6).toString('hex')}`
      await admin!.query(`create database "${dbName}"`)
      createdDatabases.add(dbName)
      const url = new URL(ADMIN_URL)
      url.pathname = `/${dbName}`
      overrides = { databaseUrl: url.toString() }
    }
    const spec = {
      id: 'bench-platform',
      role: 'platform' as const,
      port: 0,
      nameZh: '通化同城圈',
      nameEn: 'Tonghua Neighbours',
    }
    const env = {
      QINGLANG_RATE_LIMIT: String(RATE_LIMIT),
      QINGLANG_LOGIN_ATTEMPTS_PER_MINUTE: '10000',
    }
    const { config, secrets } = loadConfig(env, {
      role: 'platform',
      id: spec.id,
      nameZh: spec.nameZh,
      nameEn: spec.nameEn,
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      masterKey: randomBytes(32),
      ...overrides,
    })
    let node: RunningNode | null = null
    try {
      const t0 = performance.now()
      node = await startNode(config, secrets)
      const port = (node.app.server.address() as { port: number }).port
      const base = `http://127.0.0.1:${port}`
      const n = node
      // As the demo does: its staff, rule documents, rule set (DEMO_LEXICON) and false claims, and its few users.
      await transaction(n.database.db, (tx) => seedDemoStaff(tx, 'platform', config.demo.password))
      await transaction(n.database.db, (tx) => seedPlatformContent(tx, spec))
      await seedPlatformScreening(n)
      const mixOutcomes = checkMix(n)
      const t1 = performance.now()
      log(`${db}: registering ${USERS} users`)
      const users = await seedUsers(base, USERS)
      const t2 = performance.now()
      const posts: string[] = []
      for (let i = 0; i < PARENT_POSTS; i++) {
        posts.push(
          await publish(base, users[i % users.length]!, {
            kind: 'post',
            text: ALLOWED.post[i % ALLOWED.post.length]!,
          }),
        )
      }
      const comments: string[] = []
      for (let i = 0; i < PARENT_COMMENTS; i++) {
        comments.push(
          await publish(base, users[(i + 7) % users.length]!, {
            kind: 'comment',
            text: ALLOWED.comment[i % ALLOWED.comment.length]!,
            parentId: posts[i % posts.length],
          }),
        )
      }
      const seedSeconds = { nodeAndRules: (t1 - t0) / 1000, users: (t2 - t1) / 1000 }
      const itemsBefore = await countItems(n)

      const measured = await rounds(db, { url: base, connections: CONNECTIONS, users, posts, comments })

      // What was written: every 201 is one item and one ledger entry, and the sequencer catches up. Requests in
      // flight when autocannon stopped are still answered by the node: wait until the counts settle.
      let itemsAfter = await countItems(n)
      for (let tries = 0; tries < 60; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        const again = await countItems(n)
        const same = JSON.stringify(again) === JSON.stringify(itemsAfter)
        itemsAfter = again
        if (same) break
      }
      const t3 = performance.now()
      await n.ledger.sequence()
      const tailSeconds = (performance.now() - t3) / 1000
      const status = await n.ledger.status()
      const responses201 = measured.counts.http?.['201'] ?? 0
      const written = {
        itemsBefore,
        itemsAfter,
        itemsWrittenDuringLoad: sumValues(itemsAfter.items) - sumValues(itemsBefore.items),
        ledgerEntriesWrittenDuringLoad: itemsAfter.contentEntries - itemsBefore.contentEntries,
        responses201,
        ledgerSize: status.size,
        ledgerPendingAfterSequence: status.pending,
        sequenceTailSeconds: tailSeconds,
        checkpoint: status.checkpoint ? { size: status.checkpoint.size } : null,
      }
      return {
        db,
        database: dbName,
        users: USERS,
        parentPosts: PARENT_POSTS,
        parentComments: PARENT_COMMENTS,
        seedSeconds,
        mixScreened: mixOutcomes,
        load1Before,
        load1After: loadavg(),
        ...measured,
        written,
      }
    } finally {
      await node?.stop()
      if (db === 'postgres') {
        await admin?.query(`drop database if exists "${dbName}" with (force)`)
        createdDatabases.delete(dbName)
      }
    }

    async function countItems(n: RunningNode) {
      const items = await n.database.db.execute(
        sql`select status, count(*)::int as n from content_item group by status order by status`,
      )
      const entries = await n.database.db.execute(
        sql`select count(*)::int as n from ledger_entry where action like 'content.%'`,
      )
      const rows = (items as unknown as { rows: { status: string; n: number }[] }).rows
      const entryRows = (entries as unknown as { rows: { n: number }[] }).rows
      return {
        items: Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>,
        contentEntries: entryRows[0]?.n ?? 0,
      }
    }
  }

  const sumValues = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0)

  // ---- run
  const machine = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    load1Before: loadavg(),
    shared:
      'other agent sessions share this 2-core machine; the node, PostgreSQL and the load generator all run on it',
  }
  let postgres: Record<string, string> | null = null
  const dbs: ('postgres' | 'pglite')[] = []
  if (DB_ARG !== 'pglite') {
    try {
      admin = new pg.Client({ connectionString: ADMIN_URL })
      await admin.connect()
      const settings = await admin.query<{ name: string; setting: string }>(
        `select name, setting from pg_settings where name in
         ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_connections', 'wal_sync_method')`,
      )
      postgres = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]))
      dbs.push('postgres')
    } catch (e) {
      log(`PostgreSQL at ${ADMIN_URL} not reachable, skipped: ${(e as Error).message}`)
      admin = null
    }
  }
  if (DB_ARG !== 'postgres') dbs.push('pglite')

  let anchorResult: Awaited<ReturnType<typeof anchor>> | null = null
  const platforms: Awaited<ReturnType<typeof platform>>[] = []
  try {
    if (ANCHOR) anchorResult = await anchor()
    for (const db of dbs) platforms.push(await platform(db))
  } finally {
    await dropDatabases()
    await admin?.end()
    child.send('exit')
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) resolve()
      else child.once('exit', () => resolve())
      setTimeout(() => {
        child.kill()
        resolve()
      }, 5000).unref()
    })
  }

  const goal = { requestsPerSecond: 2000, p99Ms: 50 }
  const result = {
    benchmark: 'publish',
    issue: 5,
    date: new Date().toISOString(),
    minutes: (performance.now() - started) / 60_000,
    machine: { ...machine, load1After: loadavg() },
    postgres,
    settings: {
      quick: QUICK,
      connections: CONNECTIONS,
      secondsPerRound: SECONDS,
      rounds: ROUNDS,
      warmupSeconds: WARMUP,
      pipelining: 1,
      users: USERS,
      usersHow:
        'registered, identity verified (GB 11643 numbers with a valid check character) and rules accepted over ' +
        'HTTP; default credit policy (verified accounts start in tier "good": 50 posts, 500 comments, 500 replies, ' +
        '1000 bullet comments a day); requests rotate over the users',
      rateLimitPerMinute: RATE_LIMIT,
      serverPool: `pg.Pool max ${POOL ?? 10}${POOL === null ? ' (openDatabase)' : ' (diagnostic override)'}, one held by LISTEN`,
      ledgerTimers: 'sequencer every 200 ms, checkpoint every 60 s (production defaults)',
      kindShares: Object.fromEntries(KIND_SHARES),
      classShares: Object.fromEntries(CLASS_SHARES),
      texts: {
        allowed: Object.fromEntries(Object.entries(ALLOWED).map(([k, v]) => [k, v.length])),
        held: HELD.length,
        blocked: BLOCKED.length,
      },
      loadGenerator: 'autocannon 9.0.0 in a child process (this file with --load-generator)',
    },
    goal: {
      ...goal,
      met: Object.fromEntries(
        platforms.map((p) => [
          p.db,
          p.requestsPerSecond.median >= goal.requestsPerSecond && p.p99Ms.median <= goal.p99Ms,
        ]),
      ),
    },
    anchor: anchorResult,
    platforms,
    ratioToAnchor: anchorResult
      ? Object.fromEntries(
          platforms.map((p) => [p.db, p.requestsPerSecond.median / anchorResult!.requestsPerSecond.median]),
        )
      : null,
  }
  // A smoke run (BENCH_QUICK=1) or a diagnostic one (--pool, --profile) leaves the kept results alone.
  const diagnostic = QUICK || POOL !== null || PROFILE_DIR !== null
  const dir = diagnostic ? tmpdir() : RESULTS_DIR
  const file = diagnostic ? 'qinglang-publish-smoke' : 'publish'
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${file}.json`), `${JSON.stringify(result, null, 2)}\n`)
  const md = markdown(result)
  writeFileSync(join(dir, `${file}.md`), md)
  console.log(md)
  log(`written to ${join(dir, file)}.json and .md (${result.minutes.toFixed(1)} min)`)
}

// ---------------------------------------------------------------------------------------------------------------
// Report

interface Summary {
  requestsPerSecond: Range
  p50Ms: Range
  p99Ms: Range
  nodeCpuShare: Range
  postgresCpuShare: Range
  generatorCpuShare: Range
  machineBusyShare: Range
  warmup: RoundResult
  rounds: (RoundResult & { readings: Readings })[]
  measured: { total: number; non2xx: number; errors: number; timeouts: number }
  counts: Record<string, Record<string, number>>
  queries?: { perResponse: number; statements: { text: string; perResponse: number }[] }
}

/** An upper bound of the items one user published of one kind over a target's warm-up and rounds. */
function perUserBound(targets: Summary[]): number {
  let most = 0
  for (const t of targets) {
    const runs = [t.warmup, ...t.rounds]
    for (const kind of ['post', 'comment', 'reply', 'danmaku'])
      most = Math.max(
        most,
        runs.reduce((a, k) => a + (k.counts.maxPerUserKind[kind] ?? 0), 0),
      )
  }
  return most
}

function markdown(r: {
  date: string
  machine: {
    node: string
    cpu: string
    cpus: number
    load1Before: number[]
    load1After: number[]
    shared: string
  }
  postgres: Record<string, string> | null
  settings: {
    connections: number
    secondsPerRound: number
    rounds: number
    warmupSeconds: number
    users: number
    kindShares: Record<string, number>
    classShares: Record<string, number>
  }
  goal: { requestsPerSecond: number; p99Ms: number; met: Record<string, boolean> }
  anchor: Summary | null
  platforms: (Summary & {
    db: string
    written: { itemsWrittenDuringLoad: number; ledgerEntriesWrittenDuringLoad: number; responses201: number }
  })[]
  ratioToAnchor: Record<string, number> | null
}): string {
  const int = (x: number) => Math.round(x).toLocaleString('en')
  const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0))
  const rr = (x: Range, f: (n: number) => string) => `${f(x.median)} (${f(x.min)}–${f(x.max)})`
  const share = (x: Range) => rr(x, (n) => n.toFixed(2))
  const la = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ')
  const lines: string[] = []
  const s = r.settings
  lines.push('# Publish path under load (issue #5)', '')
  lines.push(
    `${r.date.slice(0, 16).replace('T', ' ')} UTC — Node ${r.machine.node}, ${r.machine.cpu} × ${r.machine.cpus}; ` +
      `load average ${la(r.machine.load1Before)} before, ${la(r.machine.load1After)} after. ${r.machine.shared}.`,
  )
  if (r.postgres)
    lines.push(
      '',
      `PostgreSQL ${r.postgres.server_version} on the same machine (fsync=${r.postgres.fsync}, ` +
        `synchronous_commit=${r.postgres.synchronous_commit}, shared_buffers=${r.postgres.shared_buffers} × 8 kB); ` +
        'PGlite in memory.',
    )
  lines.push(
    '',
    `autocannon 9, ${s.connections} connections, ${s.rounds} rounds of ${s.secondsPerRound} s after ${s.warmupSeconds} s ` +
      `of warm-up, in a child process; \`POST /api/content\` as ${int(s.users)} verified users in turn; kinds ` +
      Object.entries(s.kindShares)
        .map(([k, v]) => `${k} ${Math.round(v * 100)}%`)
        .join(', ') +
      '; texts ' +
      Object.entries(s.classShares)
        .map(([k, v]) => `${k} ${Math.round(v * 100)}%`)
        .join(', ') +
      '. Medians of the rounds (min–max). Users registered, verified their identity and accepted the rules over ' +
      'HTTP; the default credit policy applies (a verified account is in tier "good": 50 posts, 500 comments, ' +
      `500 replies and 1,000 bullet comments a day); one user sent at most ${perUserBound(r.platforms)} items of ` +
      'one kind over the whole run (summing the rounds’ maxima). ' +
      'CPU columns are cores used (of 2); "machine busy" counts every process on the machine.',
    '',
  )
  lines.push(
    '| target | req/s | p50 ms | p99 ms | ratio to anchor | node CPU (cores) | postgres CPU (cores) | ' +
      'load generator CPU | machine busy | node event-loop delay p99 ms | non-2xx, errors (measured) | ' +
      'goal ≥ 2,000/s, p99 ≤ 50 ms |',
  )
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|')
  const row = (name: string, x: Summary, ratio: string, goal: string) =>
    lines.push(
      `| ${name} | ${rr(x.requestsPerSecond, int)} | ${rr(x.p50Ms, ms)} | ${rr(x.p99Ms, ms)} | ${ratio} | ` +
        `${share(x.nodeCpuShare)} | ${share(x.postgresCpuShare)} | ${share(x.generatorCpuShare)} | ` +
        `${rr(x.machineBusyShare, (n) => `${Math.round(n * 100)}%`)} | ` +
        `${rr(range(x.rounds.map((k) => k.readings.eventLoopDelayMs.p99)), ms)} | ` +
        `${x.measured.non2xx}, ${x.measured.errors} (${x.measured.timeouts} timeouts) | ${goal} |`,
    )
  for (const p of r.platforms) {
    const ratio = r.ratioToAnchor?.[p.db]
    row(
      `publish, ${p.db}`,
      p,
      ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)}%`,
      r.goal.met[p.db] ? 'met' : '**missed**',
    )
  }
  if (r.anchor) row('anchor: bare fastify validated POST', r.anchor, '100%', '—')
  lines.push('')
  lines.push('Per round (req/s, p50/p99 ms):', '')
  for (const [name, x] of [
    ...r.platforms.map((p) => [p.db, p] as const),
    ...(r.anchor ? [['anchor', r.anchor] as const] : []),
  ]) {
    lines.push(
      `- ${name}: ` +
        x.rounds
          .map((k) => `${int(k.requestsPerSecond)} (${ms(k.latencyMs.p50)}/${ms(k.latencyMs.p99)})`)
          .join(', '),
    )
  }
  lines.push('')
  lines.push('Status mix of the responses (warm-up and measured rounds together):', '')
  lines.push('| target | HTTP | published | held | rejected | by intended class |')
  lines.push('|---|---|---:|---:|---:|---|')
  for (const p of r.platforms) {
    const c = p.counts
    const total = Object.values(c.outcome ?? {}).reduce((a, b) => a + b, 0)
    const pc = (k: string) =>
      `${int(c.outcome?.[k] ?? 0)} (${(((c.outcome?.[k] ?? 0) / total) * 100).toFixed(1)}%)`
    lines.push(
      `| ${p.db} | ${Object.entries(c.http ?? {})
        .map(([k, v]) => `${k}: ${int(v)}`)
        .join(', ')} | ${pc('published')} | ${pc('held')} | ${pc('rejected')} | ${Object.entries(
        c.byClass ?? {},
      )
        .map(([k, v]) => `${k}: ${int(v)}`)
        .join('; ')} |`,
    )
  }
  lines.push('')
  for (const p of r.platforms) {
    if (!p.queries) continue
    lines.push(
      `Statements sent to ${p.db} per response during the measured rounds: ${p.queries.perResponse.toFixed(1)} ` +
        '(begin/commit included; the sequencer and other timers too):',
      '',
      '| per response | statement |',
      '|---:|---|',
      ...p.queries.statements
        .filter((q) => q.perResponse >= 0.01)
        .map((q) => `| ${q.perResponse.toFixed(2)} | \`${q.text.replaceAll('|', '\\|')}…\` |`),
      '',
    )
  }
  lines.push(
    'Items written can exceed the 201 responses counted: requests in flight when an autocannon run stops (up to ' +
      'one per connection per run) and requests autocannon gave up on after its 10 s timeout are still answered ' +
      'by the node, uncounted. Every item has its ledger entry, and the sequencer had nothing left pending at the end.',
    '',
  )
  for (const p of r.platforms) {
    const problems = Object.entries(p.counts.problems ?? {})
    lines.push(
      `${p.db}: ${int(p.written.itemsWrittenDuringLoad)} items and ${int(p.written.ledgerEntriesWrittenDuringLoad)} ` +
        `ledger entries written under load for ${int(p.written.responses201)} responses 201` +
        (problems.length > 0 ? `; refusals: ${problems.map(([k, v]) => `${k} × ${v}`).join(', ')}` : '') +
        '.',
    )
  }
  lines.push('')
  return `${lines.join('\n')}\n`
}

if (process.argv.includes('--load-generator')) await loadGenerator()
else await main()
