// Industry conventions (A10) on the platform: `convention.published` is kept (only if its text matches its digest);
// the platform admin signs a version, on the ledger, and the platform answers `convention.signed` — the envelope
// signed by the node's key — naming the digest of the text it signed.
import { desc, eq } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Actor } from '../../core/auth/index.ts'
import { sha256Hex } from '../../core/crypto.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { append } from '../../ledger/index.ts'
import type { Envelope, HandlerContext, MessageHandler, ProtocolNode } from '../../protocol/index.ts'
import { receivedConvention } from './tables.ts'

type Row = typeof receivedConvention.$inferSelect

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

const present = (r: Row): ReceivedConventionView => ({
  id: r.id,
  fromNode: r.fromNode,
  key: r.key,
  version: r.version,
  title: r.title,
  body: r.body,
  textSha256: r.textSha256,
  publishedAt: r.publishedAt.toISOString(),
  receivedAt: r.receivedAt.toISOString(),
  signedAt: r.signedAt?.toISOString() ?? null,
  signedByName: r.signedByName,
})

export const ConventionPublishedSchema = Type.Object(
  {
    conventionId: Type.String({ format: 'uuid' }),
    key: Type.String({ minLength: 1, maxLength: 64 }),
    version: Type.Integer({ minimum: 1 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 20_000 }),
    textSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    publishedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)

/** Keeps a convention version from the regulator; the same one again changes nothing. */
export const conventionPublishedHandler: MessageHandler = {
  type: 'convention.published',
  body: ConventionPublishedSchema,
  articles: ['A10'],
  receivers: ['platform'],
  senders: ['regulator'],
  async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
    const b = env.body as {
      conventionId: string
      key: string
      version: number
      title: string
      body: string
      textSha256: string
      publishedAt: string
    }
    if (sha256Hex(b.body) !== b.textSha256)
      throw new DomainError('CONVENTION_TEXT_MISMATCH', { id: b.conventionId })
    await tx
      .insert(receivedConvention)
      .values({
        id: b.conventionId,
        fromNode: env.from,
        key: b.key,
        version: b.version,
        title: b.title,
        body: b.body,
        textSha256: b.textSha256,
        publishedAt: new Date(b.publishedAt),
        receivedAt: ctx.now,
      })
      .onConflictDoNothing()
  },
}

export async function listReceivedConventions(tx: Tx): Promise<ReceivedConventionView[]> {
  const rows = await tx
    .select()
    .from(receivedConvention)
    .orderBy(desc(receivedConvention.receivedAt))
    .limit(500)
  return rows.map(present)
}

/** The platform signs a convention version: once, on the ledger; the regulator is told (`convention.signed`). */
export async function signConvention(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  id: string,
  now: Date = new Date(),
): Promise<ReceivedConventionView> {
  const [row] = await tx.select().from(receivedConvention).where(eq(receivedConvention.id, id)).for('update')
  if (!row) throw new DomainError('CONVENTION_NOT_FOUND', { id })
  if (row.signedAt !== null) throw new DomainError('CONVENTION_ALREADY_SIGNED', { id })
  const [updated] = await tx
    .update(receivedConvention)
    .set({ signedAt: now, signedByName: actor.name })
    .where(eq(receivedConvention.id, id))
    .returning()
  await protocol.send(tx, actor, {
    to: row.fromNode,
    type: 'convention.signed',
    body: {
      conventionId: id,
      version: row.version,
      textSha256: row.textSha256,
      signedAt: now.toISOString(),
      signedByName: actor.name,
    },
    articles: ['A10'],
  })
  await append(tx, {
    actor,
    action: 'convention.signed',
    subject: { type: 'convention', id },
    articles: ['A10'],
    evidence: { title: row.title, body: row.body },
    details: { key: row.key, version: row.version, textSha256: row.textSha256, to: row.fromNode },
    at: now,
  })
  return present(updated as Row)
}
