// Publishing (A8.1, A12.1): posts, comments, replies and bullet comments all pass the same path — verified identity
// (A13.2) → accepted rules (A13.1) → credit capabilities (A13.3) → the engine's verdict → published, held for a
// reviewer (先审后发) or rejected with reasons the author can read. Fiction is labelled wherever it is served (A11.2).
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import type { ContentKind, CreditTier as EngineTier, Verdict } from '../../engine/index.ts'
import { type AppendInput, appendMany } from '../../ledger/index.ts'
import { displayNamesOf, getUser, lockUsers, userActor } from '../accounts/index.ts'
import { capabilitiesOfMany } from '../credit/index.ts'
import { identityRequired, verifiedAmong } from '../identity/index.ts'
import { rulesNotAccepted, rulesStateOf } from '../rules/index.ts'
import type { ScreeningService } from '../screening/index.ts'
import { FICTION_LABEL, type ReasonView, reasonsOf } from './reasons.ts'
import * as store from './store.ts'

export const CONTENT_KINDS: readonly ContentKind[] = ['post', 'comment', 'reply', 'danmaku']
export const MAX_TEXT = 5000
/** A bullet comment sits somewhere on a timeline of at most a day. */
export const MAX_DANMAKU_MS = 86_400_000
/** Days are counted in Tonghua's time (UTC+8). */
const TZ_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

export type ContentStatus = 'published' | 'held' | 'rejected' | 'removed'

/** The label an item carries once a disposal marks it false (A16), with the clarification it links to. */
export interface FalseLabel {
  zh: string
  en: string
  rumorId: string | null
  url: string | null
  title: string | null
}

export const FALSE_LABEL = { zh: '经核实为虚假信息', en: 'Confirmed false information' } as const

export interface PublishInput {
  kind: ContentKind
  text: string
  parentId?: string
  danmakuMs?: number
  fictionDeclared?: boolean
}

export interface ContentView {
  id: string
  kind: ContentKind
  authorId: string
  authorName: string
  postId: string | null
  parentId: string | null
  text: string
  danmakuMs: number | null
  fictionDeclared: boolean
  /** Shown with the item wherever it is served (A11.2). */
  fictionLabel: boolean
  label: { zh: string; en: string } | null
  status: ContentStatus
  createdAt: string
  decidedAt: string | null
  restriction: 'stopped' | 'limited' | null
  falseLabel: FalseLabel | null
}

/** The author's (and a reviewer's) view: with the verdict's reasons and the rule version that decided it. */
export interface OwnContentView extends ContentView {
  outcome: string
  reasons: ReasonView[]
  ruleVersion: string
  decisionReason: string | null
}

/** Our credit tiers in the engine's terms. */
export function engineTier(key: string): EngineTier {
  switch (key) {
    case 'excellent':
    case 'good':
      return 'high'
    case 'low':
      return 'low'
    case 'restricted':
    case 'suspended':
      return 'restricted'
    default:
      return 'normal'
  }
}

export function presentItem(r: store.ContentRow, authorName: string): ContentView {
  return {
    id: r.id,
    kind: r.kind as ContentKind,
    authorId: r.authorId,
    authorName,
    postId: r.postId,
    parentId: r.parentId,
    text: r.text,
    danmakuMs: r.danmakuMs,
    fictionDeclared: r.fictionDeclared,
    fictionLabel: r.fictionLabel,
    label: r.fictionLabel ? { ...FICTION_LABEL } : null,
    status: r.status as ContentStatus,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    restriction: (r.restriction as 'stopped' | 'limited' | null) ?? null,
    falseLabel: r.falseLabel ? { ...FALSE_LABEL, ...(r.falseLabel as Omit<FalseLabel, 'zh' | 'en'>) } : null,
  }
}

/** Whether the public may see the item at all: published and not stopped by a disposal (A16). */
export function isPublic(r: { status: string; restriction: string | null }): boolean {
  return r.status === 'published' && r.restriction !== 'stopped'
}

export function presentOwn(r: store.ContentRow, authorName: string): OwnContentView {
  const verdict = r.verdict as Verdict
  return {
    ...presentItem(r, authorName),
    outcome: verdict.outcome,
    reasons: reasonsOf(verdict, r.creditPreReview),
    ruleVersion: r.ruleVersion,
    decisionReason: r.decisionReason,
  }
}

function dayStart(now: Date): Date {
  const local = now.getTime() + TZ_OFFSET_MS
  return new Date(local - (local % DAY_MS) - TZ_OFFSET_MS)
}

/** Where an item hangs: refused with a clear 4xx before anything is written. */
function placeOf(
  input: PublishInput,
  parents: Map<string, store.ContentRow>,
): { postId: string | null; parentId: string | null } {
  const ms = input.danmakuMs
  if (input.kind === 'danmaku') {
    if (ms === undefined || !Number.isInteger(ms) || ms < 0 || ms > MAX_DANMAKU_MS) {
      throw new DomainError('DANMAKU_POSITION_INVALID', { field: 'danmakuMs', max: MAX_DANMAKU_MS })
    }
  } else if (ms !== undefined) {
    throw new DomainError('DANMAKU_POSITION_INVALID', { field: 'danmakuMs', kind: input.kind })
  }
  if (input.kind === 'post') {
    if (input.parentId !== undefined)
      throw new DomainError('CONTENT_PARENT_NOT_ALLOWED', { field: 'parentId' })
    return { postId: null, parentId: null }
  }
  if (input.parentId === undefined) {
    throw new DomainError('CONTENT_PARENT_REQUIRED', { field: 'parentId', kind: input.kind })
  }
  const parent = parents.get(input.parentId)
  const wanted = input.kind === 'reply' ? 'comment' : 'post'
  if (!parent || !isPublic(parent) || parent.kind !== wanted) {
    throw new DomainError('CONTENT_PARENT_INVALID', {
      field: 'parentId',
      kind: input.kind,
      parentKind: wanted,
    })
  }
  return { postId: parent.postId ?? parent.id, parentId: parent.id }
}

export interface PublishRequest {
  userId: string
  input: PublishInput
}

/** Each request's item, or the refusal that applies to it alone. */
export type PublishOutcome = { ok: true; item: OwnContentView } | { ok: false; error: DomainError }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The publish path for many requests in one transaction (group commit): every gate reads what it needs for all of
 * them at once — the authors locked in id order (so a daily limit is counted under the lock), their identity, the
 * rules they accepted, their credit and today's counts, the parents — then each request is judged alone, in order,
 * and the items and their ledger entries are written together. A refusal concerns its own request only; nothing
 * is written for it.
 */
export async function publishMany(
  tx: Tx,
  screening: ScreeningService,
  requests: readonly PublishRequest[],
  now: Date = new Date(),
): Promise<PublishOutcome[]> {
  const userIds = [...new Set(requests.map((r) => r.userId))]
  const users = await lockUsers(tx, userIds)
  const known = [...users.keys()]
  const verified = await verifiedAmong(tx, known)
  const rules = await rulesStateOf(tx, known)
  const caps = await capabilitiesOfMany(tx, known)
  const counts = new Map(
    (await store.countsSince(tx, known, dayStart(now))).map((c) => [`${c.authorId}|${c.kind}`, c.n]),
  )
  const parentIds = [
    ...new Set(requests.map((r) => r.input.parentId).filter((id): id is string => !!id && UUID.test(id))),
  ]
  const parents = new Map((await store.findItems(tx, parentIds)).map((p) => [p.id, p]))

  const outcomes: (PublishOutcome | null)[] = []
  const rows: store.ContentInsert[] = []
  const entries: AppendInput[] = []
  const waiting: { index: number; authorName: string }[] = []
  for (const [index, { userId, input }] of requests.entries()) {
    try {
      const user = users.get(userId)
      if (!user) throw new DomainError('NOT_FOUND', { what: 'user', id: userId })
      if (!verified.has(userId)) throw identityRequired()
      const ruleState = rules.get(userId) ?? { pending: [], current: [] }
      const refusal = rulesNotAccepted(ruleState)
      if (refusal) throw refusal
      const text = input.text
      if (text.trim() === '') throw new DomainError('CONTENT_TEXT_EMPTY', { field: 'text' })
      if (text.length > MAX_TEXT) throw new DomainError('VALIDATION_FAILED', { field: 'text', max: MAX_TEXT })
      const place = placeOf(input, parents)
      const cap = caps.get(userId)
      if (!cap) throw new Error('no capabilities computed')
      const { tier, capabilities, policyVersion } = cap
      if (!capabilities.publishing) {
        throw new DomainError('CREDIT_PUBLISHING_SUSPENDED', { tier: tier.key, creditAt: '/me/credit' })
      }
      const limit = capabilities.dailyLimits[input.kind]
      const countKey = `${userId}|${input.kind}`
      const today = counts.get(countKey) ?? 0
      if (today >= limit) {
        throw new DomainError('DAILY_LIMIT_REACHED', { kind: input.kind, limit, tier: tier.key })
      }
      counts.set(countKey, today + 1)

      const id = newId(now.getTime())
      const fictionDeclared = input.fictionDeclared === true
      const verdict = screening.screen({
        id,
        text,
        kind: input.kind,
        fictionDeclared,
        credit: engineTier(tier.key),
      })
      const preReview = capabilities.preReview && (verdict.outcome === 'allow' || verdict.outcome === 'label')
      const status: ContentStatus =
        verdict.outcome === 'block'
          ? 'rejected'
          : verdict.outcome === 'hold' || preReview
            ? 'held'
            : 'published'
      const labelled =
        fictionDeclared || verdict.outcome === 'label' || verdict.reasons.some((r) => r.type === 'label')
      const fictionLabel = fictionDeclared || verdict.outcome === 'label'
      rows.push({
        id,
        kind: input.kind,
        authorId: userId,
        postId: place.postId,
        parentId: place.parentId,
        text,
        fictionDeclared,
        fictionLabel,
        danmakuMs: input.kind === 'danmaku' ? (input.danmakuMs ?? null) : null,
        status,
        verdict,
        ruleVersion: verdict.ruleVersion,
        rulesAccepted: ruleState.current.map((a) => `${a.kind}/${a.version}`),
        creditPreReview: preReview,
        createdAt: now,
        decidedAt: status === 'held' ? null : now,
        heldAt: status === 'held' ? now : null,
      })
      const articles = ['A8.1', 'A12.1']
      if (labelled) articles.push('A11.2')
      if (preReview) articles.push('A13.3')
      entries.push({
        actor: userActor(user),
        action: `content.${status}`,
        subject: { type: 'content', id },
        articles,
        ruleVersion: verdict.ruleVersion,
        evidence: { text },
        details: {
          kind: input.kind,
          postId: place.postId,
          parentId: place.parentId,
          outcome: verdict.outcome,
          status,
          fictionDeclared,
          fictionLabel,
          creditTier: tier.key,
          creditPolicy: policyVersion,
          preReview,
          reasons: verdict.reasons.map((r) => ({
            type: r.type,
            outcome: r.outcome,
            ...(r.type === 'term' ? { term: r.term, category: r.category, severity: r.severity } : {}),
            ...(r.type === 'claim' ? { claimId: r.id, similarity: r.similarity } : {}),
            ...(r.type === 'label' ? { declared: r.declared } : {}),
          })),
        },
        at: now,
      })
      waiting.push({ index, authorName: user.displayName })
      outcomes.push(null)
    } catch (e) {
      if (!(e instanceof DomainError)) throw e
      outcomes.push({ ok: false, error: e })
    }
  }
  const stored = await store.insertItems(tx, rows)
  if (entries.length > 0) await appendMany(tx, entries)
  for (const [i, w] of waiting.entries()) {
    const row = stored[i]
    if (!row) throw new Error('content insert returned too little')
    outcomes[w.index] = { ok: true, item: presentOwn(row, w.authorName) }
  }
  return outcomes as PublishOutcome[]
}

/** The publish path for one request: the same path as a batch of one. */
export async function publishContent(
  tx: Tx,
  screening: ScreeningService,
  userId: string,
  input: PublishInput,
  now: Date = new Date(),
): Promise<OwnContentView> {
  const [outcome] = await publishMany(tx, screening, [{ userId, input }], now)
  if (!outcome) throw new Error('no outcome')
  if (!outcome.ok) throw outcome.error
  return outcome.item
}

async function namesFor(tx: Tx, rows: store.ContentRow[]): Promise<Map<string, string>> {
  return displayNamesOf(
    tx,
    rows.map((r) => r.authorId),
  )
}

/** Of these ids, those that may still be listed and recommended now (A14, A16). */
export function listableIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  return store.listableIds(tx, ids)
}

/** Published posts of the last hours for recommendation (A14): never restricted, never labelled false. */
export function recommendablePosts(tx: Tx, since: Date, limit: number): Promise<store.ContentRow[]> {
  return store.recommendablePosts(tx, since, limit)
}

/** Rows presented with their authors' names, in the order of `ids`. */
export async function presentWithNames(
  tx: Tx,
  rows: store.ContentRow[],
  ids: readonly string[] = rows.map((r) => r.id),
): Promise<ContentView[]> {
  const names = await namesFor(tx, rows)
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    return r ? [presentItem(r, names.get(r.authorId) ?? '')] : []
  })
}

/** One published item, for anyone; anything else is not found. */
export async function getPublished(tx: Tx, id: string): Promise<ContentView> {
  const row = await store.findItem(tx, id)
  if (!row || !isPublic(row)) throw new DomainError('CONTENT_NOT_FOUND', { id })
  return presentItem(row, (await namesFor(tx, [row])).get(row.authorId) ?? '')
}

/** A published post's published comments, replies and bullet comments; or, without a post, the newest posts. */
export async function listPublished(
  tx: Tx,
  opts: { postId?: string; limit: number },
): Promise<ContentView[]> {
  let rows: store.ContentRow[]
  if (opts.postId !== undefined) {
    const post = await store.findItem(tx, opts.postId)
    if (post?.kind !== 'post' || !isPublic(post)) {
      throw new DomainError('CONTENT_NOT_FOUND', { id: opts.postId })
    }
    rows = await store.publishedUnder(tx, opts.postId, opts.limit)
  } else {
    rows = await store.newestPublishedPosts(tx, opts.limit)
  }
  const names = await namesFor(tx, rows)
  return rows.map((r) => presentItem(r, names.get(r.authorId) ?? ''))
}

/** The author's own items, whatever became of them, with the reasons. */
export async function listOwn(tx: Tx, userId: string, limit: number): Promise<OwnContentView[]> {
  const user = await getUser(tx, userId)
  return (await store.byAuthor(tx, userId, limit)).map((r) => presentOwn(r, user.displayName))
}

// --- for the review area ---

export interface HeldItem extends OwnContentView {
  claimedBy: string | null
  claimedByName: string | null
  claimExpiresAt: string | null
  /** When it went to review: at publishing, or when a patrol or a person took it back. */
  heldAt: string | null
  /** The patrol that took it back for review, if one did. */
  patrolRunId: string | null
  escalatedAt: string | null
  escalatedBy: string | null
  escalationNote: string | null
}

export function presentHeld(r: store.ContentRow, authorName: string): HeldItem {
  return {
    ...presentOwn(r, authorName),
    claimedBy: r.claimedBy,
    claimedByName: r.claimedByName,
    claimExpiresAt: r.claimExpiresAt?.toISOString() ?? null,
    heldAt: r.heldAt?.toISOString() ?? null,
    patrolRunId: r.patrolRunId,
    escalatedAt: r.escalatedAt?.toISOString() ?? null,
    escalatedBy: r.escalatedBy,
    escalationNote: r.escalationNote,
  }
}

export async function heldItems(tx: Tx, kinds: readonly ContentKind[], limit: number): Promise<HeldItem[]> {
  const rows = await store.held(tx, [...kinds], limit)
  const names = await namesFor(tx, rows)
  return rows.map((r) => presentHeld(r, names.get(r.authorId) ?? ''))
}

/** Any item by id, whatever its status (staff screens only). */
export async function getAnyItem(tx: Tx, id: string): Promise<store.ContentRow> {
  const row = await store.findItem(tx, id)
  if (!row) throw new DomainError('CONTENT_NOT_FOUND', { id })
  return row
}

export async function lockContentItem(tx: Tx, id: string): Promise<store.ContentRow> {
  const row = await store.lockItem(tx, id)
  if (!row) throw new DomainError('CONTENT_NOT_FOUND', { id })
  return row
}

export const claimContentItem = store.setClaim
export const decideHeldItem = store.decideHeld
export const recordReviewDecision = store.insertDecision
export const escalateHeldItem = store.escalateHeld
export const withdrawForReview = store.withdrawForReview
export const publishedInWindow = store.publishedInWindow
export const countPublishedInWindow = store.countPublishedInWindow
export const samplePublished = store.samplePublished
export const contentDailyFigures = store.contentDailyFigures
export const reviewBacklog = store.reviewBacklog
export const tonghuaDay = store.tonghuaDay
export const itemsAfterSeq = store.itemsAfterSeq
export const maxContentSeq = store.maxSeq
export const setDisposition = store.setDisposition
export const itemsUnder = store.itemsUnder
export const findContentItems = store.findItems
export type { ContentRow } from './store.ts'
