// Notifications (通报, A5.1): an organisation of the regulator tells departments, county offices and platforms of a
// matter — a rumour spreading across counties, a case's findings, what platforms should watch for. Organisations read
// it in their console (each reading on the ledger); platforms receive it over the protocol (`bulletin.issued`) and
// acknowledge it (`bulletin.acknowledged`). The issuer sees who has read it. A department sees the bulletins it issued
// or received; the city CAC sees all.
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Actor } from '../../core/auth/index.ts'
import { nextYearNumber, type Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { listOrganisations, type Organisation } from '../../core/organisations/index.ts'
import { append } from '../../ledger/index.ts'
import { type Envelope, listPeers, type MessageHandler, type ProtocolNode } from '../../protocol/index.ts'
import { chinaDate, seesAll, visibleCaseNumber } from '../cases/index.ts'
import { bulletin, bulletinRecipient } from './tables.ts'

type Row = typeof bulletin.$inferSelect
type RecipientRow = typeof bulletinRecipient.$inferSelect

/** Organisations a bulletin may go to: the CAC, the partner departments, the county offices. */
const RECIPIENT_KINDS = new Set(['cac', 'department', 'county'])

export interface BulletinRecipientView {
  kind: 'organisation' | 'platform'
  id: string
  nameZh: string
  nameEn: string
  readAt: string | null
  readByName: string | null
}

export interface BulletinView {
  id: string
  number: string
  title: string
  body: string
  articles: string[]
  caseId: string | null
  issuingOrganisationId: string
  issuingNameZh: string
  issuedAt: string
  issuedByName: string
  recipients: BulletinRecipientView[]
  /** Whether the caller's organisation is among the recipients, and whether it has read it. */
  addressedToMe: boolean
  readByMe: boolean
}

export interface IssueBulletinInput {
  title: string
  body: string
  articles?: string[]
  caseId?: string
  organisationIds?: string[]
  platformNodeIds?: string[]
}

async function names(
  tx: Tx,
): Promise<{ orgs: Map<string, Organisation>; peers: Map<string, { zh: string; en: string }> }> {
  const orgs = new Map((await listOrganisations(tx)).map((o) => [o.id, o]))
  const peers = new Map((await listPeers(tx)).map((p) => [p.nodeId, { zh: p.nameZh, en: p.nameEn }]))
  return { orgs, peers }
}

function present(
  r: Row,
  recipients: RecipientRow[],
  n: Awaited<ReturnType<typeof names>>,
  actor: Actor,
): BulletinView {
  const mine = recipients.find((x) => x.kind === 'organisation' && x.recipientId === actor.organisationId)
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    body: r.body,
    articles: r.articles,
    caseId: r.caseId,
    issuingOrganisationId: r.issuingOrganisationId,
    issuingNameZh: n.orgs.get(r.issuingOrganisationId)?.nameZh ?? '',
    issuedAt: r.issuedAt.toISOString(),
    issuedByName: r.issuedByName,
    recipients: recipients
      .filter((x) => x.bulletinId === r.id)
      .map((x) => {
        const o = x.kind === 'organisation' ? n.orgs.get(x.recipientId) : undefined
        const p = x.kind === 'platform' ? n.peers.get(x.recipientId) : undefined
        return {
          kind: x.kind as BulletinRecipientView['kind'],
          id: x.recipientId,
          nameZh: o?.nameZh ?? p?.zh ?? x.recipientId,
          nameEn: o?.nameEn ?? p?.en ?? x.recipientId,
          readAt: x.readAt?.toISOString() ?? null,
          readByName: x.readByName,
        }
      }),
    addressedToMe: mine !== undefined,
    readByMe: mine?.readAt != null,
  }
}

function nextNumber(tx: Tx, now: Date): Promise<string> {
  return nextYearNumber(tx, bulletin, bulletin.number, 'TB', chinaDate(now).slice(0, 4))
}

export async function issueBulletin(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  input: IssueBulletinInput,
  now: Date = new Date(),
): Promise<BulletinView> {
  const title = input.title.trim()
  const body = input.body.trim()
  if (title === '') throw new DomainError('VALIDATION_FAILED', { field: 'title' })
  if (body === '') throw new DomainError('VALIDATION_FAILED', { field: 'body' })
  const orgIds = [...new Set(input.organisationIds ?? [])]
  const platformIds = [...new Set(input.platformNodeIds ?? [])]
  if (orgIds.length + platformIds.length === 0) {
    throw new DomainError('BULLETIN_NO_RECIPIENTS', { field: 'organisationIds' })
  }
  const n = await names(tx)
  for (const [i, id] of orgIds.entries()) {
    const o = n.orgs.get(id)
    if (!o || !RECIPIENT_KINDS.has(o.kind) || id === actor.organisationId) {
      throw new DomainError('BULLETIN_RECIPIENT_INVALID', { field: `organisationIds/${i}`, id })
    }
  }
  const peers = new Map((await listPeers(tx)).map((p) => [p.nodeId, p]))
  for (const [i, id] of platformIds.entries()) {
    const p = peers.get(id)
    if (p?.kind !== 'platform' || p.status !== 'active') {
      throw new DomainError('BULLETIN_RECIPIENT_INVALID', { field: `platformNodeIds/${i}`, id })
    }
  }
  const caseNumber = input.caseId ? await visibleCaseNumber(tx, actor, input.caseId) : null
  const articles = input.articles && input.articles.length > 0 ? [...new Set(input.articles)] : ['A5.1']
  const id = newId(now.getTime())
  const number = await nextNumber(tx, now)
  const issuer = n.orgs.get(actor.organisationId)
  const [row] = await tx
    .insert(bulletin)
    .values({
      id,
      number,
      title,
      body,
      articles,
      caseId: input.caseId ?? null,
      issuingOrganisationId: actor.organisationId,
      issuedAt: now,
      issuedByName: actor.name,
    })
    .returning()
  const recipients: (typeof bulletinRecipient.$inferInsert)[] = orgIds.map((o) => ({
    bulletinId: id,
    kind: 'organisation',
    recipientId: o,
  }))
  for (const p of platformIds) {
    const envelopeId = await protocol.send(tx, actor, {
      to: p,
      type: 'bulletin.issued',
      body: {
        bulletinId: id,
        number,
        title,
        body,
        articles,
        issuedByOrganisation: issuer?.nameZh ?? '',
        issuedAt: now.toISOString(),
      },
      articles: ['A5.1'],
    })
    recipients.push({ bulletinId: id, kind: 'platform', recipientId: p, envelopeId })
  }
  await tx.insert(bulletinRecipient).values(recipients)
  await append(tx, {
    actor,
    action: 'bulletin.issued',
    subject: { type: 'bulletin', id },
    articles: ['A5.1', ...articles.filter((a) => a !== 'A5.1')],
    evidence: { title, body },
    details: {
      number,
      caseNumber,
      organisations: orgIds.map((o) => n.orgs.get(o)?.key ?? o),
      platforms: platformIds,
    },
    at: now,
  })
  return present(
    row as Row,
    await tx.select().from(bulletinRecipient).where(eq(bulletinRecipient.bulletinId, id)),
    n,
    actor,
  )
}

/** The bulletins the caller's organisation issued or received, newest first (the city CAC: all). */
export async function listBulletins(
  tx: Tx,
  actor: Actor,
  filter: { caseId?: string; unread?: boolean; limit?: number } = {},
): Promise<BulletinView[]> {
  const all = await seesAll(tx, actor)
  const toMe = tx
    .select({ id: bulletinRecipient.bulletinId })
    .from(bulletinRecipient)
    .where(
      and(
        eq(bulletinRecipient.kind, 'organisation'),
        eq(bulletinRecipient.recipientId, actor.organisationId),
        filter.unread ? sql`${bulletinRecipient.readAt} is null` : undefined,
      ),
    )
  const rows = await tx
    .select()
    .from(bulletin)
    .where(
      and(
        filter.caseId ? eq(bulletin.caseId, filter.caseId) : undefined,
        filter.unread
          ? inArray(bulletin.id, toMe)
          : all
            ? undefined
            : or(eq(bulletin.issuingOrganisationId, actor.organisationId), inArray(bulletin.id, toMe)),
      ),
    )
    .orderBy(desc(bulletin.issuedAt))
    .limit(filter.limit ?? 200)
  if (rows.length === 0) return []
  const recipients = await tx
    .select()
    .from(bulletinRecipient)
    .where(
      inArray(
        bulletinRecipient.bulletinId,
        rows.map((r) => r.id),
      ),
    )
  const n = await names(tx)
  return rows.map((r) => present(r, recipients, n, actor))
}

async function visible(tx: Tx, actor: Actor, id: string): Promise<{ row: Row; recipients: RecipientRow[] }> {
  const [row] = await tx.select().from(bulletin).where(eq(bulletin.id, id))
  if (!row) throw new DomainError('BULLETIN_NOT_FOUND', { id })
  const recipients = await tx.select().from(bulletinRecipient).where(eq(bulletinRecipient.bulletinId, id))
  const addressed = recipients.some(
    (x) => x.kind === 'organisation' && x.recipientId === actor.organisationId,
  )
  if (!addressed && row.issuingOrganisationId !== actor.organisationId && !(await seesAll(tx, actor))) {
    throw new DomainError('BULLETIN_NOT_FOUND', { id })
  }
  return { row, recipients }
}

export async function getBulletin(tx: Tx, actor: Actor, id: string): Promise<BulletinView> {
  const { row, recipients } = await visible(tx, actor, id)
  return present(row, recipients, await names(tx), actor)
}

/** The caller's organisation has read the bulletin: once, on the ledger; reading it again changes nothing. */
export async function markBulletinRead(
  tx: Tx,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<BulletinView> {
  const { row, recipients } = await visible(tx, actor, id)
  const mine = recipients.find((x) => x.kind === 'organisation' && x.recipientId === actor.organisationId)
  if (!mine) throw new DomainError('BULLETIN_NOT_ADDRESSED', { id })
  if (mine.readAt === null) {
    await tx
      .update(bulletinRecipient)
      .set({ readAt: now, readByName: actor.name })
      .where(
        and(
          eq(bulletinRecipient.bulletinId, id),
          eq(bulletinRecipient.kind, 'organisation'),
          eq(bulletinRecipient.recipientId, actor.organisationId),
        ),
      )
    await append(tx, {
      actor,
      action: 'bulletin.read',
      subject: { type: 'bulletin', id },
      articles: ['A5.1'],
      details: { number: row.number },
      at: now,
    })
  }
  return getBulletin(tx, actor, id)
}

export const BulletinAcknowledgedSchema = Type.Object(
  {
    bulletinId: Type.String({ format: 'uuid' }),
    acknowledgedAt: Type.String({ format: 'date-time' }),
    acknowledgedByName: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
)

/** A platform's staff acknowledged a bulletin: recorded against that platform, once (only from a platform it went to). */
export const bulletinAcknowledgedHandler: MessageHandler = {
  type: 'bulletin.acknowledged',
  body: BulletinAcknowledgedSchema,
  articles: ['A5.1'],
  receivers: ['regulator'],
  senders: ['platform'],
  async handle(tx: Tx, env: Envelope): Promise<void> {
    const b = env.body as { bulletinId: string; acknowledgedAt: string; acknowledgedByName: string }
    const where = and(
      eq(bulletinRecipient.bulletinId, b.bulletinId),
      eq(bulletinRecipient.kind, 'platform'),
      eq(bulletinRecipient.recipientId, env.from),
    )
    const [r] = await tx.select().from(bulletinRecipient).where(where)
    if (!r) throw new DomainError('BULLETIN_NOT_FOUND', { id: b.bulletinId, from: env.from })
    if (r.readAt !== null) throw new DomainError('BULLETIN_ALREADY_ACKNOWLEDGED', { id: b.bulletinId })
    await tx
      .update(bulletinRecipient)
      .set({ readAt: new Date(b.acknowledgedAt), readByName: b.acknowledgedByName })
      .where(where)
  },
}
