/** Companies, members and feature items for the authorization tests, made through the HTTP API. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Permission } from '../../src/shared/permissions.js';
import { rows } from '../../src/server/db/client.js';
import { addActiveMember, setPlan } from '../../src/server/modules/users/test-fixtures.js';
import { signUpCompany, type TestApp, type TestClient } from '../setup/app.js';

export interface Company {
  companyId: string;
  admin: TestClient;
  adminId: string;
}

/** A new company on the enterprise plan, so that seat limits never get in a test's way. */
export async function newCompany(t: TestApp, name: string): Promise<Company> {
  const { client, companyId, userId } = await signUpCompany(t, name);
  await setPlan(t, companyId, 'enterprise');
  return { companyId, admin: client, adminId: userId };
}

export interface Member {
  id: string;
  email: string;
  client: TestClient;
}

/** An active TenantUser with exactly these permissions, signed in. */
export async function newMember(
  t: TestApp,
  company: Company,
  permissions: Permission[],
  fullName = 'Tess Tenant',
): Promise<Member> {
  const { id, email, client } = await addActiveMember(t, company.admin, { permissions, fullName });
  return { id, email, client };
}

/** A valid body to create an item of each feature, by path. */
export const FEATURE_PATHS = ['/api/contacts', '/api/email/campaigns', '/api/whatsapp/messages', '/api/workflows'] as const;
export type FeaturePath = (typeof FEATURE_PATHS)[number];

let serial = 0;
export function newItemBody(path: FeaturePath, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const n = ++serial;
  const bodies: Record<FeaturePath, Record<string, unknown>> = {
    '/api/contacts': { name: `Contact ${n}`, email: `contact${n}@example.com`, phone: '+44 20 7946 0958', tags: ['lead'] },
    '/api/email/campaigns': { name: `Campaign ${n}`, subject: `Spring news ${n}`, body: 'Hello there' },
    '/api/whatsapp/messages': { recipientPhone: '+966 50 123 4567', text: `Hello ${n}` },
    '/api/workflows': { name: `Workflow ${n}`, trigger: 'contact.created', steps: [{ type: 'wait', days: 1 }] },
  };
  return { ...bodies[path], ...extra };
}

/** A valid edit of an item of each feature. */
export function editBody(path: FeaturePath): Record<string, unknown> {
  const bodies: Record<FeaturePath, Record<string, unknown>> = {
    '/api/contacts': { name: 'Renamed contact' },
    '/api/email/campaigns': { subject: 'Renamed subject' },
    '/api/whatsapp/messages': { text: 'Edited text' },
    '/api/workflows': { name: 'Renamed workflow' },
  };
  return bodies[path];
}

/** Creates an item through the API as `client` and returns its id. */
export async function createItem(client: TestClient, path: FeaturePath, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await client.post(path, newItemBody(path, extra));
  expect(res.statusCode, `${path} ${res.body}`).toBe(201);
  return res.json().id as string;
}

/** Every row of every company-owned table for one company: compared before and after a probe. */
export async function snapshotCompany(t: TestApp, companyId: string): Promise<Record<string, unknown[]>> {
  const tables = await rows<{ table_name: string }>(
    t.database.db,
    sql`SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'company_id' ORDER BY table_name`,
  );
  expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(['contacts', 'memberships', 'workflows']));
  const snapshot: Record<string, unknown[]> = {};
  for (const { table_name } of tables) {
    // Sessions are a person's, not company data; they are touched by every request.
    if (table_name === 'sessions') continue;
    snapshot[table_name] = await rows(
      t.database.db,
      sql`SELECT to_jsonb(x) AS row FROM ${sql.identifier(table_name)} x WHERE company_id = ${companyId} ORDER BY to_jsonb(x)::text`,
    );
  }
  return snapshot;
}
