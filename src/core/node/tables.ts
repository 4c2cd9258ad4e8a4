import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** What this database belongs to: one row, written on first start, checked on every start after. */
export const nodeMeta = pgTable('node_meta', {
  nodeId: text('node_id').primaryKey(),
  role: text('role').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** The node's Ed25519 key pair: it signs checkpoints and envelopes. The private key is sealed under the master key. */
export const nodeKey = pgTable('node_key', {
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
