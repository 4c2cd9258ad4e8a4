// Referrals (移送, A20): a case handed to public security for a suspected crime (行刑衔接, 国务院令第310号), or a
// matter handed to the procuratorate for public-interest litigation (公益诉讼). Each records the materials handed over
// and the receiving body, and is tracked step by step until closed; every step is on the ledger, in the order the
// law sets, and the next statutory deadline is computed from the dates (clocks.ts). A step past its deadline is
// flagged once by the regulator's minute timer. The CAC sees every referral; other organisations see those they sent,
// received, or were drawn into (the procuratorate: what is addressed to it).
import { and, desc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import { nextYearNumber, type Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { listOrganisations, type Organisation } from '../../core/organisations/index.ts'
import { append, appendMany, knownEntryIds, type LedgerActor } from '../../ledger/index.ts'
import {
  caseNumbersOf,
  chinaDate,
  endOfChinaDay,
  isDateString,
  seesAll,
  visibleCase,
  type WorkingCalendar,
  workingCalendar,
} from '../cases/index.ts'
import { clockById, periodEnd, REFERRAL_CLOCKS, type ReferralClock, type ReferralKind } from './clocks.ts'
import { type ReferralMaterial, type ReferralStepRecord, referral } from './tables.ts'

type Row = typeof referral.$inferSelect

export type CriminalStatus =
  | 'sent'
  | 'received'
  | 'filed'
  | 'not_filed'
  | 'reconsideration_requested'
  | 'not_filed_upheld'
  | 'supervision_requested'
  | 'supervised'
  | 'closed'
export type PublicInterestStatus =
  | 'sent'
  | 'received'
  | 'suggestion_issued'
  | 'replied'
  | 'closed'
  | 'litigation'

/** Steps recorded by the organisations of the case and the receiving body (`referral.manage`). */
export const MANAGE_STEPS = [
  'receive',
  'file',
  'decline',
  'request_reconsideration',
  'request_supervision',
  'reply',
  'close',
] as const
/** Steps recorded by the procuratorate (`referral.procurate`). */
export const PROCURATE_STEPS = [
  'receive',
  'supervise',
  'suggest',
  'record_reply',
  'close',
  'litigate',
] as const
export type ManageStep = (typeof MANAGE_STEPS)[number]
export type ProcurateStep = (typeof PROCURATE_STEPS)[number]
type Step = ManageStep | ProcurateStep

interface Transition {
  from: readonly string[]
  to: string
  /** Who records it: the referring organ, the receiving body, the procuratorate, or the suggestion's addressee. */
  by: 'referring' | 'receiving' | 'procuratorate' | 'addressee'
  action: string
  /** A reason or outcome is required. */
  needsNote?: boolean
  /** The clock started by this step's date (a duty, or a window). */
  starts?: (row: Row, input: StepInput) => string | null
  /** The window the step must fall in: the clock that started at the previous step. */
  within?: string
}

const CRIMINAL: Record<string, Transition> = {
  'manage:receive': {
    from: ['sent'],
    to: 'received',
    by: 'receiving',
    action: 'referral.received',
    starts: () => 'criminal.review',
  },
  'manage:file': {
    from: ['received', 'reconsideration_requested'],
    to: 'filed',
    by: 'receiving',
    action: 'referral.answered',
  },
  'manage:decline': {
    from: ['received', 'reconsideration_requested'],
    to: 'not_filed',
    by: 'receiving',
    action: 'referral.answered',
    needsNote: true,
    starts: (row) =>
      row.status === 'received' ? 'criminal.reconsideration_window' : 'criminal.supervision_window',
  },
  'manage:request_reconsideration': {
    from: ['not_filed'],
    to: 'reconsideration_requested',
    by: 'referring',
    action: 'referral.reconsideration_requested',
    needsNote: true,
    within: 'criminal.reconsideration_window',
    starts: () => 'criminal.reconsideration_answer',
  },
  'manage:request_supervision': {
    from: ['not_filed', 'not_filed_upheld'],
    to: 'supervision_requested',
    by: 'referring',
    action: 'referral.supervision_requested',
    needsNote: true,
  },
  'procurate:supervise': {
    from: ['supervision_requested'],
    to: 'supervised',
    by: 'procuratorate',
    action: 'referral.answered',
    needsNote: true,
  },
  'manage:close': {
    from: ['filed', 'not_filed', 'not_filed_upheld', 'supervised'],
    to: 'closed',
    by: 'referring',
    action: 'referral.closed',
    needsNote: true,
  },
}

const PUBLIC_INTEREST: Record<string, Transition> = {
  'procurate:receive': { from: ['sent'], to: 'received', by: 'procuratorate', action: 'referral.received' },
  'procurate:suggest': {
    from: ['received'],
    to: 'suggestion_issued',
    by: 'procuratorate',
    action: 'referral.answered',
    needsNote: true,
    starts: (_row, input) => (input.urgent ? 'public_interest.reply_urgent' : 'public_interest.reply'),
  },
  'manage:reply': {
    from: ['suggestion_issued'],
    to: 'replied',
    by: 'addressee',
    action: 'referral.answered',
    needsNote: true,
  },
  'procurate:record_reply': {
    from: ['suggestion_issued'],
    to: 'replied',
    by: 'procuratorate',
    action: 'referral.answered',
    needsNote: true,
  },
  'procurate:close': {
    from: ['received', 'suggestion_issued', 'replied'],
    to: 'closed',
    by: 'procuratorate',
    action: 'referral.closed',
    needsNote: true,
  },
  'procurate:litigate': {
    from: ['suggestion_issued', 'replied'],
    to: 'litigation',
    by: 'procuratorate',
    action: 'referral.closed',
    needsNote: true,
  },
}

const TERMINAL = new Set(['closed', 'litigation'])

export interface ReferralDeadlineView {
  clock: string
  step: string
  dueOn: string
  window: boolean
  citation: string
  textZh: string
  overdue: boolean
}

export interface ReferralView {
  id: string
  number: string
  kind: ReferralKind
  caseId: string
  caseNumber: string
  referringOrganisationId: string
  referringNameZh: string
  receivingOrganisationId: string
  receivingNameZh: string
  reason: string
  materials: ReferralMaterial[]
  status: string
  steps: (ReferralStepRecord & { byNameZh: string })[]
  addresseeName: string | null
  addresseeOrganisationId: string | null
  deadline: ReferralDeadlineView | null
  lateClocks: string[]
  overdueFlagged: string[]
  outcome: string | null
  sentAt: string
  sentByName: string
  closedAt: string | null
}

export interface SendReferralInput {
  caseId: string
  kind: ReferralKind
  reason: string
  materials?: {
    kind: 'evidence' | 'ledger_entry' | 'document'
    title: string
    ref?: string
    sha256?: string
  }[]
  /** Criminal: when the officer in charge reported the suspected crime to the organ's head. */
  reportedOn?: string
  /** Criminal: when the head decided to transfer. */
  decidedOn?: string
}

export interface StepInput {
  step: Step
  /** The date the step took effect; today by default. */
  on?: string
  note?: string
  /** `suggest`: the organ the procuratorial suggestion is addressed to. */
  addresseeOrganisationId?: string
  addresseeName?: string
  urgent?: boolean
}

async function orgMap(tx: Tx): Promise<Map<string, Organisation>> {
  return new Map((await listOrganisations(tx)).map((o) => [o.id, o]))
}

function deadlineOf(r: Row, now: Date): ReferralDeadlineView | null {
  if (r.dueClock === null || r.dueOn === null || TERMINAL.has(r.status)) return null
  const c = clockById(r.dueClock)
  return {
    clock: c.id,
    step: c.step,
    dueOn: r.dueOn,
    window: c.window,
    citation: c.citation,
    textZh: c.textZh,
    overdue: !c.window && endOfChinaDay(r.dueOn) <= now,
  }
}

function present(r: Row, caseNumber: string, orgs: Map<string, Organisation>, now: Date): ReferralView {
  const zh = (id: string | null) => (id === null ? '' : (orgs.get(id)?.nameZh ?? id))
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as ReferralKind,
    caseId: r.caseId,
    caseNumber,
    referringOrganisationId: r.referringOrganisationId,
    referringNameZh: zh(r.referringOrganisationId),
    receivingOrganisationId: r.receivingOrganisationId,
    receivingNameZh: zh(r.receivingOrganisationId),
    reason: r.reason,
    materials: r.materials,
    status: r.status,
    steps: r.steps.map((s) => ({ ...s, byNameZh: zh(s.byOrganisationId) })),
    addresseeName: r.addresseeName,
    addresseeOrganisationId: r.addresseeOrganisationId,
    deadline: deadlineOf(r, now),
    lateClocks: r.lateClocks,
    overdueFlagged: r.overdueFlagged,
    outcome: r.outcome,
    sentAt: r.sentAt.toISOString(),
    sentByName: r.sentByName,
    closedAt: r.closedAt?.toISOString() ?? null,
  }
}

async function caseNumbers(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  return caseNumbersOf(tx, ids)
}

function nextNumber(tx: Tx, now: Date): Promise<string> {
  return nextYearNumber(tx, referral, referral.number, 'YS', chinaDate(now).slice(0, 4))
}

function dateOrToday(field: string, s: string | undefined, now: Date, notBefore?: string): string {
  const today = chinaDate(now)
  const d = s ?? today
  if (!isDateString(d) || d > today || (notBefore !== undefined && d < notBefore)) {
    throw new DomainError('REFERRAL_DATE_INVALID', { field, date: d, today, notBefore: notBefore ?? null })
  }
  return d
}

function due(clockId: string | null, from: string, cal: WorkingCalendar) {
  if (clockId === null) return { dueClock: null, dueOn: null, dueAt: null }
  const c = clockById(clockId)
  const dueOn = periodEnd(from, c, cal)
  return { dueClock: c.id, dueOn, dueAt: c.window ? null : endOfChinaDay(dueOn) }
}

const RECEIVER_KEY: Record<ReferralKind, string> = {
  criminal: 'public-security',
  public_interest: 'procuratorate',
}

/** Hands a case over: to public security (suspected crime) or the procuratorate (public interest), on the ledger. */
export async function sendReferral(
  tx: Tx,
  actor: Actor,
  input: SendReferralInput,
  now: Date = new Date(),
): Promise<ReferralView> {
  const reason = input.reason.trim()
  if (reason === '') throw new DomainError('VALIDATION_FAILED', { field: 'reason' })
  const c = await visibleCase(tx, actor, input.caseId)
  if (c.status === 'transferred') throw new DomainError('REFERRAL_CASE_NOT_OURS', { caseId: c.id })
  const orgs = await orgMap(tx)
  const receiver = [...orgs.values()].find((o) => o.key === RECEIVER_KEY[input.kind])
  if (!receiver) throw new DomainError('REFERRAL_RECEIVER_INVALID', { kind: input.kind })
  if (receiver.id === actor.organisationId) {
    throw new DomainError('REFERRAL_RECEIVER_INVALID', { kind: input.kind, reason: 'own organisation' })
  }
  const given = input.materials ?? []
  const entryIds = given.filter((m) => m.kind === 'ledger_entry').map((m) => m.ref ?? '')
  const known = await knownEntryIds(
    tx,
    entryIds.filter((x) => /^[0-9a-f-]{36}$/.test(x)),
  )
  for (const [i, m] of given.entries()) {
    if (m.kind === 'ledger_entry' && !known.has(m.ref ?? '')) {
      throw new DomainError('REFERRAL_MATERIAL_INVALID', { field: `materials/${i}/ref`, ref: m.ref ?? null })
    }
    if (m.kind === 'evidence' && !m.sha256) {
      throw new DomainError('REFERRAL_MATERIAL_INVALID', { field: `materials/${i}/sha256` })
    }
  }
  const materials: ReferralMaterial[] = [
    { kind: 'case_file', title: `案卷 ${c.number}：${c.title}`, ref: c.number, sha256: null },
    ...given.map((m) => ({
      kind: m.kind,
      title: m.title.trim(),
      ref: m.ref ?? null,
      sha256: m.sha256 ?? null,
    })),
  ]
  const cal = await workingCalendar(tx)
  const today = chinaDate(now)
  const steps: ReferralStepRecord[] = []
  const late: string[] = []
  if (input.kind === 'criminal') {
    const reportedOn = dateOrToday('reportedOn', input.reportedOn, now)
    const decidedOn = dateOrToday('decidedOn', input.decidedOn, now, reportedOn)
    if (decidedOn > periodEnd(reportedOn, clockById('criminal.decide'), cal)) late.push('criminal.decide')
    if (today > periodEnd(decidedOn, clockById('criminal.transfer'), cal)) late.push('criminal.transfer')
    const by = {
      at: now.toISOString(),
      byName: actor.name,
      byOrganisationId: actor.organisationId,
      note: null,
    }
    steps.push({ step: 'reported', on: reportedOn, ...by }, { step: 'decided', on: decidedOn, ...by })
  }
  steps.push({
    step: 'sent',
    on: today,
    at: now.toISOString(),
    byName: actor.name,
    byOrganisationId: actor.organisationId,
    note: reason,
  })
  const id = newId(now.getTime())
  const number = await nextNumber(tx, now)
  const [row] = await tx
    .insert(referral)
    .values({
      id,
      number,
      kind: input.kind,
      caseId: c.id,
      referringOrganisationId: actor.organisationId,
      receivingOrganisationId: receiver.id,
      partyOrganisationIds: [actor.organisationId, receiver.id],
      reason,
      materials,
      status: 'sent',
      steps,
      overdueFlagged: [],
      lateClocks: late,
      sentAt: now,
      sentByName: actor.name,
      dueClock: null,
      dueOn: null,
      dueAt: null,
    })
    .returning()
  await append(tx, {
    actor,
    action: 'referral.sent',
    subject: { type: 'referral', id },
    articles: input.kind === 'criminal' ? ['A20', 'A21'] : ['A20'],
    evidence: { reason, materials },
    details: {
      number,
      kind: input.kind,
      caseNumber: c.number,
      referringOrganisation: orgs.get(actor.organisationId)?.key ?? actor.organisationId,
      receivingOrganisation: receiver.key,
      materials: materials.map((m) => ({ kind: m.kind, ref: m.ref, sha256: m.sha256 })),
      lateClocks: late,
    },
    at: now,
  })
  return present(row as Row, c.number, orgs, now)
}

async function visibleReferral(tx: Tx, actor: Actor, id: string, lock = false): Promise<Row> {
  const q = tx.select().from(referral).where(eq(referral.id, id))
  const [row] = lock ? await q.for('update') : await q
  if (!row) throw new DomainError('REFERRAL_NOT_FOUND', { id })
  if (row.partyOrganisationIds.includes(actor.organisationId)) return row
  if (row.addresseeOrganisationId === actor.organisationId) return row
  if (await seesAll(tx, actor)) return row
  throw new DomainError('REFERRAL_NOT_FOUND', { id })
}

export async function getReferral(
  tx: Tx,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<ReferralView> {
  const r = await visibleReferral(tx, actor, id)
  const numbers = await caseNumbers(tx, [r.caseId])
  return present(r, numbers.get(r.caseId) ?? '', await orgMap(tx), now)
}

/** The referrals the caller's organisation sent, received or was drawn into (the CAC: all), newest first. */
export async function listReferrals(
  tx: Tx,
  actor: Actor,
  filter: { caseId?: string; kind?: ReferralKind; open?: boolean; limit?: number } = {},
  now: Date = new Date(),
): Promise<ReferralView[]> {
  const all = await seesAll(tx, actor)
  const rows = await tx
    .select()
    .from(referral)
    .where(
      and(
        filter.caseId ? eq(referral.caseId, filter.caseId) : undefined,
        filter.kind ? eq(referral.kind, filter.kind) : undefined,
        filter.open === true
          ? isNull(referral.closedAt)
          : filter.open === false
            ? isNotNull(referral.closedAt)
            : undefined,
        all
          ? undefined
          : sql`(${actor.organisationId}::uuid = any(${referral.partyOrganisationIds}) or ${referral.addresseeOrganisationId} = ${actor.organisationId}::uuid)`,
      ),
    )
    .orderBy(desc(referral.sentAt))
    .limit(filter.limit ?? 200)
  const numbers = await caseNumbers(tx, [...new Set(rows.map((r) => r.caseId))])
  const orgs = await orgMap(tx)
  return rows.map((r) => present(r, numbers.get(r.caseId) ?? '', orgs, now))
}

function mayAct(t: Transition, row: Row, actor: Actor, orgs: Map<string, Organisation>): boolean {
  switch (t.by) {
    case 'referring':
      return actor.organisationId === row.referringOrganisationId
    case 'receiving':
      return actor.organisationId === row.receivingOrganisationId
    case 'procuratorate':
      return orgs.get(actor.organisationId)?.kind === 'procuratorate'
    case 'addressee':
      return row.addresseeOrganisationId !== null && actor.organisationId === row.addresseeOrganisationId
  }
}

/**
 * Records the next step of a referral: only the step the law lets follow the current one, by the organisation it
 * falls to, on a date not before the last step's; a right exercised after its window is refused. `via` is the
 * permission the route checked: the procuratorate's steps take `referral.procurate`.
 */
export async function recordReferralStep(
  tx: Tx,
  actor: Actor,
  id: string,
  via: 'manage' | 'procurate',
  input: StepInput,
  now: Date = new Date(),
): Promise<ReferralView> {
  const row = await visibleReferral(tx, actor, id, true)
  const table = row.kind === 'criminal' ? CRIMINAL : PUBLIC_INTEREST
  const t = table[`${via}:${input.step}`]
  if (!t?.from.includes(row.status)) {
    throw new DomainError('REFERRAL_STEP_NOT_ALLOWED', { id, step: input.step, current: row.status })
  }
  const orgs = await orgMap(tx)
  if (!mayAct(t, row, actor, orgs)) {
    throw new DomainError('REFERRAL_NOT_YOURS', { id, step: input.step, owedBy: t.by })
  }
  const note = input.note?.trim() ?? ''
  if (t.needsNote && note === '') throw new DomainError('VALIDATION_FAILED', { field: 'note' })
  const last = row.steps[row.steps.length - 1]
  const on = dateOrToday('on', input.on, now, last?.on)
  const cal = await workingCalendar(tx)
  // a right is exercised by the day it is recorded: a date written further back does not reopen its window
  const today = chinaDate(now)
  if (t.within) {
    if (row.dueClock !== t.within || row.dueOn === null || on > row.dueOn || today > row.dueOn) {
      throw new DomainError('REFERRAL_WINDOW_CLOSED', { id, step: input.step, dueOn: row.dueOn, on })
    }
  }
  if (
    input.step === 'request_supervision' &&
    row.dueOn !== null &&
    row.dueClock?.endsWith('_window') &&
    (on > row.dueOn || today > row.dueOn)
  ) {
    throw new DomainError('REFERRAL_WINDOW_CLOSED', { id, step: input.step, dueOn: row.dueOn, on })
  }
  // the outcome of the step: an answer to a reconsideration keeps its own name
  let to = t.to
  if (row.kind === 'criminal' && row.status === 'reconsideration_requested' && input.step === 'decline') {
    to = 'not_filed_upheld'
  }
  const patch: Partial<typeof referral.$inferInsert> = { status: to }
  // a late duty is on the record, whether or not the timer flagged it
  const late = [...row.lateClocks]
  if (
    row.dueClock &&
    row.dueOn &&
    !clockById(row.dueClock).window &&
    on > row.dueOn &&
    !late.includes(row.dueClock)
  ) {
    late.push(row.dueClock)
  }
  patch.lateClocks = late
  const started = t.starts?.(row, input) ?? null
  Object.assign(patch, due(started, on, cal))
  if (input.step === 'suggest') {
    const addressee = input.addresseeOrganisationId ? orgs.get(input.addresseeOrganisationId) : undefined
    if (
      input.addresseeOrganisationId &&
      (!addressee || addressee.kind === 'platform' || addressee.kind === 'procuratorate')
    ) {
      throw new DomainError('REFERRAL_RECEIVER_INVALID', { field: 'addresseeOrganisationId' })
    }
    const name = addressee?.nameZh ?? input.addresseeName?.trim() ?? ''
    if (name === '') throw new DomainError('VALIDATION_FAILED', { field: 'addresseeName' })
    patch.addresseeOrganisationId = addressee?.id ?? null
    patch.addresseeName = name
  }
  if (input.step === 'request_supervision') {
    const proc = [...orgs.values()].find((o) => o.kind === 'procuratorate')
    if (proc && !row.partyOrganisationIds.includes(proc.id)) {
      patch.partyOrganisationIds = [...row.partyOrganisationIds, proc.id]
    }
  }
  if (TERMINAL.has(to)) {
    patch.closedAt = now
    patch.outcome = note
  }
  patch.steps = [
    ...row.steps,
    {
      step: to,
      on,
      at: now.toISOString(),
      byName: actor.name,
      byOrganisationId: actor.organisationId,
      note: note || null,
    },
  ]
  const [updated] = await tx.update(referral).set(patch).where(eq(referral.id, id)).returning()
  const numbers = await caseNumbers(tx, [row.caseId])
  await append(tx, {
    actor,
    action: t.action,
    subject: { type: 'referral', id },
    articles: row.kind === 'criminal' ? ['A20', 'A21'] : ['A20'],
    evidence: note === '' ? undefined : { note },
    details: {
      number: row.number,
      kind: row.kind,
      caseNumber: numbers.get(row.caseId) ?? null,
      step: input.step,
      status: to,
      on,
      byOrganisation: orgs.get(actor.organisationId)?.key ?? actor.organisationId,
      referringOrganisation: orgs.get(row.referringOrganisationId)?.key ?? row.referringOrganisationId,
      late: late.length > row.lateClocks.length ? row.dueClock : null,
      nextDeadline: patch.dueOn ? { clock: patch.dueClock, dueOn: patch.dueOn } : null,
      ...(input.step === 'suggest' ? { addressee: patch.addresseeName, urgent: input.urgent === true } : {}),
    },
    at: now,
  })
  return present(updated as Row, numbers.get(row.caseId) ?? '', orgs, now)
}

/**
 * Flags each referral step past its statutory deadline, once per clock, on the ledger for supervisors (A20, A27). A
 * window (a right, not a duty) is never flagged. Run on the regulator's minute timer.
 */
export async function flagOverdueReferralSteps(
  tx: Tx,
  actor: LedgerActor,
  now: Date = new Date(),
): Promise<number> {
  const due = await tx
    .select()
    .from(referral)
    .where(
      and(
        isNull(referral.closedAt),
        lte(referral.dueAt, now),
        sql`not (${referral.dueClock} = any(${referral.overdueFlagged}))`,
      ),
    )
    .for('update')
  if (due.length === 0) return 0
  const orgs = await orgMap(tx)
  for (const r of due) {
    await tx
      .update(referral)
      .set({ overdueFlagged: [...r.overdueFlagged, r.dueClock as string] })
      .where(eq(referral.id, r.id))
  }
  await appendMany(
    tx,
    due.map((r) => {
      const c = clockById(r.dueClock as string)
      const owedBy =
        c.owedBy === 'referring'
          ? r.referringOrganisationId
          : c.owedBy === 'receiving'
            ? r.receivingOrganisationId
            : c.owedBy === 'addressee'
              ? r.addresseeOrganisationId
              : null
      return {
        actor,
        action: 'referral.step_overdue',
        subject: { type: 'referral', id: r.id },
        articles: ['A20', 'A27'],
        details: {
          number: r.number,
          kind: r.kind,
          step: c.step,
          clock: c.id,
          dueOn: r.dueOn,
          citation: c.citation,
          referringOrganisation: orgs.get(r.referringOrganisationId)?.key ?? r.referringOrganisationId,
          owedBy: owedBy ? (orgs.get(owedBy)?.key ?? owedBy) : (r.addresseeName ?? c.owedBy),
        },
        at: now,
      }
    }),
  )
  return due.length
}

/** The clocks, for the console and the docs. */
export function referralClocks(): readonly ReferralClock[] {
  return REFERRAL_CLOCKS
}
