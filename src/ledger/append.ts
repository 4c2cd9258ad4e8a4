import type { Actor } from '../core/auth/index.ts'
import type { Tx } from '../core/db/index.ts'
import { newId } from '../core/ids.ts'
import {
  ACTION_RE,
  ARTICLE_RE,
  evidenceDigest,
  type LedgerActor,
  ledgerActor,
  OFFICER_SIGNATURE_KEY,
  signedContent,
} from './entry.ts'
import { OFFICER_SIGNATURE_ALG, type OfficerSignature, signContent, signingKey } from './officer-keys.ts'
import { type EntryRow, insertEntries, insertEntry } from './store.ts'

export interface AppendInput {
  actor: Actor | LedgerActor
  /** Dotted and past tense: `staff.created`, `order.issued`, `report.received`. */
  action: string
  subject: { type: string; id: string }
  /** The requirement ids the act serves, e.g. `['A16']`. */
  articles: string[]
  /** The rule set or policy version that decided the act, when one did. */
  ruleVersion?: string | null
  /** The document or content the act rests on; only its SHA-256 is recorded. */
  evidence?: unknown
  /** Public facts shown with the entry. Never sealed data. */
  details?: Record<string, unknown>
  at?: Date
}

/**
 * Records a governance act. Call it inside the transaction of the act itself: the entry commits or rolls back with
 * the act. Its place in the log is given after commit by the sequencer, within a bounded delay.
 */
export async function append(tx: Tx, input: AppendInput): Promise<string> {
  const row = entryRow(input, input.at ?? new Date())
  await signRows(tx, [row])
  await insertEntry(tx, row)
  return row.id
}

// Entries per INSERT statement of appendMany: bounds the size of one statement's JSON parameter (~1 KB an entry).
const MANY_CHUNK = 5000

/**
 * Records many acts at once, in one INSERT statement per 5,000 entries: the same entries, checks and guarantees as
 * calling `append` for each in order (all are refused, before anything is written, when one is invalid), at a
 * fraction of the cost. Entries without `at` share one timestamp; their ids keep the order of `inputs`, so the
 * sequencer gives them consecutive indexes in that order unless other writers' entries interleave. Returns the ids
 * in the order of `inputs`.
 */
export async function appendMany(tx: Tx, inputs: readonly AppendInput[]): Promise<string[]> {
  const now = new Date()
  const rows = inputs.map((input) => entryRow(input, input.at ?? now))
  await signRows(tx, rows)
  for (let i = 0; i < rows.length; i += MANY_CHUNK) await insertEntries(tx, rows.slice(i, i + MANY_CHUNK))
  return rows.map((r) => r.id)
}

function entryRow(input: AppendInput, at: Date): EntryRow {
  if (!ACTION_RE.test(input.action))
    throw new Error(`ledger action must be dotted lowercase: ${input.action}`)
  if (input.articles.length === 0 || !input.articles.every((a) => ARTICLE_RE.test(a))) {
    throw new Error(`ledger entry needs requirement ids like A16: ${input.articles.join(',')}`)
  }
  const actor = ledgerActor(input.actor)
  // A JSON round trip keeps exactly what the database will give back (no undefined, no Dates).
  const details = JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>
  if (OFFICER_SIGNATURE_KEY in details)
    throw new Error(`ledger details may not carry ${OFFICER_SIGNATURE_KEY}`)
  return {
    id: newId(at.getTime()),
    recordedAt: at,
    actorKind: actor.kind,
    actorId: actor.id,
    actorStaffId: actor.staffId,
    actorOrganisationId: actor.organisationId,
    actorName: actor.name,
    action: input.action,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    articles: [...new Set(input.articles)],
    ruleVersion: input.ruleVersion ?? null,
    evidenceDigest: evidenceDigest(input.evidence),
    details,
  }
}

/**
 * Signs each entry acted by a person (a staff member, or a token acting for the person who answers for it) with
 * that person's key, into `details.officerSignature`, so the signature is itself part of the leaf the Merkle log
 * commits to. System, peer and user entries carry none. One key lookup per person per transaction.
 */
async function signRows(tx: Tx, rows: EntryRow[]): Promise<void> {
  for (const row of rows) {
    const staffId = row.actorStaffId
    if (staffId == null || (row.actorKind !== 'staff' && row.actorKind !== 'token')) continue
    const key = await signingKey(tx, staffId)
    if (!key) return // no signer bound to this database: nothing is signed
    const signature: OfficerSignature = {
      keyId: key.keyId,
      alg: OFFICER_SIGNATURE_ALG,
      sig: signContent(key.privateKey, signedContent(row)),
    }
    row.details = { ...row.details, [OFFICER_SIGNATURE_KEY]: signature }
  }
}
