// The engine's public data types. Every type here is plain data (JSON-serialisable) except compiled values.

/** Lexicon categories of A14: 禁止 prohibit, 防范抵制 prevent, 鼓励 encourage. */
export type Category = 'prohibit' | 'prevent' | 'encourage'
export type Severity = 1 | 2 | 3
/** A8.1: posts, comments, replies and bullet comments (弹幕) are all screened. */
export type ContentKind = 'post' | 'comment' | 'reply' | 'danmaku'
/** A13.3 account credit tiers. */
export type CreditTier = 'high' | 'normal' | 'low' | 'restricted'
/** allow; publish with a label; hold for human review; block. Ordered from mildest to strictest. */
export type Outcome = 'allow' | 'label' | 'hold' | 'block'

export const CATEGORIES: readonly Category[] = ['prohibit', 'prevent', 'encourage']
export const SEVERITIES: readonly Severity[] = [1, 2, 3]
export const CONTENT_KINDS: readonly ContentKind[] = ['post', 'comment', 'reply', 'danmaku']
export const CREDIT_TIERS: readonly CreditTier[] = ['high', 'normal', 'low', 'restricted']
export const OUTCOMES: readonly Outcome[] = ['allow', 'label', 'hold', 'block']

/** One line of a lexicon file. */
export interface LexiconEntry {
  term: string
  category: Category
  severity: Severity
  /** Requirement ids or rule names the term rests on, e.g. `["A11.1"]`. */
  basis: string[]
  /** Also match homophone spellings (pinyin without tones). */
  sound?: boolean
  /** Allowlist: an occurrence inside one of these phrases does not count (病毒 inside 杀毒软件). */
  except?: string[]
  /** Co-occurrence: the term counts only when one of these phrases is also present. */
  requires?: string[]
  /** With `requires`: the phrase must be within this many normalised characters of the term. */
  window?: number
  /** The term is a cue of fiction or dramatisation (剧情, 演绎): without a declaration it needs a label (A11.2). */
  fiction?: boolean
}

/** One item to screen. */
export interface ContentItem {
  id: string
  text: string
  kind?: ContentKind
  fictionDeclared?: boolean
  credit?: CreditTier
}

/** A claim of the bank (a known false claim). Extra fields are kept. */
export interface ClaimRecord {
  id: string
  text: string
  [extra: string]: unknown
}

export interface TermReason {
  type: 'term'
  term: string
  category: Category
  severity: Severity
  basis: string[]
  /** `sound` when the occurrence was found by its pinyin. */
  via: 'text' | 'sound'
  outcome: Outcome
  start: number
  end: number
}

export interface ClaimReason {
  type: 'claim'
  id: string
  similarity: number
  basis: string[]
  outcome: Outcome
  start: number
  end: number
}

export interface LabelReason {
  type: 'label'
  label: 'fiction'
  /** true: the author declared fiction, so the label is shown; false: a cue was found and no label declared. */
  declared: boolean
  term?: string
  basis: string[]
  outcome: Outcome
  start: number
  end: number
}

export type Reason = TermReason | ClaimReason | LabelReason

export interface ClaimMatch {
  id: string
  similarity: number
}

export interface Verdict {
  id: string
  outcome: Outcome
  reasons: Reason[]
  claims: ClaimMatch[]
  ruleVersion: string
  basis: string[]
}
