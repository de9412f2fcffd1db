/** Helpers shared by the users and invitations tests (not loaded by the app). */
import { sql } from 'drizzle-orm';
import type { Plan } from '../../../shared/plans.js';
import { rows } from '../../db/client.js';
import { startSession } from '../auth/session.js';
import { STRONG_PASSWORD, uniqueEmail, type TestApp, type TestClient } from '../../../../tests/setup/app.js';

export async function setPlan(t: TestApp, companyId: string, plan: Plan): Promise<void> {
  await t.database.db.execute(sql`UPDATE subscriptions SET plan = ${plan} WHERE company_id = ${companyId}`);
}

/** The token in the newest invitation mail to `email`. */
export async function invitationToken(t: TestApp, email: string): Promise<string> {
  await t.flushMail();
  const link = t.mailbox.lastLink(email);
  const token = link.split('#token=')[1];
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

export interface InviteOptions {
  email?: string;
  fullName?: string;
  role?: 'CompanyAdmin' | 'TenantUser';
  permissions?: string[];
}

/** Adds a user through the API and returns the invitation token from the mail. */
export async function invite(t: TestApp, admin: TestClient, options: InviteOptions = {}) {
  const email = options.email ?? uniqueEmail('member');
  const res = await admin.post('/api/users', {
    fullName: options.fullName ?? 'Member Person',
    email,
    role: options.role ?? 'TenantUser',
    permissions: options.permissions ?? [],
  });
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`);
  return { email, id: res.json().id as string, token: await invitationToken(t, email) };
}

/** Invites a new person and accepts as them; returns their signed-in client. */
export async function addActiveMember(t: TestApp, admin: TestClient, options: InviteOptions = {}) {
  const invited = await invite(t, admin, options);
  const client = t.client();
  const res = await client.post(`/api/invitations/${invited.token}/accept`, { password: STRONG_PASSWORD });
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  return { ...invited, client };
}

/**
 * A company with `admins` active CompanyAdmins, each with a signed-in client, written straight to
 * the database: fast enough to build a hundred of them for race tests.
 */
export async function seedCompanyWithAdmins(t: TestApp, admins: number) {
  const db = t.database.db;
  const [company] = await rows<{ id: string }>(db, sql`INSERT INTO companies (name) VALUES ('Race Co') RETURNING id`);
  const companyId = company!.id;
  await db.execute(sql`INSERT INTO subscriptions (company_id, plan) VALUES (${companyId}, 'free')`);
  const members = [];
  for (let i = 0; i < admins; i++) {
    const name = `Admin ${i + 1}`;
    const [user] = await rows<{ id: string }>(
      db,
      sql`INSERT INTO users (email, full_name, password_hash) VALUES (${uniqueEmail('race')}, ${name}, 'x') RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO memberships (company_id, user_id, full_name, role, status) VALUES (${companyId}, ${user!.id}, ${name}, 'CompanyAdmin', 'active')`,
    );
    const token = await startSession(t.app.ctx, db, { userId: user!.id, companyId, ip: '127.0.0.1' });
    const client = t.client();
    client.cookie = `peikly_session=${token}`;
    members.push({ id: user!.id, client });
  }
  return { companyId, members };
}

export async function activeAdminCount(t: TestApp, companyId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    t.database.db,
    sql`SELECT count(*)::int AS n FROM memberships WHERE company_id = ${companyId} AND role = 'CompanyAdmin' AND status = 'active'`,
  );
  return row!.n;
}

export async function auditActions(t: TestApp, companyId: string, targetId: string): Promise<string[]> {
  const found = await rows<{ action: string }>(
    t.database.db,
    sql`SELECT action FROM audit_events WHERE company_id = ${companyId} AND target_id = ${targetId} ORDER BY id`,
  );
  return found.map((r) => r.action);
}
