// Penalty cases against platforms (A22–A25) walked through the procedure of the Administrative Penalty Law, each step
// an official act on the ledger in the same transaction, within the bounds in force on its date (bounds.ts) and in
// the order and on the clocks of procedure.ts. An order ignored past its deadline opens an A25 case by itself.
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, ne } from 'drizzle-orm'
import { type Actor, getStaff } from '../../core/auth/index.ts'
import { nextInSequence, type Tx, transaction } from '../../core/db/index.ts'
import { DomainError, type FieldProblem, isDomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import {
  COUNTIES,
  getOrganisation,
  listOrganisations,
  type Organisation,
} from '../../core/organisations/index.ts'
import { append, appendMany, type LedgerActor } from '../../ledger/index.ts'
import { listPeers } from '../../protocol/index.ts'
import { chinaDate, seesAll, type WorkingCalendar, workingCalendar } from '../cases/index.ts'
import { listOverdueOrders, orderIssuers } from '../orders/index.ts'
import {
  type AllowedMeasures,
  allowedMeasures,
  articleFor,
  type BoundsProblem,
  boundsInForce,
  hearingRight,
  heavierThanNotified,
  type Measure,
  type MeasureKind,
  measureLabel,
  validateMeasures,
} from './bounds.ts'
import { decisionHtml } from './decision.ts'
import { DISCLOSURE_RULES_VERSION, type Disclosure, disclosureOf, isDisplayed } from './disclosure.ts'
import {
  type Act,
  CLOCKS,
  dueDate,
  nextStep,
  type ProcedureState,
  refuse,
  runningClock,
  type Step,
} from './procedure.ts'
import { creditRecord, type PenaltyNotice, penaltyCase } from './tables.ts'

type Row = typeof penaltyCase.$inferSelect

export interface PenaltyCaseView {
  id: string
  number: string
  title: string
  partyKind: 'platform'
  partyNodeId: string | null
  partyName: string
  violated: string[]
  article: string
  orderId: string | null
  facts: string
  leadOrganisationId: string
  step: Step
  openedAt: string
  openedByName: string
  investigatedAt: string | null
  findings: string | null
  aggravated: boolean
  aggravationReason: string | null
  notifiedAt: string | null
  notice: PenaltyNotice | null
  statements: { at: string; text: string; waivesHearing: boolean }[]
  hearingWaived: boolean
  hearingRequestedAt: string | null
  hearingNoticedAt: string | null
  hearingOn: string | null
  hearingPlace: string | null
  hearingHeldAt: string | null
  hearingRecord: string | null
  legalReviewedAt: string | null
  legalReviewerName: string | null
  legalOpinion: string | null
  decidedAt: string | null
  decisionNumber: string | null
  measures: Measure[] | null
  boundsVersion: string | null
  performance: string | null
  decidedByName: string | null
  servedAt: string | null
  serviceMethod: string | null
  executedAt: string | null
  executionNote: string | null
  publishedAt: string | null
  revokedAt: string | null
  revokeReason: string | null
  /** The clock running now: which, its citation, its last day (China date) and whether it has passed. */
  clock: { id: string; citation: string; due: string; overdue: boolean } | null
}

const iso = (d: Date | null) => d?.toISOString() ?? null

function state(r: Row): ProcedureState {
  return {
    step: r.step as Step,
    openedOn: chinaDate(r.openedAt),
    notifiedOn: r.notifiedAt ? chinaDate(r.notifiedAt) : null,
    decidedOn: r.decidedAt ? chinaDate(r.decidedAt) : null,
    servedOn: r.servedAt ? chinaDate(r.servedAt) : null,
    hearingRight: r.notice?.hearingRight ?? false,
    hearingRequested: r.hearingRequestedAt !== null,
    hearingNoticedOn: r.hearingNoticedAt ? chinaDate(r.hearingNoticedAt) : null,
    hearingHeld: r.hearingHeldAt !== null,
    hearingWaived: r.hearingWaived,
    // an opinion recorded without approval, while still at 告知: sent back for a corrected notice
    sentBack: r.step === 'notified' && r.legalOpinion !== null && r.legalReviewedAt === null,
    revoked: r.revokedAt !== null,
  }
}

function present(r: Row, cal: WorkingCalendar, now: Date): PenaltyCaseView {
  const running = runningClock(state(r), cal)
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    partyKind: 'platform',
    partyNodeId: r.partyNodeId,
    partyName: r.partyName,
    violated: r.violated,
    article: r.article,
    orderId: r.orderId,
    facts: r.facts,
    leadOrganisationId: r.leadOrganisationId,
    step: r.step as Step,
    openedAt: r.openedAt.toISOString(),
    openedByName: r.openedByName,
    investigatedAt: iso(r.investigatedAt),
    findings: r.findings,
    aggravated: r.aggravated,
    aggravationReason: r.aggravationReason,
    notifiedAt: iso(r.notifiedAt),
    notice: r.notice ?? null,
    statements: r.statements ?? [],
    hearingWaived: r.hearingWaived,
    hearingRequestedAt: iso(r.hearingRequestedAt),
    hearingNoticedAt: iso(r.hearingNoticedAt),
    hearingOn: r.hearingOn,
    hearingPlace: r.hearingPlace,
    hearingHeldAt: iso(r.hearingHeldAt),
    hearingRecord: r.hearingRecord,
    legalReviewedAt: iso(r.legalReviewedAt),
    legalReviewerName: r.legalReviewerName,
    legalOpinion: r.legalOpinion,
    decidedAt: iso(r.decidedAt),
    decisionNumber: r.decisionNumber,
    measures: (r.measures as Measure[] | null) ?? null,
    boundsVersion: r.boundsVersion,
    performance: r.performance,
    decidedByName: r.decidedByName,
    servedAt: iso(r.servedAt),
    serviceMethod: r.serviceMethod,
    executedAt: iso(r.executedAt),
    executionNote: r.executionNote,
    publishedAt: iso(r.publishedAt),
    revokedAt: iso(r.revokedAt),
    revokeReason: r.revokeReason,
    clock: running
      ? {
          id: running.clock.id,
          citation: running.clock.citation,
          due: running.due,
          overdue: chinaDate(now) > running.due,
        }
      : null,
  }
}

async function load(tx: Tx, id: string, lock = false): Promise<Row> {
  const q = tx.select().from(penaltyCase).where(eq(penaltyCase.id, id))
  const [row] = lock ? await q.for('update') : await q
  if (!row) throw new DomainError('PENALTY_CASE_NOT_FOUND', { id })
  return row
}

/**
 * The case, if the actor may see and act on it: staff of its lead organisation, or of the city CAC, which sees all.
 * 404 otherwise, as for cases, so a case's existence is not told to another organisation.
 */
async function visible(tx: Tx, actor: Actor, id: string, lock = false): Promise<Row> {
  const row = await load(tx, id, lock)
  if (row.leadOrganisationId !== actor.organisationId && !(await seesAll(tx, actor)))
    throw new DomainError('PENALTY_CASE_NOT_FOUND', { id })
  return row
}

/** The cases the actor may see (its organisation's; the city CAC: all), newest first. */
export async function listPenaltyCases(
  tx: Tx,
  actor: Actor,
  opts: { step?: string; limit?: number } = {},
  now: Date = new Date(),
): Promise<PenaltyCaseView[]> {
  const conditions = []
  if (opts.step) conditions.push(eq(penaltyCase.step, opts.step))
  if (!(await seesAll(tx, actor))) conditions.push(eq(penaltyCase.leadOrganisationId, actor.organisationId))
  const rows = await tx
    .select()
    .from(penaltyCase)
    .where(and(...conditions))
    .orderBy(desc(penaltyCase.openedAt))
    .limit(opts.limit ?? 200)
  const cal = await workingCalendar(tx)
  return rows.map((r) => present(r, cal, now))
}

export async function getPenaltyCase(
  tx: Tx,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  return present(await visible(tx, actor, id), await workingCalendar(tx), now)
}

/** The case as it stands after an act the actor was allowed to do. */
async function view(tx: Tx, id: string, now: Date): Promise<PenaltyCaseView> {
  return present(await load(tx, id), await workingCalendar(tx), now)
}

/**
 * The organ's abbreviation in its document numbers (机关代字): 通网信 for the city CAC, the county's name and 网信 for a
 * county 网信办 (东昌网信, 梅河口网信), and for the departments the usual abbreviations — to be confirmed with each organ
 * (no organisation carries its own code yet); any other organisation is named in full rather than given the CAC's.
 */
const DEPARTMENT_PREFIX: Record<string, string> = {
  'public-security': '通公',
  'state-security': '通国安',
  health: '通卫健',
  'market-supervision': '通市监',
  'culture-tourism': '通文旅',
}

export function numberPrefix(org: Pick<Organisation, 'kind' | 'key' | 'nameZh' | 'divisionCode'>): string {
  if (org.kind === 'cac') return '通网信'
  if (org.kind === 'county') {
    const county = COUNTIES.find((c) => c.code === org.divisionCode)
    if (county) return `${county.zh.length > 2 ? county.zh.replace(/[区县市]$/, '') : county.zh}网信`
  }
  return DEPARTMENT_PREFIX[org.key] ?? org.nameZh
}

async function nextNumber(tx: Tx, kind: '立' | '罚', now: Date, leadOrganisationId: string): Promise<string> {
  const year = chinaDate(now).slice(0, 4)
  const prefix = `${numberPrefix(await getOrganisation(tx, leadOrganisationId))}${kind}〔${year}〕`
  const col = kind === '立' ? penaltyCase.number : penaltyCase.decisionNumber
  return `${prefix}${await nextInSequence(tx, penaltyCase, col, prefix)}号`
}

async function cacId(tx: Tx): Promise<string> {
  const cac = (await listOrganisations(tx)).find((o) => o.kind === 'cac')
  if (!cac) throw new Error('the regulator has no city CAC organisation')
  return cac.id
}

/**
 * 第二十二条: 由网信部门依据职责 — a case under A22 is led by a cyberspace office: the city CAC (kind `cac`) or a county
 * 网信办 (kind `county`). A23–A25 say 有关主管部门: any regulator organisation acting within its duties.
 */
const CYBERSPACE_KINDS: readonly string[] = ['cac', 'county']

async function checkLead(tx: Tx, article: string, organisationId: string): Promise<void> {
  if (article !== 'A22') return
  const org = await getOrganisation(tx, organisationId)
  if (!CYBERSPACE_KINDS.includes(org.kind))
    throw new DomainError('PENALTY_LEAD_NOT_CYBERSPACE', { article, organisationId, kind: org.kind })
}

/** The organisation of each order's issuer, when the order records a staff member who still exists. */
async function issuingOrganisations(tx: Tx, orderIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const [orderId, staffId] of await orderIssuers(tx, orderIds)) {
    const staff = await getStaff(tx, staffId).catch(() => null)
    if (staff) out.set(orderId, staff.organisationId)
  }
  return out
}

const subject = (id: string) => ({ type: 'penalty_case', id })
const articlesOf = (r: { violated: string[]; article: string }) => [r.article, ...r.violated]

// --- 立案 ---

export interface OpenPenaltyCaseInput {
  partyNodeId: string
  violated: string[]
  title: string
  facts: string
}

async function partyName(tx: Tx, nodeId: string): Promise<string> {
  const peer = (await listPeers(tx)).find((p) => p.nodeId === nodeId && p.kind === 'platform')
  if (!peer) throw new DomainError('PENALTY_PARTY_UNKNOWN', { field: 'partyNodeId', nodeId })
  return peer.nameZh
}

function articleOrThrow(violated: readonly string[], date: string): string {
  const v = boundsInForce(date)
  const a = v ? articleFor(violated, v) : null
  if (!a) throw new DomainError('PENALTY_VIOLATIONS_INVALID', { field: 'violated' })
  return a.article
}

export async function openPenaltyCase(
  tx: Tx,
  actor: Actor,
  input: OpenPenaltyCaseInput,
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const article = articleOrThrow(input.violated, chinaDate(now))
  await checkLead(tx, article, actor.organisationId)
  const name = await partyName(tx, input.partyNodeId)
  const id = newId()
  const number = await nextNumber(tx, '立', now, actor.organisationId)
  await tx.insert(penaltyCase).values({
    id,
    number,
    partyKind: 'platform',
    partyNodeId: input.partyNodeId,
    partyName: name,
    violated: [...new Set(input.violated)],
    article,
    actKey: `case:${id}`,
    title: input.title,
    facts: input.facts,
    leadOrganisationId: actor.organisationId,
    step: 'opened',
    openedAt: now,
    openedByName: actor.name,
  })
  await append(tx, {
    actor,
    action: 'penalty_case.opened',
    subject: subject(id),
    articles: [article, ...input.violated],
    details: {
      number,
      partyKind: 'platform',
      partyNodeId: input.partyNodeId,
      partyName: name,
      violated: input.violated,
    },
    at: now,
  })
  return view(tx, id, now)
}

/**
 * Every order flagged overdue without a penalty case gets one (A25 for A19.2), opened by the system with the order
 * as its evidence: one case per order, however often this runs. Run on the regulator's timer after the overdue flag.
 */
export async function openCasesForOverdueOrders(
  tx: Tx,
  actor: LedgerActor,
  now: Date = new Date(),
): Promise<number> {
  const orders = await listOverdueOrders(tx)
  if (orders.length === 0) return 0
  const have = new Set(
    (
      await tx
        .select({ orderId: penaltyCase.orderId })
        .from(penaltyCase)
        .where(
          inArray(
            penaltyCase.orderId,
            orders.map((o) => o.id),
          ),
        )
    ).map((r) => r.orderId),
  )
  const todo = orders.filter((o) => !have.has(o.id))
  if (todo.length === 0) return 0
  const peers = new Map((await listPeers(tx)).map((p) => [p.nodeId, p.nameZh]))
  // led by the organisation of the officer who issued the order; the city CAC when the order does not say
  const cac = await cacId(tx)
  const issuers = await issuingOrganisations(
    tx,
    todo.map((o) => o.id),
  )
  let opened = 0
  for (const o of todo) {
    const id = newId()
    const lead = issuers.get(o.id) ?? cac
    const number = await nextNumber(tx, '立', now, lead)
    const name = peers.get(o.toNode) ?? o.toNode
    const inserted = await tx
      .insert(penaltyCase)
      .values({
        id,
        number,
        partyKind: 'platform',
        partyNodeId: o.toNode,
        partyName: name,
        violated: ['A19.2'],
        article: 'A25',
        actKey: `order:${o.id}`,
        orderId: o.id,
        title: `${name}未按要求执行处置指令`,
        facts: `${inChina(o.issuedAt)} 本机关依据${o.basis}，要求${name}对相关信息采取${
          o.kind === 'stop' ? '停止传输' : '删除'
        }措施（理由：${o.reason}），期限至 ${inChina(o.deadlineAt)}；期限届满未见执行（${
          o.overdueAt ? inChina(o.overdueAt) : ''
        } 标记逾期）。`,
        leadOrganisationId: lead,
        step: 'opened',
        openedAt: now,
        openedByName: actor.name,
      })
      .onConflictDoNothing({ target: penaltyCase.orderId })
      .returning({ id: penaltyCase.id })
    if (inserted.length === 0) continue
    opened++
    await append(tx, {
      actor,
      action: 'penalty_case.opened',
      subject: subject(id),
      articles: ['A25', 'A19.2'],
      evidence: { order: o },
      details: {
        number,
        partyKind: 'platform',
        partyNodeId: o.toNode,
        partyName: name,
        violated: ['A19.2'],
        orderId: o.id,
        automatic: true,
        proposedMeasures: allowedMeasures(['A19.2'], true, chinaDate(now))?.measures.map((x) => x.kind) ?? [],
      },
      at: now,
    })
  }
  return opened
}

/** `2026年10月11日 18:00` in China. */
function inChina(at: string): string {
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}

// --- the steps ---

async function step(
  tx: Tx,
  actor: Actor,
  id: string,
  act: Act,
  now: Date,
  hearingOn?: string,
): Promise<{ row: Row; cal: WorkingCalendar }> {
  const row = await visible(tx, actor, id, true)
  const cal = await workingCalendar(tx)
  const why = refuse(state(row), act, chinaDate(now), cal, hearingOn)
  if (why) throw new DomainError('PENALTY_PROCEDURE_REFUSED', { reason: why, step: row.step, act })
  return { row, cal }
}

async function advance(tx: Tx, id: string, act: Act, set: Partial<typeof penaltyCase.$inferInsert>) {
  const to = nextStep(act)
  await tx
    .update(penaltyCase)
    .set({ ...set, ...(to ? { step: to } : {}) })
    .where(eq(penaltyCase.id, id))
}

/** The step's ledger entry (numbered with the case, citing its articles) and the case as it now is. */
async function recorded(
  tx: Tx,
  actor: Actor,
  row: Row,
  now: Date,
  action: string,
  entry: { evidence?: unknown; details?: Record<string, unknown>; articles?: string[] } = {},
): Promise<PenaltyCaseView> {
  await append(tx, {
    actor,
    action: `penalty.${action}`,
    subject: subject(row.id),
    articles: entry.articles ?? articlesOf(row),
    ...(entry.evidence === undefined ? {} : { evidence: entry.evidence }),
    details: { number: row.number, ...entry.details },
    at: now,
  })
  return view(tx, row.id, now)
}

export async function investigatePenaltyCase(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { findings: string; aggravated: boolean; aggravationReason?: string },
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row } = await step(tx, actor, id, 'investigate', now)
  if (input.aggravated && !input.aggravationReason?.trim())
    throw new DomainError('PENALTY_AGGRAVATION_REASON_REQUIRED', { field: 'aggravationReason' })
  await advance(tx, id, 'investigate', {
    investigatedAt: now,
    investigatorStaffId: actor.staffId,
    findings: input.findings,
    aggravated: input.aggravated,
    aggravationReason: input.aggravated ? (input.aggravationReason ?? null) : null,
  })
  return recorded(tx, actor, row, now, 'investigated', {
    evidence: { findings: input.findings },
    details: {
      aggravated: input.aggravated,
      aggravationReason: input.aggravationReason ?? null,
    },
  })
}

const PROBLEM_ZH: Record<BoundsProblem['code'], [string, string]> = {
  no_bounds: ['该日期无有效的处罚幅度', 'No bounds are in force on this date'],
  violations_not_one_article: ['违反的条款不属于同一罚则', 'The violations do not fall under one article'],
  measure_not_allowed: ['该罚则不允许此处罚种类', 'The article does not allow this measure'],
  needs_aggravation: [
    '此处罚仅适用于拒不改正或者情节严重的情形',
    'Only when the platform refused to correct or the circumstances are serious',
  ],
  amount_missing: ['须填写金额', 'An amount is required'],
  amount_not_allowed: ['此处罚不带金额', 'This measure takes no amount'],
  amount_out_of_range: ['金额超出法定幅度', 'The amount is outside the legal bounds'],
  person_missing: ['须写明直接负责的主管人员或其他直接责任人员', 'Name the directly responsible person'],
  fined_twice: ['同一违法行为不得给予两次以上罚款', 'One act is fined once'],
  required_missing: ['缺少该条规定必须给予的处罚', 'A measure the article requires is missing'],
  no_measures: ['请至少选择一项处罚', 'Choose at least one measure'],
  deadline_missing: [
    '责令限期改正须写明改正期限',
    'An order to correct within a deadline needs its deadline',
  ],
  deadline_not_after: [
    '改正期限须晚于告知或决定之日',
    'The correction deadline must fall after the notice or decision',
  ],
}

/** The request refused because its measures are outside the bounds: every problem, as field problems. */
export function outOfBounds(problems: BoundsProblem[], details: Record<string, unknown>): DomainError {
  const errors: FieldProblem[] = problems.map((p) => {
    const [zh, en] = PROBLEM_ZH[p.code]
    const range = p.minYuan !== undefined ? `（${p.minYuan}–${p.maxYuan ?? '∞'} 元）` : ''
    return { field: p.kind ? `measures.${p.kind}` : 'measures', zh: `${zh}${range}`, en: `${en}${range}` }
  })
  return new DomainError('PENALTY_OUT_OF_BOUNDS', {
    ...details,
    errors,
    problems: problems.map((p) => (p.kind ? `${p.code}:${p.kind}` : p.code)),
    boundsProblems: problems,
  })
}

/** 拒不改正或者情节严重 is found by the investigation (调查终结), with its reason; a notice or decision may not claim it
 * on its own to reach the heavier measures. Checked before anything else, so nothing is written. */
function aggravationFound(row: Row, claimed: boolean): void {
  if (claimed && !row.aggravated)
    throw new DomainError('PENALTY_AGGRAVATION_NOT_FOUND', { field: 'aggravated', caseId: row.id })
}

async function alreadyFined(tx: Tx, row: Row): Promise<boolean> {
  const others = await tx
    .select({ measures: penaltyCase.measures })
    .from(penaltyCase)
    .where(
      and(
        eq(penaltyCase.actKey, row.actKey),
        ne(penaltyCase.id, row.id),
        isNotNull(penaltyCase.decidedAt),
        isNull(penaltyCase.revokedAt),
      ),
    )
  return others.some((o) => (o.measures ?? []).some((x) => x.kind === 'fine'))
}

export interface NotifyInput {
  facts: string
  reasons: string
  basis: string
  aggravated: boolean
  measures: Measure[]
}

export async function notifyPenaltyCase(
  tx: Tx,
  actor: Actor,
  id: string,
  input: NotifyInput,
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row, cal } = await step(tx, actor, id, 'notify', now)
  aggravationFound(row, input.aggravated)
  const today = chinaDate(now)
  const problems = validateMeasures({
    violated: row.violated,
    aggravated: input.aggravated,
    date: today,
    measures: input.measures,
    alreadyFined: await alreadyFined(tx, row),
  })
  if (problems.length > 0) throw outOfBounds(problems, { violated: row.violated, caseId: id })
  const notice: PenaltyNotice = {
    facts: input.facts,
    reasons: input.reasons,
    basis: input.basis,
    aggravated: input.aggravated,
    measures: input.measures,
    hearingRight: hearingRight(input.measures),
    windowEnds: dueDate(CLOCKS.hearingRequest, today, cal),
  }
  const again = row.step === 'notified'
  await advance(tx, id, 'notify', {
    notifiedAt: now,
    notice,
    aggravated: input.aggravated,
    // a corrected notice after 法制审核 sent the case back: the party's window to state its case and ask for a
    // hearing starts again, the earlier hearing and waiver stay on the ledger only
    ...(again
      ? {
          legalOpinion: null,
          hearingWaived: false,
          hearingRequestedAt: null,
          hearingNoticedAt: null,
          hearingOn: null,
          hearingPlace: null,
          hearingHeldAt: null,
          hearingRecord: null,
        }
      : {}),
  })
  return recorded(tx, actor, row, now, 'notified', {
    evidence: notice,
    details: {
      measures: input.measures,
      hearingRight: notice.hearingRight,
      windowEnds: notice.windowEnds,
      clock: CLOCKS.hearingRequest.citation,
      ...(again ? { corrected: true, sentBackOpinion: row.legalOpinion } : {}),
    },
  })
}

export async function recordStatement(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { text: string; waivesHearing: boolean },
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row } = await step(tx, actor, id, 'record_statement', now)
  const statements = [...(row.statements ?? []), { at: now.toISOString(), ...input }]
  await advance(tx, id, 'record_statement', {
    statements,
    hearingWaived: row.hearingWaived || (input.waivesHearing && row.hearingRequestedAt === null),
  })
  return recorded(tx, actor, row, now, 'statement_recorded', {
    evidence: { text: input.text },
    details: { waivesHearing: input.waivesHearing },
  })
}

export async function requestHearing(
  tx: Tx,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row } = await step(tx, actor, id, 'request_hearing', now)
  await advance(tx, id, 'request_hearing', { hearingRequestedAt: now, hearingWaived: false })
  return recorded(tx, actor, row, now, 'hearing_requested', {
    details: {
      windowEnds: row.notice?.windowEnds ?? null,
      clock: CLOCKS.hearingRequest.citation,
    },
  })
}

export async function scheduleHearing(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { hearingOn: string; place: string },
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row } = await step(tx, actor, id, 'schedule_hearing', now, input.hearingOn)
  await advance(tx, id, 'schedule_hearing', {
    hearingNoticedAt: now,
    hearingOn: input.hearingOn,
    hearingPlace: input.place,
  })
  return recorded(tx, actor, row, now, 'hearing_scheduled', {
    details: {
      hearingOn: input.hearingOn,
      place: input.place,
      clock: CLOCKS.hearingNotice.citation,
    },
  })
}

export async function holdHearing(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { record: string },
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const current = await visible(tx, actor, id)
  const { row } = await step(tx, actor, id, 'hold_hearing', now, current.hearingOn ?? undefined)
  await advance(tx, id, 'hold_hearing', { hearingHeldAt: now, hearingRecord: input.record })
  return recorded(tx, actor, row, now, 'hearing_held', {
    evidence: { record: input.record },
    details: { hearingOn: row.hearingOn, place: row.hearingPlace },
  })
}

/** 法制审核 (行政处罚法第五十八条) by someone other than the officer who investigated. Approval moves the case on; an
 * opinion that does not approve is recorded and the case stays to be corrected. */
export async function legalReview(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { opinion: string; approved: boolean },
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row } = await step(tx, actor, id, 'legal_review', now)
  if (row.investigatorStaffId && row.investigatorStaffId === actor.staffId)
    throw new DomainError('PENALTY_REVIEWER_IS_INVESTIGATOR')
  if (input.approved)
    await advance(tx, id, 'legal_review', {
      legalReviewedAt: now,
      legalReviewerName: actor.name,
      legalOpinion: input.opinion,
    })
  else await tx.update(penaltyCase).set({ legalOpinion: input.opinion }).where(eq(penaltyCase.id, id))
  return recorded(tx, actor, row, now, 'legal_reviewed', {
    evidence: { opinion: input.opinion },
    details: { approved: input.approved },
  })
}

/** What the decision form may offer on a date: the measures of the case's article with their bounds. */
export async function allowedForCase(
  tx: Tx,
  actor: Actor,
  id: string,
  opts: { aggravated?: boolean; date?: string } = {},
  now: Date = new Date(),
): Promise<AllowedMeasures & { labels: Record<string, { zh: string; en: string }> }> {
  const row = await visible(tx, actor, id)
  const date = opts.date ?? chinaDate(now)
  const a = allowedMeasures(row.violated, opts.aggravated ?? row.aggravated, date)
  if (!a) throw new DomainError('PENALTY_VIOLATIONS_INVALID', { field: 'violated', date })
  const labels: Record<string, { zh: string; en: string }> = {}
  for (const x of a.measures) labels[x.kind] = measureLabel(x.kind, a.article)
  return { ...a, labels }
}

export interface DecideInput {
  measures: Measure[]
  aggravated: boolean
  /** How and by when to perform (履行方式和期限). */
  performance: string
}

export async function decidePenaltyCase(
  tx: Tx,
  actor: Actor,
  id: string,
  input: DecideInput,
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row } = await step(tx, actor, id, 'decide', now)
  aggravationFound(row, input.aggravated)
  const today = chinaDate(now)
  const problems = validateMeasures({
    violated: row.violated,
    aggravated: input.aggravated,
    date: today,
    measures: input.measures,
    alreadyFined: await alreadyFined(tx, row),
  })
  if (problems.length > 0) throw outOfBounds(problems, { violated: row.violated, caseId: id })
  const heavier = heavierThanNotified((row.notice?.measures ?? []) as Measure[], input.measures)
  if (heavier.length > 0)
    throw new DomainError('PENALTY_HEAVIER_THAN_NOTIFIED', {
      field: 'measures',
      kinds: heavier.map((x) => x.kind),
    })
  const version = boundsInForce(today)?.version ?? null
  const decisionNumber = await nextNumber(tx, '罚', now, row.leadOrganisationId)
  await advance(tx, id, 'decide', {
    decidedAt: now,
    decisionNumber,
    measures: input.measures,
    aggravated: input.aggravated,
    boundsVersion: version,
    performance: input.performance,
    decidedByName: actor.name,
  })
  await append(tx, {
    actor,
    action: 'penalty.decided',
    subject: subject(id),
    articles: articlesOf(row),
    ruleVersion: version,
    evidence: { measures: input.measures, performance: input.performance, facts: row.facts },
    details: {
      number: row.number,
      decisionNumber,
      partyKind: 'platform',
      partyNodeId: row.partyNodeId,
      partyName: row.partyName,
      violated: row.violated,
      measures: input.measures.map((x) => ({
        kind: x.kind,
        ...(x.amountYuan !== undefined ? { amountYuan: x.amountYuan } : {}),
        ...(x.personName ? { personName: x.personName } : {}),
      })),
      aggravated: input.aggravated,
      boundsVersion: version,
    },
    at: now,
  })
  return view(tx, id, now)
}

/**
 * The problems that are a bound violated — an amount outside the legal range, a measure the article does not allow,
 * a heavier measure without the aggravating condition — and so on the record for supervisors (A27). A form left
 * incomplete (a required measure missing, no measure, no person named, an amount missing) is refused all the same
 * but is no misconduct, and is not recorded.
 */
export const MISCONDUCT_PROBLEMS: ReadonlySet<BoundsProblem['code']> = new Set([
  'amount_out_of_range',
  'measure_not_allowed',
  'needs_aggravation',
])

/** A refused attempt outside the bounds, on the record for supervisors (A27): written in its own transaction after
 * the request was refused. One entry per problem measure; nothing when no problem is a bound violated. */
export async function recordBoundsRefusal(
  tx: Tx,
  actor: Actor,
  id: string,
  violated: string[],
  problems: BoundsProblem[],
  attempted: readonly Measure[],
  now: Date = new Date(),
): Promise<number> {
  const rows = problems.filter((p) => MISCONDUCT_PROBLEMS.has(p.code))
  if (rows.length === 0) return 0
  const widest = allowedMeasures(violated, true, chinaDate(now))
  const all = problems.map((p) => (p.kind ? `${p.code}:${p.kind}` : p.code))
  const bounds = boundsInForce(chinaDate(now))
  const article = (bounds && articleFor(violated, bounds)?.article) || 'A27'
  const byMeasure = new Map<string, BoundsProblem>()
  for (const p of rows) if (!byMeasure.has(p.kind ?? '')) byMeasure.set(p.kind ?? '', p)
  await appendMany(
    tx,
    [...byMeasure.values()].map((p) => ({
      actor,
      action: 'penalty.bounds_refused',
      subject: subject(id),
      articles: [article, ...violated, 'A27'],
      details: {
        violated,
        measure: (p.kind ?? null) as MeasureKind | null,
        amountYuan: p.amountYuan ?? attempted.find((x) => x.kind === p.kind)?.amountYuan ?? null,
        min: p.minYuan ?? widest?.measures.find((r) => r.kind === p.kind)?.minYuan ?? null,
        max: p.maxYuan ?? widest?.measures.find((r) => r.kind === p.kind)?.maxYuan ?? null,
        problems: all,
      },
      at: now,
    })),
  )
  return byMeasure.size
}

/**
 * Runs a notice or decision in its own transaction; refused as outside the bounds, the attempt is recorded
 * (`penalty.bounds_refused`) in a second transaction — the first rolled back — and the refusal goes on to the caller.
 */
async function recordingRefusals<T>(
  db: Tx,
  actor: Actor,
  id: string,
  attempted: readonly Measure[],
  now: Date,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await transaction(db, fn)
  } catch (e) {
    if (isDomainError(e) && e.code === 'PENALTY_OUT_OF_BOUNDS')
      await transaction(db, (tx) =>
        recordBoundsRefusal(
          tx,
          actor,
          id,
          e.details.violated as string[],
          e.details.boundsProblems as BoundsProblem[],
          attempted,
          now,
        ),
      )
    throw e
  }
}

/** 告知 as the console asks for it: its own transaction, a bound violated left on the record when refused. */
export function notifyPenaltyCaseRecorded(
  db: Tx,
  actor: Actor,
  id: string,
  input: NotifyInput,
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  return recordingRefusals(db, actor, id, input.measures, now, (tx) =>
    notifyPenaltyCase(tx, actor, id, input, now),
  )
}

/** 决定 as the console asks for it: its own transaction, a bound violated left on the record when refused. */
export function decidePenaltyCaseRecorded(
  db: Tx,
  actor: Actor,
  id: string,
  input: DecideInput,
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  return recordingRefusals(db, actor, id, input.measures, now, (tx) =>
    decidePenaltyCase(tx, actor, id, input, now),
  )
}

export async function servePenaltyCase(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { method: string },
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row, cal } = await step(tx, actor, id, 'serve', now)
  await advance(tx, id, 'serve', { servedAt: now, serviceMethod: input.method })
  // A26: the decision served enters the party's credit file
  const recordId = newId(now.getTime())
  await tx.insert(creditRecord).values({
    id: recordId,
    partyKind: row.partyKind,
    partyNodeId: row.partyNodeId,
    partyName: row.partyName,
    penaltyCaseId: row.id,
    decisionNumber: row.decisionNumber ?? '',
    article: row.article,
    violated: row.violated,
    measures: row.measures ?? [],
    enteredAt: now,
  })
  await append(tx, {
    actor,
    action: 'credit_record.entered',
    subject: { type: 'credit_record', id: recordId },
    articles: ['A26', row.article],
    details: {
      penaltyCaseId: row.id,
      decisionNumber: row.decisionNumber,
      partyKind: row.partyKind,
      partyNodeId: row.partyNodeId,
      partyName: row.partyName,
    },
    at: now,
  })
  return recorded(tx, actor, row, now, 'served', {
    details: {
      decisionNumber: row.decisionNumber,
      method: input.method,
      paymentDue: dueDate(CLOCKS.payment, chinaDate(now), cal),
      clock: CLOCKS.service.citation,
    },
  })
}

export async function executePenaltyCase(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { note: string },
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row } = await step(tx, actor, id, 'execute', now)
  await advance(tx, id, 'execute', { executedAt: now, executionNote: input.note })
  return recorded(tx, actor, row, now, 'executed', {
    evidence: { note: input.note },
    details: { decisionNumber: row.decisionNumber },
  })
}

export async function publishPenaltyCase(
  tx: Tx,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row } = await step(tx, actor, id, 'publish', now)
  await advance(tx, id, 'publish', { publishedAt: now })
  return recorded(tx, actor, row, now, 'published', {
    articles: [...articlesOf(row), 'A26'],
    details: {
      decisionNumber: row.decisionNumber,
      partyName: row.partyName,
      // what the public list shows and until when; null: nothing of it is to be published (A26)
      disclosure: disclosureOf((row.measures ?? []) as Measure[], chinaDate(now)),
    },
  })
}

/** A decision revoked (on review, litigation or the organ's own correction): withdrawn from disclosure at once. */
export async function revokePenaltyCase(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { reason: string },
  now: Date = new Date(),
): Promise<PenaltyCaseView> {
  const { row } = await step(tx, actor, id, 'revoke', now)
  await tx
    .update(penaltyCase)
    .set({ revokedAt: now, revokeReason: input.reason })
    .where(eq(penaltyCase.id, id))
  // withdrawn from the credit file and, being revoked, from disclosure at once
  const withdrawn = await tx
    .update(creditRecord)
    .set({ withdrawnAt: now, withdrawReason: input.reason })
    .where(and(eq(creditRecord.penaltyCaseId, id), isNull(creditRecord.withdrawnAt)))
    .returning({ id: creditRecord.id })
  for (const w of withdrawn)
    await append(tx, {
      actor,
      action: 'credit_record.withdrawn',
      subject: { type: 'credit_record', id: w.id },
      articles: ['A26', row.article],
      details: { penaltyCaseId: id, decisionNumber: row.decisionNumber, reason: input.reason },
      at: now,
    })
  return recorded(tx, actor, row, now, 'revoked', {
    articles: [...articlesOf(row), 'A26'],
    details: { decisionNumber: row.decisionNumber, reason: input.reason },
  })
}

/**
 * Flags each step past its clock once (per clock and due date) on the ledger, with the step and the lead
 * organisation, for the supervisors. Run on the regulator's timer.
 */
export async function flagOverduePenaltySteps(
  tx: Tx,
  actor: LedgerActor,
  now: Date = new Date(),
): Promise<number> {
  const rows = await tx
    .select()
    .from(penaltyCase)
    .where(and(isNull(penaltyCase.revokedAt), ne(penaltyCase.step, 'published')))
    .for('update')
  if (rows.length === 0) return 0
  const cal = await workingCalendar(tx)
  const today = chinaDate(now)
  let flagged = 0
  for (const r of rows) {
    const running = runningClock(state(r), cal)
    if (!running || today <= running.due) continue
    const key = `${running.clock.id}:${running.due}`
    if (r.overdueFlags.includes(key)) continue
    await tx
      .update(penaltyCase)
      .set({ overdueFlags: [...r.overdueFlags, key] })
      .where(eq(penaltyCase.id, r.id))
    await append(tx, {
      actor,
      action: 'penalty.step_overdue',
      subject: subject(r.id),
      articles: articlesOf(r),
      details: {
        number: r.number,
        step: running.clock.step,
        currentStep: r.step,
        clock: running.clock.id,
        due: running.due,
        citation: running.clock.citation,
        leadOrganisationId: r.leadOrganisationId,
      },
      at: now,
    })
    flagged++
  }
  return flagged
}

/** The decision document as printable HTML (行政处罚决定书); 409 before the decision is made. */
export async function decisionDocument(
  tx: Tx,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<string> {
  const c = await getPenaltyCase(tx, actor, id, now)
  if (!c.decisionNumber)
    throw new DomainError('PENALTY_PROCEDURE_REFUSED', { reason: 'not_decided', step: c.step })
  const organ = await getOrganisation(tx, c.leadOrganisationId)
  return decisionHtml(c, organ.nameZh)
}

/**
 * Decisions against each platform in a period (decided at or after `from`, before `to`), by the party's node id; a
 * decision since revoked does not count. What the evaluation (A17) reads as a platform's penalties.
 */
export async function decidedPenaltiesByPlatform(tx: Tx, from: Date, to: Date): Promise<Map<string, number>> {
  const rows = await tx
    .select({ node: penaltyCase.partyNodeId, n: count() })
    .from(penaltyCase)
    .where(
      and(
        isNotNull(penaltyCase.partyNodeId),
        gte(penaltyCase.decidedAt, from),
        lt(penaltyCase.decidedAt, to),
        isNull(penaltyCase.revokedAt),
      ),
    )
    .groupBy(penaltyCase.partyNodeId)
  return new Map(rows.map((r) => [r.node as string, Number(r.n)]))
}

// --- A26: credit files and public disclosure ---

export interface CreditRecordView {
  id: string
  partyKind: string
  partyNodeId: string | null
  partyName: string
  penaltyCaseId: string
  decisionNumber: string
  article: string
  violated: string[]
  measures: Measure[]
  enteredAt: string
  withdrawnAt: string | null
  withdrawReason: string | null
}

/** A party's credit file (or every party's), newest first. */
export async function listCreditRecords(
  tx: Tx,
  opts: { partyNodeId?: string } = {},
): Promise<CreditRecordView[]> {
  const rows = await tx
    .select()
    .from(creditRecord)
    .where(opts.partyNodeId ? eq(creditRecord.partyNodeId, opts.partyNodeId) : undefined)
    .orderBy(desc(creditRecord.enteredAt))
    .limit(500)
  return rows.map((r) => ({
    ...r,
    enteredAt: r.enteredAt.toISOString(),
    withdrawnAt: iso(r.withdrawnAt),
  }))
}

export interface PublicDisclosure extends Disclosure {
  decisionNumber: string
  partyName: string
  article: string
  violated: string[]
  /** Directly responsible persons fined (their names are not published). */
  personsFined: number
  decidedOn: string
  organ: string
}

/**
 * The decisions on the public list today: published, not revoked, with a measure that is disclosed, within its
 * display period (disclosure.ts). Persons' names never leave.
 */
export async function listPublicDisclosures(
  tx: Tx,
  now: Date = new Date(),
): Promise<{ rulesVersion: string; items: PublicDisclosure[] }> {
  const rows = await tx
    .select()
    .from(penaltyCase)
    .where(and(isNotNull(penaltyCase.publishedAt), isNull(penaltyCase.revokedAt)))
    .orderBy(desc(penaltyCase.publishedAt))
  const today = chinaDate(now)
  const organs = new Map((await listOrganisations(tx)).map((o) => [o.id, o.nameZh]))
  const items: PublicDisclosure[] = []
  for (const r of rows) {
    if (!r.publishedAt) continue
    const d = disclosureOf((r.measures ?? []) as Measure[], chinaDate(r.publishedAt))
    if (!d || !isDisplayed(d, false, today)) continue
    items.push({
      ...d,
      measures: d.measures.filter((m) => m.kind !== 'person_fine'),
      decisionNumber: r.decisionNumber ?? '',
      partyName: r.partyName,
      article: r.article,
      violated: r.violated,
      personsFined: (r.measures ?? []).filter((m) => m.kind === 'person_fine').length,
      decidedOn: r.decidedAt ? chinaDate(r.decidedAt) : '',
      organ: organs.get(r.leadOrganisationId) ?? '',
    })
  }
  return { rulesVersion: DISCLOSURE_RULES_VERSION, items }
}
