// Individuals as parties to a case (A21): a private person who made or spread false information answers under other
// laws — an administrative penalty by the competent organ, a criminal referral, a civil matter — or did not violate
// A11.1. The case records the law applied (laws.ts) and the outcome, linked to the referral when there is one. The
// person's real name and identity number are sealed (AES-256-GCM, bound to the record); staff see a label. Opening
// them takes `individual_identity.unseal` and a reason, and each opening is on the ledger (who, when, why).
import { and, eq } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import { deriveKey, open, seal } from '../../core/crypto.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { append } from '../../ledger/index.ts'
import { visibleCase } from '../cases/index.ts'
import { INDIVIDUAL_LAWS, type IndividualOutcome, type LawProvision, lawById } from './laws.ts'
import { caseIndividual, referral } from './tables.ts'

type Row = typeof caseIndividual.$inferSelect

export const SEALED = '已密封 / sealed'
const PURPOSE = 'qinglang/case-individual/v1'

export function individualIdentityKey(masterKey: Buffer): Buffer {
  return deriveKey(masterKey, PURPOSE)
}

const boundTo = (id: string) => `case_individual:${id}`

export interface CaseIndividualView {
  id: string
  caseId: string
  label: string
  /** Always the sealed placeholder: the identity is opened only by unsealing. */
  identity: string
  countyCode: string | null
  conduct: string
  outcome: IndividualOutcome | null
  laws: LawProvision[]
  competentOrgan: string | null
  outcomeNote: string | null
  referralId: string | null
  outcomeAt: string | null
  outcomeByName: string | null
  addedAt: string
  addedByName: string
}

const present = (r: Row): CaseIndividualView => ({
  id: r.id,
  caseId: r.caseId,
  label: r.label,
  identity: SEALED,
  countyCode: r.countyCode,
  conduct: r.conduct,
  outcome: r.outcome as IndividualOutcome | null,
  laws: r.lawIds.map((l) => lawById(l)).filter((l): l is LawProvision => l !== undefined),
  competentOrgan: r.competentOrgan,
  outcomeNote: r.outcomeNote,
  referralId: r.referralId,
  outcomeAt: r.outcomeAt?.toISOString() ?? null,
  outcomeByName: r.outcomeByName,
  addedAt: r.addedAt.toISOString(),
  addedByName: r.addedByName,
})

export interface AddIndividualInput {
  label: string
  realName: string
  idNumber?: string
  countyCode?: string
  conduct: string
}

/** Names the label, the conduct or a note must not carry: the real name and the identity number. */
function mentions(text: string, identity: { realName: string; idNumber: string | null }): boolean {
  const t = text.replace(/\s+/g, '')
  const name = identity.realName.replace(/\s+/g, '')
  return (
    (name.length >= 2 && t.includes(name)) || (identity.idNumber !== null && t.includes(identity.idNumber))
  )
}

export async function addCaseIndividual(
  tx: Tx,
  actor: Actor,
  key: Buffer,
  caseId: string,
  input: AddIndividualInput,
  now: Date = new Date(),
): Promise<CaseIndividualView> {
  const c = await visibleCase(tx, actor, caseId)
  const identity = { realName: input.realName.trim(), idNumber: input.idNumber?.trim().toUpperCase() || null }
  const label = input.label.trim()
  const conduct = input.conduct.trim()
  if (identity.realName === '') throw new DomainError('VALIDATION_FAILED', { field: 'realName' })
  if (label === '') throw new DomainError('VALIDATION_FAILED', { field: 'label' })
  if (conduct === '') throw new DomainError('VALIDATION_FAILED', { field: 'conduct' })
  if (mentions(label, identity)) throw new DomainError('INDIVIDUAL_TEXT_IDENTIFIES', { field: 'label' })
  if (mentions(conduct, identity)) throw new DomainError('INDIVIDUAL_TEXT_IDENTIFIES', { field: 'conduct' })
  const id = newId(now.getTime())
  const [row] = await tx
    .insert(caseIndividual)
    .values({
      id,
      caseId: c.id,
      label,
      identitySealed: seal(Buffer.from(JSON.stringify(identity)), key, boundTo(id)),
      countyCode: input.countyCode ?? null,
      conduct,
      lawIds: [],
      addedAt: now,
      addedByName: actor.name,
    })
    .returning()
  await append(tx, {
    actor,
    action: 'case.individual_added',
    subject: { type: 'case', id: c.id },
    articles: ['A21', 'A11.1'],
    evidence: { label, conduct },
    details: { caseNumber: c.number, individualId: id, label, identity: 'sealed' },
    at: now,
  })
  return present(row as Row)
}

export async function listCaseIndividuals(
  tx: Tx,
  actor: Actor,
  caseId: string,
): Promise<CaseIndividualView[]> {
  await visibleCase(tx, actor, caseId)
  const rows = await tx.select().from(caseIndividual).where(eq(caseIndividual.caseId, caseId))
  return rows.sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime()).map(present)
}

async function row(tx: Tx, actor: Actor, caseId: string, id: string, lock = false): Promise<Row> {
  await visibleCase(tx, actor, caseId)
  const q = tx
    .select()
    .from(caseIndividual)
    .where(and(eq(caseIndividual.id, id), eq(caseIndividual.caseId, caseId)))
  const [r] = lock ? await q.for('update') : await q
  if (!r) throw new DomainError('INDIVIDUAL_NOT_FOUND', { id })
  return r
}

export interface IndividualOutcomeInput {
  outcome: IndividualOutcome
  lawIds: string[]
  competentOrgan?: string
  note?: string
  referralId?: string
}

/**
 * Records what became of an individual: the law applied and the outcome. A criminal referral names the referral of
 * this case to public security; the other outcomes (bar no violation) name at least one provision of their kind.
 */
export async function recordIndividualOutcome(
  tx: Tx,
  actor: Actor,
  key: Buffer,
  caseId: string,
  id: string,
  input: IndividualOutcomeInput,
  now: Date = new Date(),
): Promise<CaseIndividualView> {
  const r = await row(tx, actor, caseId, id, true)
  const laws = [...new Set(input.lawIds)].map((l, i) => {
    const law = lawById(l)
    if (!law) throw new DomainError('INDIVIDUAL_LAW_UNKNOWN', { field: `lawIds/${i}`, id: l })
    return law
  })
  const wants: Record<IndividualOutcome, LawProvision['kind'] | null> = {
    administrative_penalty: 'administrative',
    criminal_referral: 'criminal',
    civil: 'civil',
    no_violation: null,
  }
  const kind = wants[input.outcome]
  if (kind !== null && !laws.some((l) => l.kind === kind)) {
    throw new DomainError('INDIVIDUAL_LAW_UNKNOWN', { field: 'lawIds', needs: kind })
  }
  let referralNumber: string | null = null
  if (input.outcome === 'criminal_referral') {
    if (!input.referralId) throw new DomainError('INDIVIDUAL_REFERRAL_REQUIRED', { field: 'referralId' })
    const [ref] = await tx.select().from(referral).where(eq(referral.id, input.referralId))
    if (!ref || ref.caseId !== caseId || ref.kind !== 'criminal') {
      throw new DomainError('INDIVIDUAL_REFERRAL_REQUIRED', { field: 'referralId', id: input.referralId })
    }
    referralNumber = ref.number
  } else if (input.referralId) {
    throw new DomainError('VALIDATION_FAILED', { field: 'referralId' })
  }
  const identity = JSON.parse(open(r.identitySealed, key, boundTo(r.id)).toString()) as {
    realName: string
    idNumber: string | null
  }
  const note = input.note?.trim() || null
  const organ = input.competentOrgan?.trim() || null
  if (note && mentions(note, identity)) throw new DomainError('INDIVIDUAL_TEXT_IDENTIFIES', { field: 'note' })
  if (organ && mentions(organ, identity)) {
    throw new DomainError('INDIVIDUAL_TEXT_IDENTIFIES', { field: 'competentOrgan' })
  }
  const [updated] = await tx
    .update(caseIndividual)
    .set({
      outcome: input.outcome,
      lawIds: laws.map((l) => l.id),
      competentOrgan: organ,
      outcomeNote: note,
      referralId: input.referralId ?? null,
      outcomeAt: now,
      outcomeByName: actor.name,
    })
    .where(eq(caseIndividual.id, id))
    .returning()
  const c = await visibleCase(tx, actor, caseId)
  await append(tx, {
    actor,
    action: 'case.individual_outcome_recorded',
    subject: { type: 'case', id: caseId },
    articles: ['A21', 'A11.1', ...(input.outcome === 'criminal_referral' ? ['A20'] : [])],
    evidence: { note, competentOrgan: organ },
    details: {
      caseNumber: c.number,
      individualId: id,
      label: r.label,
      outcome: input.outcome,
      laws: laws.map((l) => l.citation),
      competentOrgan: organ,
      referralNumber,
    },
    at: now,
  })
  return present(updated as Row)
}

export interface UnsealedIndividual {
  id: string
  realName: string
  idNumber: string | null
  reason: string
  unsealedAt: string
}

/** Opens the sealed identity for someone who needs it and says why; the opening is on the ledger, the identity not. */
export async function unsealIndividualIdentity(
  tx: Tx,
  actor: Actor,
  key: Buffer,
  caseId: string,
  id: string,
  reasonIn: string,
  now: Date = new Date(),
): Promise<UnsealedIndividual> {
  const r = await row(tx, actor, caseId, id)
  const reason = reasonIn.trim()
  if (reason === '') throw new DomainError('VALIDATION_FAILED', { field: 'reason' })
  const identity = JSON.parse(open(r.identitySealed, key, boundTo(r.id)).toString()) as {
    realName: string
    idNumber: string | null
  }
  if (mentions(reason, identity)) throw new DomainError('INDIVIDUAL_TEXT_IDENTIFIES', { field: 'reason' })
  await append(tx, {
    actor,
    action: 'case.individual_identity_unsealed',
    subject: { type: 'case', id: caseId },
    articles: ['A21'],
    evidence: { reason },
    details: { individualId: id, label: r.label, reason },
    at: now,
  })
  return {
    id,
    realName: identity.realName,
    idNumber: identity.idNumber,
    reason,
    unsealedAt: now.toISOString(),
  }
}

export function individualLaws(): readonly LawProvision[] {
  return INDIVIDUAL_LAWS
}
