// Industry conventions (A10): on a regulator, every version with its signatories and publishing one; on a platform,
// the versions received and signing one; on the public site, the list with signatories.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

/** Mirrors `ConventionView` in src/regulator/conventions/conventions.ts. */
export interface ConventionView {
  id: string
  key: string
  version: number
  title: string
  body: string
  textSha256: string
  publishedAt: string
  publishedByName: string
  platforms: {
    platformNodeId: string
    nameZh: string
    nameEn: string
    signedAt: string | null
    signedByName: string | null
  }[]
}

/** Mirrors `ReceivedConventionView` in src/platform/conventions/conventions.ts. */
export interface ReceivedConventionView {
  id: string
  fromNode: string
  key: string
  version: number
  title: string
  body: string
  textSha256: string
  publishedAt: string
  receivedAt: string
  signedAt: string | null
  signedByName: string | null
}

export interface PublishConventionBody {
  key: string
  title: string
  body: string
}

export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/

const keys = {
  list: ['conventions'] as const,
  received: ['conventions', 'received'] as const,
  public: ['public', 'conventions'] as const,
}

/** Needs `convention.read`, on a regulator. */
export function useConventions() {
  return useQuery({
    queryKey: keys.list,
    queryFn: async () => (await get<Items<ConventionView>>('/api/conventions')).items,
    refetchInterval: 15_000,
  })
}

/** Needs `convention.publish`. */
export function usePublishConvention() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: PublishConventionBody) => post<ConventionView>('/api/conventions', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.list }),
  })
}

export function usePublicConventions() {
  return useQuery({
    queryKey: keys.public,
    queryFn: async () =>
      (await get<Items<ConventionView>>('/api/public/conventions', { ignoreUnauthorized: true })).items,
  })
}

/** Needs `convention.read`, on a platform. */
export function useReceivedConventions() {
  return useQuery({
    queryKey: keys.received,
    queryFn: async () => (await get<Items<ReceivedConventionView>>('/api/received-conventions')).items,
    refetchInterval: 30_000,
  })
}

/** Needs `convention.sign`. */
export function useSignConvention() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      post<ReceivedConventionView>(`/api/received-conventions/${encodeURIComponent(id)}/sign`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.received }),
  })
}
