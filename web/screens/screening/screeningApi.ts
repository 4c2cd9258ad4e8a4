// Screening rule sets and known false claims (A12.1, A16), and the patrols a rule change starts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  FalseClaim,
  Items,
  LexiconEntry,
  PatrolRun,
  RuleSetsAnswer,
  RuleSetView,
} from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export const screeningKeys = {
  all: ['screening'] as const,
  ruleSets: ['screening', 'rule-sets'] as const,
  claims: ['screening', 'claims'] as const,
  patrols: ['screening', 'patrols'] as const,
}

export function useRuleSets() {
  return useQuery({
    queryKey: screeningKeys.ruleSets,
    queryFn: () => get<RuleSetsAnswer>('/api/screening/rule-sets'),
  })
}

export function useClaims() {
  return useQuery({
    queryKey: screeningKeys.claims,
    queryFn: async () => (await get<Items<FalseClaim>>('/api/screening/claims')).items,
  })
}

/** Patrols, polled every 2 s while one runs so that its progress moves on screen. */
export function usePatrols() {
  return useQuery({
    queryKey: screeningKeys.patrols,
    queryFn: async () => (await get<Items<PatrolRun>>('/api/patrol/runs')).items,
    refetchInterval: (q) => (q.state.data?.some((p) => p.status === 'running') ? 2000 : 30_000),
  })
}

export function usePublishRuleSet() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { label: string; note: string; lexicon: LexiconEntry[] }) =>
      post<RuleSetView & { patrolId: string }>('/api/screening/rule-sets', body),
    onSuccess: () => client.invalidateQueries({ queryKey: screeningKeys.all }),
  })
}

export function useAddClaim() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { text: string; source: string }) => post<FalseClaim>('/api/screening/claims', body),
    onSuccess: () => client.invalidateQueries({ queryKey: screeningKeys.all }),
  })
}

export function useStartPatrol() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (windowDays: number) => post<PatrolRun>('/api/patrol/runs', { windowDays }),
    onSuccess: () => client.invalidateQueries({ queryKey: screeningKeys.patrols }),
  })
}

const CATEGORIES = ['prohibit', 'prevent', 'encourage'] as const

/** A lexicon as the editor shows it: one entry per line, `term | category | severity | basis | options`. */
export function lexiconToText(lexicon: readonly LexiconEntry[]): string {
  return lexicon
    .map((e) => {
      const options = [e.sound ? 'sound' : '', e.fiction ? 'fiction' : ''].filter(Boolean).join(',')
      return [e.term, e.category, String(e.severity), e.basis.join(','), options]
        .join(' | ')
        .replace(/ \| $/, '')
    })
    .join('\n')
}

/**
 * Reads the editor's text back; each bad line is named with what is wrong. Exceptions and co-occurrence rules of
 * entries carried over from the version in force are kept (the editor shows only the columns above).
 */
export function textToLexicon(
  text: string,
  previous: readonly LexiconEntry[],
): { lexicon: LexiconEntry[]; problems: { line: number; zh: string; en: string }[] } {
  const before = new Map(previous.map((e) => [e.term, e]))
  const lexicon: LexiconEntry[] = []
  const problems: { line: number; zh: string; en: string }[] = []
  for (const [i, raw] of text.split('\n').entries()) {
    const line = i + 1
    if (raw.trim() === '') continue
    const [term = '', category = '', severity = '', basis = '', options = ''] = raw
      .split('|')
      .map((p) => p.trim())
    if (term === '') {
      problems.push({ line, zh: '缺少词语', en: 'the term is missing' })
      continue
    }
    if (!(CATEGORIES as readonly string[]).includes(category)) {
      problems.push({
        line,
        zh: `类别须为 prohibit、prevent 或 encourage，而不是“${category}”`,
        en: `the category must be prohibit, prevent or encourage, not "${category}"`,
      })
      continue
    }
    if (!['1', '2', '3'].includes(severity)) {
      problems.push({ line, zh: '严重程度须为 1、2 或 3', en: 'the severity must be 1, 2 or 3' })
      continue
    }
    const ids = basis
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean)
    if (ids.length === 0) {
      problems.push({ line, zh: '请写明依据条款', en: 'name the requirement ids it rests on' })
      continue
    }
    const flags = options
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
    const old = before.get(term)
    lexicon.push({
      ...(old?.except ? { except: old.except } : {}),
      ...(old?.requires ? { requires: old.requires } : {}),
      ...(old?.window ? { window: old.window } : {}),
      term,
      category: category as LexiconEntry['category'],
      severity: Number(severity) as 1 | 2 | 3,
      basis: ids,
      ...(flags.includes('sound') ? { sound: true } : {}),
      ...(flags.includes('fiction') ? { fiction: true } : {}),
    })
  }
  return { lexicon, problems }
}
