// The policy editor's checks. Here: that the text is JSON of the shape the server's schema takes
// (`PolicyDocumentSchema` in src/platform/credit/routes.ts), each problem named by its path, so a typo is caught
// before anything is sent. Whether the policy holds together (tiers in order, deductions negative…) the server
// decides, answering CREDIT_POLICY_INVALID with every problem at once; `serverProblem` puts its English into Chinese.
import type { CreditPolicyDocument, FieldProblem } from '../../api/types.ts'
import { type Lang, pick } from '../../app/i18n.ts'

export interface PolicyProblem {
  zh: string
  en: string
}

type Expect = 'object' | 'array' | 'integer' | 'boolean' | 'string'

const EXPECT_ZH: Record<Expect, string> = {
  object: '对象',
  array: '数组',
  integer: '整数',
  boolean: 'true 或 false',
  string: '字符串',
}
const EXPECT_EN: Record<Expect, string> = {
  object: 'an object',
  array: 'an array',
  integer: 'an integer',
  boolean: 'true or false',
  string: 'a string',
}

type Shape = Expect | { [key: string]: Shape } | [Shape]

const LIMITS: Shape = { post: 'integer', comment: 'integer', reply: 'integer', danmaku: 'integer' }
const TIER: Shape = {
  key: 'string',
  min: 'integer',
  zh: 'string',
  en: 'string',
  descriptionZh: 'string',
  descriptionEn: 'string',
  capabilities: {
    publishing: 'boolean',
    preReview: 'boolean',
    recommend: 'boolean',
    messaging: 'boolean',
    dailyLimits: LIMITS,
  },
}
const DOCUMENT: Shape = {
  initial: 'integer',
  max: 'integer',
  tiers: [TIER],
  deltas: {
    identityVerified: 'integer',
    violation: { '1': 'integer', '2': 'integer', '3': 'integer' },
    fictionUnlabelled: 'integer',
    recoveryPerDay: 'integer',
    recoveryAfterDays: 'integer',
  },
}

function kindOf(x: unknown): Expect | 'null' | 'number' {
  if (x === null) return 'null'
  if (Array.isArray(x)) return 'array'
  if (typeof x === 'number') return Number.isInteger(x) ? 'integer' : 'number'
  if (typeof x === 'boolean') return 'boolean'
  if (typeof x === 'string') return 'string'
  return 'object'
}

function walk(x: unknown, shape: Shape, path: string, out: PolicyProblem[]): void {
  const where = path || '(root)'
  if (typeof shape === 'string') {
    if (kindOf(x) !== shape) {
      out.push({ zh: `${where} 应为${EXPECT_ZH[shape]}`, en: `${where} must be ${EXPECT_EN[shape]}` })
    }
    return
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(x)) {
      out.push({ zh: `${where} 应为数组`, en: `${where} must be an array` })
      return
    }
    x.forEach((item, i) => {
      walk(item, shape[0], `${path}[${i}]`, out)
    })
    return
  }
  if (kindOf(x) !== 'object') {
    out.push({ zh: `${where} 应为对象`, en: `${where} must be an object` })
    return
  }
  const obj = x as Record<string, unknown>
  for (const [key, sub] of Object.entries(shape)) {
    const at = path ? `${path}.${key}` : key
    if (!(key in obj)) out.push({ zh: `缺少 ${at}`, en: `${at} is missing` })
    else walk(obj[key], sub, at, out)
  }
  for (const key of Object.keys(obj)) {
    if (!(key in shape)) {
      const at = path ? `${path}.${key}` : key
      out.push({ zh: `不认识的字段 ${at}`, en: `unknown field ${at}` })
    }
  }
}

export type ParsedPolicy =
  | { ok: true; document: CreditPolicyDocument }
  | { ok: false; problems: PolicyProblem[] }

/** The editor's text as a policy document, or every reason it is not one. */
export function parsePolicy(text: string): ParsedPolicy {
  let x: unknown
  try {
    x = JSON.parse(text)
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return { ok: false, problems: [{ zh: `不是合法的 JSON：${detail}`, en: `not valid JSON: ${detail}` }] }
  }
  const problems: PolicyProblem[] = []
  walk(x, DOCUMENT, '', problems)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document: x as CreditPolicyDocument }
}

// The server's policy problems (`policyProblems` in src/platform/credit/policy.ts): the console's Chinese wording
// names the field as well, so it is used for every problem it recognises (the server's own `zh` otherwise).
const SERVER_ZH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^max must be above 0$/, () => '最高分须大于 0'],
  [/^initial must lie between 0 and max$/, () => '初始分须在 0 与最高分之间'],
  [/^there must be at least one tier$/, () => '至少要有一个等级'],
  [/^tier keys must be unique$/, () => '等级标识（key）不能重复'],
  [/^tiers must be ordered by min, highest first$/, () => '等级须按最低分（min）从高到低排列'],
  [
    /^the lowest tier must start at 0, so every score has a tier$/,
    () => '最低的等级须从 0 分开始，使每个分数都有等级',
  ],
  [/^violation (\d) must lower the score$/, (m) => `${m[1]} 级违规须扣分（应为负数）`],
  [/^identityVerified must not lower the score$/, () => '实名认证（identityVerified）不能扣分'],
  [/^recoveryPerDay must not lower the score$/, () => '每日修复（recoveryPerDay）不能扣分'],
]

/** A problem the server named, in the current language; a problem the console does not know stays as sent. */
export function serverProblem(p: FieldProblem, lang: Lang): string {
  if (lang === 'zh') {
    for (const [re, zh] of SERVER_ZH) {
      const m = re.exec(p.en)
      if (m) return zh(m)
    }
  }
  const text = pick(lang, p.zh, p.en)
  // Schema problems name the field (`body.document.tiers.0.key`); say which.
  return p.field && p.field !== 'document' ? `${p.field.replace(/^body\./, '')}: ${text}` : text
}
