import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.js';
import { HOUR, MINUTE } from '../../clock.js';
import {
  APP_URL,
  createTestApp,
  signUpCompany,
  STRONG_PASSWORD,
  uniqueEmail,
  type TestApp,
  waitFor,
} from '../../../../tests/setup/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('sign-up', () => {
  it('creates a company on the free plan with the caller as its CompanyAdmin and a session', async () => {
    const { client, email } = await signUpCompany(t, 'Orbit');
    const me = (await client.get('/api/me')).json();
    expect(me.user.email).toBe(email);
    expect(me.company).toMatchObject({ name: 'Orbit', plan: 'free' });
    expect(me.role).toBe('CompanyAdmin');
    expect(me.permissions).toContain('workflows.manage');
    expect(me.companies).toHaveLength(1);
  });

  it('treats emails case-insensitively and trims them, also under concurrent sign-ups', async () => {
    const email = uniqueEmail('Case');
    const variants = [email.toUpperCase(), ` ${email} `, email, email.replace('case', 'CASE')];
    const results = await Promise.all(
      variants.map((e, i) =>
        t.client().post('/api/auth/signup', { companyName: `C${i}`, fullName: 'Tom', email: e, password: STRONG_PASSWORD }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('EMAIL_TAKEN');
    const [count] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM users WHERE lower(email) = ${email.toLowerCase()}`,
    );
    expect(count!.n).toBe(1);
  });

  it('refuses short, overlong and common passwords with stable codes', async () => {
    const base = { companyName: 'X', fullName: 'Pat', email: uniqueEmail() };
    const short = await t.client().post('/api/auth/signup', { ...base, password: 'abc' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { password: expect.any(String) } },
    });
    const long = await t.client().post('/api/auth/signup', { ...base, password: 'x'.repeat(257) });
    expect(long.json().error.code).toBe('VALIDATION_FAILED');
    const common = await t.client().post('/api/auth/signup', { ...base, password: 'password1234' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.code).toBe('WEAK_PASSWORD');
    const longest = await t.client().post('/api/auth/signup', { ...base, password: randomBytes(192).toString('base64') });
    expect(longest.statusCode).toBe(201);
  });

  it('stores only an argon2id hash with the agreed parameters', async () => {
    const { email } = await signUpCompany(t);
    const [user] = await rows<{ password_hash: string }>(
      t.database.db,
      sql`SELECT password_hash FROM users WHERE email = ${email}`,
    );
    expect(user!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('log-in and sessions', () => {
  it('answers an unknown email and a wrong password alike', async () => {
    const { email } = await signUpCompany(t);
    const unknown = await t.client().post('/api/auth/login', { email: uniqueEmail('ghost'), password: STRONG_PASSWORD });
    const wrong = await t.client().post('/api/auth/login', { email, password: 'Wrong-Password-99' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('issues a new opaque token at every login and keeps only its hash', async () => {
    const { email } = await signUpCompany(t);
    const a = t.client();
    const b = t.client();
    await a.post('/api/auth/login', { email: email.toUpperCase(), password: STRONG_PASSWORD });
    await b.post('/api/auth/login', { email, password: STRONG_PASSWORD });
    expect(a.cookie).toBeDefined();
    expect(a.cookie).not.toBe(b.cookie);
    const token = a.cookie!.split('=')[1]!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    const stored = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM sessions WHERE token_hash = ${token}`,
    );
    expect(stored[0]!.n).toBe(0);
  });

  it('sets an HttpOnly SameSite=Lax cookie', async () => {
    const res = await t
      .client()
      .post('/api/auth/signup', { companyName: 'C', fullName: 'Pat', email: uniqueEmail(), password: STRONG_PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'peikly_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('logs out: the old cookie no longer works', async () => {
    const { client } = await signUpCompany(t);
    const stolen = client.cookie;
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const replay = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: stolen! } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const { client } = await signUpCompany(t);
    t.clock.advance(23 * HOUR);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    t.clock.advance(23 * HOUR);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    t.clock.advance(24 * HOUR + MINUTE);
    expect((await client.get('/api/me')).statusCode).toBe(401);

    const { client: busy } = await signUpCompany(t);
    // Active every 20 hours, so never idle: 16 × 20 h = 320 h of the 336 h (14 days) allowed.
    for (let step = 0; step < 16; step++) {
      t.clock.advance(20 * HOUR);
      expect((await busy.get('/api/me')).statusCode).toBe(200);
    }
    t.clock.advance(16 * HOUR + MINUTE);
    expect((await busy.get('/api/me')).statusCode).toBe(401);
    t.clock.reset();
  });

  it('switches the active company only to one the person is an active member of', async () => {
    const { client, companyId } = await signUpCompany(t);
    const other = await signUpCompany(t, 'Other');
    const res = await client.post('/api/auth/switch-company', { companyId: other.companyId });
    expect(res.statusCode).toBe(404);
    expect((await client.get('/api/me')).json().company.id).toBe(companyId);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-carrying change from another origin or with no origin, and changes nothing', async () => {
    const { client } = await signUpCompany(t);
    const evil = await client.request('POST', '/api/auth/logout', {}, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('CSRF_REJECTED');
    const bare = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie! } });
    expect(bare.json().error.code).toBe('CSRF_REJECTED');
    expect((await client.get('/api/me')).statusCode).toBe(200);
    const sameSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: client.cookie!, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameSite.statusCode).toBe(204);
  });
});

describe('password reset', () => {
  it('always answers 202, mails a link only to a known email, and the link sets a new password once', async () => {
    const { email, client } = await signUpCompany(t);
    const unknown = uniqueEmail('nobody');
    expect((await t.client().post('/api/auth/password-reset', { email: unknown })).statusCode).toBe(202);
    expect((await t.client().post('/api/auth/password-reset', { email: email.toUpperCase() })).statusCode).toBe(202);
    await waitFor(async () => (await t.flushMail(), t.mailbox.to(email).length > 0));
    expect(t.mailbox.to(unknown)).toHaveLength(0);
    const mail = t.mailbox.to(email).at(-1)!;
    expect(mail.html).toContain('<a href=');
    const link = t.mailbox.lastLink(email);
    expect(link.startsWith(`${APP_URL}/reset-password#token=`)).toBe(true);
    const token = link.split('#token=')[1]!;
    const stored = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM password_reset_tokens WHERE token_hash = ${token}`,
    );
    expect(stored[0]!.n).toBe(0);

    const newPassword = 'Granite-Meadow-82';
    expect((await t.client().post('/api/auth/password-reset/confirm', { token, password: newPassword })).statusCode).toBe(204);
    const again = await t.client().post('/api/auth/password-reset/confirm', { token, password: 'Another-Secret-93' });
    expect(again.json().error.code).toBe('INVALID_TOKEN');
    expect((await client.get('/api/me')).statusCode).toBe(401);
    expect((await t.client().post('/api/auth/login', { email, password: STRONG_PASSWORD })).statusCode).toBe(401);
    expect((await t.client().post('/api/auth/login', { email, password: newPassword })).statusCode).toBe(200);
  });

  it('refuses an expired reset link', async () => {
    const { email } = await signUpCompany(t);
    await t.client().post('/api/auth/password-reset', { email });
    await waitFor(async () => (await t.flushMail(), t.mailbox.to(email).length > 0));
    const token = t.mailbox.lastLink(email).split('#token=')[1]!;
    t.clock.advance(HOUR + MINUTE);
    const res = await t.client().post('/api/auth/password-reset/confirm', { token, password: 'Granite-Meadow-82' });
    t.clock.reset();
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_TOKEN');
  });
});

describe('rate limits', () => {
  it('limits log-in attempts per email with 429 and Retry-After', async () => {
    const limited = await createTestApp({ rateLimits: { loginPerEmail: 3, loginPerIp: 100 } });
    try {
      const email = uniqueEmail();
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 5; i++) {
        const c = limited.client();
        c.ip = `10.0.0.${i + 1}`;
        last = await c.post('/api/auth/login', { email, password: 'Wrong-Password-99' });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect(last!.headers['retry-after']).toMatch(/^\d+$/);
      expect(last!.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('limits reset requests per IP', async () => {
    const limited = await createTestApp({ rateLimits: { resetPerIp: 2, resetPerEmail: 100 } });
    try {
      const c = limited.client();
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await c.post('/api/auth/password-reset', { email: uniqueEmail() })).statusCode);
      expect(codes).toEqual([202, 202, 429]);
    } finally {
      await limited.close();
    }
  });
});
