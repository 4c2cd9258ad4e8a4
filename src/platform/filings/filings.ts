// Reports to the regulator of prohibited information the platform found and handled (A16: 向有关主管部门报告).
// Another area's act (a disposal) queues a filing in its own transaction; the sender (sender.ts) sends it as a
// `report.filed` envelope once every ledger entry it cites is covered by a signed checkpoint, with their inclusion
// proofs, so the regulator can check the report against the platform's tamper-evident log.
import { createHash } from 'node:crypto'
import { and, desc, eq, type SQL } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId, UUID_RE } from '../../core/ids.ts'
import { appendMany, knownEntryIds, type LedgerActor } from '../../ledger/index.ts'
import { deliveryOf, listPeers } from '../../protocol/index.ts'
import { type FilingSummary, regulatorFiling } from './tables.ts'

export type FilingStatus = 'waiting' | 'sent'

export interface FilingItemInput {
  id: string
  kind: string
  /** The item's text: only its SHA-256 is stored and sent. */
  text: string
}

export interface QueueFilingInput {
  /** What the filing is about, e.g. `{ type: 'disposal', id }`. */
  subject: { type: string; id: string }
  /** e.g. `prohibited`. */
  category: string
  /** What was found, in a short sentence in both languages, and when. */
  found: { zh: string; en: string; at: Date }
  /** The measures taken: `stopped`, `removed`, `copies_blocked`, … */
  measures: string[]
  doneAt: Date
  items: FilingItemInput[]
  /** The ledger entries of the handling (ids returned by `append` / `appendMany`). */
  ledgerEntryIds: string[]
}

export interface FilingDelivery {
  status: string
  attempts: number
  deliveredAt: string | null
  lastError: string | null
}

export interface FilingView {
  id: string
  subject: { type: string; id: string }
  category: string
  toNode: string
  status: FilingStatus
  found: FilingSummary['found']
  done: FilingSummary['done']
  items: FilingSummary['items']
  ledgerEntryIds: string[]
  queuedEntryId: string
  envelopeId: string | null
  /** The outbox's delivery of the envelope, once sent. */
  delivery: FilingDelivery | null
  createdAt: string
  sentAt: string | null
  lastError: string | null
}

/** Requirement ids a filing serves. */
export const FILING_ARTICLES = ['A16']
/** Entries one filing may cite: their proofs travel in one envelope, within the inbox's body limit. */
export const MAX_FILING_ENTRIES = 200
export const MAX_FILING_ITEMS = 1000

const CATEGORY_RE = /^[a-z][a-z0-9_.-]{0,49}$/

export const textDigest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * What the `filing.queued` entry binds by its evidence digest: the regulator recomputes it from the report it
 * receives (and its own node id) and compares it with the entry proven to be in the log.
 */
export function filingEvidence(
  filingId: string,
  toNode: string,
  f: { subject: { type: string; id: string }; category: string } & FilingSummary,
): Record<string, unknown> {
  return {
    filingId,
    to: toNode,
    subject: { type: f.subject.type, id: f.subject.id },
    category: f.category,
    found: f.found,
    done: f.done,
    items: f.items,
    ledgerEntryIds: f.ledgerEntryIds,
  }
}

function invalid(field: string, reason: string): DomainError {
  return new DomainError('VALIDATION_FAILED', { field, reason })
}

function checkInput(input: QueueFilingInput): void {
  const short = (s: unknown, max: number) => typeof s === 'string' && s.trim() !== '' && s.length <= max
  if (!short(input.subject?.type, 100) || !short(input.subject?.id, 200))
    throw invalid('subject', 'type and id are required')
  if (!CATEGORY_RE.test(input.category)) throw invalid('category', 'lowercase word, e.g. prohibited')
  if (!short(input.found?.zh, 500) || !short(input.found?.en, 500))
    throw invalid('found', 'a short text in Chinese and English is required')
  for (const [field, d] of [
    ['found.at', input.found?.at],
    ['doneAt', input.doneAt],
  ] as const) {
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw invalid(field, 'a valid date is required')
  }
  if (
    !Array.isArray(input.measures) ||
    input.measures.length === 0 ||
    input.measures.length > 50 ||
    !input.measures.every((m) => short(m, 100))
  )
    throw invalid('measures', 'one to 50 measures')
  if (!Array.isArray(input.items) || input.items.length > MAX_FILING_ITEMS)
    throw invalid('items', `at most ${MAX_FILING_ITEMS} items`)
  for (const item of input.items) {
    if (!short(item.id, 200) || !short(item.kind, 50) || typeof item.text !== 'string')
      throw invalid('items', 'each item needs an id, a kind and its text')
  }
  if (
    !Array.isArray(input.ledgerEntryIds) ||
    input.ledgerEntryIds.length === 0 ||
    input.ledgerEntryIds.length > MAX_FILING_ENTRIES ||
    !input.ledgerEntryIds.every((id) => UUID_RE.test(id)) ||
    new Set(input.ledgerEntryIds).size !== input.ledgerEntryIds.length
  )
    throw invalid('ledgerEntryIds', `one to ${MAX_FILING_ENTRIES} distinct ledger entry ids`)
}

/**
 * Queues a report of found-and-handled information to every active regulator peer, in the caller's transaction,
 * with a `filing.queued` ledger entry for each (A16). Item texts are reduced to their SHA-256 here and never stored
 * or sent. Returns the filings (none when the platform has no active regulator peer).
 */
export async function queueFiling(
  tx: Tx,
  actor: Actor | LedgerActor,
  input: QueueFilingInput,
): Promise<FilingView[]> {
  checkInput(input)
  const known = await knownEntryIds(tx, input.ledgerEntryIds)
  const unknown = input.ledgerEntryIds.filter((id) => !known.has(id))
  if (unknown.length > 0) throw new DomainError('VALIDATION_FAILED', { field: 'ledgerEntryIds', unknown })
  const regulators = (await listPeers(tx)).filter((p) => p.kind === 'regulator' && p.status === 'active')
  if (regulators.length === 0) return []

  const summary: FilingSummary = {
    found: { what: { zh: input.found.zh, en: input.found.en }, at: input.found.at.toISOString() },
    done: { measures: [...input.measures], at: input.doneAt.toISOString() },
    items: input.items.map((i) => ({ id: i.id, kind: i.kind, digest: textDigest(i.text) })),
    ledgerEntryIds: [...input.ledgerEntryIds],
  }
  const now = new Date()
  const filings = regulators.map((r) => ({ id: newId(now.getTime()), toNode: r.nodeId }))
  const entryIds = await appendMany(
    tx,
    filings.map((f) => ({
      actor,
      action: 'filing.queued',
      subject: { type: 'filing', id: f.id },
      articles: FILING_ARTICLES,
      evidence: filingEvidence(f.id, f.toNode, { ...input, ...summary }),
      details: {
        to: f.toNode,
        about: input.subject,
        category: input.category,
        items: summary.items.length,
        entries: summary.ledgerEntryIds.length,
      },
      at: now,
    })),
  )
  await tx.insert(regulatorFiling).values(
    filings.map((f, i) => ({
      id: f.id,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      category: input.category,
      summary,
      queuedEntryId: entryIds[i] ?? '',
      status: 'waiting',
      toNode: f.toNode,
      createdAt: now,
    })),
  )
  return Promise.all(filings.map((f) => getFiling(tx, f.id)))
}

type FilingRow = typeof regulatorFiling.$inferSelect

function present(r: FilingRow, delivery: FilingDelivery | null): FilingView {
  return {
    id: r.id,
    subject: { type: r.subjectType, id: r.subjectId },
    category: r.category,
    toNode: r.toNode,
    status: r.status as FilingStatus,
    found: r.summary.found,
    done: r.summary.done,
    items: r.summary.items,
    ledgerEntryIds: r.summary.ledgerEntryIds,
    queuedEntryId: r.queuedEntryId,
    envelopeId: r.envelopeId,
    delivery,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    lastError: r.lastError,
  }
}

async function presentAll(tx: Tx, rows: FilingRow[]): Promise<FilingView[]> {
  const deliveries = await deliveryOf(
    tx,
    rows.flatMap((r) => (r.envelopeId ? [r.envelopeId] : [])),
  )
  return rows.map((r) => {
    const d = r.envelopeId ? deliveries.get(r.envelopeId) : undefined
    return present(
      r,
      d
        ? {
            status: d.status,
            attempts: d.attempts,
            deliveredAt: d.deliveredAt?.toISOString() ?? null,
            lastError: d.lastError,
          }
        : null,
    )
  })
}

export async function getFiling(tx: Tx, id: string): Promise<FilingView> {
  const [row] = await tx.select().from(regulatorFiling).where(eq(regulatorFiling.id, id))
  if (!row) throw new DomainError('FILING_NOT_FOUND', { id })
  const [view] = await presentAll(tx, [row])
  return view as FilingView
}

export interface FilingFilter {
  status?: FilingStatus
  subjectType?: string
  subjectId?: string
}

/** Filings, newest first. */
export async function listFilings(tx: Tx, filter: FilingFilter, limit: number): Promise<FilingView[]> {
  const where: SQL[] = []
  if (filter.status) where.push(eq(regulatorFiling.status, filter.status))
  if (filter.subjectType) where.push(eq(regulatorFiling.subjectType, filter.subjectType))
  if (filter.subjectId) where.push(eq(regulatorFiling.subjectId, filter.subjectId))
  const rows = await tx
    .select()
    .from(regulatorFiling)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(regulatorFiling.createdAt), desc(regulatorFiling.id))
    .limit(limit)
  return presentAll(tx, rows)
}
