// `npm start`: the Tonghua regulator node and two platform nodes, each with its own embedded database and port,
// seeded with demo staff for every role. Running it again resumes the same data.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createStaff, findStaffByLogin, type Role } from '../core/auth/index.ts'
import { type Config, loadConfig, type NodeRole } from '../core/config.ts'
import { type Tx, transaction } from '../core/db/index.ts'
import { getOrganisationByKey } from '../core/organisations/index.ts'
import { entriesAbout, systemActor } from '../ledger/index.ts'
import { registerUser } from '../platform/accounts/index.ts'
import { fileAppeal } from '../platform/appeals/index.ts'
import { CONTENT_KINDS, heldItems, listPublished, publishContent } from '../platform/content/index.ts'
import { listFilings, queueFiling } from '../platform/filings/index.ts'
import { checkCharacter, verifyIdentity } from '../platform/identity/index.ts'
import { patrolChunk, publishRulesAndPatrol, recordLook } from '../platform/patrol/index.ts'
import { decideReports, fileReport } from '../platform/reports/index.ts'
import { acceptRules, currentRuleDocuments, publishRuleDocument } from '../platform/rules/index.ts'
import { addFalseClaim, listRuleSets, publishRuleSet } from '../platform/screening/index.ts'
import { ensurePeer } from '../protocol/index.ts'
import {
  filePublicReport,
  listPublicReports,
  publicReportIdentityKey,
} from '../regulator/public-reports/index.ts'
import { type RunningNode, startNode } from '../server/start.ts'
import { seedAccountability } from './accountability.ts'
import { seedBulletins } from './bulletins.ts'
import { seedCases } from './cases.ts'
import { seedEvaluation } from './evaluation.ts'
import { seedPenalties } from './penalties.ts'
import {
  DEMO_DISPOSAL,
  DEMO_FALSE_CLAIMS,
  DEMO_LEXICON,
  DEMO_PATROL,
  DEMO_POSTS,
  DEMO_USERS,
  demoRuleDocuments,
} from './platform-content.ts'
import { seedRecommendation } from './recommendation.ts'
import { seedReferrals } from './referrals.ts'
import { seedRegulatorWork } from './regulator-work.ts'

export interface DemoNodeSpec {
  id: string
  role: NodeRole
  port: number
  nameZh: string
  nameEn: string
}

export const DEMO_NODES: DemoNodeSpec[] = [
  {
    id: 'tonghua-cac',
    role: 'regulator',
    port: 8080,
    nameZh: '通化市互联网信息办公室',
    nameEn: 'Tonghua Cyberspace Administration',
  },
  { id: 'platform-a', role: 'platform', port: 8081, nameZh: '通化同城圈', nameEn: 'Tonghua Neighbours' },
  { id: 'platform-b', role: 'platform', port: 8082, nameZh: '鸭绿江短视频', nameEn: 'Yalu River Shorts' },
]

export interface DemoStaff {
  login: string
  displayName: string
  organisationKey: string
  roles: Role[]
}

export const REGULATOR_DEMO_STAFF: DemoStaff[] = [
  {
    login: 'cac.admin',
    displayName: '王建国（系统管理员）',
    organisationKey: 'cac',
    roles: ['regulator_admin'],
  },
  { login: 'cac.officer', displayName: '李明（网信执法）', organisationKey: 'cac', roles: ['officer'] },
  {
    login: 'police.officer',
    displayName: '赵刚（市公安局）',
    organisationKey: 'public-security',
    roles: ['officer'],
  },
  { login: 'health.officer', displayName: '孙丽（市卫健委）', organisationKey: 'health', roles: ['officer'] },
  {
    login: 'market.officer',
    displayName: '周强（市场监管）',
    organisationKey: 'market-supervision',
    roles: ['officer'],
  },
  {
    login: 'dongchang.officer',
    displayName: '吴芳（东昌区网信办）',
    organisationKey: 'county-220502',
    roles: ['officer'],
  },
  {
    login: 'meihekou.officer',
    displayName: '郑伟（梅河口市网信办）',
    organisationKey: 'county-220581',
    roles: ['officer'],
  },
  { login: 'cac.supervisor', displayName: '陈静（督办）', organisationKey: 'cac', roles: ['supervisor'] },
  {
    login: 'procurator',
    displayName: '刘洋（市检察院）',
    organisationKey: 'procuratorate',
    roles: ['procurator'],
  },
]

export const PLATFORM_DEMO_STAFF: DemoStaff[] = [
  { login: 'admin', displayName: '平台管理员 张伟', organisationKey: 'platform', roles: ['platform_admin'] },
  { login: 'operator', displayName: '运营 林晓', organisationKey: 'platform', roles: ['operator'] },
  { login: 'reviewer', displayName: '审核员 高远', organisationKey: 'platform', roles: ['reviewer'] },
  { login: 'inspector', displayName: '合规检查 马兰', organisationKey: 'platform', roles: ['inspector'] },
]

export function demoStaffFor(role: NodeRole): DemoStaff[] {
  return role === 'regulator' ? REGULATOR_DEMO_STAFF : PLATFORM_DEMO_STAFF
}

/** Adds the demo staff that do not exist yet; a person whose password was changed keeps it. */
export async function seedDemoStaff(tx: Tx, role: NodeRole, password: string): Promise<void> {
  for (const s of demoStaffFor(role)) {
    if (await findStaffByLogin(tx, s.login)) continue
    const org = await getOrganisationByKey(tx, s.organisationKey)
    await createStaff(tx, null, {
      login: s.login,
      displayName: s.displayName,
      password,
      roles: s.roles,
      organisationId: org.id,
    })
  }
}

/** Publishes the platform's rules and agreements once, as its admin would. */
export async function seedPlatformContent(tx: Tx, spec: DemoNodeSpec): Promise<void> {
  if ((await currentRuleDocuments(tx)).length > 0) return
  const admin = await findStaffByLogin(tx, 'admin')
  if (!admin) return
  const actor = {
    kind: 'staff' as const,
    id: admin.id,
    staffId: admin.id,
    organisationId: admin.organisationId,
    name: admin.displayName,
  }
  for (const doc of demoRuleDocuments(spec.nameZh, spec.nameEn)) await publishRuleDocument(tx, actor, doc)
}

/**
 * The screening rules, the known false claims, and a few users with their posts, once: the users register, verify
 * and accept the rules through the same use cases as anyone, and publish through the publish path, so one comment
 * waits for the reviewers and one post carries the fiction label.
 */
export async function seedPlatformScreening(node: RunningNode): Promise<void> {
  const { app, database, config } = node
  const seeded = await transaction(database.db, async (tx) => {
    if ((await listRuleSets(tx, 1)).length > 0) return false
    const admin = await findStaffByLogin(tx, 'operator')
    if (!admin) return false
    const actor = {
      kind: 'staff' as const,
      id: admin.id,
      staffId: admin.id,
      organisationId: admin.organisationId,
      name: admin.displayName,
    }
    await publishRuleSet(tx, actor, {
      label: '通化本地词库 第1版',
      note: '首次发布：本地险情、假冒通知、红色文化与虚构标注 / first publication',
      lexicon: DEMO_LEXICON,
    })
    for (const c of DEMO_FALSE_CLAIMS) await addFalseClaim(tx, actor, app.screening, c)
    return true
  })
  await transaction(database.db, (tx) => app.screening.load(tx))
  if (!seeded) return
  const userIds = await transaction(database.db, async (tx) => {
    const userIds: string[] = []
    for (const [i, u] of DEMO_USERS.entries()) {
      const user = await registerUser(tx, app.accountKeys, {
        phone: u.phone,
        password: config.demo.password,
        displayName: u.displayName,
      })
      const first17 = `${u.division}${u.birth}${String(101 + i)}`
      await verifyIdentity(
        tx,
        user.id,
        { realName: u.realName, idNumber: first17 + checkCharacter(first17) },
        {
          keys: app.accountKeys,
          verifier: app.identityVerifier,
          accountsPerIdentity: config.platform.accountsPerIdentity,
        },
      )
      const docs = await currentRuleDocuments(tx)
      await acceptRules(
        tx,
        user.id,
        docs.map((d) => ({ kind: d.kind, version: d.version })),
      )
      userIds.push(user.id)
    }
    await publishContent(
      tx,
      app.screening,
      userIds[DEMO_PATROL.author] ?? '',
      { kind: 'post', text: DEMO_PATROL.text },
      new Date(Date.now() - DEMO_PATROL.daysAgo * 86_400_000),
    )
    const itemIds: string[] = []
    for (const p of DEMO_POSTS) {
      const parentId = p.on === undefined ? undefined : itemIds[p.on]
      const item = await publishContent(tx, app.screening, userIds[p.author] ?? '', {
        kind: p.kind,
        text: p.text,
        ...(parentId ? { parentId } : {}),
        ...(p.fictionDeclared ? { fictionDeclared: true } : {}),
      })
      itemIds.push(item.id)
    }
    return userIds
  })
  await seedPlatformPatrol(node)
  await seedPlatformReports(node, userIds)
}

/** Reports, a confirmed rumor swept across the platform, an appeal, and an open report (A15, A16). */
async function seedPlatformReports(node: RunningNode, userIds: string[]): Promise<void> {
  const { app, database, config } = node
  const settings = {
    deadlineHours: config.platform.reportDeadlineHours,
    perHour: config.platform.reportsPerHour,
  }
  const h = DEMO_DISPOSAL.handled
  const o = DEMO_DISPOSAL.open
  const user = (i: number) => userIds[i] ?? ''
  const original = await transaction(database.db, async (tx) => {
    const original = await publishContent(tx, app.screening, user(h.author), { kind: 'post', text: h.text })
    for (const c of h.copies) {
      await publishContent(tx, app.screening, user(c.author), {
        kind: c.kind,
        text: c.text,
        ...(c.kind === 'post' ? {} : { parentId: original.id }),
        ...(c.kind === 'danmaku' ? { danmakuMs: 12_000 } : {}),
      })
    }
    const openOriginal = await publishContent(tx, app.screening, user(o.author), {
      kind: 'post',
      text: o.text,
    })
    for (const c of o.copies) {
      await publishContent(tx, app.screening, user(c.author), {
        kind: c.kind,
        text: c.text,
        ...(c.kind === 'post' ? {} : { parentId: openOriginal.id }),
      })
    }
    for (const r of h.reporters) {
      await fileReport(
        tx,
        user(r),
        { itemId: original.id, category: 'rumor', note: '全市加油站停业？没看到任何官方通知' },
        settings,
      )
    }
    await fileReport(
      tx,
      user(o.reporter),
      { itemId: openOriginal.id, category: 'rumor', note: o.note },
      settings,
    )
    return original
  })
  const decided = await transaction(database.db, async (tx) => {
    const reviewer = await findStaffByLogin(tx, 'reviewer')
    if (!reviewer) throw new Error('demo reviewer missing')
    return decideReports(
      tx,
      {
        kind: 'staff',
        id: reviewer.id,
        staffId: reviewer.id,
        organisationId: reviewer.organisationId,
        roles: reviewer.roles,
        name: reviewer.displayName,
      },
      app.disposal.ctx,
      original.id,
      {
        outcome: 'uphold',
        reason: h.reason,
        measures: ['stop', 'label'],
        confirm: {
          verdict: 'false',
          clarificationUrl: h.clarificationUrl,
          clarificationTitle: h.clarificationTitle,
        },
      },
    )
  })
  if (decided.sweep) await app.disposal.sweeper.run(decided.sweep)
  await transaction(database.db, (tx) =>
    fileAppeal(
      tx,
      user(h.author),
      { itemId: original.id, reason: h.appeal },
      config.platform.appealWindowDays,
    ),
  )
}

/**
 * A second rule set version whose patrol finds an older post (it waits in the review queue), and a reviewer's look
 * at one published item (the sampling patrol's coverage).
 */
async function seedPlatformPatrol(node: RunningNode): Promise<void> {
  const { app, database, config } = node
  const { patrolId, version, rules } = await transaction(database.db, async (tx) => {
    const operator = await findStaffByLogin(tx, 'operator')
    if (!operator) throw new Error('demo operator missing')
    const r = await publishRulesAndPatrol(
      tx,
      {
        kind: 'staff',
        id: operator.id,
        staffId: operator.id,
        organisationId: operator.organisationId,
        name: operator.displayName,
      },
      {
        label: DEMO_PATROL.label,
        note: DEMO_PATROL.note,
        lexicon: [...DEMO_LEXICON, DEMO_PATROL.term],
        origin: app.screening.instance,
      },
      config.platform.patrolWindowDays,
    )
    return { patrolId: r.patrol.id, version: r.view.version, rules: r.rules }
  })
  app.screening.install(version, rules)
  while (!(await transaction(database.db, (tx) => patrolChunk(tx, app.screening, patrolId))).done) {}
  await transaction(database.db, async (tx) => {
    const reviewer = await findStaffByLogin(tx, 'reviewer')
    const [item] = await listPublished(tx, { limit: 1 })
    if (!reviewer || !item) return
    await recordLook(
      tx,
      {
        kind: 'staff',
        id: reviewer.id,
        staffId: reviewer.id,
        organisationId: reviewer.organisationId,
        roles: reviewer.roles,
        name: reviewer.displayName,
      },
      { itemId: item.id, outcome: 'ok', note: '抽查：内容正常 / sampled: fine' },
    )
  })
}

/**
 * A report to the regulator (A16), once: the tap-water rumour the patrol took out of public view is filed with the
 * ledger entries of its publication and of the patrol's hit, then signed into a checkpoint and sent, so the
 * regulator's platform reports page shows a verified report from each platform.
 */
export async function seedDemoFiling(node: RunningNode): Promise<void> {
  const { database, ledger, protocol } = node
  const queued = await transaction(database.db, async (tx) => {
    if ((await listFilings(tx, {}, 1)).length > 0) return false
    const admin = await findStaffByLogin(tx, 'admin')
    const item = (await heldItems(tx, CONTENT_KINDS, 100)).find((i) => i.patrolRunId !== null)
    if (!admin || !item) return false
    const entries = (await entriesAbout(tx, { type: 'content', id: item.id })).map((e) => e.entry.id)
    if (entries.length === 0) return false
    const heldAt = new Date(item.heldAt ?? item.createdAt)
    const filings = await queueFiling(
      tx,
      {
        kind: 'staff',
        id: admin.id,
        staffId: admin.id,
        organisationId: admin.organisationId,
        name: admin.displayName,
      },
      {
        subject: { type: 'content', id: item.id },
        category: 'prohibited',
        found: {
          zh: '巡查发现“东昌区自来水有毒”谣言，已停止传播',
          en: 'The patrol found the “poisoned tap water in Dongchang” rumour and stopped it',
          at: heldAt,
        },
        measures: ['stopped', 'records_kept'],
        doneAt: heldAt,
        items: [{ id: item.id, kind: item.kind, text: item.text }],
        ledgerEntryIds: entries,
      },
    )
    return filings.length > 0
  })
  if (!queued) return
  await ledger.sequence()
  const c = await ledger.checkpoint()
  if (c) await protocol.publishCheckpoint(c, ledger.tree)
  await node.filings?.sendDue()
}

/**
 * Public reports to the regulator (A18), once: the tap-water rumour reported twice (the second in traditional
 * characters with emoji, so the two form one cluster), the first with the reporter's name and phone sealed; an
 * unlabelled crime drama; and a defamation report past its deadline, so the page shows an overdue one.
 */
export async function seedPublicReports(node: RunningNode): Promise<void> {
  const { config } = node
  const settings = {
    days: config.regulator.publicReportDays,
    identityKey: publicReportIdentityKey(node.app.secrets.masterKey),
    publicUrl: config.http.publicUrl,
  }
  const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000)
  await transaction(node.database.db, async (tx) => {
    if ((await listPublicReports(tx, { limit: 1 })).length > 0) return
    await filePublicReport(
      tx,
      {
        category: 'reputation',
        platform: '通化论坛',
        link: 'https://bbs.tonghua.example/t/20931',
        description: '论坛帖子称集安市某参茸店出售假人参、以次充好，配图是外地旧照片，店家名誉受损',
        county: '220582',
      },
      settings,
      ago(20 * 24),
    )
    await filePublicReport(
      tx,
      {
        category: 'rumor',
        platform: '微信群“东昌区业主群”',
        description: '东昌区自来水有毒，喝了会中毒，千万别喝自来水，赶紧囤桶装水',
        county: '220502',
        reporterName: '刘芳',
        reporterContact: '13904351234',
      },
      settings,
      ago(30),
    )
    await filePublicReport(
      tx,
      {
        category: 'rumor',
        platform: '某短视频平台',
        link: 'https://video.example/v/77120',
        description: '東昌區自來水有毒😱喝了會中毒，千萬別喝自來水，趕緊囤桶裝水！！',
        county: '220502',
      },
      settings,
      ago(20),
    )
    await filePublicReport(
      tx,
      {
        category: 'rumor',
        platform: '微信群“梅河口同城”',
        description: '梅河口开发区化工厂昨晚爆炸了，毒气已经飘到市区，大家关好门窗千万别出门，转给家人',
        county: '220581',
      },
      settings,
      ago(6),
    )
    await filePublicReport(
      tx,
      {
        category: 'fiction',
        platform: '某短视频平台',
        description:
          '有账号发布“梅河口市发生连环失踪案”的剧情短视频，情节虚构，但没有标注“虚构/演绎”，评论区很多人信以为真',
        county: '220581',
      },
      settings,
      ago(3),
    )
  })
}

/** The demo keeps each node's master key beside its data, so a restart can read what it sealed. */
function demoMasterKey(dir: string): Buffer {
  const file = path.join(dir, 'master.key')
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 })
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
}

export interface DemoOptions {
  root: string
  reset: boolean
  env: Record<string, string | undefined>
  /** Ports to use instead of 8080–8082 (tests use free ports). */
  ports?: number[]
  log?: (line: string) => void
}

export async function runDemo(opts: DemoOptions): Promise<RunningNode[]> {
  const log = opts.log ?? console.log
  if (opts.reset && existsSync(opts.root)) {
    rmSync(opts.root, { recursive: true, force: true })
    log(`已清空演示数据 / demo data reset: ${opts.root}`)
  }
  const nodes: RunningNode[] = []
  try {
    for (const [i, spec] of DEMO_NODES.entries()) {
      const dir = path.join(opts.root, spec.id)
      const { config, secrets } = loadConfig(
        { QINGLANG_CHECKPOINT_INTERVAL_SECONDS: '15', QINGLANG_ROUTE_ON_RECEIPT: 'true', ...opts.env },
        {
          role: spec.role,
          id: spec.id,
          nameZh: spec.nameZh,
          nameEn: spec.nameEn,
          port: opts.ports?.[i] ?? spec.port,
          dataDir: path.join(dir, 'pgdata'),
          databaseUrl: undefined,
          demo: true,
          // The terminal shows the summary; request logs would bury it.
          logLevel: opts.env.QINGLANG_LOG_LEVEL ?? 'warn',
          masterKey: demoMasterKey(dir),
        },
      )
      if (config.db.kind !== 'pglite') throw new Error('the demo runs on embedded PGlite; unset DATABASE_URL')
      log(`启动 / starting ${spec.nameZh} (${spec.id}) …`)
      const node = await startNode(config, secrets, { listen: false })
      nodes.push(node)
      await transaction(node.database.db, (tx) => seedDemoStaff(tx, spec.role, config.demo.password))
      if (spec.role === 'platform') {
        await transaction(node.database.db, (tx) => seedPlatformContent(tx, spec))
        await seedPlatformScreening(node)
      } else {
        await seedPublicReports(node)
        await seedCases(node)
      }
      await node.app.listen({ host: config.http.host, port: config.http.port })
    }
    await connectPeers(nodes)
    for (const n of nodes) if (n.config.node.role === 'platform') await seedDemoFiling(n)
    await seedRegulatorWork(nodes)
    await seedBulletins(nodes)
    for (const n of nodes) if (n.config.node.role === 'platform') await seedRecommendation(n)
    // penalties before the evaluation, which counts each platform's penalty decisions (A17)
    await seedPenalties(nodes)
    await seedReferrals(nodes)
    await seedEvaluation(nodes)
    await seedAccountability(nodes)
  } catch (e) {
    await Promise.allSettled(nodes.map((n) => n.stop()))
    throw e
  }
  printSummary(nodes, log)
  return nodes
}

function listeningUrl(n: RunningNode): string {
  const a = n.app.server.address()
  return a !== null && typeof a === 'object' ? `http://127.0.0.1:${a.port}` : n.config.http.publicUrl
}

/**
 * The regulator and each platform know each other as peers out of the box, so envelopes flow at once and each
 * platform's checkpoints reach the regulator, its witness.
 */
async function connectPeers(nodes: RunningNode[]): Promise<void> {
  const regulator = nodes.find((n) => n.config.node.role === 'regulator')
  if (!regulator) return
  const describe = (n: RunningNode) => ({
    nodeId: n.config.node.id,
    kind: n.config.node.role,
    nameZh: n.config.node.nameZh,
    nameEn: n.config.node.nameEn,
    baseUrl: listeningUrl(n),
    publicKey: n.keys.publicKeyBase64,
  })
  const actor = systemActor('demo', '演示配置')
  for (const platform of nodes.filter((n) => n.config.node.role === 'platform')) {
    await transaction(regulator.database.db, (tx) => ensurePeer(tx, actor, describe(platform)))
    await transaction(platform.database.db, (tx) => ensurePeer(tx, actor, describe(regulator)))
  }
  // Publish each platform's current checkpoint now rather than at the first interval.
  for (const platform of nodes.filter((n) => n.config.node.role === 'platform')) {
    await platform.ledger.sequence()
    const c = await platform.ledger.checkpoint()
    if (c) await platform.protocol.publishCheckpoint(c, platform.ledger.tree)
  }
}

function printSummary(nodes: RunningNode[], log: (line: string) => void): void {
  const password = nodes[0]?.config.demo.password ?? ''
  log('')
  log('清朗 qinglang 演示已启动 / demo is running')
  for (const n of nodes) {
    const c: Config = n.config
    log('')
    log(
      `■ ${c.node.nameZh} / ${c.node.nameEn}  [${c.node.role === 'regulator' ? '监管节点 regulator' : '平台节点 platform'}]`,
    )
    log(`  控制台 console: ${c.http.publicUrl}/   API 文档 docs: ${c.http.publicUrl}/docs`)
    for (const s of demoStaffFor(c.node.role)) {
      log(`  ${s.login.padEnd(20)} ${s.roles.join(',').padEnd(16)} ${s.displayName}`)
    }
    if (c.node.role === 'regulator') {
      log(`  公众举报 public reports: ${c.http.publicUrl}/p/report   (无需登录 no sign-in)`)
    }
    if (c.node.role === 'platform') {
      log(`  用户门户 user portal: ${c.http.publicUrl}/u   (手机号登录 sign in by phone)`)
      for (const u of DEMO_USERS) log(`  ${u.phone.padEnd(20)} ${'user'.padEnd(16)} ${u.displayName}`)
    }
  }
  log('')
  log(`演示密码 demo password: ${password}   (QINGLANG_DEMO_PASSWORD)`)
  log('按 Ctrl-C 停止 / press Ctrl-C to stop')
}
