// Public education (宣传教育, A6): regulator staff publish short articles — how to spot a rumour, how to report one,
// what the measures require — in Chinese with English, read by anyone on the public site (/p/learn). Each
// publication is on the ledger.
import { desc, eq } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { listOrganisations } from '../../core/organisations/index.ts'
import { append } from '../../ledger/index.ts'
import { educationArticle } from './tables.ts'

type Row = typeof educationArticle.$inferSelect

export const EDUCATION_TOPICS = ['spot_rumours', 'how_to_report', 'measures', 'other'] as const
export type EducationTopic = (typeof EDUCATION_TOPICS)[number]

export interface EducationArticleView {
  id: string
  topic: EducationTopic
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

export interface PublishArticleInput {
  topic: EducationTopic
  titleZh: string
  titleEn: string
  summaryZh: string
  summaryEn: string
  bodyZh: string
  bodyEn: string
}

async function present(tx: Tx, rows: Row[]): Promise<EducationArticleView[]> {
  const orgs = new Map((await listOrganisations(tx)).map((o) => [o.id, o]))
  return rows.map((r) => ({
    id: r.id,
    topic: r.topic as EducationTopic,
    titleZh: r.titleZh,
    titleEn: r.titleEn,
    summaryZh: r.summaryZh,
    summaryEn: r.summaryEn,
    bodyZh: r.bodyZh,
    bodyEn: r.bodyEn,
    organisationNameZh: orgs.get(r.organisationId)?.nameZh ?? '',
    organisationNameEn: orgs.get(r.organisationId)?.nameEn ?? '',
    publishedAt: r.publishedAt.toISOString(),
  }))
}

export async function publishArticle(
  tx: Tx,
  actor: Actor,
  input: PublishArticleInput,
  now: Date = new Date(),
): Promise<EducationArticleView> {
  const v = Object.fromEntries(
    Object.entries(input).map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x]),
  ) as PublishArticleInput
  for (const f of ['titleZh', 'titleEn', 'summaryZh', 'summaryEn', 'bodyZh', 'bodyEn'] as const) {
    if (v[f] === '') throw new DomainError('VALIDATION_FAILED', { field: f })
  }
  const id = newId(now.getTime())
  const [row] = await tx
    .insert(educationArticle)
    .values({ id, ...v, organisationId: actor.organisationId, publishedAt: now, publishedByName: actor.name })
    .returning()
  await append(tx, {
    actor,
    action: 'education.published',
    subject: { type: 'education_article', id },
    articles: ['A6'],
    evidence: v,
    details: { topic: v.topic, titleZh: v.titleZh },
    at: now,
  })
  return (await present(tx, [row as Row]))[0] as EducationArticleView
}

/** Every published article, newest first (the public site and the console read the same list). */
export async function listArticles(tx: Tx, limit = 200): Promise<EducationArticleView[]> {
  return present(
    tx,
    await tx.select().from(educationArticle).orderBy(desc(educationArticle.publishedAt)).limit(limit),
  )
}

export async function getArticle(tx: Tx, id: string): Promise<EducationArticleView> {
  const rows = await tx.select().from(educationArticle).where(eq(educationArticle.id, id))
  if (rows.length === 0) throw new DomainError('EDUCATION_NOT_FOUND', { id })
  return (await present(tx, rows))[0] as EducationArticleView
}
