// Staff accountability (履职监督, A27): what supervisors see of each officer's and each department's work in a
// period — overdue steps, public reports closed late or without feedback, attempted decisions outside the legal
// bounds, seal openings and unusual patterns — all recomputed from the ledger (and the public reports' deadlines)
// each time; and accountability records (问责记录) that turn findings into a measure, on the ledger.
import { and, desc, eq } from 'drizzle-orm'
import { type Actor, getStaff } from '../../core/auth/index.ts'
import { nextInSequence, type Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { listOrganisations } from '../../core/organisations/index.ts'
import { append, type EntryRow, entriesForReview, firstStaffEntries } from '../../ledger/index.ts'
import { chinaDate, isWorkingDay, workingCalendar } from '../cases/index.ts'
import { publicReportsDueIn } from '../public-reports/index.ts'
import { type Act, evaluatePatterns, PATTERN_RULES, type PatternRule, SEAL_ACTIONS } from './patterns.ts'
import { accountabilityRecord } from './tables.ts'

/** Flags of overdue steps, whoever raises them: cases and orders here, penalty and referral steps in their areas. */
export const OVERDUE_ACTIONS = [
  'case.overdue',
  'order.overdue',
  'penalty.step_overdue',
  'referral.step_overdue',
]
/** A penalty decision refused because it fell outside the legal bounds; the actor is the officer who tried. */
export const BOUNDS_ACTIONS = ['penalty.bounds_refused']

export const FINDING_KINDS = [
  'overdue_step',
  'public_report_late',
  'public_report_no_feedback',
  'public_report_open_overdue',
  'bounds_refused',
  'seal_opened',
  'pattern',
] as const
export type FindingKind = (typeof FINDING_KINDS)[number]

export const MEASURES = ['interview_reminder', 'criticism', 'disciplinary_proposal'] as const
export type Measure = (typeof MEASURES)[number]
export const MEASURE_LABELS: Record<Measure, { zh: string; en: string }> = {
  interview_reminder: { zh: '约谈提醒', en: 'Reminder interview' },
  criticism: { zh: '通报批评', en: 'Criticism by bulletin' },
  disciplinary_proposal: { zh: '处分建议', en: 'Proposal of a disciplinary sanction' },
}

export interface Finding {
  /** Stable for the same facts: the kind and the entry (or report) it rests on. */
  id: string
  kind: FindingKind
  ruleId: PatternRule['id'] | null
  staffId: string | null
  staffName: string | null
  organisationId: string | null
  at: string
  subject: { type: string; id: string } | null
  action: string | null
  /** The ledger entries the finding rests on. */
  entryIds: string[]
  zh: string
  en: string
}

interface Tally {
  counts: Partial<Record<FindingKind, number>>
  total: number
}
export interface OfficerSummary extends Tally {
  staffId: string
  name: string
  organisationId: string | null
}
export interface DepartmentSummary extends Tally {
  organisationId: string | null
  nameZh: string
  nameEn: string
}

export interface SupervisionView {
  from: string
  to: string
  /**
   * True when the period held more ledger entries to review than the view reads (REVIEW_CAP): the findings rest on
   * the earliest ones only, and later findings may be missing (a shorter period shows them all).
   */
  truncated: boolean
  findings: Finding[]
  officers: OfficerSummary[]
  departments: DepartmentSummary[]
  rules: PatternRule[]
}

export interface SupervisionQuery {
  /** China dates, both included; by default the 30 days up to today. */
  from?: string
  to?: string
  staffId?: string
  organisationId?: string
}

/** The most ledger entries the view reads for one period (the earliest first); beyond it, `truncated` says so. */
export const REVIEW_CAP = 100_000

const DATE = /^\d{4}-\d{2}-\d{2}$/
const CHINA_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
const startOfChinaDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - CHINA_OFFSET_MS)

function period(
  q: { from?: string; to?: string },
  now: Date,
): { from: string; to: string; start: Date; end: Date } {
  const to = q.to ?? chinaDate(now)
  const from = q.from ?? chinaDate(new Date(startOfChinaDay(to).getTime() - 29 * DAY_MS + CHINA_OFFSET_MS))
  const start = startOfChinaDay(from)
  const end = new Date(startOfChinaDay(to).getTime() + DAY_MS)
  const valid =
    DATE.test(from) &&
    DATE.test(to) &&
    chinaDate(start) === from &&
    chinaDate(new Date(end.getTime() - 1)) === to &&
    start < end &&
    end.getTime() - start.getTime() <= 366 * DAY_MS
  if (!valid) throw new DomainError('ACCOUNTABILITY_PERIOD_INVALID', { field: 'from', from, to })
  return { from, to, start, end }
}

const OVERDUE_LABELS: Record<string, { zh: string; en: string }> = {
  'case.overdue': { zh: '案件督办期限已过', en: 'case past its supervision deadline' },
  'order.overdue': { zh: '责令指令逾期未执行', en: 'order not executed by its deadline' },
  'penalty.step_overdue': { zh: '处罚程序环节逾期', en: 'penalty procedure step overdue' },
  'referral.step_overdue': { zh: '移送环节逾期', en: 'referral step overdue' },
}
const SEAL_LABELS: Record<string, { zh: string; en: string }> = {
  'public_report.identity_unsealed': { zh: '开启举报人身份密封', en: 'opened a reporter’s sealed identity' },
  'case.individual_identity_unsealed': {
    zh: '开启案件涉及个人的身份密封',
    en: 'opened the sealed identity of an individual in a case',
  },
  'retention.opened': { zh: '开启留存内容密封', en: 'opened sealed retained content' },
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const CLOCK = (d: Date) =>
  new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')

/** Everything a supervisor sees for the period, recomputed from the ledger and the public reports' deadlines. */
export async function supervisionView(
  tx: Tx,
  _actor: Actor,
  q: SupervisionQuery,
  now: Date = new Date(),
  cap: number = REVIEW_CAP,
): Promise<SupervisionView> {
  const p = period(q, now)
  const orgs = await listOrganisations(tx)
  const orgByKey = new Map(orgs.map((o) => [o.key, o]))
  // One more than the cap tells whether the period held more than is read.
  const read = await entriesForReview(
    tx,
    {
      from: p.start,
      to: p.end,
      actions: [...OVERDUE_ACTIONS, ...BOUNDS_ACTIONS, ...SEAL_ACTIONS],
      staffActs: true,
    },
    cap + 1,
  )
  const truncated = read.length > cap
  const entries = truncated ? read.slice(0, cap) : read
  const findings: Finding[] = []
  const entryFinding = (
    e: EntryRow,
    kind: FindingKind,
    who: { staffId: string | null; name: string | null; organisationId: string | null },
    zh: string,
    en: string,
  ): Finding => ({
    id: `${kind}:${e.id}`,
    kind,
    ruleId: null,
    staffId: who.staffId,
    staffName: who.name,
    organisationId: who.organisationId,
    at: e.recordedAt.toISOString(),
    subject: { type: e.subjectType, id: e.subjectId },
    action: e.action,
    entryIds: [e.id],
    zh,
    en,
  })

  // Overdue steps: flagged by the system; the officer is whoever opened the matter on the ledger, the department
  // the lead or referring organisation the flag (or the opening) names, else the officer's own.
  const overdue = entries.filter((e) => OVERDUE_ACTIONS.includes(e.action))
  const openers = await firstStaffEntries(
    tx,
    overdue.map((e) => e.subjectId),
  )
  for (const e of overdue) {
    const opener = openers.get(`${e.subjectType}:${e.subjectId}`)
    const d = e.details
    const od = opener?.details ?? {}
    const organisationId =
      str(d.leadOrganisationId) ??
      str(d.referringOrganisationId) ??
      str(d.organisationId) ??
      orgByKey.get(str(d.lead) ?? str(od.lead) ?? '')?.id ??
      opener?.actorOrganisationId ??
      null
    const label = OVERDUE_LABELS[e.action] ?? { zh: e.action, en: e.action }
    const what = str(d.number) ?? str(od.number) ?? e.subjectId.slice(0, 8)
    const step = str(d.step)
    const deadline = str(d.deadlineAt)
    const due = deadline ? CLOCK(new Date(deadline)) : null
    findings.push(
      entryFinding(
        e,
        'overdue_step',
        { staffId: opener?.actorStaffId ?? null, name: opener?.actorName ?? null, organisationId },
        `${label.zh}：${what}${step ? `（${step}）` : ''}${due ? `，期限 ${due}` : ''}；承办人为立案/发起人`,
        `${label.en}: ${what}${step ? ` (${step})` : ''}${due ? `, due ${due}` : ''}; the officer is who opened it`,
      ),
    )
  }

  for (const e of entries) {
    const who = { staffId: e.actorStaffId, name: e.actorName, organisationId: e.actorOrganisationId }
    if (BOUNDS_ACTIONS.includes(e.action)) {
      const reason = str(e.details.reason) ?? str(e.details.violation) ?? ''
      findings.push(
        entryFinding(
          e,
          'bounds_refused',
          who,
          `试图作出超出法定幅度的处罚决定，已被系统拒绝${reason ? `：${reason}` : ''}`,
          `attempted a penalty decision outside the legal bounds, refused${reason ? `: ${reason}` : ''}`,
        ),
      )
    } else if ((SEAL_ACTIONS as readonly string[]).includes(e.action) && e.actorStaffId) {
      const label = SEAL_LABELS[e.action] ?? { zh: e.action, en: e.action }
      const reason = str(e.details.reason) ?? ''
      findings.push(
        entryFinding(e, 'seal_opened', who, `${label.zh}，理由：${reason}`, `${label.en}, reason: ${reason}`),
      )
    }
  }

  // Public reports due in the period: closed late, closed without feedback, or still open past the deadline.
  for (const r of await publicReportsDueIn(tx, p.start, p.end)) {
    const base = {
      ruleId: null,
      subject: { type: 'public_report', id: r.id },
      action: null,
      entryIds: [],
    }
    const due = CLOCK(r.deadlineAt)
    if (r.closedAt) {
      const who = { staffId: r.closedBy, staffName: r.closedByName, organisationId: r.routedOrganisationId }
      if (r.closedAt > r.deadlineAt) {
        findings.push({
          ...base,
          ...who,
          id: `public_report_late:${r.id}`,
          kind: 'public_report_late',
          at: r.closedAt.toISOString(),
          zh: `公众举报超期办结：期限 ${due}，办结于 ${CLOCK(r.closedAt)}`,
          en: `public report closed late: due ${due}, closed ${CLOCK(r.closedAt)}`,
        })
      }
      if (!r.hasFeedback) {
        findings.push({
          ...base,
          ...who,
          id: `public_report_no_feedback:${r.id}`,
          kind: 'public_report_no_feedback',
          at: r.closedAt.toISOString(),
          zh: '公众举报办结时未向举报人反馈',
          en: 'public report closed without feedback to the reporter',
        })
      }
    } else if (r.deadlineAt < now) {
      findings.push({
        ...base,
        staffId: null,
        staffName: null,
        organisationId: r.routedOrganisationId,
        id: `public_report_open_overdue:${r.id}`,
        kind: 'public_report_open_overdue',
        at: r.deadlineAt.toISOString(),
        zh: `公众举报逾期未办结：期限 ${due}`,
        en: `public report still open past its deadline ${due}`,
      })
    }
  }

  // Unusual patterns in the acts of each person.
  const calendar = await workingCalendar(tx)
  const acts: Act[] = entries
    .filter((e) => e.actorStaffId !== null && (e.actorKind === 'staff' || e.actorKind === 'token'))
    .map((e) => ({
      entryId: e.id,
      staffId: e.actorStaffId as string,
      name: e.actorName,
      organisationId: e.actorOrganisationId,
      action: e.action,
      subject: { type: e.subjectType, id: e.subjectId },
      at: e.recordedAt,
    }))
  for (const h of evaluatePatterns(acts, PATTERN_RULES, (d) => isWorkingDay(d, calendar))) {
    findings.push({
      id: `pattern:${h.ruleId}:${h.entryIds[0]}`,
      kind: 'pattern',
      ruleId: h.ruleId,
      staffId: h.staffId,
      staffName: h.name,
      organisationId: h.organisationId,
      at: h.at.toISOString(),
      subject: h.subject,
      action: null,
      entryIds: h.entryIds,
      zh: h.zh,
      en: h.en,
    })
  }

  const shown = findings
    .filter((f) => (q.staffId ? f.staffId === q.staffId : true))
    .filter((f) => (q.organisationId ? f.organisationId === q.organisationId : true))
    .sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id))
  const officers = new Map<string, OfficerSummary>()
  const departments = new Map<string, DepartmentSummary>()
  const orgById = new Map(orgs.map((o) => [o.id, o]))
  for (const f of shown) {
    if (f.staffId) {
      const o = officers.get(f.staffId) ?? {
        staffId: f.staffId,
        name: f.staffName ?? f.staffId,
        organisationId: f.organisationId,
        counts: {},
        total: 0,
      }
      o.counts[f.kind] = (o.counts[f.kind] ?? 0) + 1
      o.total++
      officers.set(f.staffId, o)
    }
    const key = f.organisationId ?? ''
    const org = f.organisationId ? orgById.get(f.organisationId) : undefined
    const d = departments.get(key) ?? {
      organisationId: f.organisationId,
      nameZh: org?.nameZh ?? '未确定部门',
      nameEn: org?.nameEn ?? 'Department not determined',
      counts: {},
      total: 0,
    }
    d.counts[f.kind] = (d.counts[f.kind] ?? 0) + 1
    d.total++
    departments.set(key, d)
  }
  const byTotal = <T extends Tally>(a: T, b: T) => b.total - a.total
  return {
    from: p.from,
    to: p.to,
    truncated,
    findings: shown,
    officers: [...officers.values()].sort(byTotal),
    departments: [...departments.values()].sort(byTotal),
    rules: [...PATTERN_RULES],
  }
}

// --- accountability records ---

export interface AccountabilityRecordView {
  id: string
  number: string
  staffId: string
  staffName: string
  organisationId: string | null
  findings: { id: string; kind: string; zh: string; en: string; entryIds: string[] }[]
  measure: Measure
  note: string
  status: 'open' | 'concluded'
  outcome: string | null
  createdByName: string
  createdAt: string
  concludedByName: string | null
  concludedAt: string | null
}

type RecordRow = typeof accountabilityRecord.$inferSelect
const present = (r: RecordRow): AccountabilityRecordView => ({
  id: r.id,
  number: r.number,
  staffId: r.staffId,
  staffName: r.staffName,
  organisationId: r.organisationId,
  findings: r.findings,
  measure: r.measure as Measure,
  note: r.note,
  status: r.status as 'open' | 'concluded',
  outcome: r.outcome,
  createdByName: r.createdByName,
  createdAt: r.createdAt.toISOString(),
  concludedByName: r.concludedByName,
  concludedAt: r.concludedAt?.toISOString() ?? null,
})

export interface RecordAccountabilityInput {
  staffId: string
  /** The period the findings were shown for (China dates). */
  from: string
  to: string
  findingIds: string[]
  measure: Measure
  note: string
}

/**
 * Turns findings about one officer into an accountability record. The findings are recomputed for the period and
 * must all be about that officer, so a record rests on what the ledger shows, not on what a form claimed.
 */
export async function recordAccountability(
  tx: Tx,
  actor: Actor,
  input: RecordAccountabilityInput,
  now: Date = new Date(),
): Promise<AccountabilityRecordView> {
  const staff = await getStaff(tx, input.staffId)
  const view = await supervisionView(tx, actor, { from: input.from, to: input.to, staffId: staff.id }, now)
  const byId = new Map(view.findings.map((f) => [f.id, f]))
  const chosen = [...new Set(input.findingIds)].map((id) => {
    const f = byId.get(id)
    if (!f) throw new DomainError('ACCOUNTABILITY_FINDING_UNKNOWN', { field: 'findingIds', findingId: id })
    return { id: f.id, kind: f.kind, zh: f.zh, en: f.en, entryIds: f.entryIds }
  })
  const year = chinaDate(now).slice(0, 4)
  const prefix = `问责〔${year}〕`
  const number = `${prefix}${await nextInSequence(tx, accountabilityRecord, accountabilityRecord.number, prefix)}号`
  const id = newId()
  await tx.insert(accountabilityRecord).values({
    id,
    number,
    staffId: staff.id,
    staffName: staff.displayName,
    organisationId: staff.organisationId,
    findings: chosen,
    measure: input.measure,
    note: input.note,
    status: 'open',
    createdBy: actor.staffId,
    createdByName: actor.name,
    createdAt: now,
  })
  await append(tx, {
    actor,
    action: 'accountability.recorded',
    subject: { type: 'accountability_record', id },
    articles: ['A27'],
    evidence: { findings: chosen, note: input.note },
    details: {
      number,
      staffId: staff.id,
      organisationId: staff.organisationId,
      measure: input.measure,
      findingIds: chosen.map((f) => f.id),
      entryIds: chosen.flatMap((f) => f.entryIds),
    },
    at: now,
  })
  return getAccountabilityRecord(tx, id)
}

/** Concludes an open record with its outcome (what was decided, or why no measure was taken). */
export async function concludeAccountability(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { outcome: string },
  now: Date = new Date(),
): Promise<AccountabilityRecordView> {
  const [row] = await tx
    .select()
    .from(accountabilityRecord)
    .where(eq(accountabilityRecord.id, id))
    .for('update')
  if (!row) throw new DomainError('ACCOUNTABILITY_RECORD_NOT_FOUND', { id })
  if (row.status !== 'open') throw new DomainError('ACCOUNTABILITY_ALREADY_CONCLUDED', { id })
  await tx
    .update(accountabilityRecord)
    .set({
      status: 'concluded',
      outcome: input.outcome,
      concludedBy: actor.staffId,
      concludedByName: actor.name,
      concludedAt: now,
    })
    .where(eq(accountabilityRecord.id, id))
  await append(tx, {
    actor,
    action: 'accountability.concluded',
    subject: { type: 'accountability_record', id },
    articles: ['A27'],
    evidence: { outcome: input.outcome },
    details: { number: row.number, staffId: row.staffId, measure: row.measure },
    at: now,
  })
  return getAccountabilityRecord(tx, id)
}

export async function getAccountabilityRecord(tx: Tx, id: string): Promise<AccountabilityRecordView> {
  const [row] = await tx.select().from(accountabilityRecord).where(eq(accountabilityRecord.id, id))
  if (!row) throw new DomainError('ACCOUNTABILITY_RECORD_NOT_FOUND', { id })
  return present(row)
}

export async function listAccountabilityRecords(
  tx: Tx,
  q: { staffId?: string; status?: 'open' | 'concluded' },
): Promise<AccountabilityRecordView[]> {
  const rows = await tx
    .select()
    .from(accountabilityRecord)
    .where(
      and(
        q.staffId ? eq(accountabilityRecord.staffId, q.staffId) : undefined,
        q.status ? eq(accountabilityRecord.status, q.status) : undefined,
      ),
    )
    .orderBy(desc(accountabilityRecord.createdAt))
    .limit(500)
  return rows.map(present)
}
