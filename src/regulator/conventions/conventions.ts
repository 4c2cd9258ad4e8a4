// Industry conventions (行业自律公约, A10): the regulator publishes a versioned convention and sends it to every active
// platform (`convention.published`); a platform admin signs it and the platform answers `convention.signed`, the
// envelope signed by the platform's node key and naming the digest of the text signed. The regulator shows which
// platform signed which version; the public site lists conventions and their signatories.
import { and, desc, eq, max, sql } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Actor } from '../../core/auth/index.ts'
import { sha256Hex } from '../../core/crypto.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { append, peerActor } from '../../ledger/index.ts'
import { type Envelope, listPeers, type MessageHandler, type ProtocolNode } from '../../protocol/index.ts'
import { convention, conventionSignature } from './tables.ts'

type Row = typeof convention.$inferSelect

export interface ConventionSignatoryView {
  platformNodeId: string
  nameZh: string
  nameEn: string
  signedAt: string | null
  signedByName: string | null
}

export interface ConventionView {
  id: string
  key: string
  version: number
  title: string
  body: string
  textSha256: string
  publishedAt: string
  publishedByName: string
  /** Every platform it was sent to, with its signature when it signed. */
  platforms: ConventionSignatoryView[]
}

async function present(tx: Tx, rows: Row[]): Promise<ConventionView[]> {
  if (rows.length === 0) return []
  const peers = new Map((await listPeers(tx)).map((p) => [p.nodeId, p]))
  const sigs = await tx.select().from(conventionSignature)
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    version: r.version,
    title: r.title,
    body: r.body,
    textSha256: r.textSha256,
    publishedAt: r.publishedAt.toISOString(),
    publishedByName: r.publishedByName,
    platforms: r.sentTo.map((n) => {
      const s = sigs.find((x) => x.conventionId === r.id && x.platformNodeId === n)
      return {
        platformNodeId: n,
        nameZh: peers.get(n)?.nameZh ?? n,
        nameEn: peers.get(n)?.nameEn ?? n,
        signedAt: s?.signedAt.toISOString() ?? null,
        signedByName: s?.signedByName ?? null,
      }
    }),
  }))
}

export interface PublishConventionInput {
  /** A new convention's key, or an existing one's for its next version. */
  key: string
  title: string
  body: string
}

export async function publishConvention(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  input: PublishConventionInput,
  now: Date = new Date(),
): Promise<ConventionView> {
  const title = input.title.trim()
  const body = input.body.trim()
  if (title === '') throw new DomainError('VALIDATION_FAILED', { field: 'title' })
  if (body === '') throw new DomainError('VALIDATION_FAILED', { field: 'body' })
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('qinglang/convention'))`)
  const [last] = await tx
    .select({ v: max(convention.version) })
    .from(convention)
    .where(eq(convention.key, input.key))
  const version = (last?.v ?? 0) + 1
  const platforms = (await listPeers(tx)).filter((p) => p.kind === 'platform' && p.status === 'active')
  const id = newId(now.getTime())
  const textSha256 = sha256Hex(body)
  for (const p of platforms) {
    await protocol.send(tx, actor, {
      to: p.nodeId,
      type: 'convention.published',
      body: {
        conventionId: id,
        key: input.key,
        version,
        title,
        body,
        textSha256,
        publishedAt: now.toISOString(),
      },
      articles: ['A10'],
    })
  }
  const [row] = await tx
    .insert(convention)
    .values({
      id,
      key: input.key,
      version,
      title,
      body,
      textSha256,
      publishedAt: now,
      publishedByName: actor.name,
      sentTo: platforms.map((p) => p.nodeId),
    })
    .returning()
  await append(tx, {
    actor,
    action: 'convention.published',
    subject: { type: 'convention', id },
    articles: ['A10'],
    evidence: { title, body },
    details: { key: input.key, version, textSha256, platforms: platforms.map((p) => p.nodeId) },
    at: now,
  })
  return (await present(tx, [row as Row]))[0] as ConventionView
}

/** Every version of every convention, newest first, with who signed it. */
export async function listConventions(tx: Tx): Promise<ConventionView[]> {
  return present(tx, await tx.select().from(convention).orderBy(desc(convention.publishedAt)).limit(500))
}

export const ConventionSignedSchema = Type.Object(
  {
    conventionId: Type.String({ format: 'uuid' }),
    version: Type.Integer({ minimum: 1 }),
    textSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    signedAt: Type.String({ format: 'date-time' }),
    signedByName: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
)

/** A platform signed a version: kept once, only from a platform it went to and only for the text published. */
export const conventionSignedHandler: MessageHandler = {
  type: 'convention.signed',
  body: ConventionSignedSchema,
  articles: ['A10'],
  receivers: ['regulator'],
  senders: ['platform'],
  async handle(tx: Tx, env: Envelope, ctx): Promise<void> {
    const b = env.body as {
      conventionId: string
      version: number
      textSha256: string
      signedAt: string
      signedByName: string
    }
    const [c] = await tx.select().from(convention).where(eq(convention.id, b.conventionId))
    if (!c?.sentTo.includes(env.from)) throw new DomainError('CONVENTION_NOT_FOUND', { id: b.conventionId })
    if (c.version !== b.version || c.textSha256 !== b.textSha256) {
      throw new DomainError('CONVENTION_TEXT_MISMATCH', { id: b.conventionId })
    }
    const [had] = await tx
      .select()
      .from(conventionSignature)
      .where(
        and(eq(conventionSignature.conventionId, c.id), eq(conventionSignature.platformNodeId, env.from)),
      )
    if (had) throw new DomainError('CONVENTION_ALREADY_SIGNED', { id: c.id })
    await tx.insert(conventionSignature).values({
      conventionId: c.id,
      platformNodeId: env.from,
      signedAt: new Date(b.signedAt),
      signedByName: b.signedByName,
      envelopeId: env.id,
      receivedAt: ctx.now,
    })
    await append(tx, {
      actor: peerActor(env.from),
      action: 'convention.signed',
      subject: { type: 'convention', id: c.id },
      articles: ['A10'],
      details: {
        key: c.key,
        version: c.version,
        textSha256: c.textSha256,
        platform: env.from,
        envelopeId: env.id,
      },
      at: ctx.now,
    })
  },
}
