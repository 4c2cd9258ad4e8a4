// Public education (A6): the articles anyone reads (no session) and the staff's publication of them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'
import type { Topic } from './strings.ts'

/** Mirrors `EducationArticleView` in src/regulator/education/education.ts. */
export interface EducationArticle {
  id: string
  topic: Topic
  titleZh: string
  titleEn: string
  summaryZh: string
  summaryEn: string
  bodyZh: string
  bodyEn: string
  organisationNameZh: string
  organisationNameEn: string
  publishedAt: string
}

export type PublishArticleBody = Omit<
  EducationArticle,
  'id' | 'organisationNameZh' | 'organisationNameEn' | 'publishedAt'
>

const keys = {
  public: ['public', 'education'] as const,
  one: (id: string) => ['public', 'education', id] as const,
  staff: ['education'] as const,
}

export function usePublicArticles() {
  return useQuery({
    queryKey: keys.public,
    queryFn: async () =>
      (await get<Items<EducationArticle>>('/api/public/education', { ignoreUnauthorized: true })).items,
  })
}

export function usePublicArticle(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: () =>
      get<EducationArticle>(`/api/public/education/${encodeURIComponent(id)}`, { ignoreUnauthorized: true }),
  })
}

/** Needs `education.publish`. */
export function useArticles() {
  return useQuery({
    queryKey: keys.staff,
    queryFn: async () => (await get<Items<EducationArticle>>('/api/education')).items,
  })
}

/** Needs `education.publish`. */
export function usePublishArticle() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: PublishArticleBody) => post<EducationArticle>('/api/education', body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.staff })
      void client.invalidateQueries({ queryKey: keys.public })
    },
  })
}
