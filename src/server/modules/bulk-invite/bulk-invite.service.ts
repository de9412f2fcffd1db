import { sql } from 'drizzle-orm';
import type { Locale, MemberStatus } from '../../../shared/api.js';
import { seatLimit, type Plan } from '../../../shared/plans.js';
import type { BulkInviteResult, BulkInviteRow } from '../../../shared/review.js';
import type { AppContext } from '../../context.js';
import { rows, type Queryable, type Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { countSeatsUsed, lockCompany } from '../users/seats.js';
import { assertStillAdmin, type AdminActor } from '../users/users.guards.js';
import { writeInvitations } from '../users/users.service.js';
import { parseInviteCsv, type CsvInviteRow } from './csv.js';

interface KnownPerson {
  id: string;
  locale: Locale;
  /** Their membership in this company, if any. */
  status: MemberStatus | null;
}

/** The people the file names who already have an account, by lower-cased email: one query. */
async function findPeople(db: Queryable, companyId: string, emails: string[]): Promise<Map<string, KnownPerson>> {
  if (emails.length === 0) return new Map();
  const found = await rows<{ id: string; email: string; locale: Locale; status: MemberStatus | null }>(
    db,
    sql`SELECT u.id, lower(u.email) AS email, u.locale, m.status
        FROM users u
        LEFT JOIN memberships m ON m.company_id = ${companyId} AND m.user_id = u.id
        WHERE lower(u.email) IN (SELECT jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb))`,
  );
  return new Map(found.map((p) => [p.email, { id: p.id, locale: p.locale, status: p.status }]));
}

interface InvitePlan {
  rows: (BulkInviteRow & { person?: KnownPerson })[];
  summary: BulkInviteResult['summary'];
  seats: BulkInviteResult['seats'];
}

/**
 * Decides each row's outcome, in file order: invalid values; a repeat of an email an earlier row
 * already names; someone already in the company (a removed member may be invited again); then
 * invitations while seats last, and over_limit after that.
 */
async function planInvites(tx: Tx, companyId: string, plan: Plan, parsed: CsvInviteRow[]): Promise<InvitePlan> {
  const limit = seatLimit(plan);
  const used = await countSeatsUsed(tx, companyId);
  const available = limit === null ? null : Math.max(0, limit - used);
  const people = await findPeople(tx, companyId, [...new Set(parsed.filter((r) => !r.errors).map((r) => r.email))]);
  const seen = new Set<string>();
  const summary = { invite: 0, alreadyMember: 0, invalid: 0, overLimit: 0, duplicate: 0 };
  const planned = parsed.map((row): InvitePlan['rows'][number] => {
    if (row.errors) {
      summary.invalid++;
      return { ...row, outcome: 'invalid' };
    }
    if (seen.has(row.email)) {
      summary.duplicate++;
      return { ...row, outcome: 'duplicate_in_file' };
    }
    seen.add(row.email);
    const person = people.get(row.email);
    if (person?.status && person.status !== 'removed') {
      summary.alreadyMember++;
      return { ...row, outcome: 'already_member', memberStatus: person.status };
    }
    if (available !== null && summary.invite >= available) {
      summary.overLimit++;
      return { ...row, outcome: 'over_limit' };
    }
    summary.invite++;
    return { ...row, outcome: 'invite', person };
  });
  return { rows: planned, summary, seats: { limit, used, available } };
}

const publicRow = ({ person: _person, ...row }: InvitePlan['rows'][number]): BulkInviteRow => row;

/** What a bulk invite from this file would do, row by row; writes nothing. */
export async function dryRunBulkInvite(ctx: AppContext, admin: AdminActor, csv: string): Promise<BulkInviteResult> {
  const parsed = parseInviteCsv(csv);
  return ctx.db.transaction(
    async (tx) => {
      const [row] = await rows<{ plan: Plan }>(tx, sql`SELECT plan FROM subscriptions WHERE company_id = ${admin.companyId}`);
      if (!row) throw new AppError('NOT_FOUND', 'No such company');
      const planned = await planInvites(tx, admin.companyId, row.plan, parsed.rows);
      return {
        dryRun: true,
        rows: planned.rows.map(publicRow),
        summary: planned.summary,
        seats: planned.seats,
        ignoredColumns: parsed.ignoredColumns,
        invited: 0,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Invites every 'invite' row — person, membership, invitation, mail and audit each, exactly as
 * Add User does — in one transaction under the company lock, with the outcomes decided again
 * under that lock. All or nothing: when the file asks for more seats than are free the whole
 * commit is refused with 402 USER_LIMIT_REACHED and nothing is created; any failure rolls every
 * row back. Invalid rows, repeats and existing members are reported and skipped.
 */
export async function commitBulkInvite(ctx: AppContext, admin: AdminActor, csv: string): Promise<BulkInviteResult> {
  const parsed = parseInviteCsv(csv);
  return ctx.db.transaction(async (tx) => {
    const plan = await lockCompany(tx, admin.companyId);
    await assertStillAdmin(tx, admin);
    const planned = await planInvites(tx, admin.companyId, plan, parsed.rows);
    const { summary, seats } = planned;
    if (summary.overLimit > 0) {
      const requested = summary.invite + summary.overLimit;
      throw new AppError(
        'USER_LIMIT_REACHED',
        `Your ${plan} plan allows ${seats.limit} users; ${seats.used} seats are in use and this file invites ${requested}. ` +
          'Upgrade it in Billing & Subscription, or invite fewer people',
        { limit: seats.limit, used: seats.used, plan, requested },
      );
    }
    await writeInvitations(
      ctx,
      tx,
      admin,
      planned.rows
        .filter((row) => row.outcome === 'invite')
        .map((row) => ({
          input: { fullName: row.fullName, email: row.email, role: row.role!, permissions: row.permissions },
          known: row.person ? { id: row.person.id, locale: row.person.locale } : null,
        })),
    );
    const used = seats.used + summary.invite;
    return {
      dryRun: false,
      rows: planned.rows.map(publicRow),
      summary,
      seats: { limit: seats.limit, used, available: seats.limit === null ? null : Math.max(0, seats.limit - used) },
      ignoredColumns: parsed.ignoredColumns,
      invited: summary.invite,
    };
  });
}
