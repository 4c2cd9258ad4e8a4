// The lexicon: terms with category, severity and basis, compiled into two automata (one over the normalised
// text, one over its sound-folded form for terms that ask for it), with allowlist and co-occurrence constraints
// checked after the scan.
import { type Automaton, buildAutomaton, MatchBuffer, scan } from './automaton.ts'
import type { Normalized } from './normalize.ts'
import { normalizeCodes } from './normalize.ts'
import { soundFold } from './sound.ts'
import type { LexiconEntry } from './types.ts'

const TERM = 0
const EXCEPT = 1
const REQUIRES = 2

/** At most this many occurrences of one term are reported per item (a 1 MB spam text stays bounded). */
export const MAX_SPANS_PER_TERM = 20
/** Bound on the constraint checks per term and item. */
const MAX_CONSTRAINT_HITS = 1000

export interface Lexicon {
  readonly entries: readonly Readonly<LexiconEntry>[]
  /** Normalised form of each entry's term. */
  readonly normalized: readonly string[]
  readonly plain: Automaton
  readonly sound: Automaton | null
  /** Per plain pattern: TERM, EXCEPT or REQUIRES. */
  readonly patternKind: Uint8Array
  /** Per plain pattern: the entry it belongs to. */
  readonly patternOwner: Int32Array
  /** Per sound pattern: the entry it belongs to. */
  readonly soundOwner: Int32Array
  readonly hasConstraints: boolean
  readonly bytes: number
}

export interface TermHit {
  entry: number
  /** Normalised span. */
  start: number
  end: number
  sound: boolean
}

export class LexiconError extends Error {
  override name = 'LexiconError'
  constructor(readonly problems: readonly { index: number; zh: string; en: string }[]) {
    super(problems.map((p) => `#${p.index + 1}: ${p.zh} / ${p.en}`).join('; '))
  }
}

/** Compiles entries (already validated for shape) into a lexicon. Throws LexiconError for unusable terms. */
export function compileLexicon(entries: readonly LexiconEntry[]): Lexicon {
  const problems: { index: number; zh: string; en: string }[] = []
  const plainPatterns: Uint16Array[] = []
  const kind: number[] = []
  const owner: number[] = []
  const soundPatterns: Uint16Array[] = []
  const soundOwner: number[] = []
  const normalized: string[] = []
  let hasConstraints = false
  const frozen = entries.map((e) =>
    Object.freeze({
      ...e,
      basis: Object.freeze([...e.basis]) as string[],
      ...(e.except ? { except: Object.freeze([...e.except]) as string[] } : {}),
      ...(e.requires ? { requires: Object.freeze([...e.requires]) as string[] } : {}),
    }),
  )
  frozen.forEach((e, i) => {
    const codes = normalizeCodes(e.term)
    normalized.push(String.fromCharCode(...codes.subarray(0, 64)) + (codes.length > 64 ? '…' : ''))
    if (codes.length === 0) {
      problems.push({
        index: i,
        zh: `词条“${e.term}”规范化后为空（只含标点、空白或表情）`,
        en: `term "${e.term}" is empty after normalisation (only punctuation, spaces or emoji)`,
      })
      return
    }
    if (e.sound === true) {
      soundPatterns.push(soundFold(codes))
      soundOwner.push(i)
    } else {
      plainPatterns.push(codes)
      kind.push(TERM)
      owner.push(i)
    }
    for (const [list, k] of [
      [e.except, EXCEPT],
      [e.requires, REQUIRES],
    ] as const) {
      for (const phrase of list ?? []) {
        const pc = normalizeCodes(phrase)
        if (pc.length === 0) {
          problems.push({
            index: i,
            zh: `词条“${e.term}”的约束短语“${phrase}”规范化后为空`,
            en: `constraint phrase "${phrase}" of term "${e.term}" is empty after normalisation`,
          })
          continue
        }
        hasConstraints = true
        plainPatterns.push(pc)
        kind.push(k)
        owner.push(i)
      }
    }
  })
  if (problems.length > 0) throw new LexiconError(problems)
  const plain = buildAutomaton(plainPatterns)
  const sound = soundPatterns.length > 0 ? buildAutomaton(soundPatterns) : null
  return Object.freeze({
    entries: Object.freeze(frozen),
    normalized: Object.freeze(normalized),
    plain,
    sound,
    patternKind: Uint8Array.from(kind),
    patternOwner: Int32Array.from(owner),
    soundOwner: Int32Array.from(soundOwner),
    hasConstraints,
    bytes: plain.bytes + (sound?.bytes ?? 0) + kind.length * 5 + soundOwner.length * 4,
  })
}

const buf = new MatchBuffer()
const soundBuf = new MatchBuffer()

/** All term occurrences in a normalised item that satisfy their constraints, in text order. */
export function matchLexicon(lex: Lexicon, n: Normalized): TermHit[] {
  buf.reset()
  scan(lex.plain, n.codes, buf)
  // most items contain no term: no maps, no lists
  if (buf.count === 0 && lex.sound === null) return []
  const hits: TermHit[] = []
  const perEntry = new Map<number, number>()
  const add = (entry: number, start: number, end: number, sound: boolean) => {
    const c = perEntry.get(entry) ?? 0
    if (c >= MAX_SPANS_PER_TERM) return
    perEntry.set(entry, c + 1)
    hits.push({ entry, start, end, sound })
  }
  const excepts: TermHit[] = []
  const requires: TermHit[] = []
  const candidates: TermHit[] = []
  const { patternKind, patternOwner, plain } = lex
  for (let i = 0; i < buf.count; i++) {
    const p = buf.pattern(i)
    const end = buf.end(i)
    const h = {
      entry: patternOwner[p] as number,
      start: end - (plain.patternLength[p] as number),
      end,
      sound: false,
    }
    const k = patternKind[p]
    if (k === TERM) candidates.push(h)
    else if (k === EXCEPT) excepts.push(h)
    else requires.push(h)
  }
  if (lex.sound !== null) {
    soundBuf.reset()
    scan(lex.sound, soundFold(n.codes), soundBuf)
    for (let i = 0; i < soundBuf.count; i++) {
      const p = soundBuf.pattern(i)
      const end = soundBuf.end(i)
      candidates.push({
        entry: lex.soundOwner[p] as number,
        start: end - (lex.sound.patternLength[p] as number),
        end,
        sound: true,
      })
    }
    candidates.sort((a, b) => a.start - b.start || a.end - b.end || a.entry - b.entry)
  }
  const byEntry = (list: TermHit[]) => {
    const m = new Map<number, TermHit[]>()
    for (const x of list) {
      const l = m.get(x.entry)
      if (l === undefined) m.set(x.entry, [x])
      else if (l.length < MAX_CONSTRAINT_HITS) l.push(x)
    }
    return m
  }
  const exceptOf = lex.hasConstraints ? byEntry(excepts) : null
  const requiresOf = lex.hasConstraints ? byEntry(requires) : null
  const checked = new Map<number, number>()
  for (const h of candidates) {
    if (!lex.hasConstraints) {
      add(h.entry, h.start, h.end, h.sound)
      continue
    }
    // bounded work per entry whatever the input: at most MAX_CONSTRAINT_HITS candidates are examined
    const n = checked.get(h.entry) ?? 0
    if (n >= MAX_CONSTRAINT_HITS || (perEntry.get(h.entry) ?? 0) >= MAX_SPANS_PER_TERM) continue
    checked.set(h.entry, n + 1)
    const e = lex.entries[h.entry] as LexiconEntry
    if (exceptOf?.get(h.entry)?.some((x) => x.start <= h.start && h.end <= x.end) === true) continue
    if (e.requires !== undefined && e.requires.length > 0) {
      const w = e.window
      const ok =
        requiresOf
          ?.get(h.entry)
          ?.some((x) => w === undefined || (x.end >= h.start - w && x.start <= h.end + w)) ?? false
      if (!ok) continue
    }
    add(h.entry, h.start, h.end, h.sound)
  }
  return hits
}
