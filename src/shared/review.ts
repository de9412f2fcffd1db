/** The admin's control room: access review, bulk deactivate, CSV bulk invite (schemas shared by
 * the server and the web UI). */
import { z } from 'zod';
import { Id, Member, PermissionKey, RoleName } from './api.js';

/** Days without activity after which an active member counts as dormant. */
export const DORMANT_DAYS = [30, 60, 90] as const;
/** An invitation older than this (or expired) is listed as pending too long. */
export const PENDING_INVITATION_DAYS = 7;
/** Members whose access ends within this many days are listed as expiring soon. */
export const EXPIRING_SOON_DAYS = 14;
/** Each group lists at most this many members (the oldest activity first); counts are exact. */
export const REVIEW_GROUP_LIMIT = 500;

export const REVIEW_GROUPS = ['active', 'dormant30', 'dormant60', 'dormant90', 'neverSignedIn', 'pendingInvitations'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

const perGroup = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(REVIEW_GROUPS.map((g) => [g, value])) as Record<ReviewGroup, T>);

/**
 * Active members fall in exactly one of active / dormant30 / dormant60 / dormant90 / neverSignedIn
 * (by time since their last activity: < 30 days, 30–60, 60–90, ≥ 90, never), so those counts add up
 * to the users list filtered by status=active. pendingInvitations: invited members whose invitation
 * is more than 7 days old or has expired.
 */
export const AccessReview = z.object({
  /** The instant the review was computed for. */
  asOf: z.string(),
  adminCount: z.number().int(),
  singleAdminWarning: z.boolean(),
  counts: perGroup(z.number().int()),
  groups: perGroup(z.array(Member)),
  /** How many members each group lists at most. */
  groupLimit: z.number().int(),
  /** Active members whose access ends within 14 days, soonest first. */
  expiringSoon: z.object({ count: z.number().int(), items: z.array(Member) }),
});
export type AccessReview = z.infer<typeof AccessReview>;

export const BULK_DEACTIVATE_MAX = 200;
export const BulkDeactivateBody = z.object({ ids: z.array(Id).min(1).max(BULK_DEACTIVATE_MAX) });
export const BulkDeactivateResult = z.object({
  results: z.array(
    z.discriminatedUnion('ok', [
      z.object({ id: Id, ok: z.literal(true) }),
      z.object({ id: Id, ok: z.literal(false), code: z.string(), message: z.string() }),
    ]),
  ),
});
export type BulkDeactivateResult = z.infer<typeof BulkDeactivateResult>;

export const BULK_INVITE_MAX_BYTES = 2 * 1024 * 1024;
/** Also keeps each multi-row insert of a commit under PostgreSQL's 65,535 bind parameters. */
export const BULK_INVITE_MAX_ROWS = 5000;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** Without dryRun=false nothing is written: the default is to look first. */
export const BulkInviteQuery = z.object({ dryRun: flag.default(true) });
/** The CSV as the request body (text/csv), or wrapped in JSON. */
export const BulkInviteBody = z.union([z.string(), z.object({ csv: z.string() })]);

export const BULK_INVITE_OUTCOMES = ['invite', 'already_member', 'invalid', 'over_limit', 'duplicate_in_file'] as const;
export type BulkInviteOutcome = (typeof BULK_INVITE_OUTCOMES)[number];

export const BulkInviteRow = z.object({
  /** The line of the file the row starts on (the header is line 1). */
  row: z.number().int(),
  email: z.string(),
  fullName: z.string(),
  role: RoleName.nullable(),
  permissions: z.array(PermissionKey),
  outcome: z.enum(BULK_INVITE_OUTCOMES),
  /** For already_member: the member's current status. */
  memberStatus: z.enum(['invited', 'active', 'deactivated']).optional(),
  /** For invalid: a message per column (fullName, email, role, permissions). */
  errors: z.record(z.string(), z.string()).optional(),
});
export type BulkInviteRow = z.infer<typeof BulkInviteRow>;

export const BulkInviteResult = z.object({
  dryRun: z.boolean(),
  rows: z.array(BulkInviteRow),
  summary: z.object({
    invite: z.number().int(),
    alreadyMember: z.number().int(),
    invalid: z.number().int(),
    overLimit: z.number().int(),
    duplicate: z.number().int(),
  }),
  /** Before the commit on a dry run; after it otherwise. `limit` null means unlimited. */
  seats: z.object({ limit: z.number().int().nullable(), used: z.number().int(), available: z.number().int().nullable() }),
  /** Header names that are not one of the known columns; their values are not used. */
  ignoredColumns: z.array(z.string()),
  /** How many invitations were created (0 on a dry run). */
  invited: z.number().int(),
});
export type BulkInviteResult = z.infer<typeof BulkInviteResult>;
