import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * A user of the platform (网民). The display name is free (前台自愿); the phone is kept sealed and found by its
 * keyed digest; the real identity lives apart in `user_identity`.
 */
export const platformUser = pgTable('platform_user', {
  id: uuid('id').primaryKey(),
  phoneHmac: text('phone_hmac').notNull().unique(),
  phoneSealed: text('phone_sealed').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** `active` or `suspended`. */
  status: text('status').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const userSession = pgTable(
  'user_session',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => platformUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('user_session_user_idx').on(t.userId)],
)
