import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../clock.js';
import { rows } from '../../db/client.js';
import { createTestApp, signUpCompany, uniqueEmail, type TestApp } from '../../../../tests/setup/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('audit log', () => {
  it('lists events newest first, filters by action, actor, target and date, and pages by keyset', async () => {
    const admin = await signUpCompany(t, 'Ledger');
    const invited = [];
    for (let i = 0; i < 7; i++) {
      t.clock.advance(HOUR);
      if (i === 2) await admin.client.put('/api/billing/subscription', { plan: 'starter' });
      const res = await admin.client.post('/api/users', {
        fullName: `Person ${i}`,
        email: uniqueEmail('p'),
        role: 'TenantUser',
        permissions: [],
      });
      invited.push(res.json().id as string);
    }
    const midpoint = t.clock.now();
    t.clock.advance(HOUR);
    await admin.client.patch(`/api/users/${invited[0]}`, { permissions: ['contacts.view'] });

    const all = (await admin.client.get('/api/audit-log')).json().items as {
      action: string;
      at: string;
      target: { id: string } | null;
    }[];
    expect(all[0]!.action).toBe('user.permissions_changed');
    expect(all.at(-1)!.action).toBe('company.created');
    const times = all.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const invites = (await admin.client.get('/api/audit-log?action=user.invited')).json().items;
    expect(invites).toHaveLength(7);
    const byTarget = (await admin.client.get(`/api/audit-log?targetId=${invited[0]}`)).json().items;
    expect(byTarget.map((e: { action: string }) => e.action)).toEqual(['user.permissions_changed', 'user.invited']);
    expect(byTarget[0].details).toEqual({ before: [], after: ['contacts.view'] });
    const byActor = (await admin.client.get(`/api/audit-log?actorId=${admin.userId}&action=plan.changed`)).json().items;
    expect(byActor).toHaveLength(1);
    const later = (await admin.client.get(`/api/audit-log?from=${encodeURIComponent(midpoint.toISOString())}`)).json().items;
    expect(later.map((e: { action: string }) => e.action)).toEqual(['user.permissions_changed']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.client.get(`/api/audit-log?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => (e as unknown as { id: string }).id));
    t.clock.reset();
  });

  it('exports the filtered set as CSV, quoted correctly and safe from formula injection', async () => {
    const admin = await signUpCompany(t, 'Quotes');
    await admin.client.post('/api/users', {
      fullName: '=HYPERLINK("http://evil.example","x")',
      email: uniqueEmail('f'),
      role: 'TenantUser',
      permissions: [],
    });
    await admin.client.post('/api/users', {
      fullName: 'Smith, "Jo"\nSecond line',
      email: uniqueEmail('q'),
      role: 'TenantUser',
      permissions: [],
    });
    const res = await admin.client.get('/api/audit-log.csv?action=user.invited');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const records = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.action)).toEqual(['user.invited', 'user.invited']);
    const targets = records.map((r) => r.target).sort();
    expect(targets).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(targets).toContain('Smith, "Jo"\nSecond line');
    expect(records.every((r) => !/^[=+\-@]/.test(r.target!))).toBe(true);
  });

  it('is CompanyAdmin-only, scoped to the company, and offers no way to change or delete events', async () => {
    const a = await signUpCompany(t, 'A');
    const b = await signUpCompany(t, 'B');
    const theirs = (await b.client.get('/api/audit-log')).json().items;
    expect(theirs.every((e: { actor: { id: string } }) => e.actor.id === b.userId)).toBe(true);
    expect((await a.client.get('/api/audit-log?limit=500')).statusCode).toBe(400);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      expect((await a.client.request(method, '/api/audit-log', {})).statusCode).toBe(404);
    }
    expect((await a.client.get('/api/audit-log?cursor=bogus')).json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('append-only storage', () => {
  it('refuses to update or delete an audit event even with direct SQL', async () => {
    const { companyId } = await signUpCompany(t, 'Immutable');
    await expect(
      t.database.db.execute(sql`UPDATE audit_events SET action = 'login.failed' WHERE company_id = ${companyId}`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM audit_events WHERE company_id = ${companyId}`)).rejects.toThrow();
    const left = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE company_id = ${companyId} AND action = 'company.created'`,
    );
    expect(left[0]!.n).toBe(1);
  });
});
