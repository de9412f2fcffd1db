import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.js';
import { createTestApp, signUpCompany, uniqueEmail, type TestApp } from '../../../../tests/setup/app.js';
import { activeAdminCount, seedCompanyWithAdmins, setPlan } from './test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('seat limit under concurrency', () => {
  it('lets 49 concurrent invites fill a 10-seat plan exactly and refuses the rest with 402', async () => {
    const admin = await signUpCompany(t, 'Crowded');
    await setPlan(t, admin.companyId, 'starter');
    const results = await Promise.all(
      Array.from({ length: 49 }, (_, i) =>
        admin.client.post('/api/users', { fullName: `Rush ${i}`, email: uniqueEmail('rush'), role: 'TenantUser' }),
      ),
    );
    const created = results.filter((r) => r.statusCode === 201);
    const refused = results.filter((r) => r.statusCode === 402);
    expect(created).toHaveLength(9);
    expect(refused).toHaveLength(40);
    for (const r of refused) {
      expect(r.json().error).toMatchObject({ code: 'USER_LIMIT_REACHED', details: { limit: 10, used: 10, plan: 'starter' } });
    }
    const [counts] = await rows<{ seats: number; invitations: number; mails: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM memberships WHERE company_id = ${admin.companyId} AND status IN ('active', 'invited')) AS seats,
                 (SELECT count(*)::int FROM invitations WHERE company_id = ${admin.companyId}) AS invitations,
                 (SELECT count(*)::int FROM mail_outbox WHERE company_id = ${admin.companyId}) AS mails`,
    );
    // A refused invite leaves nothing behind: no invitation, no mail.
    expect(counts).toEqual({ seats: 10, invitations: 9, mails: 9 });
  });
});

describe('last CompanyAdmin under concurrency', () => {
  it('keeps at least one active CompanyAdmin when two admins demote or deactivate each other at once, 100 times', async () => {
    const runs = 100;
    const batch = 10;
    const outcomes: number[][] = [];
    for (let start = 0; start < runs; start += batch) {
      const companies = await Promise.all(Array.from({ length: batch }, () => seedCompanyWithAdmins(t, 2)));
      const results = await Promise.all(
        companies.map(async ({ members: [a, b] }, i) => {
          const run = start + i;
          // Alternate demotions, deactivations and one of each.
          const aDoes = run % 3 === 1 ? { status: 'deactivated' } : { role: 'TenantUser' };
          const bDoes = run % 3 === 0 ? { role: 'TenantUser' } : { status: 'deactivated' };
          const [x, y] = await Promise.all([
            a!.client.patch(`/api/users/${b!.id}`, aDoes),
            b!.client.patch(`/api/users/${a!.id}`, bDoes),
          ]);
          return [x.statusCode, y.statusCode];
        }),
      );
      outcomes.push(...results);
      for (const { companyId } of companies) expect(await activeAdminCount(t, companyId)).toBeGreaterThanOrEqual(1);
    }
    expect(outcomes).toHaveLength(runs);
    for (const pair of outcomes) {
      expect(pair.filter((s) => s === 200)).toHaveLength(1);
      for (const s of pair.filter((s) => s !== 200)) expect([401, 403, 409]).toContain(s);
    }
  });
});
