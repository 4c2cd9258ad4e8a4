// Public reports to the regulator (举报, A18, A8.2): anyone may report false information without signing in, and gets
// a tracking code that is the only way back to the report: 90 random bits, of which only the SHA-256 is stored. A
// reporter may leave a name and a contact; they are sealed under a key of their own, bound to the report, and staff
// see a placeholder. Opening the seal takes its own permission and a reason, and is recorded on the ledger (who,
// when, why — never the identity). Reports about the same claim are clustered with the engine's claim bank.
// Closing a report tells the reporter, through the lookup, what was found and done.
import { randomInt } from 'node:crypto'
import { and, asc, count, desc, eq, gte, inArray, lt, ne } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { ReportCategoryKey } from '../../core/config.ts'
import { deriveKey, open, seal, sha256Hex } from '../../core/crypto.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { COUNTIES } from '../../core/organisations/index.ts'
import { ClaimBank, normalizeCodes } from '../../engine/index.ts'
import { append, entriesAbout, type LedgerActor, systemActor } from '../../ledger/index.ts'
import { publicReport, publicReportEvidence } from './tables.ts'

type Row = typeof publicReport.$inferSelect

export type PublicReportStatus = 'received' | 'routed' | 'handling' | 'closed'

export interface PublicReportCategory {
  key: ReportCategoryKey
  zh: string
  en: string
  descriptionZh: string
  descriptionEn: string
  articles: string[]
}

/** What the public may report (A11.1, A11.2), in the order the form shows them. */
export const PUBLIC_REPORT_CATEGORIES: readonly PublicReportCategory[] = [
  {
    key: 'rumor',
    zh: '谣言/虚假信息',
    en: 'Rumor / false information',
    descriptionZh: '编造、传播虚假的险情、疫情、灾情、警情等虚假信息',
    descriptionEn:
      'Invented or spread false reports of danger, epidemic, disaster, police incidents and the like',
    articles: ['A11.1'],
  },
  {
    key: 'fiction',
    zh: '虚构内容未标注',
    en: 'Fiction not labelled',
    descriptionZh: '虚构、演绎的情节未显著标注“虚构/演绎”',
    descriptionEn: 'Fiction or dramatisation shown without a prominent label',
    articles: ['A11.2'],
  },
  {
    key: 'reputation',
    zh: '侵害名誉',
    en: 'Reputation',
    descriptionZh: '捏造事实诽谤他人、损害企业商誉',
    descriptionEn: 'Invented facts that defame a person or harm a business',
    articles: ['A11.1'],
  },
  {
    key: 'privacy',
    zh: '侵犯隐私',
    en: 'Privacy',
    descriptionZh: '未经同意公开他人个人信息',
    descriptionEn: "Someone's personal information made public without consent",
    articles: ['A11.1'],
  },
  {
    key: 'illegal',
    zh: '其他违法信息',
    en: 'Other illegal information',
    descriptionZh: '法律、行政法规禁止的其他信息',
    descriptionEn: 'Other information that laws and regulations prohibit',
    articles: ['A11.1'],
  },
]

const categoryOf = (key: string): PublicReportCategory =>
  PUBLIC_REPORT_CATEGORIES.find((c) => c.key === key) ?? (PUBLIC_REPORT_CATEGORIES[0] as PublicReportCategory)

export const COUNTY_CODES = COUNTIES.map((c) => c.code)

/** What staff see in place of the reporter's name and contact. */
export const SEALED_PLACEHOLDER = '已密封 / sealed'

export const MAX_EVIDENCE_FILES = 3
/** Each file, decoded. */
export const MAX_EVIDENCE_BYTES = 1_048_576
export const EVIDENCE_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const
export type EvidenceType = (typeof EVIDENCE_TYPES)[number]

/** The first bytes each accepted type starts with; the declared type is believed only when they are there. */
const MAGIC: Record<EvidenceType, readonly number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
}

export function bytesMatchType(bytes: Uint8Array, type: EvidenceType): boolean {
  const magic = MAGIC[type]
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)
}

// --- tracking codes ---

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_PREFIX = 'TH'
const CODE_RANDOM_CHARS = 18 // 90 bits

/** `TH7K-4M9Q-ZX2B-…`: the prefix and 18 random base32 characters (90 bits), in groups of four. */
export function newTrackingCode(): string {
  let s = CODE_PREFIX
  for (let i = 0; i < CODE_RANDOM_CHARS; i++) s += ALPHABET[randomInt(32)]
  return formatCode(s)
}

function formatCode(canonical: string): string {
  return canonical.match(/.{1,4}/g)?.join('-') ?? canonical
}

/**
 * The canonical form of a code as someone typed it: upper case, without spaces or dashes, with the letters
 * Crockford's alphabet reads as digits (O → 0, I and L → 1).
 */
export function canonicalCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
}

const digestOf = (raw: string) => sha256Hex(`qinglang/public-report-code/v1:${canonicalCode(raw)}`)

// --- the sealed identity ---

const IDENTITY_PURPOSE = 'qinglang/public-report-identity/v1'

/** The key that seals reporters' identities, derived from the master key for this purpose alone. */
export function publicReportIdentityKey(masterKey: Buffer): Buffer {
  return deriveKey(masterKey, IDENTITY_PURPOSE)
}

// Bound to the report, so a sealed identity copied onto another report does not open there.
const aadOf = (reportId: string) => `${IDENTITY_PURPOSE}:${reportId}`

interface Identity {
  name: string | null
  contact: string | null
}

const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/
const LANDLINE = /^0\d{2,3}\d{7,8}$/
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/

/** A mobile (as +86…), a landline or an email address; null when it is none of them. */
export function normaliseContact(raw: string): string | null {
  const s = raw.trim()
  if (EMAIL.test(s)) return s
  const digits = s.replace(/[\s\-()]/g, '')
  const m = MOBILE.exec(digits)
  if (m) return `+86${m[1]}`
  if (LANDLINE.test(digits)) return digits
  return null
}

// --- views ---

export interface EvidenceView {
  id: string
  name: string
  type: string
  size: number
  sha256: string
}

/** A public report as staff see it: the identity, if any, is the sealed placeholder. */
export interface PublicReportView {
  id: string
  category: ReportCategoryKey
  categoryZh: string
  categoryEn: string
  platform: string
  link: string | null
  description: string
  countyCode: string | null
  status: PublicReportStatus
  receivedAt: string
  deadlineAt: string
  overdue: boolean
  /** `已密封 / sealed` when the reporter left a name or contact, null when they stayed anonymous. */
  identity: string | null
  clusterId: string
  /** Reports in this report's cluster, this one included. */
  clusterSize: number
  evidenceCount: number
  /** Once routed (A5.2): the organisation handling it and its case. */
  routedOrganisationId: string | null
  caseId: string | null
  closedAt: string | null
  closedByName: string | null
  feedback: string | null
  feedbackArticles: string[]
}

export interface ClusterMember {
  id: string
  category: ReportCategoryKey
  description: string
  status: PublicReportStatus
  receivedAt: string
}

/** Who opened the seal, when and why (from the ledger). */
export interface UnsealingView {
  at: string
  byName: string
  reason: string
}

export interface PublicReportDetail extends PublicReportView {
  evidence: EvidenceView[]
  /** The other reports of the cluster, oldest first. */
  cluster: ClusterMember[]
  unsealings: UnsealingView[]
}

/** The answer to a filing: the tracking code (shown once, kept nowhere readable), the deadline, where to look. */
export interface PublicReportReceipt {
  code: string
  category: ReportCategoryKey
  status: PublicReportStatus
  receivedAt: string
  deadlineAt: string
  days: number
  /** The page where the code is looked up, and the API. */
  lookupPage: string
  lookupApi: string
  noticeZh: string
  noticeEn: string
}

/** What the public lookup shows: never the reporter, never the staff or internal fields. */
export interface PublicReportLookup {
  category: ReportCategoryKey
  categoryZh: string
  categoryEn: string
  status: PublicReportStatus
  receivedAt: string
  deadlineAt: string
  closedAt: string | null
  /** Once closed: what was found and done, and the requirement ids it rests on. */
  feedback: string | null
  feedbackArticles: string[]
}

export interface UnsealedIdentity {
  id: string
  name: string | null
  contact: string | null
  reason: string
  unsealedAt: string
}

export interface PublicReportGuide {
  categories: PublicReportCategory[]
  counties: { code: string; zh: string; en: string }[]
  days: number
  maxFiles: number
  maxFileBytes: number
  fileTypes: string[]
  stepsZh: string[]
  stepsEn: string[]
}

const isOverdue = (r: Row, now: Date) => r.status !== 'closed' && r.deadlineAt.getTime() <= now.getTime()

function present(r: Row, clusterSize: number, evidenceCount: number, now: Date): PublicReportView {
  const c = categoryOf(r.category)
  return {
    id: r.id,
    category: c.key,
    categoryZh: c.zh,
    categoryEn: c.en,
    platform: r.platform,
    link: r.link,
    description: r.description,
    countyCode: r.countyCode,
    status: r.status as PublicReportStatus,
    receivedAt: r.receivedAt.toISOString(),
    deadlineAt: r.deadlineAt.toISOString(),
    overdue: isOverdue(r, now),
    identity: r.identitySealed === null ? null : SEALED_PLACEHOLDER,
    clusterId: r.clusterId,
    clusterSize,
    evidenceCount,
    routedOrganisationId: r.routedOrganisationId,
    caseId: r.caseId,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedByName: r.closedByName,
    feedback: r.feedback,
    feedbackArticles: r.feedbackArticles ?? [],
  }
}

// --- the public side ---

export interface EvidenceInput {
  name: string
  type: EvidenceType
  /** The file's bytes in base64. */
  data: string
}

export interface FilePublicReportInput {
  category: ReportCategoryKey
  platform: string
  link?: string
  description: string
  county?: string
  reporterName?: string
  reporterContact?: string
  evidence?: EvidenceInput[]
}

export interface PublicReportSettings {
  days: number
  identityKey: Buffer
  publicUrl: string
  /** Runs in the filing transaction once the report is stored: routing on receipt (A5.2), when configured. */
  afterReceipt?: (tx: Tx, reportId: string, now: Date) => Promise<void>
}

/** Who files a public report, on the record: the public, never the person. */
const PUBLIC_ACTOR: LedgerActor = systemActor('public', '社会公众 / member of the public')

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

interface CheckedFile {
  name: string
  type: EvidenceType
  bytes: Buffer
  sha256: string
}

// The problem names the file by its position and, in the answer only, by its name: the log keeps the position.
function fileProblem(
  code:
    | 'PUBLIC_REPORT_EVIDENCE_ENCODING'
    | 'PUBLIC_REPORT_EVIDENCE_TOO_LARGE'
    | 'PUBLIC_REPORT_EVIDENCE_TYPE',
  i: number,
  file: EvidenceInput,
  zh: string,
  en: string,
): DomainError {
  return new DomainError(code, {
    file: file.name,
    errors: [{ field: `evidence.${i}`, zh: `第 ${i + 1} 个文件${zh}`, en: `file ${i + 1} ${en}` }],
  })
}

/** Decodes and checks every file before anything is written: base64, at most 1 MB, bytes of the declared type. */
export function checkEvidence(files: readonly EvidenceInput[]): CheckedFile[] {
  return files.map((f, i) => {
    if (!BASE64.test(f.data)) {
      throw fileProblem(
        'PUBLIC_REPORT_EVIDENCE_ENCODING',
        i,
        f,
        '不是有效的 base64 编码',
        'is not valid base64',
      )
    }
    const bytes = Buffer.from(f.data, 'base64')
    if (bytes.length > MAX_EVIDENCE_BYTES) {
      throw fileProblem(
        'PUBLIC_REPORT_EVIDENCE_TOO_LARGE',
        i,
        f,
        `有 ${bytes.length} 字节，超过 1 MB`,
        `has ${bytes.length} bytes, more than 1 MB`,
      )
    }
    if (!bytesMatchType(bytes, f.type)) {
      throw fileProblem(
        'PUBLIC_REPORT_EVIDENCE_TYPE',
        i,
        f,
        `的内容不是所声明的 ${f.type}`,
        `does not hold the ${f.type} it declares`,
      )
    }
    return { name: f.name, type: f.type, bytes, sha256: sha256Hex(bytes) }
  })
}

/**
 * The earliest open report whose description is the same claim as this one: the engine's claim bank matches
 * near-duplicates after normalisation (traditional characters, full width, inserted emoji and spaces), in both
 * directions, so a short report inside a longer one and a longer one around a shorter one both join.
 */
export function clusterOf(
  description: string,
  open: readonly { id: string; clusterId: string; description: string }[],
): string | null {
  const item = normalizeCodes(description)
  const earlier = new ClaimBank({ capacity: Math.max(16, open.length) })
  for (const r of open) earlier.add({ id: r.id, text: r.description })
  const score = new Map<string, number>()
  for (const hit of earlier.match(item, earlier.threshold)) score.set(hit.id, hit.similarity)
  const self = new ClaimBank({ capacity: 16 })
  if (self.add({ id: 'new', text: description }).ok) {
    for (const r of open) {
      const hit = self.match(normalizeCodes(r.description), self.threshold)[0]
      if (hit) score.set(r.id, Math.max(score.get(r.id) ?? 0, hit.similarity))
    }
  }
  let best: { clusterId: string; similarity: number } | null = null
  // `open` is oldest first: on equal similarity the earliest report's cluster wins.
  for (const r of open) {
    const s = score.get(r.id)
    if (s !== undefined && (best === null || s > best.similarity))
      best = { clusterId: r.clusterId, similarity: s }
  }
  return best?.clusterId ?? null
}

/** How many open reports a new one is compared with. */
const CLUSTER_WINDOW = 5000

function checkLink(link: string | undefined): string | null {
  const s = link?.trim() ?? ''
  if (s === '') return null
  try {
    const u = new URL(s)
    if (u.protocol === 'http:' || u.protocol === 'https:') return s
  } catch {
    // refused below
  }
  throw new DomainError('VALIDATION_FAILED', { field: 'link' })
}

function blankToNull(s: string | undefined): string | null {
  const t = s?.trim() ?? ''
  return t === '' ? null : t
}

export async function filePublicReport(
  tx: Tx,
  input: FilePublicReportInput,
  settings: PublicReportSettings,
  now: Date = new Date(),
): Promise<PublicReportReceipt> {
  const description = input.description.trim()
  const platform = input.platform.trim()
  if (description === '') throw new DomainError('VALIDATION_FAILED', { field: 'description' })
  if (platform === '') throw new DomainError('VALIDATION_FAILED', { field: 'platform' })
  const link = checkLink(input.link)
  if (input.county !== undefined && !COUNTY_CODES.includes(input.county)) {
    throw new DomainError('VALIDATION_FAILED', { field: 'county' })
  }
  const name = blankToNull(input.reporterName)
  const rawContact = blankToNull(input.reporterContact)
  const contact = rawContact === null ? null : normaliseContact(rawContact)
  if (rawContact !== null && contact === null) {
    throw new DomainError('PUBLIC_REPORT_CONTACT_INVALID', { field: 'reporterContact' })
  }
  const files = checkEvidence(input.evidence ?? [])

  // The newest open reports, oldest first: a bank built per filing stays small while the open backlog does.
  const open = (
    await tx
      .select({
        id: publicReport.id,
        clusterId: publicReport.clusterId,
        description: publicReport.description,
      })
      .from(publicReport)
      .where(ne(publicReport.status, 'closed'))
      .orderBy(desc(publicReport.receivedAt), desc(publicReport.id))
      .limit(CLUSTER_WINDOW)
  ).reverse()
  const id = newId(now.getTime())
  const clusterId = clusterOf(description, open) ?? id
  const code = newTrackingCode()
  const deadlineAt = new Date(now.getTime() + settings.days * 86_400_000)
  const identitySealed =
    name === null && contact === null
      ? null
      : seal(
          Buffer.from(JSON.stringify({ name, contact } satisfies Identity)),
          settings.identityKey,
          aadOf(id),
        )
  // 90 random bits: a code drawn twice would break the unique index (and this request) once in 10¹³ at a billion reports.
  await tx.insert(publicReport).values({
    id,
    codeDigest: digestOf(code),
    category: input.category,
    platform,
    link,
    description,
    countyCode: input.county ?? null,
    status: 'received',
    identitySealed,
    clusterId,
    receivedAt: now,
    deadlineAt,
  })
  if (files.length > 0) {
    await tx.insert(publicReportEvidence).values(
      files.map((f, position) => ({
        id: newId(now.getTime()),
        reportId: id,
        position,
        fileName: f.name,
        mediaType: f.type,
        size: f.bytes.length,
        sha256: f.sha256,
        content: f.bytes,
      })),
    )
  }
  // The record binds the report's content and files by digest; whether an identity was sealed, never whose it is.
  await append(tx, {
    actor: PUBLIC_ACTOR,
    action: 'public_report.received',
    subject: { type: 'public_report', id },
    articles: ['A18', 'A8.2'],
    evidence: {
      category: input.category,
      platform,
      link,
      description,
      files: files.map((f) => ({ name: f.name, type: f.type, size: f.bytes.length, sha256: f.sha256 })),
    },
    details: {
      category: input.category,
      countyCode: input.county ?? null,
      clusterId,
      deadlineAt: deadlineAt.toISOString(),
      files: files.length,
      identity: identitySealed === null ? 'none' : 'sealed',
    },
    at: now,
  })
  if (settings.afterReceipt) await settings.afterReceipt(tx, id, now)
  const base = settings.publicUrl.replace(/\/$/, '')
  return {
    code,
    category: input.category,
    status: 'received',
    receivedAt: now.toISOString(),
    deadlineAt: deadlineAt.toISOString(),
    days: settings.days,
    lookupPage: `${base}/p/report/status`,
    lookupApi: `${base}/api/public/reports/${code}`,
    noticeZh: `请妥善保存查询码 ${code}：它是查询办理进度和结果的唯一凭证，丢失后无法找回。我们将在 ${settings.days} 日内办理。`,
    noticeEn: `Keep the tracking code ${code}: it is the only way to follow this report and cannot be recovered. We will handle it within ${settings.days} days.`,
  }
}

/** The public lookup by tracking code. Every wrong code gets the same answer, by the same path (one indexed read). */
export async function lookupPublicReport(tx: Tx, code: string): Promise<PublicReportLookup> {
  const [r] = await tx
    .select()
    .from(publicReport)
    .where(eq(publicReport.codeDigest, digestOf(code)))
  if (!r) throw new DomainError('PUBLIC_REPORT_NOT_FOUND')
  const c = categoryOf(r.category)
  const closed = r.status === 'closed'
  return {
    category: c.key,
    categoryZh: c.zh,
    categoryEn: c.en,
    status: r.status as PublicReportStatus,
    receivedAt: r.receivedAt.toISOString(),
    deadlineAt: r.deadlineAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    feedback: closed ? r.feedback : null,
    feedbackArticles: closed ? (r.feedbackArticles ?? []) : [],
  }
}

/** How to report to the regulator and how reports are handled (向社会公布举报受理方式, A18). */
export function publicReportGuide(days: number): PublicReportGuide {
  return {
    categories: [...PUBLIC_REPORT_CATEGORIES],
    counties: COUNTIES.map((c) => ({ code: c.code, zh: c.zh, en: c.en })),
    days,
    maxFiles: MAX_EVIDENCE_FILES,
    maxFileBytes: MAX_EVIDENCE_BYTES,
    fileTypes: [...EVIDENCE_TYPES],
    stepsZh: [
      '选择举报类别，写明在哪个平台或网站看到、链接（如有）和具体情况；可附最多 3 个截图或 PDF 文件（每个不超过 1 MB）。',
      '姓名和联系方式可不填；填写的，加密保存，只有经授权并登记理由的人员才能查看，绝不对外提供。',
      `提交后获得查询码，请妥善保存；我们在 ${days} 日内办理。`,
      '凭查询码查询办理进度；办结后可看到核查处理结果。',
    ],
    stepsEn: [
      'Choose a category, say on which platform or website you saw it, the link if any, and what it says; attach up to 3 screenshots or PDF files (1 MB each at most).',
      'Your name and contact are optional; if given, they are kept encrypted, seen only by authorised staff who record why, and never passed on.',
      `You get a tracking code: keep it. We handle reports within ${days} days.`,
      'Look up the progress with the code; once closed, it shows what was found and done.',
    ],
  }
}

// --- the staff side ---

async function clusterSizes(tx: Tx, clusterIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  if (clusterIds.length === 0) return out
  const rows = await tx
    .select({ clusterId: publicReport.clusterId, n: count() })
    .from(publicReport)
    .where(inArray(publicReport.clusterId, [...new Set(clusterIds)]))
    .groupBy(publicReport.clusterId)
  for (const r of rows) out.set(r.clusterId, r.n)
  return out
}

async function evidenceCounts(tx: Tx, ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  if (ids.length === 0) return out
  const rows = await tx
    .select({ reportId: publicReportEvidence.reportId, n: count() })
    .from(publicReportEvidence)
    .where(inArray(publicReportEvidence.reportId, ids))
    .groupBy(publicReportEvidence.reportId)
  for (const r of rows) out.set(r.reportId, r.n)
  return out
}

export interface PublicReportFilter {
  status?: PublicReportStatus
  category?: ReportCategoryKey
  county?: string
  limit?: number
}

/** Oldest first, so what waits longest is at the top; overdue ones flagged. */
export async function listPublicReports(
  tx: Tx,
  filter: PublicReportFilter = {},
  now: Date = new Date(),
): Promise<PublicReportView[]> {
  const conditions = [
    filter.status ? eq(publicReport.status, filter.status) : undefined,
    filter.category ? eq(publicReport.category, filter.category) : undefined,
    filter.county ? eq(publicReport.countyCode, filter.county) : undefined,
  ].filter((c) => c !== undefined)
  const rows = await tx
    .select()
    .from(publicReport)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(publicReport.receivedAt), asc(publicReport.id))
    .limit(filter.limit ?? 200)
  const sizes = await clusterSizes(
    tx,
    rows.map((r) => r.clusterId),
  )
  const files = await evidenceCounts(
    tx,
    rows.map((r) => r.id),
  )
  return rows.map((r) => present(r, sizes.get(r.clusterId) ?? 1, files.get(r.id) ?? 0, now))
}

async function findRow(tx: Tx, id: string, lock = false): Promise<Row> {
  const q = tx.select().from(publicReport).where(eq(publicReport.id, id))
  const [row] = lock ? await q.for('update') : await q
  if (!row) throw new DomainError('PUBLIC_REPORT_NOT_FOUND', { id })
  return row
}

export async function getPublicReport(
  tx: Tx,
  id: string,
  now: Date = new Date(),
): Promise<PublicReportDetail> {
  const r = await findRow(tx, id)
  const evidence = await tx
    .select({
      id: publicReportEvidence.id,
      name: publicReportEvidence.fileName,
      type: publicReportEvidence.mediaType,
      size: publicReportEvidence.size,
      sha256: publicReportEvidence.sha256,
    })
    .from(publicReportEvidence)
    .where(eq(publicReportEvidence.reportId, id))
    .orderBy(asc(publicReportEvidence.position))
  const members = await tx
    .select()
    .from(publicReport)
    .where(and(eq(publicReport.clusterId, r.clusterId), ne(publicReport.id, id)))
    .orderBy(asc(publicReport.receivedAt), asc(publicReport.id))
  const unsealings = (await entriesAbout(tx, { type: 'public_report', id }))
    .filter((e) => e.entry.action === 'public_report.identity_unsealed')
    .map((e) => ({
      at: e.entry.recordedAt.toISOString(),
      byName: e.entry.actorName,
      reason: String((e.entry.details as { reason?: unknown }).reason ?? ''),
    }))
  return {
    ...present(r, members.length + 1, evidence.length, now),
    evidence,
    cluster: members.map((m) => ({
      id: m.id,
      category: categoryOf(m.category).key,
      description: m.description,
      status: m.status as PublicReportStatus,
      receivedAt: m.receivedAt.toISOString(),
    })),
    unsealings,
  }
}

/** One attached file, for staff to open. */
export async function getEvidenceFile(
  tx: Tx,
  reportId: string,
  evidenceId: string,
): Promise<{ name: string; type: string; content: Buffer }> {
  const [f] = await tx
    .select()
    .from(publicReportEvidence)
    .where(and(eq(publicReportEvidence.reportId, reportId), eq(publicReportEvidence.id, evidenceId)))
  if (!f) throw new DomainError('NOT_FOUND', { reportId, evidenceId })
  return { name: f.fileName, type: f.mediaType, content: f.content }
}

export interface ClosePublicReportInput {
  /** What was found and done, as the reporter will read it. */
  feedback: string
  /** The requirement ids the outcome rests on. */
  articles: string[]
}

export async function closePublicReport(
  tx: Tx,
  actor: Actor,
  id: string,
  input: ClosePublicReportInput,
  now: Date = new Date(),
): Promise<PublicReportDetail> {
  const r = await findRow(tx, id, true)
  if (r.status === 'closed') throw new DomainError('PUBLIC_REPORT_CLOSED', { id })
  const feedback = input.feedback.trim()
  if (feedback === '') throw new DomainError('VALIDATION_FAILED', { field: 'feedback' })
  const articles = [...new Set(input.articles)]
  await tx
    .update(publicReport)
    .set({
      status: 'closed',
      closedAt: now,
      closedBy: actor.staffId,
      closedByName: actor.name,
      feedback,
      feedbackArticles: articles,
    })
    .where(eq(publicReport.id, id))
  await append(tx, {
    actor,
    action: 'public_report.closed',
    subject: { type: 'public_report', id },
    articles: ['A18', 'A8.2'],
    evidence: { feedback, articles },
    details: { clusterId: r.clusterId, feedbackArticles: articles, overdue: isOverdue(r, now) },
    at: now,
  })
  return getPublicReport(tx, id, now)
}

/**
 * Opens the sealed identity for someone allowed to, who says why. The ledger records who opened it, when and the
 * reason — and a reason that repeats the identity is refused, since the ledger is public to those who read it.
 */
export async function unsealReporterIdentity(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { reason: string },
  identityKey: Buffer,
  now: Date = new Date(),
): Promise<UnsealedIdentity> {
  const reason = input.reason.trim()
  if (reason === '') throw new DomainError('VALIDATION_FAILED', { field: 'reason' })
  const r = await findRow(tx, id)
  if (r.identitySealed === null) throw new DomainError('PUBLIC_REPORT_NO_IDENTITY', { id })
  const identity = JSON.parse(open(r.identitySealed, identityKey, aadOf(id)).toString('utf8')) as Identity
  const squeeze = (s: string) => s.replace(/[\s\-()+]/g, '').toLowerCase()
  const said = squeeze(reason)
  const revealing = [identity.name, identity.contact, identity.contact?.replace(/^\+86/, '')].filter(
    (v): v is string => typeof v === 'string' && squeeze(v).length >= 2,
  )
  if (revealing.some((v) => said.includes(squeeze(v)))) {
    throw new DomainError('PUBLIC_REPORT_REASON_NAMES_REPORTER', { field: 'reason' })
  }
  await append(tx, {
    actor,
    action: 'public_report.identity_unsealed',
    subject: { type: 'public_report', id },
    articles: ['A18'],
    details: { reason },
    at: now,
  })
  return { id, name: identity.name, contact: identity.contact, reason, unsealedAt: now.toISOString() }
}

/** The public reports among these ids, with when each arrived and whether it is still open (a clarification's link). */
export async function publicReportsByIds(
  tx: Tx,
  ids: string[],
): Promise<{ id: string; receivedAt: Date; status: string }[]> {
  if (ids.length === 0) return []
  return tx
    .select({ id: publicReport.id, receivedAt: publicReport.receivedAt, status: publicReport.status })
    .from(publicReport)
    .where(inArray(publicReport.id, ids))
}

/**
 * What a case handed to another region carries of its public reports: what was reported, where and when. Never who
 * reported it, nor the tracking code.
 */
export async function publicReportsForTransfer(
  tx: Tx,
  ids: string[],
): Promise<
  { category: string; platform: string; link: string | null; description: string; receivedAt: string }[]
> {
  if (ids.length === 0) return []
  const rows = await tx
    .select({
      category: publicReport.category,
      platform: publicReport.platform,
      link: publicReport.link,
      description: publicReport.description,
      receivedAt: publicReport.receivedAt,
    })
    .from(publicReport)
    .where(inArray(publicReport.id, ids))
    .orderBy(asc(publicReport.receivedAt))
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }))
}

/** The reports found to repeat the same claim as this one (its cluster), this one included. */
export async function clusterMates(tx: Tx, id: string): Promise<string[]> {
  const r = await findRow(tx, id)
  const rows = await tx
    .select({ id: publicReport.id })
    .from(publicReport)
    .where(eq(publicReport.clusterId, r.clusterId))
  return rows.map((x) => x.id)
}

/** What routing needs to know of a report. */
export interface RoutableReport {
  id: string
  category: ReportCategoryKey
  categoryZh: string
  countyCode: string | null
  description: string
  platform: string
}

/** A received report about to be routed, locked unless only looked at; refused once it has been routed or closed. */
export async function routablePublicReport(tx: Tx, id: string, lock = true): Promise<RoutableReport> {
  const r = await findRow(tx, id, lock)
  if (r.status === 'closed') throw new DomainError('PUBLIC_REPORT_CLOSED', { id })
  if (r.status !== 'received') throw new DomainError('PUBLIC_REPORT_ALREADY_ROUTED', { id })
  const c = categoryOf(r.category)
  return {
    id,
    category: c.key,
    categoryZh: c.zh,
    countyCode: r.countyCode,
    description: r.description,
    platform: r.platform,
  }
}

/** Marks a report routed to the organisation that will handle it (A5.2), on the ledger, with the case it opened. */
export async function markPublicReportRouted(
  tx: Tx,
  actor: Actor | LedgerActor,
  id: string,
  to: { organisationId: string; organisationKey: string; caseId: string },
  now: Date = new Date(),
): Promise<void> {
  await routablePublicReport(tx, id)
  await tx
    .update(publicReport)
    .set({ status: 'routed', routedOrganisationId: to.organisationId, caseId: to.caseId })
    .where(eq(publicReport.id, id))
  await append(tx, {
    actor,
    action: 'public_report.routed',
    subject: { type: 'public_report', id },
    articles: ['A5.2', 'A18'],
    details: { to: to.organisationKey, organisationId: to.organisationId, caseId: to.caseId },
    at: now,
  })
}

/** What the supervisors' review (A27) needs of a public report whose deadline fell in [from, to). */
export interface SupervisedPublicReport {
  id: string
  status: string
  category: string
  deadlineAt: Date
  closedAt: Date | null
  /** Staff id of whoever closed it. */
  closedBy: string | null
  closedByName: string | null
  hasFeedback: boolean
  routedOrganisationId: string | null
}

export async function publicReportsDueIn(tx: Tx, from: Date, to: Date): Promise<SupervisedPublicReport[]> {
  const rows = await tx
    .select()
    .from(publicReport)
    .where(and(gte(publicReport.deadlineAt, from), lt(publicReport.deadlineAt, to)))
    .orderBy(asc(publicReport.deadlineAt))
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    category: r.category,
    deadlineAt: r.deadlineAt,
    closedAt: r.closedAt,
    closedBy: r.closedBy,
    closedByName: r.closedByName,
    hasFeedback: (r.feedback ?? '').trim() !== '',
    routedOrganisationId: r.routedOrganisationId,
  }))
}
