import { sql } from 'drizzle-orm'
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { staff } from '../core/auth/tables.ts'

/**
 * One governance act, written in the same transaction as the act. Never updated or deleted (database triggers
 * refuse it). Its place in the log is given after commit by `ledger_sequence`.
 */
export const ledgerEntry = pgTable(
  'ledger_entry',
  {
    id: uuid('id').primaryKey(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id').notNull(),
    actorStaffId: text('actor_staff_id'),
    actorOrganisationId: text('actor_organisation_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    articles: text('articles').array().notNull(),
    ruleVersion: text('rule_version'),
    evidenceDigest: text('evidence_digest').notNull(),
    /** Public facts about the act, shown in the console. Never sealed data: that stays in its own table. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('ledger_entry_subject_idx').on(t.subjectType, t.subjectId),
    index('ledger_entry_action_idx').on(t.action),
    index('ledger_entry_actor_idx').on(t.actorId),
  ],
)

/** The order of the log: entry → index, with the leaf hash fixed when the entry was sequenced. Insert-only. */
export const ledgerSequence = pgTable('ledger_sequence', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  entryId: uuid('entry_id')
    .notNull()
    .unique()
    .references(() => ledgerEntry.id),
  /** The entry in its canonical form (RFC 8785 JSON) at the moment it was sequenced: the bytes that were hashed. */
  leafData: text('leaf_data').notNull(),
  leafHash: text('leaf_hash').notNull(),
  sequencedAt: timestamp('sequenced_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Entries committed but not yet sequenced: filled by a trigger on every insert into `ledger_entry`, emptied by the
 * sequencer in the transaction that gives the entries their index, so neither it nor the status queries scan the
 * entry table. The database lets a row leave only once its entry is in `ledger_sequence`.
 */
export const ledgerPending = pgTable(
  'ledger_pending',
  {
    // No foreign key: only the trigger on ledger_entry inserts here, and a key check would lock each entry row.
    entryId: uuid('entry_id').primaryKey(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('ledger_pending_order_idx').on(t.recordedAt, t.entryId)],
)

/** Checkpoints this node signed over its own log. Insert-only. */
export const ledgerCheckpoint = pgTable('ledger_checkpoint', {
  size: bigint('size', { mode: 'number' }).primaryKey(),
  root: text('root').notNull(),
  timestamp: timestamp('timestamp', { withTimezone: true }).notNull(),
  note: text('note').notNull(),
})

/**
 * The officers' signing keys (A27): an Ed25519 key pair per staff member, the private half sealed under a key
 * derived from the master key. Kept after rotation (`retiredAt`) and after the person is disabled, so every
 * signature ever made stays verifiable. At most one key of a person is current.
 */
export const officerKey = pgTable(
  'officer_key',
  {
    /** First 16 hex digits of SHA-256 of the raw public key: what a signature names. */
    keyId: text('key_id').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    /** The raw 32-byte Ed25519 public key, base64. */
    publicKey: text('public_key').notNull(),
    privateKeySealed: text('private_key_sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    index('officer_key_staff_idx').on(t.staffId),
    uniqueIndex('officer_key_current_idx').on(t.staffId).where(sql`retired_at is null`),
  ],
)
