import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.js';
import { createTestApp, signUpCompany, uniqueEmail, type TestApp } from '../../../../tests/setup/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function invite(client: ReturnType<TestApp['client']>, n: number) {
  const statuses = [];
  for (let i = 0; i < n; i++) {
    const res = await client.post('/api/users', {
      fullName: `Member ${i}`,
      email: uniqueEmail('m'),
      role: 'TenantUser',
      permissions: [],
    });
    statuses.push(res.statusCode);
  }
  return statuses;
}

describe('Billing & Subscription', () => {
  it('lists the plans with their seat limits', async () => {
    const { client } = await signUpCompany(t);
    const res = await client.get('/api/billing/plans');
    expect(res.json().items).toEqual([
      { plan: 'free', seats: 3 },
      { plan: 'starter', seats: 10 },
      { plan: 'growth', seats: 25 },
      { plan: 'business', seats: 100 },
      { plan: 'enterprise', seats: null },
    ]);
  });

  it('shows seats used, which move with invitations; upgrades at once; refuses a downgrade below usage', async () => {
    const { client, companyId, userId } = await signUpCompany(t);
    expect((await client.get('/api/billing/subscription')).json()).toEqual({ plan: 'free', seats: { limit: 3, used: 1 } });
    expect(await invite(client, 2)).toEqual([201, 201]);
    expect((await client.get('/api/billing/subscription')).json().seats).toEqual({ limit: 3, used: 3 });
    expect(await invite(client, 1)).toEqual([402]);

    const up = await client.put('/api/billing/subscription', { plan: 'starter' });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toEqual({ plan: 'starter', seats: { limit: 10, used: 3 } });
    expect(await invite(client, 2)).toEqual([201, 201]);

    const down = await client.put('/api/billing/subscription', { plan: 'free' });
    expect(down.statusCode).toBe(409);
    expect(down.json().error).toMatchObject({
      code: 'SEATS_EXCEED_PLAN',
      details: { plan: 'free', limit: 3, used: 5, mustRemove: 2 },
    });
    expect((await client.get('/api/billing/subscription')).json().plan).toBe('starter');

    const unlimited = await client.put('/api/billing/subscription', { plan: 'enterprise' });
    expect(unlimited.json()).toEqual({ plan: 'enterprise', seats: { limit: null, used: 5 } });

    const audit = await rows<{ action: string; actor_id: string; details: { before: string; after: string } }>(
      t.database.db,
      sql`SELECT action, actor_id, details FROM audit_events WHERE company_id = ${companyId} AND action = 'plan.changed' ORDER BY id`,
    );
    expect(audit.map((a) => a.details)).toEqual([
      { before: 'free', after: 'starter' },
      { before: 'starter', after: 'enterprise' },
    ]);
    expect(audit.every((a) => a.actor_id === userId)).toBe(true);
  });

  it('refuses an unknown plan and keeps billing CompanyAdmin-only', async () => {
    const { client } = await signUpCompany(t);
    const bad = await client.put('/api/billing/subscription', { plan: 'platinum' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.client().get('/api/billing/subscription')).statusCode).toBe(401);
  });

  it('never lets concurrent invitations and a downgrade leave the company over its limit', async () => {
    const { client, companyId } = await signUpCompany(t);
    await client.put('/api/billing/subscription', { plan: 'starter' });
    const results = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        client.post('/api/users', { fullName: `Racer ${i}`, email: uniqueEmail('race'), role: 'TenantUser', permissions: [] }),
      ),
      client.put('/api/billing/subscription', { plan: 'free' }),
    ]);
    const [sub] = await rows<{ plan: string }>(
      t.database.db,
      sql`SELECT plan FROM subscriptions WHERE company_id = ${companyId}`,
    );
    const [used] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM memberships WHERE company_id = ${companyId} AND status IN ('active', 'invited')`,
    );
    const limit = sub!.plan === 'free' ? 3 : 10;
    expect(used!.n).toBeLessThanOrEqual(limit);
    expect(results.every((r) => r.statusCode < 500)).toBe(true);
  });
});
