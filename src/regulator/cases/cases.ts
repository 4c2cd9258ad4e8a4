// Cases (案件, A5.1): a file shared by the departments on it. A public report is routed by category and county to
// the competent organisation (A5.2), which then leads a case; other departments join it for joint enforcement;
// consultations (会商) are recorded; a county office escalates a case to the city (A4); the CAC's supervision sets a
// deadline in working days (督办), and cases past it are flagged to the supervisors. Every act is on the ledger.
// A department sees the cases it is on, and no other; the city CAC sees every case.
import { and, asc, desc, eq, inArray, isNull, like, lte, sql } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { ReportCategoryKey } from '../../core/config.ts'
import { nextYearNumber, type Tx } from '../../core/db/index.ts'
import { DomainError, isDomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { COUNTIES, listOrganisations, type Organisation } from '../../core/organisations/index.ts'
import { append, appendMany, type LedgerActor, systemActor } from '../../ledger/index.ts'
import { listPeers } from '../../protocol/index.ts'
import { clarificationIdsAmong } from '../clarifications/index.ts'
import { platformReportIdsAmong } from '../platform-reports/index.ts'
import {
  clusterMates,
  markPublicReportRouted,
  publicReportsByIds,
  routablePublicReport,
} from '../public-reports/index.ts'
import {
  addWorkingDays,
  buildCalendar,
  chinaDate,
  type DayOverride,
  endOfChinaDay,
  isDateString,
  type WorkingCalendar,
  workingDaysBetween,
} from './calendar.ts'
import {
  caseConsultation,
  caseDepartment,
  caseFile,
  caseTransfer,
  routingRule,
  type TransferMaterials,
  workingDayOverride,
} from './tables.ts'

export type CaseRow = typeof caseFile.$inferSelect

/** `transferred`: handed to another region's regulator, which accepted it. */
export type CaseStatus = 'open' | 'closed' | 'transferred'

/** Organisations that may lead or join a case. */
const CASE_KINDS = new Set(['cac', 'department', 'county'])
/** And those that may also sit in a consultation. */
const CONSULT_KINDS = new Set(['cac', 'department', 'county', 'procuratorate'])

// --- the calendar ---

export async function workingCalendar(tx: Tx): Promise<WorkingCalendar> {
  const rows = await tx.select().from(workingDayOverride)
  return buildCalendar(rows.map((r) => ({ date: r.date, working: r.working, note: r.note })))
}

export interface WorkingDayView extends DayOverride {
  source: 'built-in' | 'operator'
}

/** The days of a year that are not what their weekday says. */
export async function listWorkingDayOverrides(tx: Tx, year: number): Promise<WorkingDayView[]> {
  const rows = await tx
    .select()
    .from(workingDayOverride)
    .where(like(workingDayOverride.date, `${year}-%`))
  const cal = await workingCalendar(tx)
  const operator = new Set(rows.map((r) => r.date))
  return [...cal.values()]
    .filter((o) => o.date.startsWith(`${year}-`))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((o) => ({ ...o, source: operator.has(o.date) ? 'operator' : 'built-in' }))
}

export async function setWorkingDayOverride(
  tx: Tx,
  actor: Actor,
  date: string,
  input: { working: boolean; note: string },
  now: Date = new Date(),
): Promise<WorkingDayView> {
  if (!isDateString(date)) throw new DomainError('WORKING_DAY_DATE_INVALID', { field: 'date', date })
  const note = input.note.trim()
  if (note === '') throw new DomainError('VALIDATION_FAILED', { field: 'note' })
  const values = { date, working: input.working, note, updatedAt: now, updatedByName: actor.name }
  await tx
    .insert(workingDayOverride)
    .values(values)
    .onConflictDoUpdate({ target: workingDayOverride.date, set: values })
  await append(tx, {
    actor,
    action: 'calendar.day_set',
    subject: { type: 'working_day', id: date },
    articles: ['A5.1'],
    details: { date, working: input.working, note },
    at: now,
  })
  return { date, working: input.working, note, source: 'operator' }
}

// --- routing rules (A5.2) ---

export interface RoutingRuleView {
  category: ReportCategoryKey
  /** Null: every county this category has no rule of its own for. */
  countyCode: string | null
  organisationId: string
  organisationKey: string
  organisationNameZh: string
}

/** The rules in force before an officer saves any: by subject matter city-wide, rumors to the county office. */
const DEFAULT_RULES: readonly { category: ReportCategoryKey; countyCode: string | null; key: string }[] = [
  { category: 'rumor', countyCode: null, key: 'cac' },
  { category: 'illegal', countyCode: null, key: 'public-security' },
  { category: 'reputation', countyCode: null, key: 'market-supervision' },
  { category: 'privacy', countyCode: null, key: 'public-security' },
  { category: 'fiction', countyCode: null, key: 'culture-tourism' },
  ...COUNTIES.map((c) => ({ category: 'rumor' as const, countyCode: c.code, key: `county-${c.code}` })),
]

const CATEGORIES: readonly ReportCategoryKey[] = ['rumor', 'fiction', 'reputation', 'privacy', 'illegal']

export async function organisationsById(tx: Tx): Promise<Map<string, Organisation>> {
  return new Map((await listOrganisations(tx)).map((o) => [o.id, o]))
}

export async function listRoutingRules(tx: Tx): Promise<{ rules: RoutingRuleView[]; defaults: boolean }> {
  const orgs = await organisationsById(tx)
  const byKey = new Map([...orgs.values()].map((o) => [o.key, o]))
  const rows = await tx.select().from(routingRule)
  const defaults = rows.length === 0
  const raw = defaults
    ? DEFAULT_RULES.flatMap((r) => {
        const o = byKey.get(r.key)
        return o ? [{ category: r.category, countyCode: r.countyCode, organisationId: o.id }] : []
      })
    : rows.map((r) => ({
        category: r.category as ReportCategoryKey,
        countyCode: r.countyCode,
        organisationId: r.organisationId,
      }))
  const rules = raw
    .map((r) => {
      const o = orgs.get(r.organisationId) as Organisation
      return { ...r, organisationKey: o.key, organisationNameZh: o.nameZh }
    })
    .sort(
      (a, b) =>
        CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
        (a.countyCode ?? '').localeCompare(b.countyCode ?? ''),
    )
  return { rules, defaults }
}

export interface RoutingRuleInput {
  category: ReportCategoryKey
  countyCode: string | null
  organisationId: string
}

/** Replaces every rule at once: one city-wide rule per category, at most one per category and county. */
export async function replaceRoutingRules(
  tx: Tx,
  actor: Actor,
  input: RoutingRuleInput[],
  now: Date = new Date(),
): Promise<{ rules: RoutingRuleView[]; defaults: boolean }> {
  const orgs = await organisationsById(tx)
  const seen = new Set<string>()
  for (const [i, r] of input.entries()) {
    const o = orgs.get(r.organisationId)
    if (!o || !CASE_KINDS.has(o.kind)) {
      throw new DomainError('CASE_ORGANISATION_INVALID', { field: `rules/${i}/organisationId` })
    }
    const k = `${r.category}|${r.countyCode ?? '*'}`
    if (seen.has(k)) throw new DomainError('ROUTING_RULES_DUPLICATE', { field: `rules/${i}`, duplicate: k })
    seen.add(k)
  }
  const missing = CATEGORIES.filter((c) => !seen.has(`${c}|*`))
  if (missing.length > 0) throw new DomainError('ROUTING_RULES_INCOMPLETE', { missing })
  await tx.delete(routingRule)
  await tx.insert(routingRule).values(
    input.map((r) => ({
      id: newId(),
      category: r.category,
      countyCode: r.countyCode,
      organisationId: r.organisationId,
      updatedAt: now,
      updatedByName: actor.name,
    })),
  )
  const result = await listRoutingRules(tx)
  await append(tx, {
    actor,
    action: 'routing_rules.replaced',
    subject: { type: 'routing_rules', id: 'public-reports' },
    articles: ['A5.2'],
    details: {
      rules: result.rules.map((r) => ({ category: r.category, county: r.countyCode, to: r.organisationKey })),
    },
    at: now,
  })
  return result
}

/** Where a report of this category about this county goes: the county's own rule first, then the category's. */
export async function routeFor(
  tx: Tx,
  category: ReportCategoryKey,
  countyCode: string | null,
): Promise<RoutingRuleView> {
  const { rules } = await listRoutingRules(tx)
  const rule =
    (countyCode !== null && rules.find((r) => r.category === category && r.countyCode === countyCode)) ||
    rules.find((r) => r.category === category && r.countyCode === null)
  if (!rule) throw new DomainError('ROUTING_RULES_INCOMPLETE', { missing: [category] })
  return rule
}

// --- views ---

export interface CaseDepartmentView {
  organisationId: string
  key: string
  nameZh: string
  nameEn: string
  role: 'lead' | 'joint'
  addedAt: string
}

export interface CaseView {
  id: string
  number: string
  title: string
  summary: string
  leadOrganisationId: string
  leadNameZh: string
  countyCode: string | null
  status: CaseStatus
  openedAt: string
  openedByName: string
  deadlineDays: number | null
  deadlineAt: string | null
  /** Working days left before the deadline (negative once past it); null without a deadline. */
  workingDaysLeft: number | null
  overdue: boolean
  /** The deadline falls on the next working day or today: the lead has been reminded. */
  dueSoon: boolean
  escalated: boolean
  escalatedAt: string | null
  escalationReason: string | null
  publicReportIds: string[]
  clarificationIds: string[]
  platformReportIds: string[]
  closedAt: string | null
  closedByName: string | null
  conclusion: string | null
  conclusionArticles: string[]
  departments: CaseDepartmentView[]
}

export interface ConsultationView {
  id: string
  heldOn: string
  participants: { organisationId: string; nameZh: string }[]
  conclusions: string
  recordedAt: string
  recordedByName: string
}

/** A hand-over of the case to another region's regulator, or its receipt from one (A5.1). */
export interface CaseTransferView {
  id: string
  direction: 'outgoing' | 'incoming'
  peerNodeId: string
  peerNameZh: string
  caseId: string | null
  caseNumber: string
  title: string
  summary: string
  reason: string
  materials: TransferMaterials
  status: 'pending' | 'accepted' | 'refused'
  sentAt: string
  sentByName: string
  answeredAt: string | null
  answeredByName: string | null
  answerReason: string | null
  peerCaseNumber: string | null
}

export interface CaseDetail extends CaseView {
  consultations: ConsultationView[]
  transfers: CaseTransferView[]
}

export function presentTransfer(
  r: typeof caseTransfer.$inferSelect,
  peerNames: Map<string, string>,
): CaseTransferView {
  return {
    id: r.id,
    direction: r.direction as CaseTransferView['direction'],
    peerNodeId: r.peerNodeId,
    peerNameZh: peerNames.get(r.peerNodeId) ?? r.peerNodeId,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    title: r.title,
    summary: r.summary,
    reason: r.reason,
    materials: r.materials,
    status: r.status as CaseTransferView['status'],
    sentAt: r.sentAt.toISOString(),
    sentByName: r.sentByName,
    answeredAt: iso(r.answeredAt),
    answeredByName: r.answeredByName,
    answerReason: r.answerReason,
    peerCaseNumber: r.peerCaseNumber,
  }
}

export async function peerNames(tx: Tx): Promise<Map<string, string>> {
  return new Map((await listPeers(tx)).map((p) => [p.nodeId, p.nameZh]))
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString())

function present(
  r: CaseRow,
  departments: (typeof caseDepartment.$inferSelect)[],
  orgs: Map<string, Organisation>,
  cal: WorkingCalendar,
  now: Date,
): CaseView {
  const nameOf = (id: string) => orgs.get(id)?.nameZh ?? id
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    summary: r.summary,
    leadOrganisationId: r.leadOrganisationId,
    leadNameZh: nameOf(r.leadOrganisationId),
    countyCode: r.countyCode,
    status: r.status as CaseStatus,
    openedAt: r.openedAt.toISOString(),
    openedByName: r.openedByName,
    deadlineDays: r.deadlineDays,
    deadlineAt: iso(r.deadlineAt),
    workingDaysLeft:
      r.deadlineAt === null || r.status !== 'open'
        ? null
        : workingDaysBetween(chinaDate(now), chinaDate(r.deadlineAt), cal),
    overdue: r.status === 'open' && r.deadlineAt !== null && r.deadlineAt <= now,
    dueSoon:
      r.status === 'open' &&
      r.deadlineAt !== null &&
      r.deadlineAt > now &&
      workingDaysBetween(chinaDate(now), chinaDate(r.deadlineAt), cal) <= 1,
    escalated: r.escalated,
    escalatedAt: iso(r.escalatedAt),
    escalationReason: r.escalationReason,
    publicReportIds: r.publicReportIds,
    clarificationIds: r.clarificationIds,
    platformReportIds: r.platformReportIds,
    closedAt: iso(r.closedAt),
    closedByName: r.closedByName,
    conclusion: r.conclusion,
    conclusionArticles: r.conclusionArticles ?? [],
    departments: departments
      .filter((d) => d.caseId === r.id)
      .sort((a, b) =>
        a.role === b.role ? a.addedAt.getTime() - b.addedAt.getTime() : a.role === 'lead' ? -1 : 1,
      )
      .map((d) => {
        const o = orgs.get(d.organisationId)
        return {
          organisationId: d.organisationId,
          key: o?.key ?? '',
          nameZh: o?.nameZh ?? '',
          nameEn: o?.nameEn ?? '',
          role: d.role as 'lead' | 'joint',
          addedAt: d.addedAt.toISOString(),
        }
      }),
  }
}

/** Whether the actor sees every case: staff of the city CAC do. */
export async function seesAll(tx: Tx, actor: Actor, orgs?: Map<string, Organisation>): Promise<boolean> {
  const o = (orgs ?? (await organisationsById(tx))).get(actor.organisationId)
  return o?.kind === 'cac'
}

/** The case, if the actor may see it; 404 otherwise, so a case's existence is not told to those not on it. */
export async function visibleRow(tx: Tx, actor: Actor, id: string, lock = false): Promise<CaseRow> {
  const q = tx.select().from(caseFile).where(eq(caseFile.id, id))
  const [row] = lock ? await q.for('update') : await q
  if (!row) throw new DomainError('CASE_NOT_FOUND', { id })
  if (await seesAll(tx, actor)) return row
  const [on] = await tx
    .select({ id: caseDepartment.caseId })
    .from(caseDepartment)
    .where(and(eq(caseDepartment.caseId, id), eq(caseDepartment.organisationId, actor.organisationId)))
  if (!on) throw new DomainError('CASE_NOT_FOUND', { id })
  return row
}

/** The number of a case the actor may see (404 otherwise): what a bulletin about the case cites. */
export async function visibleCaseNumber(tx: Tx, actor: Actor, id: string): Promise<string> {
  return (await visibleRow(tx, actor, id)).number
}

/** The numbers of these cases, for lists that show them beside what refers to a case. */
export async function caseNumbersOf(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await tx
    .select({ id: caseFile.id, number: caseFile.number })
    .from(caseFile)
    .where(inArray(caseFile.id, [...ids]))
  return new Map(rows.map((r) => [r.id, r.number]))
}

export async function listCases(
  tx: Tx,
  actor: Actor,
  filter: { status?: CaseStatus; overdue?: boolean; limit?: number } = {},
  now: Date = new Date(),
): Promise<CaseView[]> {
  const orgs = await organisationsById(tx)
  const conditions = []
  if (filter.status) conditions.push(eq(caseFile.status, filter.status))
  if (filter.overdue) conditions.push(eq(caseFile.status, 'open'), lte(caseFile.deadlineAt, now))
  if (!(await seesAll(tx, actor, orgs))) {
    const mine = tx
      .select({ id: caseDepartment.caseId })
      .from(caseDepartment)
      .where(eq(caseDepartment.organisationId, actor.organisationId))
    conditions.push(inArray(caseFile.id, mine))
  }
  const rows = await tx
    .select()
    .from(caseFile)
    .where(and(...conditions))
    .orderBy(desc(caseFile.openedAt))
    .limit(filter.limit ?? 200)
  if (rows.length === 0) return []
  const deps = await tx
    .select()
    .from(caseDepartment)
    .where(
      inArray(
        caseDepartment.caseId,
        rows.map((r) => r.id),
      ),
    )
  const cal = await workingCalendar(tx)
  return rows.map((r) => present(r, deps, orgs, cal, now))
}

export async function detail(tx: Tx, row: CaseRow, now: Date): Promise<CaseDetail> {
  const orgs = await organisationsById(tx)
  const deps = await tx.select().from(caseDepartment).where(eq(caseDepartment.caseId, row.id))
  const cons = await tx
    .select()
    .from(caseConsultation)
    .where(eq(caseConsultation.caseId, row.id))
    .orderBy(asc(caseConsultation.recordedAt))
  const transfers = await tx
    .select()
    .from(caseTransfer)
    .where(eq(caseTransfer.caseId, row.id))
    .orderBy(asc(caseTransfer.sentAt))
  const names = transfers.length > 0 ? await peerNames(tx) : new Map<string, string>()
  return {
    ...present(row, deps, orgs, await workingCalendar(tx), now),
    consultations: cons.map((c) => ({
      id: c.id,
      heldOn: c.heldOn,
      participants: c.participantIds.map((id) => ({
        organisationId: id,
        nameZh: orgs.get(id)?.nameZh ?? id,
      })),
      conclusions: c.conclusions,
      recordedAt: c.recordedAt.toISOString(),
      recordedByName: c.recordedByName,
    })),
    transfers: transfers.map((t) => presentTransfer(t, names)),
  }
}

export async function getCase(tx: Tx, actor: Actor, id: string, now: Date = new Date()): Promise<CaseDetail> {
  return detail(tx, await visibleRow(tx, actor, id), now)
}

// --- acts ---

export async function caseOrganisation(
  tx: Tx,
  id: string,
  field: string,
  kinds = CASE_KINDS,
): Promise<Organisation> {
  const o = (await organisationsById(tx)).get(id)
  if (!o || !kinds.has(o.kind))
    throw new DomainError('CASE_ORGANISATION_INVALID', { field, organisationId: id })
  return o
}

export interface NewCase {
  id: string
  title: string
  summary: string
  lead: Organisation
  countyCode: string | null
  publicReportIds: string[]
  clarificationIds: string[]
  platformReportIds: string[]
}

export async function insertCase(
  tx: Tx,
  actor: Actor | LedgerActor,
  c: NewCase,
  articles: string[],
  now: Date,
): Promise<CaseRow> {
  const number = await nextYearNumber(tx, caseFile, caseFile.number, 'TH', chinaDate(now).slice(0, 4))
  const [row] = await tx
    .insert(caseFile)
    .values({
      id: c.id,
      number,
      title: c.title,
      summary: c.summary,
      leadOrganisationId: c.lead.id,
      countyCode: c.countyCode,
      status: 'open',
      openedAt: now,
      openedByName: actor.name,
      publicReportIds: c.publicReportIds,
      clarificationIds: c.clarificationIds,
      platformReportIds: c.platformReportIds,
    })
    .returning()
  await tx.insert(caseDepartment).values({
    caseId: c.id,
    organisationId: c.lead.id,
    role: 'lead',
    addedAt: now,
    addedByName: actor.name,
  })
  await append(tx, {
    actor,
    action: 'case.opened',
    subject: { type: 'case', id: c.id },
    articles,
    evidence: { title: c.title, summary: c.summary },
    details: {
      number,
      lead: c.lead.key,
      county: c.countyCode,
      publicReportIds: c.publicReportIds,
      clarificationIds: c.clarificationIds,
      platformReportIds: c.platformReportIds,
    },
    at: now,
  })
  return row as CaseRow
}

/** The open case a report of this report's cluster (the same claim) is on, if any; the oldest when several. */
async function openCaseOfClaim(tx: Tx, reportId: string, lock: boolean): Promise<CaseRow | undefined> {
  const mates = await clusterMates(tx, reportId)
  const q = tx
    .select()
    .from(caseFile)
    .where(
      and(
        eq(caseFile.status, 'open'),
        sql`${caseFile.publicReportIds} && ARRAY[${sql.join(
          mates.map((m) => sql`${m}`),
          sql`, `,
        )}]::uuid[]`,
      ),
    )
    .orderBy(asc(caseFile.openedAt))
    .limit(1)
  const [row] = lock ? await q.for('update') : await q
  return row
}

/** Where routing would send a received report now: the case of its claim it would join, or the rules' organisation. */
export interface RoutePreview {
  organisationId: string
  organisationKey: string
  organisationNameZh: string
  organisationNameEn: string
  /** The open case about the same claim the report would join; null when it would open a case of its own. */
  joinsCase: { id: string; number: string } | null
}

export async function previewRoute(tx: Tx, reportId: string): Promise<RoutePreview> {
  const report = await routablePublicReport(tx, reportId, false)
  const orgs = await organisationsById(tx)
  const open = await openCaseOfClaim(tx, reportId, false)
  const orgId = open
    ? open.leadOrganisationId
    : (await routeFor(tx, report.category, report.countyCode)).organisationId
  const o = orgs.get(orgId) as Organisation
  return {
    organisationId: o.id,
    organisationKey: o.key,
    organisationNameZh: o.nameZh,
    organisationNameEn: o.nameEn,
    joinsCase: open ? { id: open.id, number: open.number } : null,
  }
}

/**
 * Routes a received public report (A5.2). When a case is open about the same claim (a report of its cluster is on
 * it), the report joins that case; otherwise it goes to the organisation the rules name for its category and county,
 * which leads a new case. Marked routed and recorded in one transaction.
 */
export async function routePublicReport(
  tx: Tx,
  actor: Actor | LedgerActor,
  reportId: string,
  now: Date = new Date(),
): Promise<CaseDetail> {
  const report = await routablePublicReport(tx, reportId)
  const open = await openCaseOfClaim(tx, reportId, true)
  if (open) {
    const orgs = await organisationsById(tx)
    const lead = orgs.get(open.leadOrganisationId) as Organisation
    await markPublicReportRouted(
      tx,
      actor,
      reportId,
      { organisationId: lead.id, organisationKey: lead.key, caseId: open.id },
      now,
    )
    const [row] = await tx
      .update(caseFile)
      .set({ publicReportIds: [...open.publicReportIds, reportId] })
      .where(eq(caseFile.id, open.id))
      .returning()
    await append(tx, {
      actor,
      action: 'case.report_attached',
      subject: { type: 'case', id: open.id },
      articles: ['A5.1', 'A5.2', 'A18'],
      details: { number: open.number, publicReportId: reportId, sameClaimAs: open.publicReportIds },
      at: now,
    })
    return detail(tx, row as CaseRow, now)
  }
  const rule = await routeFor(tx, report.category, report.countyCode)
  const lead = await caseOrganisation(tx, rule.organisationId, 'organisationId')
  const caseId = newId()
  await markPublicReportRouted(
    tx,
    actor,
    reportId,
    { organisationId: rule.organisationId, organisationKey: rule.organisationKey, caseId },
    now,
  )
  const excerpt = report.description.length > 40 ? `${report.description.slice(0, 40)}…` : report.description
  const row = await insertCase(
    tx,
    actor,
    {
      id: caseId,
      title: `${report.categoryZh}：${excerpt}`,
      summary: `公众举报（${report.platform}）：${report.description}`,
      lead,
      countyCode: report.countyCode,
      publicReportIds: [reportId],
      clarificationIds: [],
      platformReportIds: [],
    },
    ['A5.1', 'A5.2', 'A18'],
    now,
  )
  return detail(tx, row, now)
}

/** Who routes a report on receipt: the rules, on the record. */
const ROUTING_ACTOR: LedgerActor = systemActor('routing', '自动分办 / routing on receipt')

/**
 * Routing on receipt (A5.2, `QINGLANG_ROUTE_ON_RECEIPT`): the report goes where the rules say the moment it is filed,
 * in the filing transaction. When the rules cannot place it (none for its category) it waits for an officer.
 */
export async function routeOnReceipt(tx: Tx, reportId: string, now: Date = new Date()): Promise<void> {
  try {
    await routePublicReport(tx, ROUTING_ACTOR, reportId, now)
  } catch (e) {
    // refused before anything was written (rules incomplete, lead not a case organisation): left for an officer
    if (!isDomainError(e)) throw e
  }
}

export interface OpenCaseInput {
  title: string
  summary: string
  leadOrganisationId: string
  countyCode?: string | null
  publicReportIds?: string[]
  clarificationIds?: string[]
  platformReportIds?: string[]
}

async function checkLinks(
  tx: Tx,
  reportIds: string[],
  clarificationIds: string[],
  platformReportIds: string[],
): Promise<void> {
  if ((await publicReportsByIds(tx, reportIds)).length !== reportIds.length) {
    throw new DomainError('CASE_LINK_NOT_FOUND', { field: 'publicReportIds' })
  }
  if ((await clarificationIdsAmong(tx, clarificationIds)).length !== clarificationIds.length) {
    throw new DomainError('CASE_LINK_NOT_FOUND', { field: 'clarificationIds' })
  }
  if ((await platformReportIdsAmong(tx, platformReportIds)).length !== platformReportIds.length) {
    throw new DomainError('CASE_LINK_NOT_FOUND', { field: 'platformReportIds' })
  }
}

/** Opens a case by hand. Staff of the CAC may give it any lead; others open cases their own organisation leads. */
export async function openCase(
  tx: Tx,
  actor: Actor,
  input: OpenCaseInput,
  now: Date = new Date(),
): Promise<CaseDetail> {
  const title = input.title.trim()
  if (title === '') throw new DomainError('VALIDATION_FAILED', { field: 'title' })
  const lead = await caseOrganisation(tx, input.leadOrganisationId, 'leadOrganisationId')
  if (lead.id !== actor.organisationId && !(await seesAll(tx, actor))) {
    throw new DomainError('CASE_LEAD_NOT_OWN', { leadOrganisationId: lead.id })
  }
  const reportIds = [...new Set(input.publicReportIds ?? [])]
  const clarificationIds = [...new Set(input.clarificationIds ?? [])]
  const platformReportIds = [...new Set(input.platformReportIds ?? [])]
  await checkLinks(tx, reportIds, clarificationIds, platformReportIds)
  const countyCode = input.countyCode ?? (lead.kind === 'county' ? lead.divisionCode : null)
  const row = await insertCase(
    tx,
    actor,
    {
      id: newId(),
      title,
      summary: input.summary.trim(),
      lead,
      countyCode,
      publicReportIds: reportIds,
      clarificationIds,
      platformReportIds,
    },
    ['A5.1'],
    now,
  )
  return detail(tx, row, now)
}

export function mustBeOpen(r: CaseRow): void {
  if (r.status !== 'open') throw new DomainError('CASE_CLOSED', { id: r.id })
}

/** Joint enforcement (联合执法, A5.1): another department joins the case and sees it from then on. */
export async function addCaseDepartment(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { organisationId: string; reason: string },
  now: Date = new Date(),
): Promise<CaseDetail> {
  const r = await visibleRow(tx, actor, id, true)
  mustBeOpen(r)
  const o = await caseOrganisation(tx, input.organisationId, 'organisationId')
  const added = await tx
    .insert(caseDepartment)
    .values({ caseId: id, organisationId: o.id, role: 'joint', addedAt: now, addedByName: actor.name })
    .onConflictDoNothing()
    .returning({ id: caseDepartment.caseId })
  if (added.length === 0) throw new DomainError('CASE_DEPARTMENT_ALREADY_ON', { organisationId: o.id })
  await append(tx, {
    actor,
    action: 'case.department_added',
    subject: { type: 'case', id },
    articles: ['A5.1', 'A5.2'],
    details: { number: r.number, department: o.key, reason: input.reason.trim() },
    at: now,
  })
  return detail(tx, r, now)
}

/** A consultation (会商, A5.1) among the organisations that took part, with its conclusions. */
export async function recordConsultation(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { heldOn: string; participantIds: string[]; conclusions: string },
  now: Date = new Date(),
): Promise<CaseDetail> {
  const r = await visibleRow(tx, actor, id, true)
  mustBeOpen(r)
  if (!isDateString(input.heldOn) || input.heldOn > chinaDate(now)) {
    throw new DomainError('WORKING_DAY_DATE_INVALID', { field: 'heldOn' })
  }
  const conclusions = input.conclusions.trim()
  if (conclusions === '') throw new DomainError('VALIDATION_FAILED', { field: 'conclusions' })
  const participants: Organisation[] = []
  for (const [i, pid] of [...new Set(input.participantIds)].entries()) {
    participants.push(await caseOrganisation(tx, pid, `participantIds/${i}`, CONSULT_KINDS))
  }
  const consultationId = newId()
  await tx.insert(caseConsultation).values({
    id: consultationId,
    caseId: id,
    heldOn: input.heldOn,
    participantIds: participants.map((p) => p.id),
    conclusions,
    recordedAt: now,
    recordedByName: actor.name,
  })
  await append(tx, {
    actor,
    action: 'case.consultation_recorded',
    subject: { type: 'case', id },
    articles: ['A5.1'],
    evidence: { conclusions },
    details: {
      number: r.number,
      consultationId,
      heldOn: input.heldOn,
      participants: participants.map((p) => p.key),
    },
    at: now,
  })
  return detail(tx, r, now)
}

/** A county office takes a major matter to the city (A4): the CAC joins and leads, the county stays on the case. */
export async function escalateCase(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { reason: string },
  now: Date = new Date(),
): Promise<CaseDetail> {
  const r = await visibleRow(tx, actor, id, true)
  mustBeOpen(r)
  if (r.countyCode === null) throw new DomainError('CASE_NOT_COUNTY', { id })
  if (r.escalated) throw new DomainError('CASE_ALREADY_ESCALATED', { id })
  const orgs = await organisationsById(tx)
  const mine = orgs.get(actor.organisationId)
  if (mine?.kind !== 'county' || mine.divisionCode !== r.countyCode) {
    throw new DomainError('CASE_ESCALATION_NOT_COUNTY_OFFICE', { id })
  }
  const cac = [...orgs.values()].find((o) => o.kind === 'cac') as Organisation
  const reason = input.reason.trim()
  if (reason === '') throw new DomainError('VALIDATION_FAILED', { field: 'reason' })
  await tx
    .update(caseDepartment)
    .set({ role: 'joint' })
    .where(and(eq(caseDepartment.caseId, id), eq(caseDepartment.role, 'lead')))
  await tx
    .insert(caseDepartment)
    .values({ caseId: id, organisationId: cac.id, role: 'lead', addedAt: now, addedByName: actor.name })
    .onConflictDoUpdate({
      target: [caseDepartment.caseId, caseDepartment.organisationId],
      set: { role: 'lead' },
    })
  const [row] = await tx
    .update(caseFile)
    .set({ escalated: true, escalatedAt: now, escalationReason: reason, leadOrganisationId: cac.id })
    .where(eq(caseFile.id, id))
    .returning()
  await append(tx, {
    actor,
    action: 'case.escalated',
    subject: { type: 'case', id },
    articles: ['A4', 'A5.1'],
    details: { number: r.number, from: mine.key, to: cac.key, county: r.countyCode, reason },
    at: now,
  })
  return detail(tx, row as CaseRow, now)
}

/**
 * Supervision (督办, A5.1): the case is to be settled within this many working days from today (in China), counted
 * on the working-day calendar. Setting it again extends or shortens it and lifts an overdue flag.
 */
export async function setCaseDeadline(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { workingDays: number; reason: string },
  now: Date = new Date(),
): Promise<CaseDetail> {
  const r = await visibleRow(tx, actor, id, true)
  mustBeOpen(r)
  const cal = await workingCalendar(tx)
  const lastDay = addWorkingDays(chinaDate(now), input.workingDays, cal)
  const deadlineAt = endOfChinaDay(lastDay)
  const [row] = await tx
    .update(caseFile)
    .set({ deadlineDays: input.workingDays, deadlineAt, overdueAt: null, remindedAt: null })
    .where(eq(caseFile.id, id))
    .returning()
  await append(tx, {
    actor,
    action: r.deadlineAt === null ? 'case.deadline_set' : 'case.deadline_changed',
    subject: { type: 'case', id },
    articles: ['A5.1'],
    details: {
      number: r.number,
      workingDays: input.workingDays,
      lastDay,
      deadlineAt: deadlineAt.toISOString(),
      previousDeadlineAt: iso(r.deadlineAt),
      reason: input.reason.trim(),
    },
    at: now,
  })
  return detail(tx, row as CaseRow, now)
}

export async function closeCase(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { conclusion: string; articles: string[] },
  now: Date = new Date(),
): Promise<CaseDetail> {
  const r = await visibleRow(tx, actor, id, true)
  mustBeOpen(r)
  const conclusion = input.conclusion.trim()
  if (conclusion === '') throw new DomainError('VALIDATION_FAILED', { field: 'conclusion' })
  const articles = [...new Set(input.articles)]
  const [row] = await tx
    .update(caseFile)
    .set({
      status: 'closed',
      closedAt: now,
      closedByName: actor.name,
      conclusion,
      conclusionArticles: articles,
    })
    .where(eq(caseFile.id, id))
    .returning()
  await append(tx, {
    actor,
    action: 'case.closed',
    subject: { type: 'case', id },
    articles: ['A5.1'],
    evidence: { conclusion, articles },
    details: {
      number: r.number,
      conclusionArticles: articles,
      overdue: r.deadlineAt !== null && r.deadlineAt <= now,
    },
    at: now,
  })
  return detail(tx, row as CaseRow, now)
}

/**
 * Flags open cases past their supervision deadline, once each, on the ledger for the supervisors (A5.1). Run on
 * the regulator's timer.
 */
export async function flagOverdueCases(tx: Tx, actor: LedgerActor, now: Date = new Date()): Promise<number> {
  const due = await tx
    .select()
    .from(caseFile)
    .where(and(eq(caseFile.status, 'open'), lte(caseFile.deadlineAt, now), isNull(caseFile.overdueAt)))
    .for('update')
  if (due.length === 0) return 0
  await tx
    .update(caseFile)
    .set({ overdueAt: now })
    .where(
      inArray(
        caseFile.id,
        due.map((d) => d.id),
      ),
    )
  await appendMany(
    tx,
    due.map((d) => ({
      actor,
      action: 'case.overdue',
      subject: { type: 'case', id: d.id },
      articles: ['A5.1'],
      details: {
        number: d.number,
        deadlineAt: d.deadlineAt?.toISOString() ?? null,
        deadlineDays: d.deadlineDays,
        escalatedTo: 'supervisor',
      },
      at: now,
    })),
  )
  return due.length
}

/**
 * Reminds the departments on each open case whose supervision deadline falls on the next working day or today, once
 * per deadline, on the ledger (督办提醒, A5.1). Run on the regulator's timer beside the overdue flag.
 */
export async function remindCasesDueSoon(
  tx: Tx,
  actor: LedgerActor,
  now: Date = new Date(),
): Promise<number> {
  // The next working day is never two weeks away (the longest holiday run is eight days): look no further.
  const horizon = new Date(now.getTime() + 14 * 86_400_000)
  const open = await tx
    .select()
    .from(caseFile)
    .where(
      and(
        eq(caseFile.status, 'open'),
        isNull(caseFile.remindedAt),
        isNull(caseFile.overdueAt),
        sql`${caseFile.deadlineAt} > ${now}`,
        lte(caseFile.deadlineAt, horizon),
      ),
    )
    .for('update')
  if (open.length === 0) return 0
  const cal = await workingCalendar(tx)
  const today = chinaDate(now)
  const due = open
    .map((r) => ({ r, left: workingDaysBetween(today, chinaDate(r.deadlineAt as Date), cal) }))
    .filter((d) => d.left <= 1)
  if (due.length === 0) return 0
  await tx
    .update(caseFile)
    .set({ remindedAt: now })
    .where(
      inArray(
        caseFile.id,
        due.map((d) => d.r.id),
      ),
    )
  await appendMany(
    tx,
    due.map(({ r, left }) => ({
      actor,
      action: 'case.deadline_reminded',
      subject: { type: 'case', id: r.id },
      articles: ['A5.1'],
      details: { number: r.number, deadlineAt: r.deadlineAt?.toISOString() ?? null, workingDaysLeft: left },
      at: now,
    })),
  )
  return due.length
}

/** Links a case to public reports, clarifications and platform reports that concern it (A5.1 information sharing). */
export async function linkCase(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { publicReportIds?: string[]; clarificationIds?: string[]; platformReportIds?: string[] },
  now: Date = new Date(),
): Promise<CaseDetail> {
  const r = await visibleRow(tx, actor, id, true)
  mustBeOpen(r)
  const fresh = (ids: string[] | undefined, have: string[]) =>
    [...new Set(ids ?? [])].filter((x) => !have.includes(x))
  const reportIds = fresh(input.publicReportIds, r.publicReportIds)
  const clarificationIds = fresh(input.clarificationIds, r.clarificationIds)
  const platformReportIds = fresh(input.platformReportIds, r.platformReportIds)
  if (reportIds.length + clarificationIds.length + platformReportIds.length === 0) {
    throw new DomainError('CASE_LINK_NOTHING_NEW', { id })
  }
  await checkLinks(tx, reportIds, clarificationIds, platformReportIds)
  const [row] = await tx
    .update(caseFile)
    .set({
      publicReportIds: [...r.publicReportIds, ...reportIds],
      clarificationIds: [...r.clarificationIds, ...clarificationIds],
      platformReportIds: [...r.platformReportIds, ...platformReportIds],
    })
    .where(eq(caseFile.id, id))
    .returning()
  await append(tx, {
    actor,
    action: 'case.linked',
    subject: { type: 'case', id },
    articles: ['A5.1'],
    details: { number: r.number, publicReportIds: reportIds, clarificationIds, platformReportIds },
    at: now,
  })
  return detail(tx, row as CaseRow, now)
}
