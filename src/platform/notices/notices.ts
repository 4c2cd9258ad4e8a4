// What the platform tells a user about decisions on their content and account (A11.2, A13.3, A12.1). A notice is
// written in the same transaction as the decision it explains, so a user is never left without the reason.
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../../core/db/index.ts'
import { newId } from '../../core/ids.ts'
import { userNotice } from './tables.ts'

export interface NoticeInput {
  userId: string
  kind: string
  subject?: { type: string; id: string }
  zh: string
  en: string
  articles: string[]
  at?: Date
}

export interface NoticeView {
  id: string
  kind: string
  subject: { type: string; id: string } | null
  zh: string
  en: string
  articles: string[]
  createdAt: string
  read: boolean
}

export async function notifyUser(tx: Tx, input: NoticeInput): Promise<string> {
  const at = input.at ?? new Date()
  const id = newId(at.getTime())
  await tx.insert(userNotice).values({
    id,
    userId: input.userId,
    kind: input.kind,
    subjectType: input.subject?.type ?? null,
    subjectId: input.subject?.id ?? null,
    zh: input.zh,
    en: input.en,
    articles: input.articles,
    createdAt: at,
  })
  return id
}

/** Many notices in one statement (a disposal's sweep). */
export async function notifyUsers(tx: Tx, inputs: readonly NoticeInput[]): Promise<void> {
  if (inputs.length === 0) return
  await tx.insert(userNotice).values(
    inputs.map((input) => {
      const at = input.at ?? new Date()
      return {
        id: newId(at.getTime()),
        userId: input.userId,
        kind: input.kind,
        subjectType: input.subject?.type ?? null,
        subjectId: input.subject?.id ?? null,
        zh: input.zh,
        en: input.en,
        articles: input.articles,
        createdAt: at,
      }
    }),
  )
}

export async function listNotices(
  tx: Tx,
  userId: string,
  limit: number,
): Promise<{ unread: number; items: NoticeView[] }> {
  const rows = await tx
    .select()
    .from(userNotice)
    .where(eq(userNotice.userId, userId))
    .orderBy(desc(userNotice.createdAt), desc(userNotice.id))
    .limit(limit)
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(userNotice)
    .where(and(eq(userNotice.userId, userId), isNull(userNotice.readAt)))
  return {
    unread: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subject: r.subjectType && r.subjectId ? { type: r.subjectType, id: r.subjectId } : null,
      zh: r.zh,
      en: r.en,
      articles: r.articles,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    })),
  }
}

/** Marks every unread notice of the user read; returns how many. */
export async function markNoticesRead(tx: Tx, userId: string, now: Date = new Date()): Promise<number> {
  const rows = await tx
    .update(userNotice)
    .set({ readAt: now })
    .where(and(eq(userNotice.userId, userId), isNull(userNotice.readAt)))
    .returning({ id: userNotice.id })
  return rows.length
}
