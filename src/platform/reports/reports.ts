// Reports (投诉举报, A15, A8.2): anyone signed in may report an item they can see; each report gets a tracking number
// and a deadline by category, shown to them. Reviewers work a queue ordered by priority (how many reported it, how
// often those reporters were right, how serious the category, how old); one decision closes every open report on
// the item, and every reporter is told the outcome, the reason and the requirement it rests on. Reporter abuse is
// contained: an hourly limit, accuracy kept per reporter, and muting.
import { randomBytes } from 'node:crypto'
import type { Actor } from '../../core/auth/index.ts'
import { DEFAULT_REPORT_DEADLINE_HOURS, type ReportCategoryKey } from '../../core/config.ts'
import type { Tx } from '../../core/db/index.ts'
import { isUniqueViolation } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { append, type LedgerActor } from '../../ledger/index.ts'
import { displayNamesOf, getUser, userActor } from '../accounts/index.ts'
import { findContentItems, isPublic, type OwnContentView, presentOwn } from '../content/index.ts'
import {
  applyDisposalToItem,
  confirmRumor,
  type DisposalContext,
  type DisposalView,
  disposeItem,
  type Measure,
  type RumorView,
} from '../disposal/index.ts'
import { notifyUser } from '../notices/index.ts'
import * as store from './store.ts'

export interface ReportCategory {
  key: ReportCategoryKey
  zh: string
  en: string
  descriptionZh: string
  descriptionEn: string
  /** Higher is handled first. */
  severity: number
  articles: string[]
}

export const REPORT_CATEGORIES: readonly ReportCategory[] = [
  {
    key: 'rumor',
    zh: '虚假信息/谣言',
    en: 'False information / rumor',
    descriptionZh: '编造、传播虚假的险情、疫情、灾情、警情或其他谣言',
    descriptionEn:
      'Invented or spread false reports of danger, epidemic, disaster, police incidents, or other rumors',
    severity: 3,
    articles: ['A10', 'A16'],
  },
  {
    key: 'illegal',
    zh: '其他违法信息',
    en: 'Other illegal information',
    descriptionZh: '法律、行政法规禁止的其他信息',
    descriptionEn: 'Other information that laws and regulations prohibit',
    severity: 3,
    articles: ['A16'],
  },
  {
    key: 'privacy',
    zh: '侵犯隐私',
    en: 'Privacy',
    descriptionZh: '未经同意公开他人个人信息',
    descriptionEn: "Someone's personal information made public without consent",
    severity: 2,
    articles: ['A10'],
  },
  {
    key: 'reputation',
    zh: '侵害名誉',
    en: 'Reputation',
    descriptionZh: '捏造事实诽谤他人、损害企业商誉',
    descriptionEn: 'Invented facts that defame a person or harm a business',
    severity: 2,
    articles: ['A10'],
  },
  {
    key: 'fiction',
    zh: '虚构内容未标注',
    en: 'Unlabelled fiction',
    descriptionZh: '虚构、演绎的情节未按要求标注',
    descriptionEn: 'Fiction or dramatisation shown without its label',
    severity: 1,
    articles: ['A11.2'],
  },
]

const categoryOf = (key: string): ReportCategory =>
  REPORT_CATEGORIES.find((c) => c.key === key) ?? (REPORT_CATEGORIES[0] as ReportCategory)

export interface ReportSettings {
  deadlineHours: Record<ReportCategoryKey, number>
  perHour: number
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  deadlineHours: DEFAULT_REPORT_DEADLINE_HOURS,
  perHour: 20,
}

export interface ReportView {
  id: string
  trackingNo: string
  itemId: string
  category: string
  categoryZh: string
  categoryEn: string
  note: string
  status: 'open' | 'upheld' | 'dismissed'
  createdAt: string
  deadlineAt: string
  overdue: boolean
  decidedAt: string | null
  outcomeReason: string | null
  outcomeArticles: string[]
  disposalId: string | null
  /** What was reported, as the reporter saw it: its kind, an excerpt (none once removed), where it hangs. */
  item: ReportedItem | null
}

export interface ReportedItem {
  kind: string
  excerpt: string | null
  postId: string | null
  /** Still in public view. */
  shown: boolean
}

type ItemRow = Awaited<ReturnType<typeof findContentItems>>[number]

function reportedItem(i: ItemRow | undefined): ReportedItem | null {
  if (!i) return null
  return {
    kind: i.kind,
    excerpt: i.status === 'removed' ? null : [...i.text].slice(0, 60).join(''),
    postId: i.postId,
    shown: isPublic(i),
  }
}

async function itemsOf(tx: Tx, rows: store.ReportRow[]): Promise<Map<string, ItemRow>> {
  const ids = [...new Set(rows.map((r) => r.itemId))]
  return new Map((await findContentItems(tx, ids)).map((i) => [i.id, i]))
}

function present(r: store.ReportRow, now: Date, item?: ItemRow): ReportView {
  const c = categoryOf(r.category)
  return {
    id: r.id,
    trackingNo: r.trackingNo,
    itemId: r.itemId,
    category: r.category,
    categoryZh: c.zh,
    categoryEn: c.en,
    note: r.note,
    status: r.status as ReportView['status'],
    createdAt: r.createdAt.toISOString(),
    deadlineAt: r.deadlineAt.toISOString(),
    overdue: r.status === 'open' && r.deadlineAt <= now,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    outcomeReason: r.outcomeReason,
    outcomeArticles: r.outcomeArticles ?? [],
    disposalId: r.disposalId,
    item: reportedItem(item),
  }
}

const BASE32 = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789'.slice(0, 32)

/** `JB20261130-7KQ2MX`: the Tonghua day and six random characters, read out easily. */
export function trackingNumber(now: Date): string {
  const b = randomBytes(6)
  let s = ''
  for (const x of b) s += BASE32[x % 32]
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')
  return `JB${day}-${s}`
}

/** How often a reporter was right, smoothed (Laplace) so that a new reporter starts at one half. */
export function accuracyOf(s: { upheld: number; dismissed: number } | undefined): number {
  const up = s?.upheld ?? 0
  const down = s?.dismissed ?? 0
  return (up + 1) / (up + down + 2)
}

export interface FileReportInput {
  itemId: string
  category: ReportCategoryKey
  note?: string
}

export async function fileReport(
  tx: Tx,
  userId: string,
  input: FileReportInput,
  settings: ReportSettings = DEFAULT_REPORT_SETTINGS,
  now: Date = new Date(),
): Promise<ReportView> {
  const user = await getUser(tx, userId)
  const standing = await store.lockStanding(tx, userId)
  if (standing.mutedUntil && standing.mutedUntil > now) {
    throw new DomainError('REPORTER_MUTED', { until: standing.mutedUntil.toISOString() })
  }
  const [item] = await findContentItems(tx, [input.itemId])
  if (!item || !isPublic(item)) throw new DomainError('CONTENT_NOT_FOUND', { id: input.itemId })
  const existing = await store.openReportOf(tx, input.itemId, userId)
  if (existing) throw new DomainError('REPORT_DUPLICATE', { trackingNo: existing.trackingNo })
  const recent = await store.countSince(tx, userId, new Date(now.getTime() - 3_600_000))
  if (recent >= settings.perHour) {
    throw new DomainError('REPORT_RATE_LIMITED', { limit: settings.perHour, per: 'hour' })
  }
  const hours = settings.deadlineHours[input.category]
  let row: store.ReportRow | undefined
  for (let attempt = 0; row === undefined; attempt++) {
    try {
      row = await store.insertReport(tx, {
        id: newId(now.getTime()),
        trackingNo: trackingNumber(now),
        itemId: input.itemId,
        reporterId: userId,
        category: input.category,
        note: input.note?.trim() ?? '',
        status: 'open',
        createdAt: now,
        deadlineAt: new Date(now.getTime() + hours * 3_600_000),
      })
    } catch (e) {
      // a tracking number drawn twice (1 in 10⁹ a day) is drawn again; anything else is a real failure
      if (!isUniqueViolation(e) || attempt >= 3) throw e
    }
  }
  await append(tx, {
    actor: userActor(user),
    action: 'report.received',
    subject: { type: 'report', id: row.id },
    articles: ['A15', 'A8.2'],
    details: {
      trackingNo: row.trackingNo,
      itemId: input.itemId,
      category: input.category,
      deadlineAt: row.deadlineAt.toISOString(),
    },
    at: now,
  })
  return present(row, now, item)
}

export async function myReports(
  tx: Tx,
  userId: string,
  limit = 100,
  now = new Date(),
): Promise<ReportView[]> {
  const rows = await store.byReporter(tx, userId, limit)
  const items = await itemsOf(tx, rows)
  return rows.map((r) => present(r, now, items.get(r.itemId)))
}

/** A report by its tracking number, for the reporter who filed it (anyone else: not found). */
export async function trackReport(
  tx: Tx,
  userId: string,
  trackingNo: string,
  now = new Date(),
): Promise<ReportView> {
  const r = await store.byTrackingNo(tx, trackingNo.trim().toUpperCase())
  if (!r || r.reporterId !== userId) throw new DomainError('REPORT_NOT_FOUND', { trackingNo })
  return present(r, now, (await itemsOf(tx, [r])).get(r.itemId))
}

export interface QueueEntry {
  itemId: string
  kind: string
  excerpt: string
  itemStatus: string
  reports: number
  categories: string[]
  /** Mean accuracy of the reporters, 0–1. */
  accuracy: number
  severity: number
  oldestAt: string
  deadlineAt: string
  overdue: boolean
  priority: number
}

/** Items with open reports, highest priority first. */
export async function reportQueue(tx: Tx, limit = 100, now: Date = new Date()): Promise<QueueEntry[]> {
  const open = await store.openReports(tx, 5000)
  const stand = new Map(
    (await store.standings(tx, [...new Set(open.map((r) => r.reporterId))])).map((s) => [s.userId, s]),
  )
  const byItem = new Map<string, store.ReportRow[]>()
  for (const r of open) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r])
  const items = new Map((await findContentItems(tx, [...byItem.keys()])).map((i) => [i.id, i]))
  const out: QueueEntry[] = []
  for (const [itemId, rs] of byItem) {
    const item = items.get(itemId)
    const accuracy = rs.reduce((a, r) => a + accuracyOf(stand.get(r.reporterId)), 0) / rs.length
    const severity = Math.max(...rs.map((r) => categoryOf(r.category).severity))
    const oldest = Math.min(...rs.map((r) => r.createdAt.getTime()))
    const deadline = Math.min(...rs.map((r) => r.deadlineAt.getTime()))
    const overdue = deadline <= now.getTime()
    const ageHours = Math.min(48, (now.getTime() - oldest) / 3_600_000)
    const priority =
      (overdue ? 100 : 0) + Math.min(rs.length, 20) * 5 + severity * 10 + accuracy * 20 + ageHours / 2
    out.push({
      itemId,
      kind: item?.kind ?? '',
      excerpt: item ? [...item.text].slice(0, 60).join('') : '',
      itemStatus: item?.status ?? 'missing',
      reports: rs.length,
      categories: [...new Set(rs.map((r) => r.category))],
      accuracy: Math.round(accuracy * 100) / 100,
      severity,
      oldestAt: new Date(oldest).toISOString(),
      deadlineAt: new Date(deadline).toISOString(),
      overdue,
      priority: Math.round(priority * 10) / 10,
    })
  }
  out.sort((a, b) => b.priority - a.priority || a.deadlineAt.localeCompare(b.deadlineAt))
  return out.slice(0, limit)
}

export interface ItemReportsView {
  item: OwnContentView
  reports: (ReportView & {
    reporterId: string
    reporterName: string
    accuracy: number
    muted: boolean
  })[]
}

/** An item with every report on it and how reliable each reporter has been. */
export async function itemReports(tx: Tx, itemId: string, now: Date = new Date()): Promise<ItemReportsView> {
  const [item] = await findContentItems(tx, [itemId])
  if (!item) throw new DomainError('CONTENT_NOT_FOUND', { id: itemId })
  const rs = await store.onItem(tx, itemId)
  const ids = [...new Set(rs.map((r) => r.reporterId))]
  const names = await displayNamesOf(tx, [...ids, item.authorId])
  const stand = new Map((await store.standings(tx, ids)).map((s) => [s.userId, s]))
  return {
    item: presentOwn(item, names.get(item.authorId) ?? ''),
    reports: rs.map((r) => {
      const s = stand.get(r.reporterId)
      return {
        ...present(r, now, item),
        reporterId: r.reporterId,
        reporterName: names.get(r.reporterId) ?? '',
        accuracy: Math.round(accuracyOf(s) * 100) / 100,
        muted: !!s?.mutedUntil && s.mutedUntil > now,
      }
    }),
  }
}

export interface DecideReportsInput {
  outcome: 'uphold' | 'dismiss'
  reason: string
  /** Upheld: what to do to the item (A16). */
  measures?: Measure[]
  category?: 'false' | 'prohibit'
  /** Upheld as a false claim: it enters the rumor registry and every copy is swept. */
  confirm?: {
    text?: string
    verdict: 'false' | 'misleading'
    clarificationUrl?: string | null
    clarificationTitle?: string | null
  }
}

export interface DecideReportsResult {
  closed: number
  trackingNos: string[]
  disposal: DisposalView | null
  rumor: RumorView | null
  /**
   * The disposal whose sweep starts after the commit, when a false claim was confirmed (`confirmRumor` starts it
   * through `DisposalContext.startSweep`): for a caller that waits for it (`sweeper.run` joins a running sweep).
   */
  sweep: string | null
}

/** Tells each reporter how their report ended, and counts it to their accuracy. */
async function closeWithFeedback(
  tx: Tx,
  actor: Actor | LedgerActor,
  reports: store.ReportRow[],
  c: { upheld: boolean; reason: string; articles: string[]; disposalId: string | null; at: Date },
): Promise<void> {
  if (reports.length === 0) return
  await store.closeReports(
    tx,
    reports.map((r) => r.id),
    {
      status: c.upheld ? 'upheld' : 'dismissed',
      at: c.at,
      by: actor.name,
      reason: c.reason,
      articles: c.articles,
      disposalId: c.disposalId,
    },
  )
  await store.countOutcomes(
    tx,
    reports.map((r) => r.reporterId),
    c.upheld ? 'upheld' : 'dismissed',
  )
  for (const r of reports) {
    const cat = categoryOf(r.category)
    await notifyUser(tx, {
      userId: r.reporterId,
      kind: c.upheld ? 'report_upheld' : 'report_dismissed',
      subject: { type: 'report', id: r.id },
      zh: c.upheld
        ? `您的举报（编号 ${r.trackingNo}，${cat.zh}）经核实成立，平台已处置。理由：${c.reason}。依据：${c.articles.join('、')}。感谢您的监督。`
        : `您的举报（编号 ${r.trackingNo}，${cat.zh}）经核查未发现违规。理由：${c.reason}。依据：${c.articles.join('、')}。`,
      en: c.upheld
        ? `Your report ${r.trackingNo} (${cat.en}) was upheld and the platform acted on it: ${c.reason}. Basis: ${c.articles.join(', ')}. Thank you.`
        : `Your report ${r.trackingNo} (${cat.en}) was checked and nothing in breach was found: ${c.reason}. Basis: ${c.articles.join(', ')}.`,
      articles: ['A15', ...c.articles],
      at: c.at,
    })
  }
}

/** One decision on an item closes every open report on it; upheld, the item is disposed of (A16). */
export async function decideReports(
  tx: Tx,
  actor: Actor,
  ctx: DisposalContext,
  itemId: string,
  input: DecideReportsInput,
  now: Date = new Date(),
): Promise<DecideReportsResult> {
  const open = await store.lockOpenOn(tx, [itemId])
  if (open.length === 0) throw new DomainError('REPORT_NOTHING_OPEN', { itemId })
  const upheld = input.outcome === 'uphold'
  const categories = [...new Set(open.map((r) => r.category))]
  const articles = upheld
    ? [...new Set(['A15', ...categories.flatMap((c) => categoryOf(c).articles)])]
    : ['A15']
  let disposal: DisposalView | null = null
  let rumor: RumorView | null = null
  let sweep: string | null = null
  if (upheld) {
    const measures = input.measures ?? []
    const category = input.category ?? (categories.includes('illegal') ? 'prohibit' : 'false')
    if (input.confirm) {
      const [item] = await findContentItems(tx, [itemId])
      const r = await confirmRumor(
        tx,
        actor,
        ctx,
        {
          text: input.confirm.text?.trim() || (item?.text ?? ''),
          verdict: input.confirm.verdict,
          source: 'review',
          sourceRef: open[0]?.trackingNo ?? itemId,
          clarificationUrl: input.confirm.clarificationUrl ?? null,
          clarificationTitle: input.confirm.clarificationTitle ?? null,
          measures,
          reason: input.reason,
          category,
        },
        now,
      )
      rumor = r.rumor
      sweep = r.disposal.id
      // the reported item itself is disposed of now, whatever the sweep finds after the commit
      await applyDisposalToItem(tx, actor, ctx, r.disposal.id, itemId, now)
      disposal = r.disposal
    } else if (measures.length > 0) {
      disposal = await disposeItem(tx, actor, ctx, itemId, { measures, reason: input.reason, category }, now)
    } else {
      // upheld without measures only when the item is already out of public view (removed or stopped meanwhile)
      const [item] = await findContentItems(tx, [itemId])
      if (item && isPublic(item)) {
        throw new DomainError('DISPOSAL_MEASURES_INVALID', { field: 'measures', measures: [] })
      }
    }
  }
  // (the disposal of the item itself may already have closed these with its own reason; the rest close here)
  const still = await store.lockOpenOn(tx, [itemId])
  await closeWithFeedback(tx, actor, still, {
    upheld,
    reason: input.reason,
    articles,
    disposalId: disposal?.id ?? null,
    at: now,
  })
  await append(tx, {
    actor,
    action: upheld ? 'report.upheld' : 'report.dismissed',
    subject: { type: 'content', id: itemId },
    articles,
    details: {
      trackingNos: open.map((r) => r.trackingNo),
      reason: input.reason,
      disposalId: disposal?.id ?? null,
      rumorId: rumor?.id ?? null,
    },
    at: now,
  })
  return { closed: open.length, trackingNos: open.map((r) => r.trackingNo), disposal, rumor, sweep }
}

/**
 * A disposal applied to items (a claim's sweep, an order): the open reports on them are upheld with its reason, and
 * their reporters told. Wired as the disposal area's `onApplied`.
 */
export async function closeReportsOnItems(
  tx: Tx,
  actor: Actor | LedgerActor,
  applied: { disposal: { id: string; reason: string; articles: string[] }; itemIds: string[]; at: Date },
): Promise<number> {
  const open = await store.lockOpenOn(tx, applied.itemIds)
  await closeWithFeedback(tx, actor, open, {
    upheld: true,
    reason: applied.disposal.reason,
    articles: [...new Set(['A15', ...applied.disposal.articles])],
    disposalId: applied.disposal.id,
    at: applied.at,
  })
  return open.length
}

export async function muteReporter(
  tx: Tx,
  actor: Actor,
  userId: string,
  input: { days: number; reason: string },
  now: Date = new Date(),
): Promise<{ userId: string; mutedUntil: string }> {
  await getUser(tx, userId)
  const until = new Date(now.getTime() + input.days * 86_400_000)
  await store.setMute(tx, userId, { until, reason: input.reason, by: actor.name })
  await append(tx, {
    actor,
    action: 'reporter.muted',
    subject: { type: 'user', id: userId },
    articles: ['A15'],
    details: { until: until.toISOString(), reason: input.reason },
    at: now,
  })
  await notifyUser(tx, {
    userId,
    kind: 'reporter_muted',
    zh: `因多次不实举报，您的举报功能暂停至 ${until.toISOString().slice(0, 10)}。理由：${input.reason}。`,
    en: `Your reports are paused until ${until.toISOString().slice(0, 10)} after repeated unfounded reports: ${input.reason}.`,
    articles: ['A15'],
    at: now,
  })
  return { userId, mutedUntil: until.toISOString() }
}

export async function unmuteReporter(
  tx: Tx,
  actor: Actor,
  userId: string,
  now: Date = new Date(),
): Promise<void> {
  await getUser(tx, userId)
  await store.setMute(tx, userId, { until: null, reason: null, by: null })
  await append(tx, {
    actor,
    action: 'reporter.unmuted',
    subject: { type: 'user', id: userId },
    articles: ['A15'],
    details: {},
    at: now,
  })
}

export const overdueReports = store.overdueCount

/** The published guide: categories, deadlines, and how a report is handled (A15: 公布投诉举报方式). */
export function reportGuide(settings: ReportSettings = DEFAULT_REPORT_SETTINGS) {
  return {
    categories: REPORT_CATEGORIES.map((c) => ({
      key: c.key,
      zh: c.zh,
      en: c.en,
      descriptionZh: c.descriptionZh,
      descriptionEn: c.descriptionEn,
      deadlineHours: settings.deadlineHours[c.key],
      articles: c.articles,
    })),
    perHour: settings.perHour,
    stepsZh: [
      '在任意内容旁点击“举报”，选择类别并说明理由。',
      '提交后获得举报编号，可在“我的举报”中查询进度。',
      '平台在各类别期限内核查处理；逾期未处理的举报会被标记并优先处理。',
      '处理结果（成立或不成立）、理由和依据条款会通知您。',
      '举报成立的虚假信息，平台将停止传输、删除或标注，并清理相同或相似的内容。',
    ],
    stepsEn: [
      'Click "Report" beside any item, choose a category and say why.',
      'You get a tracking number; follow your report under "My reports".',
      'The platform checks it within the deadline of its category; overdue reports are flagged and handled first.',
      'You are told the outcome (upheld or not), the reason and the requirement it rests on.',
      'False information found in an upheld report is stopped, removed or labelled, and its copies are cleared.',
    ],
  }
}
