// The JSON Lines formats of lexicon, claim, item and verdict files (docs/engine.md). Parsing never throws:
// it returns the value or the problems, in Chinese and English.
import {
  CATEGORIES,
  type Category,
  type ClaimRecord,
  CONTENT_KINDS,
  type ContentItem,
  type ContentKind,
  CREDIT_TIERS,
  type CreditTier,
  type LexiconEntry,
  SEVERITIES,
  type Severity,
  type Verdict,
} from './types.ts'

export interface Problem {
  zh: string
  en: string
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }

function parseObject(line: string): Parsed<Record<string, unknown>> {
  let v: unknown
  try {
    v = JSON.parse(line)
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    return { ok: false, problems: [{ zh: `不是有效的 JSON：${msg}`, en: `not valid JSON: ${msg}` }] }
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return {
      ok: false,
      problems: [{ zh: '每行必须是一个 JSON 对象', en: 'each line must be a JSON object' }],
    }
  }
  return { ok: true, value: v as Record<string, unknown> }
}

const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0
const stringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

function need(problems: Problem[], ok: boolean, zh: string, en: string): void {
  if (!ok) problems.push({ zh, en })
}

/** `{"term","category","severity","basis","sound"?, "except"?, "requires"?, "window"?, "fiction"?}` */
export function parseLexiconLine(line: string): Parsed<LexiconEntry> {
  const o = parseObject(line)
  if (!o.ok) return o
  const v = o.value
  const p: Problem[] = []
  need(p, nonEmptyString(v.term), '缺少 term（非空字符串）', 'term must be a non-empty string')
  need(
    p,
    CATEGORIES.includes(v.category as Category),
    'category 必须是 prohibit、prevent 或 encourage',
    'category must be prohibit, prevent or encourage',
  )
  need(
    p,
    SEVERITIES.includes(v.severity as Severity),
    'severity 必须是 1、2 或 3',
    'severity must be 1, 2 or 3',
  )
  need(
    p,
    stringList(v.basis) && v.basis.length > 0,
    'basis 必须是非空的字符串数组，如 ["A11.1"]',
    'basis must be a non-empty array of strings, e.g. ["A11.1"]',
  )
  need(
    p,
    v.sound === undefined || typeof v.sound === 'boolean',
    'sound 必须是布尔值',
    'sound must be a boolean',
  )
  need(
    p,
    v.except === undefined || stringList(v.except),
    'except 必须是字符串数组',
    'except must be an array of strings',
  )
  need(
    p,
    v.requires === undefined || stringList(v.requires),
    'requires 必须是字符串数组',
    'requires must be an array of strings',
  )
  need(
    p,
    v.window === undefined || (Number.isInteger(v.window) && (v.window as number) >= 0),
    'window 必须是非负整数',
    'window must be a non-negative integer',
  )
  need(
    p,
    v.fiction === undefined || typeof v.fiction === 'boolean',
    'fiction 必须是布尔值',
    'fiction must be a boolean',
  )
  if (p.length > 0) return { ok: false, problems: p }
  const e: LexiconEntry = {
    term: v.term as string,
    category: v.category as Category,
    severity: v.severity as Severity,
    basis: [...(v.basis as string[])],
  }
  if (v.sound !== undefined) e.sound = v.sound as boolean
  if (v.except !== undefined) e.except = [...(v.except as string[])]
  if (v.requires !== undefined) e.requires = [...(v.requires as string[])]
  if (v.window !== undefined) e.window = v.window as number
  if (v.fiction !== undefined) e.fiction = v.fiction as boolean
  return { ok: true, value: e }
}

/** `{"id","text", …}`: extra fields are kept. */
export function parseClaimLine(line: string): Parsed<ClaimRecord> {
  const o = parseObject(line)
  if (!o.ok) return o
  const v = o.value
  const p: Problem[] = []
  need(p, nonEmptyString(v.id), '缺少 id（非空字符串）', 'id must be a non-empty string')
  need(p, typeof v.text === 'string', '缺少 text（字符串）', 'text must be a string')
  if (p.length > 0) return { ok: false, problems: p }
  return { ok: true, value: v as ClaimRecord }
}

/** `{"id","text","kind"?,"fictionDeclared"?,"credit"?}` */
export function parseItemLine(line: string): Parsed<ContentItem> {
  const o = parseObject(line)
  if (!o.ok) return o
  const v = o.value
  const p: Problem[] = []
  need(p, nonEmptyString(v.id), '缺少 id（非空字符串）', 'id must be a non-empty string')
  need(p, typeof v.text === 'string', '缺少 text（字符串）', 'text must be a string')
  need(
    p,
    v.kind === undefined || CONTENT_KINDS.includes(v.kind as ContentKind),
    'kind 必须是 post、comment、reply 或 danmaku',
    'kind must be post, comment, reply or danmaku',
  )
  need(
    p,
    v.fictionDeclared === undefined || typeof v.fictionDeclared === 'boolean',
    'fictionDeclared 必须是布尔值',
    'fictionDeclared must be a boolean',
  )
  need(
    p,
    v.credit === undefined || CREDIT_TIERS.includes(v.credit as CreditTier),
    'credit 必须是 high、normal、low 或 restricted',
    'credit must be high, normal, low or restricted',
  )
  if (p.length > 0) return { ok: false, problems: p }
  const item: ContentItem = { id: v.id as string, text: v.text as string }
  if (v.kind !== undefined) item.kind = v.kind as ContentKind
  if (v.fictionDeclared !== undefined) item.fictionDeclared = v.fictionDeclared as boolean
  if (v.credit !== undefined) item.credit = v.credit as CreditTier
  return { ok: true, value: item }
}

/** One verdict line, keys in the documented order. */
export function formatVerdict(v: Verdict): string {
  return JSON.stringify({
    id: v.id,
    outcome: v.outcome,
    reasons: v.reasons,
    claims: v.claims,
    ruleVersion: v.ruleVersion,
    basis: v.basis,
  })
}
