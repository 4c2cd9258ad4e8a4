// What the signed-in platform user reads and does: the documents they still have to accept, their own credit,
// accepting the rules (A13.1) and verifying their identity (A13.2), reporting items and following the reports
// (A15), appealing decisions on their own items. Every call goes as the user (userRequest).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AcceptRulesAnswer,
  AcceptRulesBody,
  AppealView,
  ContentView,
  CreditView,
  FileAppealBody,
  FileReportBody,
  IdentityBody,
  IdentityVerified,
  Items,
  OwnContentView,
  PublishBody,
  ReportView,
  RuleDocument,
  UserNotice,
} from '../api/types.ts'
import { get } from '../app/api.ts'
import { portalKeys, userRequest } from './userSession.tsx'

/** Published content is public: its queries sit apart from the user's own. */
export const contentKeys = {
  all: ['content'] as const,
  feed: ['content', 'feed'] as const,
  item: (id: string) => ['content', 'item', id] as const,
  thread: (id: string) => ['content', 'thread', id] as const,
}

/** The documents in force the user has not accepted. */
export function usePendingRules(enabled = true) {
  return useQuery({
    queryKey: portalKeys.pending,
    queryFn: async () => (await userRequest<Items<RuleDocument>>('GET', '/api/users/me/acceptances')).items,
    enabled,
  })
}

/** What the platform told the user about decisions on their content and account. */
export function useMyNotices() {
  return useQuery({
    queryKey: portalKeys.notices,
    queryFn: () => userRequest<{ unread: number; items: UserNotice[] }>('GET', '/api/users/me/notices'),
  })
}

export function useMarkNoticesRead() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => userRequest<{ marked: number }>('POST', '/api/users/me/notices/read'),
    onSuccess: () => client.invalidateQueries({ queryKey: portalKeys.notices }),
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

/** The newest published posts (public). */
export function useFeed() {
  return useQuery({
    queryKey: contentKeys.feed,
    queryFn: async () => (await get<Items<ContentView>>('/api/content', { ignoreUnauthorized: true })).items,
  })
}

/** One published post (public). */
export function usePost(id: string) {
  return useQuery({
    queryKey: contentKeys.item(id),
    queryFn: () => get<ContentView>(`/api/content/${encodeURIComponent(id)}`, { ignoreUnauthorized: true }),
  })
}

/** A published post's comments, replies and bullet comments (public). */
export function useThread(postId: string) {
  return useQuery({
    queryKey: contentKeys.thread(postId),
    queryFn: async () =>
      (
        await get<Items<ContentView>>(`/api/content?postId=${encodeURIComponent(postId)}&limit=200`, {
          ignoreUnauthorized: true,
        })
      ).items,
  })
}

/** The user's own items, whatever became of them, with the reasons. */
export function useMyContent() {
  return useQuery({
    queryKey: portalKeys.content,
    queryFn: async () => (await userRequest<Items<OwnContentView>>('GET', '/api/users/me/content')).items,
  })
}

/** Publishes a post, comment, reply or bullet comment; the answer says what became of it. */
export function usePublish() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: PublishBody) => userRequest<OwnContentView>('POST', '/api/content', body),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: contentKeys.all }),
        client.invalidateQueries({ queryKey: portalKeys.content }),
      ])
    },
  })
}

/** Reports an item; the answer carries the tracking number and the deadline. */
export function useFileReport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: FileReportBody) => userRequest<ReportView>('POST', '/api/reports', body),
    onSuccess: () => client.invalidateQueries({ queryKey: portalKeys.reports }),
  })
}

/** The user's reports, newest first, with their status and, once decided, the outcome. */
export function useMyReports() {
  return useQuery({
    queryKey: portalKeys.reports,
    queryFn: async () => (await userRequest<Items<ReportView>>('GET', '/api/users/me/reports')).items,
  })
}

/** One of the user's reports by its tracking number; nothing is asked while the number is empty. */
export function useTrackReport(trackingNo: string) {
  return useQuery({
    queryKey: [...portalKeys.reports, 'track', trackingNo],
    queryFn: () => userRequest<ReportView>('GET', `/api/users/me/reports/${encodeURIComponent(trackingNo)}`),
    enabled: trackingNo !== '',
    retry: false,
  })
}

/** Appeals a decision on one of the user's items. */
export function useFileAppeal() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: FileAppealBody) => userRequest<AppealView>('POST', '/api/appeals', body),
    onSuccess: () => client.invalidateQueries({ queryKey: portalKeys.appeals }),
  })
}

/** The user's appeals and their outcomes. */
export function useMyAppeals() {
  return useQuery({
    queryKey: portalKeys.appeals,
    queryFn: async () => (await userRequest<Items<AppealView>>('GET', '/api/users/me/appeals')).items,
  })
}
