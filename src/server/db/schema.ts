/**
 * The database schema. Every tenant-owned table carries `company_id` first in its primary key so
 * that a sharded PostgreSQL (Citus) can distribute by it as it is. Global tables (users, sessions,
 * password-reset tokens) belong to a person, not to a company.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const companies = pgTable('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** One subscription per company; its row is also the lock that serialises seat changes. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    companyId: uuid('company_id')
      .primaryKey()
      .references(() => companies.id, { onDelete: 'cascade' }),
    plan: text('plan').notNull().default('free'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [check('subscriptions_plan_check', sql`${t.plan} in ('free', 'starter', 'growth', 'business', 'enterprise')`)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored trimmed and lower-cased; the unique index on lower(email) guards every writer. */
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    /** Null until the person sets a password (an invited person who has not accepted yet). */
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('en'),
    createdAt: ts('created_at').notNull().defaultNow(),
    passwordChangedAt: ts('password_changed_at'),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_locale_check', sql`${t.locale} in ('en', 'ar')`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The name this company knows the member by. */
    fullName: text('full_name').notNull(),
    role: text('role').notNull(),
    permissions: text('permissions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull(),
    invitedBy: uuid('invited_by'),
    lastActiveAt: ts('last_active_at'),
    /** Time-limited access (contractors): past it the member is deactivated and no session serves them. */
    accessUntil: ts('access_until'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    index('memberships_company_name_idx').on(t.companyId, sql`lower(${t.fullName})`, t.userId),
    // The expiry job's scan across companies: only members who have an end date at all.
    index('memberships_access_until_idx')
      .on(t.accessUntil)
      .where(sql`${t.accessUntil} IS NOT NULL`),
    check('memberships_role_check', sql`${t.role} in ('CompanyAdmin', 'TenantUser')`),
    check('memberships_status_check', sql`${t.status} in ('invited', 'active', 'deactivated', 'removed')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token, hex. The token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_company_idx').on(t.userId, t.companyId)],
);

export const invitations = pgTable(
  'invitations',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** pending → accepted | revoked | replaced */
    state: text('state').notNull().default('pending'),
    invitedBy: uuid('invited_by'),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    endedAt: ts('ended_at'),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    check('invitations_state_check', sql`${t.state} in ('pending', 'accepted', 'revoked', 'replaced')`),
    index('invitations_member_idx').on(t.companyId, t.userId),
  ],
);

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('password_reset_user_idx').on(t.userId)],
);

/** Append-only: the app never updates or deletes a row here. Names are kept as they were. */
export const auditEvents = pgTable(
  'audit_events',
  {
    companyId: uuid('company_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    at: ts('at').notNull().defaultNow(),
    action: text('action').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    targetId: uuid('target_id'),
    targetName: text('target_name'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] }), index('audit_company_at_idx').on(t.companyId, t.at, t.id)],
);

/** Mail waits here, written in the same transaction as the action that needs it. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    companyId: uuid('company_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    /** pending → sending → sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lockedUntil: ts('locked_until'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/*
 * The guarded features. Every item is company data with an owner: a membership of the same
 * company (never a bare user), so the owner's status — active, deactivated, removed — is one join
 * away. The owner FK has no ON DELETE action: memberships are marked `removed`, never deleted,
 * and the database refuses to drop a membership that still owns items. Deleting a company
 * cascades to its items.
 */
const ownedItemColumns = () => ({
  companyId: uuid('company_id')
    .notNull()
    .references(() => companies.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  ownerId: uuid('owner_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const contacts = pgTable(
  'contacts',
  {
    ...ownedItemColumns(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({
      name: 'contacts_owner_fk',
      columns: [t.companyId, t.ownerId],
      foreignColumns: [memberships.companyId, memberships.userId],
    }),
    index('contacts_list_idx').on(t.companyId, t.createdAt, t.id),
    index('contacts_owner_idx').on(t.companyId, t.ownerId),
  ],
);

export const emailCampaigns = pgTable(
  'email_campaigns',
  {
    ...ownedItemColumns(),
    name: text('name').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** draft → scheduled | sent */
    status: text('status').notNull().default('draft'),
    scheduledAt: ts('scheduled_at'),
    sentAt: ts('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({
      name: 'email_campaigns_owner_fk',
      columns: [t.companyId, t.ownerId],
      foreignColumns: [memberships.companyId, memberships.userId],
    }),
    index('email_campaigns_list_idx').on(t.companyId, t.createdAt, t.id),
    index('email_campaigns_owner_idx').on(t.companyId, t.ownerId),
    check('email_campaigns_status_check', sql`${t.status} in ('draft', 'scheduled', 'sent')`),
  ],
);

export const whatsappMessages = pgTable(
  'whatsapp_messages',
  {
    ...ownedItemColumns(),
    recipientPhone: text('recipient_phone').notNull(),
    text: text('text').notNull(),
    /** draft → queued → sent | failed */
    status: text('status').notNull().default('draft'),
    sentAt: ts('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({
      name: 'whatsapp_messages_owner_fk',
      columns: [t.companyId, t.ownerId],
      foreignColumns: [memberships.companyId, memberships.userId],
    }),
    index('whatsapp_messages_list_idx').on(t.companyId, t.createdAt, t.id),
    index('whatsapp_messages_owner_idx').on(t.companyId, t.ownerId),
    check('whatsapp_messages_status_check', sql`${t.status} in ('draft', 'queued', 'sent', 'failed')`),
  ],
);

export const workflows = pgTable(
  'workflows',
  {
    ...ownedItemColumns(),
    name: text('name').notNull(),
    trigger: text('trigger').notNull(),
    steps: jsonb('steps').$type<Record<string, unknown>[]>().notNull().default([]),
    enabled: boolean('enabled').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({
      name: 'workflows_owner_fk',
      columns: [t.companyId, t.ownerId],
      foreignColumns: [memberships.companyId, memberships.userId],
    }),
    index('workflows_list_idx').on(t.companyId, t.createdAt, t.id),
    index('workflows_owner_idx').on(t.companyId, t.ownerId),
  ],
);
