// Queries more than one screen uses. A screen's own queries and mutations live beside the screen.
import { useQuery } from '@tanstack/react-query'
import type {
  Items,
  NodeInfo,
  Organisation,
  ReportGuide,
  RoleInfo,
  StaffView,
  TokenView,
} from '../api/types.ts'
import { get } from './api.ts'

export const keys = {
  node: ['node'] as const,
  organisations: ['organisations'] as const,
  roles: ['roles'] as const,
  staff: ['staff'] as const,
  tokens: ['tokens'] as const,
  reportGuide: ['report-guide'] as const,
}

/** Public: who this node is. */
export function useNode() {
  return useQuery({ queryKey: keys.node, queryFn: () => get<NodeInfo>('/api/node'), staleTime: 5 * 60_000 })
}

/** Needs `organisation.read`; pass `enabled: false` when the person lacks it. */
export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: keys.organisations,
    queryFn: async () => (await get<Items<Organisation>>('/api/organisations')).items,
    staleTime: 5 * 60_000,
    enabled,
  })
}

/** The roles of this kind of node, with the organisation kinds each fits. */
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: keys.roles,
    queryFn: async () => (await get<Items<RoleInfo>>('/api/roles')).items,
    staleTime: 5 * 60_000,
    enabled,
  })
}

/** Needs `staff.read`. */
export function useStaffList(enabled = true) {
  return useQuery({
    queryKey: keys.staff,
    queryFn: async () => (await get<Items<StaffView>>('/api/staff')).items,
    enabled,
  })
}

/** Needs `token.manage`. */
export function useTokens(enabled = true) {
  return useQuery({
    queryKey: keys.tokens,
    queryFn: async () => (await get<Items<TokenView>>('/api/tokens')).items,
    enabled,
  })
}

/** Public: how to report, the categories with their deadlines and the hourly limit (A15). Portal and console. */
export function useReportGuide() {
  return useQuery({
    queryKey: keys.reportGuide,
    queryFn: () => get<ReportGuide>('/api/reports/guide', { ignoreUnauthorized: true }),
    staleTime: 5 * 60_000,
  })
}
