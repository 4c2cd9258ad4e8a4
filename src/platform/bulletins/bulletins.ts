// Notifications (通报, A5.1) from the regulator on the platform: `bulletin.issued` is kept for staff to read; when one
// of them acknowledges it, the platform answers `bulletin.acknowledged` so the regulator sees it was read, and when.
import { desc, eq } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { append } from '../../ledger/index.ts'
import type { Envelope, HandlerContext, MessageHandler, ProtocolNode } from '../../protocol/index.ts'
import { receivedBulletin } from './tables.ts'

type Row = typeof receivedBulletin.$inferSelect

export interface ReceivedBulletinView {
  id: string
  fromNode: string
  number: string
  title: string
  body: string
  articles: string[]
  issuedByOrganisation: string
  issuedAt: string
  receivedAt: string
  acknowledgedAt: string | null
  acknowledgedByName: string | null
}

const present = (r: Row): ReceivedBulletinView => ({
  id: r.id,
  fromNode: r.fromNode,
  number: r.number,
  title: r.title,
  body: r.body,
  articles: r.articles,
  issuedByOrganisation: r.issuedByOrganisation,
  issuedAt: r.issuedAt.toISOString(),
  receivedAt: r.receivedAt.toISOString(),
  acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  acknowledgedByName: r.acknowledgedByName,
})

export const BulletinIssuedSchema = Type.Object(
  {
    bulletinId: Type.String({ format: 'uuid' }),
    number: Type.String({ minLength: 1, maxLength: 64 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 10_000 }),
    articles: Type.Array(Type.String({ maxLength: 20 }), { minItems: 1, maxItems: 20 }),
    issuedByOrganisation: Type.String({ maxLength: 200 }),
    issuedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)

/** Keeps a bulletin from a regulator; the same bulletin again changes nothing. */
export const bulletinIssuedHandler: MessageHandler = {
  type: 'bulletin.issued',
  body: BulletinIssuedSchema,
  articles: ['A5.1'],
  receivers: ['platform'],
  senders: ['regulator'],
  async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
    const b = env.body as {
      bulletinId: string
      number: string
      title: string
      body: string
      articles: string[]
      issuedByOrganisation: string
      issuedAt: string
    }
    await tx
      .insert(receivedBulletin)
      .values({
        id: b.bulletinId,
        fromNode: env.from,
        number: b.number,
        title: b.title,
        body: b.body,
        articles: b.articles,
        issuedByOrganisation: b.issuedByOrganisation,
        issuedAt: new Date(b.issuedAt),
        receivedAt: ctx.now,
      })
      .onConflictDoNothing()
  },
}

export async function listReceivedBulletins(tx: Tx): Promise<ReceivedBulletinView[]> {
  const rows = await tx.select().from(receivedBulletin).orderBy(desc(receivedBulletin.receivedAt)).limit(500)
  return rows.map(present)
}

/** Staff acknowledge a bulletin: once, on the ledger, and the regulator is told. */
export async function acknowledgeBulletin(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  id: string,
  now: Date = new Date(),
): Promise<ReceivedBulletinView> {
  const [row] = await tx.select().from(receivedBulletin).where(eq(receivedBulletin.id, id)).for('update')
  if (!row) throw new DomainError('BULLETIN_NOT_FOUND', { id })
  if (row.acknowledgedAt !== null) throw new DomainError('BULLETIN_ALREADY_ACKNOWLEDGED', { id })
  const [updated] = await tx
    .update(receivedBulletin)
    .set({ acknowledgedAt: now, acknowledgedByName: actor.name })
    .where(eq(receivedBulletin.id, id))
    .returning()
  await protocol.send(tx, actor, {
    to: row.fromNode,
    type: 'bulletin.acknowledged',
    body: { bulletinId: id, acknowledgedAt: now.toISOString(), acknowledgedByName: actor.name },
    articles: ['A5.1'],
  })
  await append(tx, {
    actor,
    action: 'bulletin.acknowledged',
    subject: { type: 'bulletin', id },
    articles: ['A5.1', 'A19.2'],
    details: { number: row.number, from: row.fromNode },
    at: now,
  })
  return present(updated as Row)
}
