// The credit policy (A13.3): tiers by score, what each tier may do, and how events move the score. Pure.

export type ContentKind = 'post' | 'comment' | 'reply' | 'danmaku'

export interface Capabilities {
  /** May publish at all (posts, comments, replies, bullet comments). */
  publishing: boolean
  /** Everything this account publishes waits for a reviewer (先审后发). */
  preReview: boolean
  /** Its items may be recommended (A14). */
  recommend: boolean
  /** May use instant messaging. */
  messaging: boolean
  dailyLimits: Record<ContentKind, number>
}

export interface CreditTier {
  key: string
  /** Lowest score in this tier. */
  min: number
  zh: string
  en: string
  descriptionZh: string
  descriptionEn: string
  capabilities: Capabilities
}

export interface CreditPolicyDocument {
  initial: number
  max: number
  /** Highest first. */
  tiers: CreditTier[]
  deltas: {
    identityVerified: number
    violation: { '1': number; '2': number; '3': number }
    fictionUnlabelled: number
    recoveryPerDay: number
    /** Days without a negative event before recovery starts. */
    recoveryAfterDays: number
  }
}

const limits = (post: number, comment: number, reply: number, danmaku: number) => ({
  post,
  comment,
  reply,
  danmaku,
})

export const DEFAULT_CREDIT_POLICY: CreditPolicyDocument = {
  initial: 60,
  max: 100,
  tiers: [
    {
      key: 'excellent',
      min: 90,
      zh: '优秀',
      en: 'Excellent',
      descriptionZh: '长期守信，发布上限高，内容可被推荐',
      descriptionEn: 'Long good standing: high daily limits, content may be recommended',
      capabilities: {
        publishing: true,
        preReview: false,
        recommend: true,
        messaging: true,
        dailyLimits: limits(100, 1000, 1000, 2000),
      },
    },
    {
      key: 'good',
      min: 70,
      zh: '良好',
      en: 'Good',
      descriptionZh: '正常使用全部功能',
      descriptionEn: 'Full use of every service',
      capabilities: {
        publishing: true,
        preReview: false,
        recommend: true,
        messaging: true,
        dailyLimits: limits(50, 500, 500, 1000),
      },
    },
    {
      key: 'normal',
      min: 50,
      zh: '一般',
      en: 'Normal',
      descriptionZh: '新注册账号的起点；可正常发布',
      descriptionEn: 'Where new accounts start; may publish normally',
      capabilities: {
        publishing: true,
        preReview: false,
        recommend: true,
        messaging: true,
        dailyLimits: limits(20, 200, 200, 500),
      },
    },
    {
      key: 'low',
      min: 30,
      zh: '较低',
      en: 'Low',
      descriptionZh: '有违规记录：发布内容先审后发，不进入推荐',
      descriptionEn: 'Past violations: everything is reviewed before it appears, and not recommended',
      capabilities: {
        publishing: true,
        preReview: true,
        recommend: false,
        messaging: true,
        dailyLimits: limits(5, 50, 50, 100),
      },
    },
    {
      key: 'restricted',
      min: 10,
      zh: '受限',
      en: 'Restricted',
      descriptionZh: '多次违规：先审后发，限制数量，暂停即时通信',
      descriptionEn: 'Repeated violations: reviewed first, tight limits, no messaging',
      capabilities: {
        publishing: true,
        preReview: true,
        recommend: false,
        messaging: false,
        dailyLimits: limits(1, 10, 10, 20),
      },
    },
    {
      key: 'suspended',
      min: 0,
      zh: '暂停发布',
      en: 'Publishing suspended',
      descriptionZh: '严重违规：暂停发布和即时通信，可申诉',
      descriptionEn: 'Serious violations: publishing and messaging suspended; appeals remain open',
      capabilities: {
        publishing: false,
        preReview: true,
        recommend: false,
        messaging: false,
        dailyLimits: limits(0, 0, 0, 0),
      },
    },
  ],
  deltas: {
    identityVerified: 10,
    violation: { '1': -5, '2': -15, '3': -30 },
    fictionUnlabelled: -3,
    recoveryPerDay: 1,
    recoveryAfterDays: 30,
  },
}

/** Every problem with a policy document, at once, in Chinese and English; empty when it can be published. */
export function policyProblems(d: CreditPolicyDocument): { zh: string; en: string }[] {
  const p: { zh: string; en: string }[] = []
  const add = (zh: string, en: string) => p.push({ zh, en })
  if (!(d.max > 0)) add('满分须大于 0', 'max must be above 0')
  if (!(d.initial >= 0 && d.initial <= d.max))
    add('初始分须在 0 与满分之间', 'initial must lie between 0 and max')
  if (d.tiers.length === 0) add('至少要有一个等级', 'there must be at least one tier')
  const keys = new Set(d.tiers.map((t) => t.key))
  if (keys.size !== d.tiers.length) add('等级标识不能重复', 'tier keys must be unique')
  for (let i = 1; i < d.tiers.length; i++) {
    if (!((d.tiers[i]?.min ?? 0) < (d.tiers[i - 1]?.min ?? 0))) {
      add('等级须按最低分从高到低排列', 'tiers must be ordered by min, highest first')
    }
  }
  if (d.tiers.at(-1)?.min !== 0) {
    add(
      '最低等级须从 0 分开始，使每个分数都有等级',
      'the lowest tier must start at 0, so every score has a tier',
    )
  }
  for (const [sev, v] of Object.entries(d.deltas.violation)) {
    if (!(v < 0)) add(`${sev} 级违规须扣分`, `violation ${sev} must lower the score`)
  }
  if (!(d.deltas.identityVerified >= 0)) add('实名认证不能扣分', 'identityVerified must not lower the score')
  if (!(d.deltas.recoveryPerDay >= 0)) add('每日修复不能扣分', 'recoveryPerDay must not lower the score')
  return p
}

export function tierOf(d: CreditPolicyDocument, score: number): CreditTier {
  const tier = d.tiers.find((t) => score >= t.min) ?? d.tiers.at(-1)
  if (!tier) throw new Error('a credit policy has at least one tier')
  return tier
}

export function clampScore(d: CreditPolicyDocument, score: number): number {
  return Math.max(0, Math.min(d.max, score))
}
