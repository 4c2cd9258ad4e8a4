// What the signed-in platform user reads and does: the documents they still have to accept, their own credit,
// accepting the rules (A13.1) and verifying their identity (A13.2). Every call goes as the user (userRequest).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AcceptRulesAnswer,
  AcceptRulesBody,
  CreditView,
  IdentityBody,
  IdentityVerified,
  Items,
  RuleDocument,
} from '../api/types.ts'
import { portalKeys, userRequest } from './userSession.tsx'

/** The documents in force the user has not accepted. */
export function usePendingRules(enabled = true) {
  return useQuery({
    queryKey: portalKeys.pending,
    queryFn: async () => (await userRequest<Items<RuleDocument>>('GET', '/api/users/me/acceptances')).items,
    enabled,
  })
}

/** The user's credit: score, tier, what it allows, the history, and every tier. */
export function useMyCredit() {
  return useQuery({
    queryKey: portalKeys.credit,
    queryFn: () => userRequest<CreditView>('GET', '/api/users/me/credit'),
  })
}

export function useAcceptRules() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AcceptRulesBody) =>
      userRequest<AcceptRulesAnswer>('POST', '/api/users/me/acceptances', body),
    onSuccess: (answer) => client.setQueryData(portalKeys.pending, answer.pending),
  })
}

/** Verifies, then reads the credit again, so the page can say what verifying changed. */
export function useVerifyIdentity() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (body: IdentityBody): Promise<{ verified: IdentityVerified; credit: CreditView }> => {
      const verified = await userRequest<IdentityVerified>('POST', '/api/users/me/identity', body)
      const credit = await userRequest<CreditView>('GET', '/api/users/me/credit')
      return { verified, credit }
    },
    onSuccess: async ({ credit }) => {
      client.setQueryData(portalKeys.credit, credit)
      await client.invalidateQueries({ queryKey: portalKeys.me })
    },
  })
}
