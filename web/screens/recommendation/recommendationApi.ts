// Recommendation (A14) in the browser. In the portal: the feed (personalised for a signed-in user unless they turned
// it off), each item with why it is shown; the user's switch and interest tags; views and likes. In the console: the
// model's versions and the operators' interventions. Types mirror src/platform/recommendation/.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ContentView,
  FeedInterventionView,
  Items,
  RecommendationModelDocument,
  RecommendationTopic,
} from '../../api/types.ts'
import { get, post } from '../../app/api.ts'
import { portalKeys, userRequest } from '../../portal/userSession.tsx'

export type RecommendationCategory = 'encourage' | 'neutral' | 'prevent' | 'prohibit'

/** Mirrors `WhyReason` in src/platform/recommendation/rank.ts. */
export interface WhyReason {
  code:
    | 'interest'
    | 'fresh'
    | 'popular'
    | 'encouraged'
    | 'prevented'
    | 'pinned'
    | 'boosted'
    | 'demoted'
    | 'not_personalised'
  tags?: string[]
  topics?: string[]
  reason?: string
}

export interface FeedItemView extends ContentView {
  pinned: boolean
  /** Whether the signed-in user has liked it. */
  liked: boolean
  category: RecommendationCategory
  why: WhyReason[]
}

export interface FeedView {
  personalised: boolean
  modelVersion: number
  items: FeedItemView[]
}

export type TopicDefinition = RecommendationTopic
export type ModelDocument = RecommendationModelDocument

/** The server's documented bounds (model.ts). */
export const MAX_ENCOURAGE_BOOST = 1
export const MAX_INTERVENTION_BOUND = 5
export const MAX_PER_AUTHOR = 20
export const MAX_INTERVENTION_DAYS = 90

export interface ModelView {
  version: number
  document: ModelDocument
  note: string
  publishedAt: string | null
  publishedByName: string | null
}

export type InterventionView = FeedInterventionView
export type InterventionAction = InterventionView['action']
export type InterventionTargetKind = InterventionView['targetKind']

export interface AddInterventionBody {
  targetKind: InterventionTargetKind
  target: string
  action: InterventionAction
  factor?: number
  reason: string
  expiresAt: string
}

export interface FeedSetting {
  personalised: boolean
  updatedAt: string | null
}

export interface Interest {
  tag: string
  weight: number
  updatedAt: string
}

export const feedKeys = {
  feed: (signedIn: boolean) => ['content', 'recommended', signedIn] as const,
  setting: [...portalKeys.all, 'feed-setting'] as const,
  interests: [...portalKeys.all, 'interests'] as const,
  publicModel: ['recommendation', 'public-model'] as const,
  models: ['recommendation', 'models'] as const,
  interventions: (active: boolean) => ['recommendation', 'interventions', active] as const,
  interventionsAll: ['recommendation', 'interventions'] as const,
}

/** The recommended feed: the user's own when signed in, anyone's otherwise. */
export function useRecommendedFeed(signedIn: boolean) {
  return useQuery({
    queryKey: feedKeys.feed(signedIn),
    queryFn: () =>
      signedIn
        ? userRequest<FeedView>('GET', '/api/users/me/feed?limit=50')
        : get<FeedView>('/api/feed?limit=50', { ignoreUnauthorized: true }),
  })
}

export function useFeedSetting() {
  return useQuery({
    queryKey: feedKeys.setting,
    queryFn: () => userRequest<FeedSetting>('GET', '/api/users/me/feed-settings'),
  })
}

function useInvalidateFeed() {
  const client = useQueryClient()
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['content', 'recommended'] }),
      client.invalidateQueries({ queryKey: feedKeys.setting }),
      client.invalidateQueries({ queryKey: feedKeys.interests }),
    ])
}

export function useSetFeedSetting() {
  const invalidate = useInvalidateFeed()
  return useMutation({
    mutationFn: (personalised: boolean) =>
      userRequest<FeedSetting>('PUT', '/api/users/me/feed-settings', { personalised }),
    onSuccess: invalidate,
  })
}

export function useInterests() {
  return useQuery({
    queryKey: feedKeys.interests,
    queryFn: async () => (await userRequest<Items<Interest>>('GET', '/api/users/me/interests')).items,
  })
}

export function useDeleteInterest() {
  const invalidate = useInvalidateFeed()
  return useMutation({
    mutationFn: (tag: string) =>
      userRequest<void>('DELETE', `/api/users/me/interests/${encodeURIComponent(tag)}`),
    onSuccess: invalidate,
  })
}

export function useResetInterests() {
  const invalidate = useInvalidateFeed()
  return useMutation({
    mutationFn: () => userRequest<{ deleted: number }>('DELETE', '/api/users/me/interests'),
    onSuccess: invalidate,
  })
}

/** Whether the signed-in user has liked one item (the post page; the feed carries it on each item). */
export function useLiked(itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['content', 'liked', itemId] as const,
    queryFn: () =>
      userRequest<{ liked: boolean }>('GET', `/api/content/${encodeURIComponent(itemId)}/interactions/like`),
    enabled,
  })
}

/** Marks an item liked or not in the signed-in user's cached feed and post page, so that either shows it at once. */
function markLiked(client: ReturnType<typeof useQueryClient>, itemId: string, liked: boolean) {
  client.setQueryData(['content', 'liked', itemId], { liked })
  client.setQueryData<FeedView>(feedKeys.feed(true), (feed) =>
    feed ? { ...feed, items: feed.items.map((i) => (i.id === itemId ? { ...i, liked } : i)) } : feed,
  )
}

/** Records a view or a like; a like refreshes the user's interests and marks the item in the cached feed. */
export function useInteract() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (v: { itemId: string; kind: 'view' | 'like' }) =>
      userRequest<{ recorded: boolean }>(
        'POST',
        `/api/content/${encodeURIComponent(v.itemId)}/interactions`,
        {
          kind: v.kind,
        },
      ),
    onSuccess: (_, v) => {
      // recorded or not (a like the server already had), the item is liked now
      if (v.kind === 'like') markLiked(client, v.itemId, true)
      return client.invalidateQueries({ queryKey: feedKeys.interests })
    },
  })
}

/** Withdraws the user's like: the item's count and the user's interests fall back. */
export function useWithdrawLike() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (itemId: string) =>
      userRequest<{ withdrawn: boolean }>(
        'DELETE',
        `/api/content/${encodeURIComponent(itemId)}/interactions/like`,
      ),
    onSuccess: (_, itemId) => {
      // withdrawn or not (there was none), the item is not liked now
      markLiked(client, itemId, false)
      return client.invalidateQueries({ queryKey: feedKeys.interests })
    },
  })
}

/** The model in force, as published for anyone (A14 transparency). */
export function usePublicModel() {
  return useQuery({
    queryKey: feedKeys.publicModel,
    queryFn: () => get<ModelView>('/api/public/recommendation-model', { ignoreUnauthorized: true }),
  })
}

// --- console ---

export function useModels() {
  return useQuery({
    queryKey: feedKeys.models,
    queryFn: async () => (await get<Items<ModelView>>('/api/recommendation/models')).items,
  })
}

export function usePublishModel() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { document: ModelDocument; note: string }) =>
      post<ModelView>('/api/recommendation/models', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['recommendation'] }),
  })
}

export function useInterventions(active: boolean) {
  return useQuery({
    queryKey: feedKeys.interventions(active),
    queryFn: async () =>
      (await get<Items<InterventionView>>(`/api/recommendation/interventions${active ? '?active=true' : ''}`))
        .items,
  })
}

export function useAddIntervention() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AddInterventionBody) =>
      post<InterventionView>('/api/recommendation/interventions', body),
    onSuccess: () => client.invalidateQueries({ queryKey: feedKeys.interventionsAll }),
  })
}

export function useRevokeIntervention() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      post<InterventionView>(`/api/recommendation/interventions/${encodeURIComponent(id)}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: feedKeys.interventionsAll }),
  })
}
