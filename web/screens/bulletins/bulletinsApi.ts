// Bulletins (通报, A5.1) on both kinds of node. On a regulator: the bulletins one's organisation issued or received
// (the city CAC: all), one bulletin, issuing one, and recording that one's organisation has read it. On a platform:
// the bulletins received from the regulator, and acknowledging one (the regulator is told over the protocol).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { BulletinView, IssueBulletinBody, Items, ReceivedBulletinView } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export interface BulletinFilter {
  unread?: boolean
  caseId?: string
}

export const bulletinKeys = {
  all: ['bulletins'] as const,
  list: (f: BulletinFilter) => ['bulletins', 'list', f] as const,
  one: (id: string) => ['bulletins', 'one', id] as const,
  received: ['bulletins', 'received'] as const,
}

/** The server's bounds (src/regulator/bulletins/routes.ts). */
export const TITLE_MAX = 200
export const BODY_MAX = 10_000
export const ARTICLES_MAX = 10
export const ARTICLE_PATTERN = /^A\d{1,2}(\.\d)?$/

/** How often a list asks again while a platform's acknowledgement may still be on its way. */
const REFRESH_MS = 15_000

/** Read and acknowledged so far, of all the recipients. */
export function readCount(b: BulletinView): { read: number; total: number } {
  return { read: b.recipients.filter((r) => r.readAt !== null).length, total: b.recipients.length }
}

/** Addressed to the caller's organisation and not yet read by it. */
export const unreadByMe = (b: BulletinView) => b.addressedToMe && !b.readByMe

/** Needs `case.read`, on a regulator node. Newest first. */
export function useBulletins(filter: BulletinFilter, enabled = true) {
  const q = new URLSearchParams({ limit: '500' })
  if (filter.unread) q.set('unread', 'true')
  if (filter.caseId) q.set('caseId', filter.caseId)
  return useQuery({
    queryKey: bulletinKeys.list(filter),
    queryFn: async () => (await get<Items<BulletinView>>(`/api/bulletins?${q}`)).items,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    enabled,
  })
}

export function useBulletin(id: string | null) {
  return useQuery({
    queryKey: bulletinKeys.one(id ?? ''),
    queryFn: () => get<BulletinView>(`/api/bulletins/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: REFRESH_MS,
  })
}

/** Puts a bulletin as it now is in the cache, and asks the lists again. */
function useStoreBulletin() {
  const client = useQueryClient()
  return (b: BulletinView) => {
    client.setQueryData(bulletinKeys.one(b.id), b)
    void client.invalidateQueries({ queryKey: ['bulletins', 'list'] })
  }
}

/** Needs `case.manage`. */
export function useIssueBulletin() {
  const store = useStoreBulletin()
  return useMutation({
    mutationFn: (body: IssueBulletinBody) => post<BulletinView>('/api/bulletins', body),
    onSuccess: store,
  })
}

/** Needs `case.read`; the bulletin must be addressed to the caller's organisation. */
export function useMarkBulletinRead() {
  const store = useStoreBulletin()
  return useMutation({
    mutationFn: (id: string) => post<BulletinView>(`/api/bulletins/${encodeURIComponent(id)}/read`),
    onSuccess: store,
  })
}

/** Needs `order.read`, on a platform node. Newest first. */
export function useReceivedBulletins() {
  return useQuery({
    queryKey: bulletinKeys.received,
    queryFn: async () => (await get<Items<ReceivedBulletinView>>('/api/received-bulletins')).items,
    refetchInterval: 30_000,
  })
}

/** Needs `order.execute`. */
export function useAcknowledgeBulletin() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      post<ReceivedBulletinView>(`/api/received-bulletins/${encodeURIComponent(id)}/acknowledge`),
    onSuccess: (b) =>
      client.setQueryData<ReceivedBulletinView[]>(bulletinKeys.received, (list) =>
        list?.map((x) => (x.id === b.id ? b : x)),
      ),
    // a refusal (BULLETIN_ALREADY_ACKNOWLEDGED) means a colleague was quicker: show it as it now is
    onSettled: () => client.invalidateQueries({ queryKey: bulletinKeys.received }),
  })
}
