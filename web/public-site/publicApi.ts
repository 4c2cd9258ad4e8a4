// What the regulator publishes for anyone (no session): its clarifications, newest first, and one of them with its
// schema.org ClaimReview.
import { useQuery } from '@tanstack/react-query'
import type { Items, PublicClarification } from '../api/types.ts'
import { get } from '../app/api.ts'

export const publicKeys = {
  clarifications: ['public', 'clarifications'] as const,
  clarification: (id: string) => ['public', 'clarifications', id] as const,
}

export function usePublicClarifications() {
  return useQuery({
    queryKey: publicKeys.clarifications,
    queryFn: async () =>
      (await get<Items<PublicClarification>>('/api/public/clarifications', { ignoreUnauthorized: true }))
        .items,
  })
}

export function usePublicClarification(id: string) {
  return useQuery({
    queryKey: publicKeys.clarification(id),
    queryFn: () =>
      get<PublicClarification>(`/api/public/clarifications/${encodeURIComponent(id)}`, {
        ignoreUnauthorized: true,
      }),
  })
}
