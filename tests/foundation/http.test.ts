/** What every request meets, whatever the feature: errors, the API description, health, headers. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { loadEnv } from '../../src/server/env.js';
import { APP_URL, createTestApp, MemoryMailbox, signUpCompany, type TestApp } from '../setup/app.js';
import { freshDatabase } from '../setup/database.js';
import { cleanUp, tempDir } from './spawn.js';

const SECRET = 'connection string postgres://admin:hunter2@db.internal';
let database: Database;
let app: FastifyInstance;
let webRoot: string;

beforeAll(async () => {
  database = await freshDatabase();
  webRoot = tempDir('peikly-web-');
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Peikly</title><div id="root"></div>');
  writeFileSync(path.join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)');
  app = await buildApp({
    env: loadEnv({ NODE_ENV: 'test', APP_URL, LOG_LEVEL: 'silent' }),
    db: database.db,
    mailTransport: new MemoryMailbox(),
    mailWorker: false,
    expiryJob: false,
    logger: false,
    webRoot,
  });
  // A route that fails the way a bug does, registered before the app is ready.
  app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
    throw new Error(SECRET);
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await cleanUp();
});

const post = (url: string, payload: string, contentType = 'application/json') =>
  app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, origin: APP_URL } });

describe('errors', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await post('/api/auth/login', '{"email": "a@b.c", "password": ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'MALFORMED_JSON', message: expect.any(String) } });
  });

  it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await post('/api/auth/login', JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers another content type with 415', async () => {
    const res = await post('/api/auth/login', 'email=a@b.c', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown /api route with a 404 JSON error, while other paths get the web app', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await app.inject({ method, url: '/api/no-such-thing?x=1', headers: { origin: APP_URL } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: `No route for ${method} /api/no-such-thing` } });
    }
    const page = await app.inject({ method: 'GET', url: '/settings/users' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });

  it('answers an unexpected error with 500 and a request id, never the message or a stack', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toEqual({
      error: { code: 'INTERNAL', message: 'Something went wrong on our side', details: { requestId: expect.any(String) } },
    });
    expect(body.error.details.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    const again = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(again.json().error.details.requestId).not.toBe(body.error.details.requestId);
  });

  it('answers invalid input with 400 VALIDATION_FAILED naming each bad field', async () => {
    const res = await post('/api/auth/signup', JSON.stringify({ companyName: 'Acme', email: 'not-an-email', password: 'short' }));
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.details.fields).sort()).toEqual(['email', 'fullName', 'password']);
    expect(error.message).toMatch(/email/);
  });
});

describe('API description and health', () => {
  it('publishes an OpenAPI 3 document listing the auth routes with their schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/auth/signup',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/switch-company',
      '/api/auth/password-reset',
      '/api/auth/password-reset/confirm',
      '/api/me',
      '/api/health',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const signup = doc.paths['/api/auth/signup'].post;
    expect(Object.keys(signup.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['companyName', 'fullName', 'email', 'password']),
    );
  });

  it('serves the API viewer at /api/docs as HTML that needs no inline script', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const scripts = res.body.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain('src=');
    const initializer = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
  });

  it('reports health with the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('security headers', () => {
  it('sends a strict CSP and the usual hardening headers, no HSTS over http', async () => {
    const res = await app.inject({ method: 'GET', url: '/settings/users' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS and a __Host- Secure cookie when APP_URL is https', async () => {
    const t = await createTestApp({}, { APP_URL: 'https://peikly.example.com' });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toMatch(
        /max-age=\d+/,
      );
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        headers: { 'content-type': 'application/json', origin: 'https://peikly.example.com' },
        payload: JSON.stringify({
          companyName: 'Secure',
          fullName: 'Sec Ure',
          email: `sec.${Date.now()}@example.com`,
          password: 'Orchid-Lantern-47',
        }),
      });
      expect(res.statusCode).toBe(201);
      const cookie = res.cookies.find((c) => c.name === '__Host-peikly_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.domain).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

describe('dev mailbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('lists the mail the app sent, escaped, with clickable links, outside production', async () => {
    const { email } = await signUpCompany(t, 'Mailroom');
    await t.app.ctx.outbox.enqueue(t.database.db, {
      to: email,
      locale: 'en',
      template: {
        kind: 'invitation',
        link: `${APP_URL}/invitations/abc123`,
        fullName: 'Ivy',
        companyName: '<script>alert(1)</script>',
        inviterName: 'Mallory',
        expiresAt: new Date('2030-01-01T00:00:00Z'),
      },
    });
    const res = await t.app.inject({ method: 'GET', url: '/dev/mailbox' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain(email);
    expect(res.body).toContain(`<a href="${APP_URL}/invitations/abc123">`);
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).not.toContain('<script>alert(1)');
  });

  it('is readable only from the server’s own machine', async () => {
    const remote = await t.app.inject({ method: 'GET', url: '/dev/mailbox', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(404);
    const local6 = await t.app.inject({ method: 'GET', url: '/dev/mailbox', remoteAddress: '::1' });
    expect(local6.statusCode).toBe(200);
  });

  it('does not exist in production', async () => {
    const prod = await createTestApp({}, { NODE_ENV: 'production' });
    try {
      const res = await prod.app.inject({ method: 'GET', url: '/dev/mailbox' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    } finally {
      await prod.close();
    }
  });
});
