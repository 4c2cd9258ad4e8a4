import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisation } from '../organisations/tables.ts'

/** A person who works on this node: reviewer, operator, officer, supervisor, procurator, admin. */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey(),
    login: text('login').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    roles: text('roles').array().notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [index('staff_organisation_idx').on(t.organisationId)],
)

/** A console session. Only a SHA-256 of the cookie value is stored, so a database dump opens no session. */
export const staffSession = pgTable(
  'staff_session',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('staff_session_staff_idx').on(t.staffId)],
)

/** A bearer token for machines (another node's integration, a script). It acts with the roles it was given. */
export const apiToken = pgTable('api_token', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  /** Shown in lists so that a person can tell tokens apart; never enough to use. */
  prefix: text('prefix').notNull(),
  roles: text('roles').array().notNull(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisation.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => staff.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
})
