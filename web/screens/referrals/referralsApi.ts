// Referrals (A20) and individuals as case parties (A21), regulator only.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'
import type { CaseIndividualView, LawProvision, ReferralView, SendReferralBody, StepBody } from './types.ts'

export type {
  CaseIndividualView,
  LawProvision,
  ReferralView,
  SendReferralBody,
  StepBody,
} from './types.ts'

/** The steps that may follow each stage (mirrors the tables in src/regulator/referrals/referrals.ts). */
export const NEXT_STEPS: Record<
  ReferralView['kind'],
  Record<string, { step: string; via: 'manage' | 'procurate' }[]>
> = {
  criminal: {
    sent: [{ step: 'receive', via: 'manage' }],
    received: [
      { step: 'file', via: 'manage' },
      { step: 'decline', via: 'manage' },
    ],
    not_filed: [
      { step: 'request_reconsideration', via: 'manage' },
      { step: 'request_supervision', via: 'manage' },
      { step: 'close', via: 'manage' },
    ],
    reconsideration_requested: [
      { step: 'file', via: 'manage' },
      { step: 'decline', via: 'manage' },
    ],
    not_filed_upheld: [
      { step: 'request_supervision', via: 'manage' },
      { step: 'close', via: 'manage' },
    ],
    supervision_requested: [{ step: 'supervise', via: 'procurate' }],
    filed: [{ step: 'close', via: 'manage' }],
    supervised: [{ step: 'close', via: 'manage' }],
  },
  public_interest: {
    sent: [{ step: 'receive', via: 'procurate' }],
    received: [
      { step: 'suggest', via: 'procurate' },
      { step: 'close', via: 'procurate' },
    ],
    suggestion_issued: [
      { step: 'reply', via: 'manage' },
      { step: 'record_reply', via: 'procurate' },
      { step: 'close', via: 'procurate' },
      { step: 'litigate', via: 'procurate' },
    ],
    replied: [
      { step: 'close', via: 'procurate' },
      { step: 'litigate', via: 'procurate' },
    ],
  },
}

const keys = {
  all: ['referrals'] as const,
  list: (f: object) => ['referrals', 'list', f] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
  individuals: (caseId: string) => ['referrals', 'individuals', caseId] as const,
  laws: ['referrals', 'laws'] as const,
}

/** Needs `referral.read`. */
export function useReferrals(filter: { caseId?: string; open?: boolean } = {}) {
  const q = new URLSearchParams({ limit: '500' })
  if (filter.caseId) q.set('caseId', filter.caseId)
  if (filter.open !== undefined) q.set('open', String(filter.open))
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: async () => (await get<Items<ReferralView>>(`/api/referrals?${q}`)).items,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  })
}

export function useReferral(id: string | null) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: () => get<ReferralView>(`/api/referrals/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  })
}

function useStore() {
  const client = useQueryClient()
  return (r: ReferralView) => {
    client.setQueryData(keys.one(r.id), r)
    void client.invalidateQueries({ queryKey: ['referrals', 'list'] })
  }
}

/** Needs `referral.manage`. */
export function useSendReferral() {
  const store = useStore()
  return useMutation({
    mutationFn: (body: SendReferralBody) => post<ReferralView>('/api/referrals', body),
    onSuccess: store,
  })
}

/** `manage` needs `referral.manage`; `procurate` needs `referral.procurate`. */
export function useRecordStep(id: string) {
  const store = useStore()
  return useMutation({
    mutationFn: ({ via, body }: { via: 'manage' | 'procurate'; body: StepBody }) =>
      post<ReferralView>(
        `/api/referrals/${encodeURIComponent(id)}/${via === 'manage' ? 'steps' : 'procuratorate-steps'}`,
        body,
      ),
    onSuccess: store,
  })
}

export function useIndividualLaws() {
  return useQuery({
    queryKey: keys.laws,
    queryFn: async () => (await get<Items<LawProvision>>('/api/individual-laws')).items,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** Needs `case.read`. */
export function useCaseIndividuals(caseId: string | null) {
  return useQuery({
    queryKey: keys.individuals(caseId ?? ''),
    queryFn: async () =>
      (await get<Items<CaseIndividualView>>(`/api/cases/${encodeURIComponent(caseId ?? '')}/individuals`))
        .items,
    enabled: caseId !== null,
  })
}

/** Needs `case.manage`. */
export function useAddIndividual(caseId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { label: string; realName: string; idNumber?: string; conduct: string }) =>
      post<CaseIndividualView>(`/api/cases/${encodeURIComponent(caseId)}/individuals`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.individuals(caseId) }),
  })
}

/** Needs `case.manage`. */
export function useRecordOutcome(caseId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string
      body: { outcome: string; lawIds: string[]; competentOrgan?: string; note?: string; referralId?: string }
    }) =>
      post<CaseIndividualView>(`/api/cases/${encodeURIComponent(caseId)}/individuals/${id}/outcome`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.individuals(caseId) }),
  })
}

/** Needs `individual_identity.unseal`. The answer is shown once and never cached. */
export function useUnsealIndividual(caseId: string) {
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      post<{ realName: string; idNumber: string | null }>(
        `/api/cases/${encodeURIComponent(caseId)}/individuals/${id}/unseal`,
        { reason },
      ),
  })
}
