// Account credit (A13.3) for staff: the policy in force and its versions (public), platform users with their
// credit, one account's credit and history, and the changes `credit.manage` may make.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CreditEventBody,
  CreditEventView,
  CreditPolicy,
  CreditView,
  Items,
  PlatformUserRow,
  PublishCreditPolicyBody,
} from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export const creditKeys = {
  all: ['credit'] as const,
  policy: ['credit', 'policy'] as const,
  policyVersions: ['credit', 'policy', 'versions'] as const,
  usersAll: ['credit', 'users'] as const,
  users: (q: string, offset: number) => ['credit', 'users', q, offset] as const,
  user: (id: string) => ['credit', 'user', id] as const,
}

/** Users per page of the users tab (the server allows up to 200). */
export const USERS_PAGE = 20

/** The server's bounds (src/platform/credit/routes.ts). */
export const REASON_MIN = 2
export const REASON_MAX = 500
export const ADJUST_MAX = 100
export const SEARCH_MAX = 40

/** Public: the policy in force (version 0 is the built-in default, before any is published). */
export function useCreditPolicy() {
  return useQuery({ queryKey: creditKeys.policy, queryFn: () => get<CreditPolicy>('/api/credit/policy') })
}

/** Public: every published version, newest first. */
export function useCreditPolicyVersions() {
  return useQuery({
    queryKey: creditKeys.policyVersions,
    queryFn: async () => (await get<Items<CreditPolicy>>('/api/credit/policy/versions')).items,
  })
}

/** Needs `credit.read`. One page more than shown is not asked for: a full page means there may be another. */
export function usePlatformUsers(q: string, offset: number) {
  return useQuery({
    queryKey: creditKeys.users(q, offset),
    queryFn: async () => {
      const params = new URLSearchParams({ limit: String(USERS_PAGE), offset: String(offset) })
      if (q) params.set('q', q)
      return (await get<Items<PlatformUserRow>>(`/api/platform/users?${params}`)).items
    },
    placeholderData: keepPreviousData,
  })
}

/** Needs `credit.read`. */
export function useUserCredit(userId: string) {
  return useQuery({
    queryKey: creditKeys.user(userId),
    queryFn: () => get<CreditView>(`/api/credit/users/${encodeURIComponent(userId)}`),
  })
}

/** After a change to one account: its credit, and the list's scores and tiers. */
async function refreshUser(client: ReturnType<typeof useQueryClient>, userId: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: creditKeys.user(userId) }),
    client.invalidateQueries({ queryKey: creditKeys.usersAll }),
  ])
}

/** Needs `credit.manage`: a confirmed violation or a manual adjustment. */
export function useRecordCreditEvent(userId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreditEventBody) =>
      post<CreditEventView>(`/api/credit/users/${encodeURIComponent(userId)}/events`, body),
    onSuccess: () => refreshUser(client, userId),
  })
}

/** Needs `credit.manage`: gives back a deduction after an upheld appeal. */
export function useRestoreCredit(userId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ eventId, reason }: { eventId: string; reason: string }) =>
      post<CreditEventView>(`/api/credit/events/${encodeURIComponent(eventId)}/restore`, { reason }),
    // Refreshed on a refusal too: "already restored" means the list on screen is behind.
    onSettled: () => refreshUser(client, userId),
  })
}

/** Needs `credit.manage`. */
export function usePublishCreditPolicy() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: PublishCreditPolicyBody) => post<CreditPolicy>('/api/credit/policy', body),
    onSuccess: () => client.invalidateQueries({ queryKey: creditKeys.all }),
  })
}
