import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadEnv } from '../../src/server/env.js';
import { APP_URL, createTestApp, signUpCompany, STRONG_PASSWORD, TestClient, uniqueEmail, type TestApp } from '../setup/app.js';

/** Two instances of the app on one database, as behind a load balancer: nothing is cached in a
 * process, so what an admin changes on one instance holds on the other at the next request. */
let a: TestApp;
let b: FastifyInstance;
beforeAll(async () => {
  a = await createTestApp();
  b = await buildApp({
    env: loadEnv({ NODE_ENV: 'test', APP_URL, LOG_LEVEL: 'silent' }),
    db: a.database.db,
    clock: a.clock,
    mailTransport: a.mailbox,
    mailWorker: false,
    expiryJob: false,
    logger: false,
    webRoot: '/nonexistent',
  });
  await b.ready();
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('two instances on one database', () => {
  it('apply permission, role and status changes made on one instance at the next request on the other', async () => {
    const admin = await signUpCompany(a, 'Twin');
    const email = uniqueEmail('member');
    const invited = await admin.client.post('/api/users', {
      fullName: 'Mo Member',
      email,
      role: 'TenantUser',
      permissions: ['contacts.view'],
    });
    expect(invited.statusCode).toBe(201);
    const memberId = invited.json().id as string;
    await a.flushMail();
    const token = a.mailbox.lastLink(email).split('#token=')[1]!;
    const member = new TestClient(b);
    expect((await member.post(`/api/invitations/${token}/accept`, { password: STRONG_PASSWORD })).statusCode).toBe(200);
    expect((await member.get('/api/me')).json().permissions).toEqual(['contacts.view']);
    expect((await member.get('/api/contacts')).statusCode).toBe(200);
    expect((await member.get('/api/workflows')).json().error.code).toBe('PERMISSION_REQUIRED');

    await admin.client.patch(`/api/users/${memberId}`, { permissions: ['workflows.manage'] });
    expect((await member.get('/api/me')).json().permissions).toEqual(['workflows.view', 'workflows.manage']);
    expect((await member.get('/api/contacts')).json().error).toMatchObject({
      code: 'PERMISSION_REQUIRED',
      details: { permission: 'contacts.view' },
    });
    expect((await member.get('/api/workflows')).statusCode).toBe(200);

    await admin.client.patch(`/api/users/${memberId}`, { role: 'CompanyAdmin' });
    expect((await member.get('/api/users')).statusCode).toBe(200);
    await admin.client.patch(`/api/users/${memberId}`, { role: 'TenantUser' });
    expect((await member.get('/api/users')).json().error.code).toBe('COMPANY_ADMIN_REQUIRED');

    await admin.client.patch(`/api/users/${memberId}`, { status: 'deactivated' });
    expect((await member.get('/api/me')).statusCode).toBe(401);
    const again = await new TestClient(b).post('/api/auth/login', { email, password: STRONG_PASSWORD });
    expect(again.json().error.code).toBe('NO_ACTIVE_MEMBERSHIP');
  });
});
