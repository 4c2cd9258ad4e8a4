// What a ledger entry is, and the exact bytes that are hashed into the log.

import { createHash, createPublicKey, type KeyObject } from 'node:crypto'
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
  const data = canonicalize({ ...leafObject(e), seq })
  if (data === undefined) throw new Error('entry cannot be canonicalised')
  return data
}

/** The key under `details` where an officer's signature of the entry is kept (A27, docs/ledger.md). */
export const OFFICER_SIGNATURE_KEY = 'officerSignature'
const SIGNATURE_CONTEXT = 'qinglang/officer-signature/v1\n'

/**
 * What an officer signs: a context string, then the RFC 8785 form of the leaf without `seq` (given only later, by
 * the sequencer) and without the signature itself. Takes the leaf object (as `leafObject` makes it, or as parsed
 * back from sequenced leaf data).
 */
export function signedContentOfLeaf(leaf: Record<string, unknown>): string {
  const { seq: _seq, details, ...rest } = leaf
  const { [OFFICER_SIGNATURE_KEY]: _sig, ...unsigned } = (details ?? {}) as Record<string, unknown>
  const data = canonicalize({ ...rest, details: unsigned })
  if (data === undefined) throw new Error('entry cannot be canonicalised')
  return SIGNATURE_CONTEXT + data
}

export const signedContent = (e: EntryFields): string => signedContentOfLeaf(leafObject(e))

function leafObject(e: EntryFields): Record<string, unknown> {
  return {
    v: 1,
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
  }
}

/**
 * `leafData` without the generic canonicaliser: the same bytes built in a fixed key order (RFC 8785 sorts keys by
 * UTF-16 code units, which the literal below spells out), for verifying a whole log fast. Returns null for any
 * value outside plain JSON (undefined, Dates or other class instances inside details, `toJSON`, non-finite
 * numbers, lone surrogates): the caller then uses `leafData`. Property-tested to equal `leafData` wherever it
 * returns a string.
 */
export function leafDataFast(e: EntryFields, seq: number): string | null {
  if (!(e.recordedAt instanceof Date) || !Number.isFinite(e.recordedAt.getTime())) return null
  return leafDataFastAt(e, e.recordedAt.toISOString(), seq)
}

/** leafDataFast with the time already written as Date.prototype.toISOString writes it. */
export function leafDataFastAt(
  e: Omit<EntryFields, 'recordedAt'>,
  recordedAt: string,
  seq: number,
): string | null {
  if (!Number.isSafeInteger(seq)) return null
  const actor = `{"id":${json(e.actorId)},"kind":${json(e.actorKind)},"name":${json(e.actorName)},"organisationId":${json(e.actorOrganisationId)},"staffId":${json(e.actorStaffId)}}`
  const head = `{"action":${json(e.action)},"actor":${actor},"articles":${json(e.articles)},"details":${json(e.details)}`
  const tail = `,"evidenceDigest":${json(e.evidenceDigest)},"id":${json(e.id)},"recordedAt":${json(recordedAt)},"ruleVersion":${json(e.ruleVersion)},"seq":${seq},"subject":{"id":${json(e.subjectId)},"type":${json(e.subjectType)}},"v":1}`
  const out = head + tail
  // `json` marks anything it cannot write as RFC 8785 with a NUL, which canonical JSON never holds unescaped.
  return out.includes('\0') ? null : out
}

// PostgreSQL's text for a timestamptz in UTC with DateStyle ISO and at most millisecond precision.
const PG_UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,3}))?\+00$/

/**
 * The time of a timestamptz as PostgreSQL writes it, as `new Date(text).toISOString()` would give it (which is how
 * the schema reads it), without parsing a Date when the text is plain UTC; null when it is no time at all.
 */
export function isoOfPgTime(text: string): string | null {
  const m = PG_UTC.exec(text)
  if (m) return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0')}Z`
  const d = new Date(text)
  return Number.isFinite(d.getTime()) ? d.toISOString() : null
}

// A raw NUL is never in JSON text (JSON.stringify escapes it), so it safely marks "not plain JSON" in the result.
const NOT_PLAIN = '\0'

// String.prototype.isWellFormed (ES2024, Node ≥ 20): false when the string holds a lone surrogate.
type WellFormed = string & { isWellFormed(): boolean }

// A `toJSON` method changes what is written; a key named toJSON holding data does not.
const hasToJson = (v: object) => typeof (v as { toJSON?: unknown }).toJSON === 'function'

/** RFC 8785 for plain JSON values; NOT_PLAIN for anything else. */
function json(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return (v as WellFormed).isWellFormed() ? JSON.stringify(v) : NOT_PLAIN
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : NOT_PLAIN
    case 'boolean':
      return v ? 'true' : 'false'
    case 'object': {
      if (v === null) return 'null'
      if (Array.isArray(v)) {
        if (Object.getPrototypeOf(v) !== Array.prototype || hasToJson(v)) return NOT_PLAIN
        let out = '['
        for (let i = 0; i < v.length; i++) {
          // Holes and undefined would be null in RFC 8785; they never come out of a database, so leave them to it.
          if (v[i] === undefined) return NOT_PLAIN
          out += i === 0 ? json(v[i]) : `,${json(v[i])}`
        }
        return `${out}]`
      }
      const proto = Object.getPrototypeOf(v)
      if ((proto !== Object.prototype && proto !== null) || hasToJson(v)) return NOT_PLAIN
      const o = v as Record<string, unknown>
      const keys = Object.keys(o)
      if (keys.length > 1) keys.sort()
      let out = '{'
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string
        out += `${i === 0 ? '' : ','}${json(k)}:${json(o[k])}`
      }
      return `${out}}`
    }
    default:
      return NOT_PLAIN
  }
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

/** An officer's raw Ed25519 public key (base64) as a key object. */
export function officerPublicKey(b64: string): KeyObject {
  const raw = Buffer.from(b64, 'base64')
  if (raw.length !== 32) throw new Error('an Ed25519 public key has 32 bytes')
  return createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]),
    format: 'der',
    type: 'spki',
  })
}
