// Recommendation (A14, A9): the model as a published, versioned document; operators' interventions with reason and
// expiry; users' interactions, interest tags and their own switch; and the feed, ranked by `rank.ts` over candidates
// that a process keeps in memory for a couple of seconds. Every model publication and intervention is on the ledger.
import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { Database, Tx } from '../../core/db/index.ts'
import { transaction } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { append } from '../../ledger/index.ts'
import {
  type ContentView,
  getAnyItem,
  getPublished,
  listableIds,
  type PublishBatcher,
  presentWithNames,
  recommendablePosts,
} from '../content/index.ts'
import { capabilitiesOfMany } from '../credit/index.ts'
import {
  DEFAULT_RECOMMENDATION_MODEL,
  INTEREST_FLOOR,
  interestAt,
  modelProblems,
  type RecommendationModelDocument,
  standingInterests,
} from './model.ts'
import {
  type Candidate,
  categoryOf,
  type FeedEntry,
  type FeedIntervention,
  INTEREST_STEP,
  type InterventionAction,
  type InterventionTargetKind,
  rankFeed,
  type WhyReason,
} from './rank.ts'
import {
  contentInteraction,
  feedIntervention,
  feedSetting,
  itemEngagement,
  recommendationModel,
  userInterest,
} from './tables.ts'
import { TopicMatcher } from './topics.ts'

const ARTICLES = ['A14']

// --- the model ---

export interface ModelView {
  /** 0: the built-in model, before an operator published one. */
  version: number
  document: RecommendationModelDocument
  note: string
  publishedAt: string | null
  publishedByName: string | null
}

const BUILT_IN: ModelView = {
  version: 0,
  document: DEFAULT_RECOMMENDATION_MODEL,
  note: '内置模型 / built-in model',
  publishedAt: null,
  publishedByName: null,
}

function presentModel(r: typeof recommendationModel.$inferSelect): ModelView {
  return {
    version: r.version,
    document: r.document as RecommendationModelDocument,
    note: r.note,
    publishedAt: r.publishedAt.toISOString(),
    publishedByName: r.publishedByName,
  }
}

export async function currentModel(tx: Tx): Promise<ModelView> {
  const [row] = await tx
    .select()
    .from(recommendationModel)
    .orderBy(desc(recommendationModel.version))
    .limit(1)
  return row ? presentModel(row) : BUILT_IN
}

export async function listModels(tx: Tx): Promise<ModelView[]> {
  const rows = await tx.select().from(recommendationModel).orderBy(desc(recommendationModel.version))
  return [...rows.map(presentModel), BUILT_IN]
}

export async function publishModel(
  tx: Tx,
  actor: Actor,
  input: { document: RecommendationModelDocument; note: string },
  now: Date = new Date(),
): Promise<ModelView> {
  const problems = modelProblems(input.document)
  if (problems.length > 0) {
    throw new DomainError('RECOMMENDATION_MODEL_INVALID', {
      errors: problems.map((p) => ({ field: `document.${p.field}`, zh: p.zh, en: p.en })),
    })
  }
  // one publication at a time: the version is the next number
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('recommendation_model'))`)
  const current = await currentModel(tx)
  const row = {
    version: current.version + 1,
    document: input.document,
    note: input.note,
    publishedAt: now,
    publishedByName: actor.name,
  }
  await tx.insert(recommendationModel).values(row)
  await append(tx, {
    actor,
    action: 'recommendation.model_published',
    subject: { type: 'recommendation_model', id: String(row.version) },
    articles: ['A14', 'A9'],
    evidence: input.document,
    details: {
      version: row.version,
      note: input.note,
      encourageBoost: input.document.encourageBoost,
      preventFactor: input.document.preventFactor,
      topics: input.document.topics.length,
    },
    at: now,
  })
  return presentModel(row)
}

// --- interventions ---

export interface InterventionView {
  id: string
  targetKind: InterventionTargetKind
  target: string
  action: InterventionAction
  factor: number | null
  reason: string
  expiresAt: string
  createdAt: string
  createdByName: string
  revokedAt: string | null
  revokedByName: string | null
  active: boolean
}

function presentIntervention(r: typeof feedIntervention.$inferSelect, now: Date): InterventionView {
  return {
    id: r.id,
    targetKind: r.targetKind as InterventionTargetKind,
    target: r.target,
    action: r.action as InterventionAction,
    factor: r.factor,
    reason: r.reason,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedByName: r.revokedByName,
    active: r.revokedAt === null && r.expiresAt > now,
  }
}

/** Longest an intervention may last: an operator renews it, on the record, rather than setting one for ever. */
export const MAX_INTERVENTION_DAYS = 90

export interface AddInterventionInput {
  targetKind: InterventionTargetKind
  target: string
  action: InterventionAction
  factor?: number
  reason: string
  expiresAt: string
}

export async function addIntervention(
  tx: Tx,
  actor: Actor,
  input: AddInterventionInput,
  now: Date = new Date(),
): Promise<InterventionView> {
  const model = (await currentModel(tx)).document
  const bad = (field: string, zh: string, en: string) =>
    new DomainError('INTERVENTION_INVALID', { errors: [{ field, zh, en }] })
  if (input.action === 'pin' && input.targetKind !== 'item')
    throw bad('targetKind', '只能置顶单条内容', 'Only an item can be pinned')
  const boostLike = input.action === 'boost' || input.action === 'demote'
  if (boostLike) {
    const f = input.factor
    if (f === undefined || !(f > 1) || f > model.interventionBound)
      throw bad(
        'factor',
        `加权或降权系数须大于 1 且不超过模型规定的上限 ${model.interventionBound}`,
        `A boost or demotion factor must be above 1 and at most the model's bound ${model.interventionBound}`,
      )
  } else if (input.factor !== undefined) {
    throw bad('factor', '置顶或排除不需要系数', 'A pin or an exclusion takes no factor')
  }
  const reason = input.reason.trim()
  if (reason.length < 2) throw bad('reason', '请写明干预理由', 'Give the reason for the intervention')
  const expiresAt = new Date(input.expiresAt)
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now)
    throw bad('expiresAt', '到期时间须晚于现在', 'The expiry must be in the future')
  if (expiresAt.getTime() - now.getTime() > MAX_INTERVENTION_DAYS * 86_400_000)
    throw bad(
      'expiresAt',
      `人工干预最长 ${MAX_INTERVENTION_DAYS} 天，到期后可重新设置`,
      `An intervention lasts at most ${MAX_INTERVENTION_DAYS} days; set it again when it ends`,
    )
  if (input.targetKind === 'item') {
    // only something the public can see may be pinned or boosted; an exclusion or demotion may name anything
    if (input.action === 'pin' || input.action === 'boost') {
      await getPublished(tx, input.target)
      const row = await getAnyItem(tx, input.target)
      if (row.kind !== 'post' || row.restriction !== null || row.falseLabel !== null)
        throw bad(
          'target',
          '只有未受处置限制的帖子可以置顶或加权',
          'Only a post under no disposal can be pinned or boosted',
        )
      // a human may not lift what the model keeps down: content to prevent or prohibit, or an author it may not show
      const terms = (
        (row.verdict as { reasons?: { type: string; category?: string }[] }).reasons ?? []
      ).flatMap((r) => (r.type === 'term' && r.category ? [r.category] : []))
      const category = categoryOf(terms, [], model)
      if (category === 'prevent' || category === 'prohibit')
        throw bad(
          'target',
          '该内容属于应防范或禁止类，不得置顶或加权（第十四条）',
          'This content is to be prevented or prohibited: it may not be pinned or boosted (A14)',
        )
      const caps = (await capabilitiesOfMany(tx, [row.authorId])).get(row.authorId)
      if (!caps?.capabilities.recommend)
        throw bad(
          'target',
          '作者的信用等级不允许推荐其内容，不得置顶或加权',
          "The author's credit tier does not allow recommendation: the item may not be pinned or boosted",
        )
      if (row.createdAt.getTime() < now.getTime() - model.candidateHours * 3_600_000)
        throw bad(
          'target',
          `该内容发布已超过 ${model.candidateHours} 小时，不在推荐范围内；请先调整推荐模型的候选时长`,
          `The item is older than the model's ${model.candidateHours} hours of candidates: it would never show`,
        )
    }
  } else if (input.targetKind === 'topic') {
    if (!model.topics.some((t) => t.tag === input.target))
      throw bad('target', '推荐模型中没有该话题', 'The recommendation model has no such topic')
  } else if (!/^[0-9a-f-]{36}$/i.test(input.target)) {
    throw bad('target', '作者须为用户编号', 'An author is named by the user id')
  }
  const row = {
    id: newId(now.getTime()),
    targetKind: input.targetKind,
    target: input.target,
    action: input.action,
    factor: boostLike ? (input.factor ?? null) : null,
    reason,
    expiresAt,
    createdAt: now,
    createdByName: actor.name,
    revokedAt: null,
    revokedByName: null,
  }
  await tx.insert(feedIntervention).values(row)
  await append(tx, {
    actor,
    action: 'recommendation.intervened',
    subject: { type: 'feed_intervention', id: row.id },
    articles: ARTICLES,
    details: {
      targetKind: row.targetKind,
      target: row.target,
      act: row.action,
      factor: row.factor,
      reason,
      expiresAt: expiresAt.toISOString(),
    },
    at: now,
  })
  return presentIntervention(row, now)
}

export async function revokeIntervention(
  tx: Tx,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<InterventionView> {
  const [row] = await tx.select().from(feedIntervention).where(eq(feedIntervention.id, id)).for('update')
  if (!row) throw new DomainError('INTERVENTION_NOT_FOUND', { id })
  if (row.revokedAt !== null || row.expiresAt <= now) throw new DomainError('INTERVENTION_NOT_ACTIVE', { id })
  const [updated] = await tx
    .update(feedIntervention)
    .set({ revokedAt: now, revokedByName: actor.name })
    .where(eq(feedIntervention.id, id))
    .returning()
  await append(tx, {
    actor,
    action: 'recommendation.intervention_revoked',
    subject: { type: 'feed_intervention', id },
    articles: ARTICLES,
    details: { targetKind: row.targetKind, target: row.target, act: row.action },
    at: now,
  })
  if (!updated) throw new Error('intervention vanished')
  return presentIntervention(updated, now)
}

export async function listInterventions(
  tx: Tx,
  opts: { active?: boolean; limit?: number },
  now: Date = new Date(),
): Promise<InterventionView[]> {
  const rows = await tx
    .select()
    .from(feedIntervention)
    .where(
      opts.active ? and(isNull(feedIntervention.revokedAt), gt(feedIntervention.expiresAt, now)) : undefined,
    )
    .orderBy(desc(feedIntervention.createdAt))
    .limit(opts.limit ?? 200)
  return rows.map((r) => presentIntervention(r, now))
}

async function activeInterventions(tx: Tx, now: Date): Promise<FeedIntervention[]> {
  const rows = await tx
    .select()
    .from(feedIntervention)
    .where(and(isNull(feedIntervention.revokedAt), gt(feedIntervention.expiresAt, now)))
  return rows.map((r) => ({
    id: r.id,
    targetKind: r.targetKind as InterventionTargetKind,
    target: r.target,
    action: r.action as InterventionAction,
    factor: r.factor,
    reason: r.reason,
    expiresAt: r.expiresAt.getTime(),
    createdAt: r.createdAt.getTime(),
  }))
}

// --- a user's interactions, interests and choice ---

export type InteractionKind = 'view' | 'like' | 'reply'

export interface InterestView {
  tag: string
  weight: number
  updatedAt: string
}

/**
 * A user's stored interest weight as it stands at `now` (SQL), as `interestAt` computes it: halved for every
 * `halfLifeDays` since it was last renewed, or as stored when the model sets no half-life.
 */
function interestNow(now: Date, halfLifeDays: number | undefined) {
  if (halfLifeDays === undefined || !(halfLifeDays > 0)) return sql`${userInterest.weight}::float8`
  const age = sql`GREATEST(0, extract(epoch from (${now.toISOString()}::timestamptz - ${userInterest.updatedAt})))::float8`
  return sql`(${userInterest.weight}::float8 * power(0.5::float8, ${age} / ${halfLifeDays * 86_400}::float8))`
}

/**
 * Records that a user viewed, liked or replied to an item, once per kind: the item's engagement counts, and the user's
 * interest in each of its topics (what is left of it under the model's half-life, plus the interaction's step).
 * Returns whether it was new.
 */
export async function recordInteraction(
  tx: Tx,
  userId: string,
  itemId: string,
  kind: InteractionKind,
  topics: readonly string[],
  now: Date = new Date(),
  halfLifeDays?: number,
): Promise<boolean> {
  const inserted = await tx
    .insert(contentInteraction)
    .values({ userId, itemId, kind, at: now })
    .onConflictDoNothing()
    .returning({ itemId: contentInteraction.itemId })
  if (inserted.length === 0) return false
  const inc = {
    views: kind === 'view' ? 1 : 0,
    likes: kind === 'like' ? 1 : 0,
    replies: kind === 'reply' ? 1 : 0,
  }
  await tx
    .insert(itemEngagement)
    .values({ itemId, ...inc })
    .onConflictDoUpdate({
      target: itemEngagement.itemId,
      set: {
        views: sql`${itemEngagement.views} + ${inc.views}`,
        likes: sql`${itemEngagement.likes} + ${inc.likes}`,
        replies: sql`${itemEngagement.replies} + ${inc.replies}`,
      },
    })
  const step = INTEREST_STEP[kind]
  if (topics.length > 0)
    await tx
      .insert(userInterest)
      .values([...new Set(topics)].map((tag) => ({ userId, tag, weight: step, updatedAt: now })))
      .onConflictDoUpdate({
        target: [userInterest.userId, userInterest.tag],
        set: { weight: sql`LEAST(1, ${interestNow(now, halfLifeDays)} + ${step})`, updatedAt: now },
      })
  return true
}

/**
 * Withdraws a user's like of an item: the like is gone, the item's count falls by one and the user's interest in each
 * of the item's topics by what is left of the like's step (it fades with the interest, under the same half-life);
 * a tag that falls below `INTEREST_FLOOR` is dropped. `topics` is asked only when there was a like, so a user without
 * one learns nothing of the item. Returns whether there was a like.
 *
 * The topics are the item's under the model in force now, and the step is the like's full step: a like that met the
 * cap of 1, or tags that a newer model reads differently, are taken back as they stand now.
 */
export async function withdrawLike(
  tx: Tx,
  userId: string,
  itemId: string,
  topics: () => Promise<readonly string[]>,
  now: Date = new Date(),
  halfLifeDays?: number,
): Promise<boolean> {
  const gone = await tx
    .delete(contentInteraction)
    .where(
      and(
        eq(contentInteraction.userId, userId),
        eq(contentInteraction.itemId, itemId),
        eq(contentInteraction.kind, 'like'),
      ),
    )
    .returning({ at: contentInteraction.at })
  const like = gone[0]
  if (like === undefined) return false
  await tx
    .update(itemEngagement)
    .set({ likes: sql`GREATEST(0, ${itemEngagement.likes} - 1)` })
    .where(eq(itemEngagement.itemId, itemId))
  const tags = [...new Set(await topics())]
  if (tags.length > 0) {
    // what is left of the like's own step: it has faded since the like as the interest has
    const share = interestAt(INTEREST_STEP.like, like.at.getTime(), now.getTime(), halfLifeDays)
    const mine = and(eq(userInterest.userId, userId), inArray(userInterest.tag, tags))
    await tx
      .update(userInterest)
      .set({ weight: sql`GREATEST(0, ${interestNow(now, halfLifeDays)} - ${share})`, updatedAt: now })
      .where(mine)
    // what is left is stored as of now: below the floor it counts as nothing (nor does a rounding residue)
    await tx.delete(userInterest).where(and(mine, lt(userInterest.weight, INTEREST_FLOOR)))
  }
  return true
}

/** Which of the items the user has liked. */
export async function likedAmong(tx: Tx, userId: string, itemIds: readonly string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set()
  const rows = await tx
    .select({ itemId: contentInteraction.itemId })
    .from(contentInteraction)
    .where(
      and(
        eq(contentInteraction.userId, userId),
        eq(contentInteraction.kind, 'like'),
        inArray(contentInteraction.itemId, [...itemIds]),
      ),
    )
  return new Set(rows.map((r) => r.itemId))
}

/** A user's interest tags with their weights as they stand at `now` under the half-life, strongest first. */
export async function interestsOf(
  tx: Tx,
  userId: string,
  now: Date = new Date(),
  halfLifeDays?: number,
): Promise<InterestView[]> {
  const rows = await tx.select().from(userInterest).where(eq(userInterest.userId, userId))
  return standingInterests(
    rows.map((r) => ({ tag: r.tag, weight: r.weight, at: r.updatedAt.getTime() })),
    now.getTime(),
    halfLifeDays,
  )
    .map((i) => ({
      tag: i.tag,
      weight: Math.round(i.weight * 100) / 100,
      updatedAt: new Date(i.at).toISOString(),
    }))
    .sort((a, b) => b.weight - a.weight || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
}

export async function deleteInterest(tx: Tx, userId: string, tag: string): Promise<void> {
  const gone = await tx
    .delete(userInterest)
    .where(and(eq(userInterest.userId, userId), eq(userInterest.tag, tag)))
    .returning({ tag: userInterest.tag })
  if (gone.length === 0) throw new DomainError('INTEREST_NOT_FOUND', { tag })
}

/** Clears every interest tag: the feed starts again from what the user does next. */
export async function resetInterests(tx: Tx, userId: string): Promise<number> {
  const gone = await tx
    .delete(userInterest)
    .where(eq(userInterest.userId, userId))
    .returning({ tag: userInterest.tag })
  return gone.length
}

export interface FeedSettingView {
  personalised: boolean
  updatedAt: string | null
}

export async function feedSettingOf(tx: Tx, userId: string): Promise<FeedSettingView> {
  const [row] = await tx.select().from(feedSetting).where(eq(feedSetting.userId, userId))
  return { personalised: row?.personalised ?? true, updatedAt: row?.updatedAt.toISOString() ?? null }
}

export async function setFeedSetting(
  tx: Tx,
  userId: string,
  personalised: boolean,
  now: Date = new Date(),
): Promise<FeedSettingView> {
  await tx
    .insert(feedSetting)
    .values({ userId, personalised, updatedAt: now })
    .onConflictDoUpdate({ target: feedSetting.userId, set: { personalised, updatedAt: now } })
  return { personalised, updatedAt: now.toISOString() }
}

// --- the feed ---

export interface FeedItemView extends ContentView {
  pinned: boolean
  /** Whether the user asking has liked it (false without a user). */
  liked: boolean
  category: Candidate['category']
  /** Why the user sees it. */
  why: WhyReason[]
}

export interface FeedView {
  personalised: boolean
  modelVersion: number
  items: FeedItemView[]
}

interface Pool {
  loadedAt: number
  modelVersion: number
  model: RecommendationModelDocument
  candidates: Candidate[]
  /** Each candidate as the feed shows it, author's name included. */
  views: Map<string, ContentView>
  interventions: FeedIntervention[]
}

/**
 * The feed of one node process: the model in force with its topic matcher, and the candidates, read again when they
 * are older than `ttlMs` (another process's publication, disposal or intervention shows within that time; this
 * process's own changes at once, through `invalidate`). The page served is checked against the items' current state,
 * so an item labelled false or stopped a moment ago is never served.
 */
export class FeedService {
  private pool: Pool | null = null
  private loading: Promise<Pool> | null = null
  private generation = 0
  /** A post was published in this process since the candidates were read. */
  private dirty = false
  private matcher: { version: number; model: ModelView; topics: TopicMatcher } | null = null
  private modelCheckedAt = 0
  private readonly topicMemo = new Map<string, string[]>()

  constructor(
    private readonly database: Database,
    private readonly options: { ttlMs?: number } = {},
  ) {}

  /** This process changed the model or an intervention: the next request reads the candidates afresh. */
  invalidate(): void {
    this.generation++
    this.pool = null
    this.loading = null
    this.modelCheckedAt = 0
  }

  /**
   * The model in force and its topic matcher. Asked of the database when the candidates are read, and otherwise at
   * most once per `ttlMs`: an interaction (a view) does not cost a query for it.
   */
  private async model(
    tx: Tx,
    fresh = false,
  ): Promise<{ version: number; model: ModelView; topics: TopicMatcher }> {
    const ttl = this.options.ttlMs ?? 2000
    if (!fresh && this.matcher && Date.now() - this.modelCheckedAt < ttl) return this.matcher
    const current = await currentModel(tx)
    this.modelCheckedAt = Date.now()
    if (this.matcher?.version !== current.version) {
      this.matcher = { version: current.version, model: current, topics: new TopicMatcher(current.document) }
      this.topicMemo.clear()
    }
    return this.matcher
  }

  private async load(now: Date): Promise<Pool> {
    return transaction(this.database.db, async (tx) => {
      const m = await this.model(tx, true)
      const doc = m.model.document
      const since = new Date(now.getTime() - doc.candidateHours * 3_600_000)
      const rows = await recommendablePosts(tx, since, doc.candidateLimit)
      const ids = rows.map((r) => r.id)
      const engagement =
        ids.length === 0
          ? []
          : await tx
              .select()
              .from(itemEngagement)
              .where(sql`${itemEngagement.itemId} = ANY(${sql.param(ids)}::uuid[])`)
      const byItem = new Map(engagement.map((e) => [e.itemId, e]))
      const caps = await capabilitiesOfMany(
        tx,
        rows.map((r) => r.authorId),
      )
      const candidates = rows.map((r): Candidate => {
        let topics = this.topicMemo.get(r.id)
        if (topics === undefined) {
          topics = m.topics.topicsOf(r.text)
          this.topicMemo.set(r.id, topics)
        }
        const verdict = r.verdict as { reasons?: { type: string; category?: string }[] }
        const termCategories = (verdict.reasons ?? []).flatMap((x) =>
          x.type === 'term' && x.category ? [x.category] : [],
        )
        const e = byItem.get(r.id)
        return {
          id: r.id,
          authorId: r.authorId,
          createdAt: r.createdAt.getTime(),
          likes: e?.likes ?? 0,
          replies: e?.replies ?? 0,
          views: e?.views ?? 0,
          topics,
          category: categoryOf(termCategories, topics, doc),
          restricted: false,
          authorRecommendable: caps.get(r.authorId)?.capabilities.recommend ?? false,
        }
      })
      if (this.topicMemo.size > doc.candidateLimit * 4) {
        const keep = new Set(ids)
        for (const k of this.topicMemo.keys()) if (!keep.has(k)) this.topicMemo.delete(k)
      }
      const views = new Map((await presentWithNames(tx, rows)).map((v) => [v.id, v]))
      return {
        loadedAt: now.getTime(),
        modelVersion: m.version,
        model: doc,
        candidates,
        views,
        interventions: await activeInterventions(tx, now),
      }
    })
  }

  private async current(now: Date): Promise<Pool> {
    const ttl = this.options.ttlMs ?? 2000
    if (this.dirty) {
      this.dirty = false
      this.invalidate()
    }
    const age = this.pool ? now.getTime() - this.pool.loadedAt : Number.POSITIVE_INFINITY
    if (this.pool && age >= 0 && age < ttl) return this.pool
    const refresh = () => {
      if (!this.loading) {
        const generation = this.generation
        this.loading = this.load(now)
          .then((p) => {
            if (generation === this.generation) this.pool = p
            return p
          })
          .finally(() => {
            if (generation === this.generation) this.loading = null
          })
      }
      return this.loading
    }
    // a little stale: serve it and read the candidates again in the background, so no request waits for the read
    if (this.pool && age >= 0 && age < ttl * 5) {
      refresh().catch(() => {})
      return this.pool
    }
    return refresh()
  }

  /**
   * A user viewed, liked or replied to a published item: recorded with the item's topics under the model in force.
   * Returns whether it was new. Not found when the public cannot see the item.
   */
  async interact(tx: Tx, userId: string, itemId: string, kind: InteractionKind, now: Date = new Date()) {
    const item = await getPublished(tx, itemId)
    const m = await this.model(tx)
    return recordInteraction(
      tx,
      userId,
      item.id,
      kind,
      m.topics.topicsOf(item.text),
      now,
      m.model.document.weights.interestHalfLifeDays,
    )
  }

  /** The user's interest tags as they stand now under the model in force. */
  async interests(tx: Tx, userId: string, now: Date = new Date()) {
    const m = await this.model(tx)
    return interestsOf(tx, userId, now, m.model.document.weights.interestHalfLifeDays)
  }

  /**
   * A user withdraws their like of an item: allowed whatever became of the item since (a removed item's like can still
   * be taken back), its topics read under the model in force. Returns whether there was a like: false, and nothing
   * looked up, when the user has none, so the answer says nothing of items the user cannot see.
   */
  async unlike(tx: Tx, userId: string, itemId: string, now: Date = new Date()) {
    const m = await this.model(tx)
    return withdrawLike(
      tx,
      userId,
      itemId,
      async () => m.topics.topicsOf((await getAnyItem(tx, itemId)).text),
      now,
      m.model.document.weights.interestHalfLifeDays,
    )
  }

  /**
   * Follows the publish path: a post published in this process is among the next request's candidates (its author sees
   * it at once); a published comment or reply counts as its author's reply to the post, after the publication commits.
   */
  followPublications(publisher: PublishBatcher, onError: (err: unknown) => void): void {
    publisher.onPublished = (userId, item) => {
      // a new post is read with the candidates of the next request: its author sees it in the feed at once
      if (item.kind === 'post') this.dirty = true
      const postId = item.postId
      if (postId === null) return
      transaction(this.database.db, (tx) => this.interact(tx, userId, postId, 'reply')).catch(onError)
    }
  }

  /** The feed for a user (or for anyone, without one): personalised unless the user turned it off. */
  async feed(
    user: { id: string } | null,
    opts: { limit: number; seed?: number },
    now: Date = new Date(),
  ): Promise<FeedView> {
    const pool = await this.current(now)
    const db = this.database.db
    // off means off: when the user turned personalisation off, their interests are not even read
    const choice = user
      ? await personalChoice(db, user.id, now, pool.model.weights.interestHalfLifeDays)
      : { personalised: false, interests: new Map<string, number>() }
    const entries: FeedEntry[] = rankFeed({
      candidates: pool.candidates,
      model: pool.model,
      interventions: pool.interventions.filter((iv) => iv.expiresAt > now.getTime()),
      personalised: choice.personalised,
      interests: choice.interests,
      now: now.getTime(),
      // a few spare, for items whose state changed since the candidates were read
      limit: opts.limit + 10,
      seed: opts.seed ?? 0,
    })
    const listable = await listableIds(
      db,
      entries.map((e) => e.id),
    )
    const served: { e: FeedEntry; v: ContentView }[] = []
    for (const e of entries) {
      const v = pool.views.get(e.id)
      if (!v || !listable.has(e.id)) continue
      served.push({ e, v })
      if (served.length === opts.limit) break
    }
    // which of them the user liked: asked only of the items served, not of the spares
    const liked = user
      ? await likedAmong(
          db,
          user.id,
          served.map(({ e }) => e.id),
        )
      : new Set<string>()
    const items: FeedItemView[] = served.map(({ e, v }) => ({
      ...v,
      pinned: e.pinned,
      liked: liked.has(e.id),
      category: e.category,
      why: e.reasons,
    }))
    return { personalised: choice.personalised, modelVersion: pool.modelVersion, items }
  }
}

/** The user's switch and, only when it is on, their interest weights: one statement. */
async function personalChoice(
  db: Tx,
  userId: string,
  now: Date,
  halfLifeDays: number | undefined,
): Promise<{ personalised: boolean; interests: Map<string, number> }> {
  const res = (await db.execute(sql`
    SELECT s.personalised,
      CASE WHEN s.personalised THEN (
        SELECT coalesce(json_agg(json_build_array(i.tag, i.weight,
          (extract(epoch from i.updated_at) * 1000)::float8)), '[]'::json)
        FROM ${userInterest} i WHERE i.user_id = ${userId}
      ) END AS interests
    FROM (SELECT coalesce((SELECT f.personalised FROM ${feedSetting} f WHERE f.user_id = ${userId}), true)
      AS personalised) s`)) as unknown as {
    rows: { personalised: boolean; interests: [string, number, number][] | null }[]
  }
  const row = res.rows[0]
  return {
    personalised: row?.personalised ?? true,
    interests: new Map(
      standingInterests(
        (row?.interests ?? []).map(([tag, weight, at]) => ({ tag, weight, at })),
        now.getTime(),
        halfLifeDays,
      ).map((i) => [i.tag, i.weight]),
    ),
  }
}

/** What an inspection (A19) or the public reads: the model in force and the interventions active now. */
export async function recommendationDisclosure(
  tx: Tx,
  now: Date = new Date(),
): Promise<{ model: ModelView; interventions: InterventionView[] }> {
  return { model: await currentModel(tx), interventions: await listInterventions(tx, { active: true }, now) }
}

/**
 * What an inspection (A19) is told of recommendation (A14): the model in force, with its weights, bounds and topic
 * lists, and every intervention active now or made in the period, with who made it and why.
 */
export async function recommendationFigures(
  tx: Tx,
  period: { from: Date; to: Date },
  now: Date = new Date(),
) {
  const model = await currentModel(tx)
  const rows = await tx
    .select()
    .from(feedIntervention)
    .where(
      sql`(${feedIntervention.revokedAt} IS NULL AND ${feedIntervention.expiresAt} > ${now})
        OR (${feedIntervention.createdAt} >= ${period.from} AND ${feedIntervention.createdAt} < ${period.to})`,
    )
    .orderBy(desc(feedIntervention.createdAt))
    .limit(500)
  return {
    modelVersion: model.version,
    modelPublishedAt: model.publishedAt,
    model: model.document,
    interventions: rows.map((r) => presentIntervention(r, now)),
  }
}
