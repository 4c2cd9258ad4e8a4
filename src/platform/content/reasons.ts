// What the author (and the reviewer) reads about a verdict: each reason of the engine in plain words, with the
// span of the text it concerns.
import type { Reason, Verdict } from '../../engine/index.ts'

export interface ReasonView {
  type: 'term' | 'claim' | 'label' | 'credit'
  outcome: string
  zh: string
  en: string
  basis: string[]
  start: number
  end: number
  term?: string
  category?: string
  severity?: number
  claimId?: string
  similarity?: number
}

const CATEGORY = {
  prohibit: { zh: '含有禁止发布的内容', en: 'contains prohibited content' },
  prevent: { zh: '含有应当防范抵制的内容', en: 'contains content to guard against' },
  encourage: { zh: '含有鼓励传播的内容', en: 'contains content to encourage' },
} as const

function one(r: Reason): ReasonView {
  const base = { outcome: r.outcome, basis: [...r.basis], start: r.start, end: r.end }
  if (r.type === 'term') {
    const c = CATEGORY[r.category]
    return {
      ...base,
      type: 'term',
      term: r.term,
      category: r.category,
      severity: r.severity,
      zh: `${c.zh}“${r.term}”${r.via === 'sound' ? '（谐音）' : ''}`,
      en: `${c.en}: "${r.term}"${r.via === 'sound' ? ' (homophone)' : ''}`,
    }
  }
  if (r.type === 'claim') {
    const pct = Math.round(r.similarity * 100)
    return {
      ...base,
      type: 'claim',
      claimId: r.id,
      similarity: r.similarity,
      zh: `与已经辟谣的虚假信息相似（相似度 ${pct}%）`,
      en: `resembles a refuted false claim (similarity ${pct}%)`,
    }
  }
  if (r.declared) {
    return {
      ...base,
      type: 'label',
      zh: '作者声明为虚构或演绎内容，发布时显著标注',
      en: 'declared fiction or dramatisation by the author: shown with a prominent label',
    }
  }
  return {
    ...base,
    type: 'label',
    ...(r.term ? { term: r.term } : {}),
    zh: `含有虚构或演绎的特征“${r.term ?? ''}”，须标注“虚构/演绎”`,
    en: `shows signs of fiction or dramatisation ("${r.term ?? ''}"): it must carry the fiction label`,
  }
}

export const CREDIT_REASON: ReasonView = {
  type: 'credit',
  outcome: 'hold',
  basis: ['A13.3'],
  start: 0,
  end: 0,
  zh: '账号当前信用等级要求先审后发',
  en: 'the account’s credit tier requires review before publishing',
}

/** The reasons of a verdict the author may read; `preReview` adds the credit tier's own reason. */
export function reasonsOf(verdict: Verdict, preReview: boolean): ReasonView[] {
  const out = verdict.reasons.map(one)
  if (preReview) out.push(CREDIT_REASON)
  return out
}

/** The strictest severity among the verdict's matched terms (1 when none). */
export function maxSeverity(verdict: Verdict): 1 | 2 | 3 {
  let s = 1
  for (const r of verdict.reasons)
    if (r.type === 'term' && r.category !== 'encourage' && r.severity > s) s = r.severity
  return s as 1 | 2 | 3
}

export const FICTION_LABEL = {
  zh: '虚构/演绎内容',
  en: 'Fiction / dramatisation',
} as const
