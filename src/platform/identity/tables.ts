import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { platformUser } from '../accounts/tables.ts'

/**
 * A user's verified real identity (A13.2): sealed under the master key, found by a keyed digest so that the number
 * of accounts per identity can be limited. Never displayed, logged, exported or sent to another node.
 */
export const userIdentity = pgTable(
  'user_identity',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => platformUser.id),
    identityHmac: text('identity_hmac').notNull(),
    sealed: text('sealed').notNull(),
    /** Which verification adapter confirmed it, e.g. `format-check` or a carrier's service. */
    adapter: text('adapter').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('user_identity_hmac_idx').on(t.identityHmac)],
)
