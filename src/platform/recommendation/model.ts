// The recommendation model (A14): the published document that says how the platform ranks what it recommends —
// which content is encouraged (A9), which is to be prevented, which is prohibited and never recommended, the weights
// of freshness, engagement and personal interest, and the bounds an operator's intervention may not exceed. It is a
// versioned value, published on the ledger and readable by the public and the regulator. Pure: no I/O, no clock.

export type RecommendationCategory = 'encourage' | 'neutral' | 'prevent' | 'prohibit'

/** A topic the model recognises in text; `encourage` topics are the A9 list operators maintain. */
export interface TopicDefinition {
  tag: string
  /** Words that make an item about the topic (matched on normalised text). */
  terms: string[]
  /** An A9 topic: core values, Tonghua's red heritage, history, nature, culture and customs. */
  encourage: boolean
  /** What A9 names it under, for the published document. */
  noteZh?: string
  noteEn?: string
}

export interface RecommendationModelDocument {
  /** Published posts of this many hours are candidates. */
  candidateHours: number
  /** At most this many of the newest candidates are ranked. */
  candidateLimit: number
  weights: {
    /** Score of a brand-new item, halving every `freshnessHalfLifeHours`. */
    freshness: number
    freshnessHalfLifeHours: number
    /** Score of engagement: log(1 + likes + 2·replies + views/10), times this. */
    engagement: number
    /** Score of the user's interest in an item's topics (sum of the user's tag weights, capped at 1), times this. */
    personal: number
    /**
     * A user's interest in a tag halves every this many days without an interaction that renews it, so last season's
     * clicks fade out of the feed by themselves. Absent (versions published before it): interests never fade.
     */
    interestHalfLifeDays?: number
  }
  /**
   * Encouraged content (A9) has its score multiplied by 1 + encourageBoost; the bound is MAX_ENCOURAGE_BOOST. A feed
   * shows the top few of a thousand candidates, so a small factor already moves the share a lot (bench/README.md:
   * ×1.1 takes encouraged content from 60% to 82% of impressions in the simulated day, ×1.5 to 96%).
   */
  encourageBoost: number
  /** Content to prevent is multiplied by this (0 keeps it out of recommendation altogether). */
  preventFactor: number
  /** An operator's boost multiplies by at most this; a demotion by at least 1 / this. */
  interventionBound: number
  /**
   * At most this many posts of one author on a page of the feed (pinned items aside): a further post of theirs waits
   * below everyone else's, so one busy account cannot fill a page. 0 or absent (versions published before it): no cap.
   */
  maxPerAuthor?: number
  /** Authors whose credit tier may not be recommended (A13.3) are kept out; this is only for the record. */
  creditGate: true
  topics: TopicDefinition[]
}

/** The documented bound on the A9 boost: encouraged content can at most double its score. */
export const MAX_ENCOURAGE_BOOST = 1
/** The documented bound on an operator's boost or demotion factor. */
export const MAX_INTERVENTION_BOUND = 5
/** The largest per-author cap a model may set (a larger one would be no cap on a page of at most 100). */
export const MAX_PER_AUTHOR = 20

export const DEFAULT_RECOMMENDATION_MODEL: RecommendationModelDocument = {
  candidateHours: 72,
  candidateLimit: 1000,
  weights: {
    freshness: 1,
    freshnessHalfLifeHours: 12,
    engagement: 0.5,
    personal: 1,
    interestHalfLifeDays: 30,
  },
  encourageBoost: 0.1,
  preventFactor: 0.3,
  interventionBound: 3,
  maxPerAuthor: 2,
  creditGate: true,
  topics: [
    {
      tag: '红色传承',
      terms: ['杨靖宇', '东北抗联', '抗联', '红色教育', '烈士陵园', '革命传统'],
      encourage: true,
      noteZh: '红色资源（第九条）',
      noteEn: 'Red heritage (A9)',
    },
    {
      tag: '历史文化',
      terms: ['高句丽', '好太王碑', '丸都山城', '国内城', '文物', '非遗'],
      encourage: true,
      noteZh: '历史文化（第九条）',
      noteEn: 'History and culture (A9)',
    },
    {
      tag: '自然风光',
      terms: ['长白山', '龙湾', '鸭绿江', '云顶', '雾凇', '三角龙湾'],
      encourage: true,
      noteZh: '自然风光（第九条）',
      noteEn: 'Nature (A9)',
    },
    {
      tag: '民俗特产',
      terms: ['葡萄酒', '人参', '朝鲜族', '庙会', '冬捕', '松花石'],
      encourage: true,
      noteZh: '民俗风情（第九条）',
      noteEn: 'Customs and local products (A9)',
    },
    {
      tag: '正能量',
      terms: ['志愿者', '见义勇为', '助人为乐', '好人好事', '文明城市'],
      encourage: true,
      noteZh: '社会主义核心价值观（第九条）',
      noteEn: 'Core values (A9)',
    },
    { tag: '交通出行', terms: ['公交', '高铁', '限行', '路况', '停运'], encourage: false },
    { tag: '生活服务', terms: ['停水', '停电', '供暖', '燃气', '菜价'], encourage: false },
    { tag: '教育', terms: ['中考', '高考', '学校', '开学', '招生'], encourage: false },
  ],
}

export interface ModelProblem {
  field: string
  zh: string
  en: string
}

/** Every problem with a model document; empty when it may be published. */
export function modelProblems(doc: RecommendationModelDocument): ModelProblem[] {
  const p: ModelProblem[] = []
  const range = (field: string, v: number, min: number, max: number) => {
    if (!Number.isFinite(v) || v < min || v > max)
      p.push({
        field,
        zh: `${field} 须在 ${min} 至 ${max} 之间`,
        en: `${field} must be between ${min} and ${max}`,
      })
  }
  range('candidateHours', doc.candidateHours, 1, 24 * 30)
  range('candidateLimit', doc.candidateLimit, 10, 5000)
  range('weights.freshness', doc.weights.freshness, 0, 10)
  range('weights.freshnessHalfLifeHours', doc.weights.freshnessHalfLifeHours, 0.5, 24 * 30)
  range('weights.engagement', doc.weights.engagement, 0, 10)
  range('weights.personal', doc.weights.personal, 0, 10)
  if (doc.weights.interestHalfLifeDays !== undefined)
    range('weights.interestHalfLifeDays', doc.weights.interestHalfLifeDays, 1, 365)
  range('encourageBoost', doc.encourageBoost, 0, MAX_ENCOURAGE_BOOST)
  range('preventFactor', doc.preventFactor, 0, 1)
  range('interventionBound', doc.interventionBound, 1, MAX_INTERVENTION_BOUND)
  if (doc.maxPerAuthor !== undefined) {
    range('maxPerAuthor', doc.maxPerAuthor, 0, MAX_PER_AUTHOR)
    if (!Number.isInteger(doc.maxPerAuthor) && Number.isFinite(doc.maxPerAuthor))
      p.push({
        field: 'maxPerAuthor',
        zh: 'maxPerAuthor 须为整数',
        en: 'maxPerAuthor must be a whole number',
      })
  }
  const tags = new Set<string>()
  doc.topics.forEach((t, i) => {
    const f = `topics[${i}]`
    if (!t.tag.trim() || t.tag.length > 20)
      p.push({ field: `${f}.tag`, zh: '话题名须为 1 至 20 个字', en: 'a topic tag has 1 to 20 characters' })
    if (tags.has(t.tag))
      p.push({ field: `${f}.tag`, zh: `话题重复：${t.tag}`, en: `duplicate topic: ${t.tag}` })
    tags.add(t.tag)
    if (t.terms.length === 0 || t.terms.some((w) => !w.trim() || w.length > 30))
      p.push({
        field: `${f}.terms`,
        zh: '每个话题至少一个词，每个词 1 至 30 个字',
        en: 'a topic needs at least one word of 1 to 30 characters',
      })
  })
  return p
}

const DAY = 86_400_000

/**
 * An interest weight below this counts as none: in the feed, in the user's list, and after a withdrawn like. Without a
 * floor a faded tag would never quite reach 0 and would still be named as a reason a year on.
 */
export const INTEREST_FLOOR = 0.01

/**
 * A stored interest weight as it stands at `now`: halved for every `halfLifeDays` since it was last renewed, or as it
 * is when the model sets no half-life.
 */
export function interestAt(
  weight: number,
  updatedAt: number,
  now: number,
  halfLifeDays: number | undefined,
): number {
  if (halfLifeDays === undefined || !(halfLifeDays > 0)) return weight
  return weight * 2 ** (-Math.max(0, now - updatedAt) / (halfLifeDays * DAY))
}

/**
 * A user's interests as they stand at `now`: each stored weight faded by `interestAt`, and those below `INTEREST_FLOOR`
 * left out. The feed ranks by these and the user's list shows these, so the two always agree.
 */
export function standingInterests<T extends { weight: number; at: number }>(
  rows: readonly T[],
  now: number,
  halfLifeDays: number | undefined,
): T[] {
  return rows
    .map((r) => ({ ...r, weight: interestAt(r.weight, r.at, now, halfLifeDays) }))
    .filter((r) => r.weight >= INTEREST_FLOOR)
}
