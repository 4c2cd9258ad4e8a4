import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

/** Another node this node talks to: its kind, where it is and the key that signs what it sends. */
export const peer = pgTable('peer', {
  nodeId: text('node_id').primaryKey(),
  kind: text('kind').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  baseUrl: text('base_url').notNull(),
  publicKey: text('public_key').notNull(),
  status: text('status').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Envelopes received and accepted. The id is the sender's envelope id: a second delivery is recognised. */
export const envelopeIn = pgTable(
  'envelope_in',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    fromNode: text('from_node').notNull(),
    toNode: text('to_node').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    body: jsonb('body').notNull(),
    signature: text('signature').notNull(),
    digest: text('digest').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('envelope_in_from_idx').on(t.fromNode, t.receivedAt)],
)

/** Envelopes to send: delivered with retries and backoff by the outbox worker; survives restarts. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    toNode: text('to_node').notNull(),
    type: text('type').notNull(),
    envelope: jsonb('envelope').notNull(),
    signature: text('signature').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_peer_type_idx').on(t.toNode, t.type),
  ],
)

/** Checkpoints a platform published to this regulator: the regulator as outside witness of the platform's log. */
export const witnessCheckpoint = pgTable(
  'witness_checkpoint',
  {
    nodeId: text('node_id').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    root: text('root').notNull(),
    timestamp: timestamp('timestamp', { withTimezone: true }).notNull(),
    note: text('note').notNull(),
    /** `first`, `consistent`, `unverified` (awaiting a proof), or `inconsistent`. */
    status: text('status').notNull(),
    envelopeId: uuid('envelope_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.size] })],
)

/** A platform caught presenting a history that does not extend what it showed before (split view, rewrite). */
export const witnessAlert = pgTable('witness_alert', {
  id: uuid('id').primaryKey(),
  nodeId: text('node_id').notNull(),
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  evidence: jsonb('evidence').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
