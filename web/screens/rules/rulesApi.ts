// Rules and agreements (A13.1): the documents in force and every version of each are public; publishing a new
// version needs `rules.manage`. The portal reads the same queries.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Items, PublishRuleBody, RuleDocument, RuleKind } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export const ruleKeys = {
  all: ['rules'] as const,
  current: ['rules', 'current'] as const,
  versions: (kind: RuleKind) => ['rules', 'versions', kind] as const,
  document: (kind: RuleKind, version: number) => ['rules', 'document', kind, version] as const,
}

/** Mirrors `RULE_KINDS` in src/platform/rules/rules.ts, in the order the server lists them. */
export const RULE_KINDS: readonly RuleKind[] = ['management_rules', 'convention', 'user_agreement']

export function isRuleKind(s: string | undefined): s is RuleKind {
  return (RULE_KINDS as readonly (string | undefined)[]).includes(s)
}

/** The server's bounds on a new version (src/platform/rules/routes.ts). */
export const RULE_LIMITS = {
  titleZh: 100,
  titleEn: 200,
  bodyZh: 100_000,
  bodyEn: 200_000,
  changeNote: 500,
} as const

/** Public: the version in force of each document published so far. */
export function useCurrentRules() {
  return useQuery({
    queryKey: ruleKeys.current,
    queryFn: async () => (await get<Items<RuleDocument>>('/api/rules')).items,
  })
}

/** Public: every version of one document, newest first. */
export function useRuleVersions(kind: RuleKind | undefined) {
  return useQuery({
    queryKey: ruleKeys.versions(kind ?? 'management_rules'),
    queryFn: async () => (await get<Items<RuleDocument>>(`/api/rules/${kind}`)).items,
    enabled: kind !== undefined,
  })
}

/** Public: one version of one document. */
export function useRuleDocument(kind: RuleKind, version: number) {
  return useQuery({
    queryKey: ruleKeys.document(kind, version),
    queryFn: () => get<RuleDocument>(`/api/rules/${kind}/${version}`),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** Needs `rules.manage`. */
export function usePublishRule() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: PublishRuleBody) => post<RuleDocument>('/api/rules', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ruleKeys.all }),
  })
}
