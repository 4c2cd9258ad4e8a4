// What a ledger entry is, and the exact bytes that are hashed into the log.

import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'
import type { Actor } from '../core/auth/index.ts'
import { type Hash, hashLeaf } from './merkle.ts'

/** Who performed a recorded act. Staff and tokens act for an organisation; the system and peers do not. */
export interface LedgerActor {
  kind: 'staff' | 'token' | 'system' | 'peer' | 'user'
  id: string
  staffId: string | null
  organisationId: string | null
  name: string
}

export function ledgerActor(actor: Actor | LedgerActor): LedgerActor {
  if ('roles' in actor) {
    return {
      kind: actor.kind,
      id: actor.id,
      staffId: actor.staffId,
      organisationId: actor.organisationId,
      name: actor.name,
    }
  }
  return actor
}

export function systemActor(id: string, name: string): LedgerActor {
  return { kind: 'system', id, staffId: null, organisationId: null, name }
}

export function peerActor(nodeId: string): LedgerActor {
  return { kind: 'peer', id: nodeId, staffId: null, organisationId: null, name: nodeId }
}

/** An entry as stored: everything that is hashed, in plain fields. */
export interface EntryFields {
  id: string
  recordedAt: Date
  actorKind: string
  actorId: string
  actorStaffId: string | null
  actorOrganisationId: string | null
  actorName: string
  action: string
  subjectType: string
  subjectId: string
  articles: string[]
  ruleVersion: string | null
  evidenceDigest: string
  details: Record<string, unknown>
}

/** The canonical form (RFC 8785) of an entry at its place in the log; version 1 of the leaf format. */
export function leafData(e: EntryFields, seq: number): string {
  const data = canonicalize({
    v: 1,
    seq,
    id: e.id,
    recordedAt: e.recordedAt.toISOString(),
    actor: {
      kind: e.actorKind,
      id: e.actorId,
      staffId: e.actorStaffId,
      organisationId: e.actorOrganisationId,
      name: e.actorName,
    },
    action: e.action,
    subject: { type: e.subjectType, id: e.subjectId },
    articles: e.articles,
    ruleVersion: e.ruleVersion,
    evidenceDigest: e.evidenceDigest,
    details: e.details,
  })
  if (data === undefined) throw new Error('entry cannot be canonicalised')
  return data
}

export function leafHashOf(data: string): Hash {
  return hashLeaf(new TextEncoder().encode(data))
}

/** SHA-256 of the canonical JSON of the evidence: the ledger binds the act to the document without holding it. */
export function evidenceDigest(evidence: unknown): string {
  const text = canonicalize(evidence ?? null) ?? 'null'
  return createHash('sha256').update(text).digest('hex')
}

export const ACTION_RE = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/
export const ARTICLE_RE = /^(A1–A3|A\d{1,2}(\.\d)?)$/

export const toHex = (h: Uint8Array) => Buffer.from(h).toString('hex')
export const fromHex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'))
