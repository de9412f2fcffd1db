/** The operator's CLI: the command functions on the test database, then the real process. */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../../src/server/clock.js';
import { createCompany, listCompanies, setPlan, type OperatorContext } from '../../src/server/cli/companies.js';
import { runCli } from '../../src/server/cli/main.js';
import { retryMail } from '../../src/server/cli/mail.js';
import { rows } from '../../src/server/db/client.js';
import { loadEnv } from '../../src/server/env.js';
import { AppError } from '../../src/server/errors.js';
import { APP_URL, createTestApp, signUpCompany, STRONG_PASSWORD, uniqueEmail, type TestApp } from '../setup/app.js';
import { cleanUp, HttpClient, ROOT, runToExit, startServer, tempDir, type Exited } from './spawn.js';

const onPostgres = process.env.PEIKLY_TEST_DB === 'postgres';
const NEW_PASSWORD = 'Granite-Meadow-82';

let t: TestApp;
let operator: OperatorContext;
beforeAll(async () => {
  t = await createTestApp();
  operator = { db: t.database.db, env: t.app.ctx.env, clock: t.clock };
});
afterAll(async () => {
  await t?.close();
  await cleanUp();
});

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const tokenOf = (link: string) => link.split('#token=')[1]!;

describe('companies:create', () => {
  it('creates a company whose new admin sets a password through a one-time link', async () => {
    const email = uniqueEmail('Founder');
    const created = await createCompany(operator, {
      name: ' Northwind ',
      adminEmail: ` ${email.toUpperCase()} `,
      adminName: 'Nora North',
    });
    expect(created.passwordSetLink).toMatch(new RegExp(`^${APP_URL}/reset-password#token=[A-Za-z0-9_-]{43}$`));
    const validFor = created.linkExpiresAt!.getTime() - t.clock.now().getTime();
    expect(validFor).toBeGreaterThan(7 * DAY - MINUTE);
    expect(validFor).toBeLessThanOrEqual(7 * DAY);

    const client = t.client();
    expect((await client.post('/api/auth/login', { email, password: NEW_PASSWORD })).statusCode).toBe(401);
    const confirm = await t
      .client()
      .post('/api/auth/password-reset/confirm', { token: tokenOf(created.passwordSetLink!), password: NEW_PASSWORD });
    expect(confirm.statusCode).toBe(204);
    const again = await t
      .client()
      .post('/api/auth/password-reset/confirm', { token: tokenOf(created.passwordSetLink!), password: 'Another-Secret-93' });
    expect(again.json().error.code).toBe('INVALID_TOKEN');

    expect((await client.post('/api/auth/login', { email, password: NEW_PASSWORD })).statusCode).toBe(200);
    const me = (await client.get('/api/me')).json();
    expect(me).toMatchObject({ company: { id: created.companyId, name: 'Northwind', plan: 'free' }, role: 'CompanyAdmin' });
    expect(me.user.email).toBe(email.toLowerCase());

    const [audit] = await rows<{ action: string; details: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT action, details FROM audit_events WHERE company_id = ${created.companyId}`,
    );
    expect(audit).toMatchObject({ action: 'company.created', details: { name: 'Northwind', plan: 'free', by: 'operator' } });
  });

  it('lets the link expire after a week', async () => {
    const created = await createCompany(operator, { name: 'Lapsed', adminEmail: uniqueEmail(), adminName: 'Lee Lapsed' });
    t.clock.advance(7 * DAY + MINUTE);
    const res = await t
      .client()
      .post('/api/auth/password-reset/confirm', { token: tokenOf(created.passwordSetLink!), password: NEW_PASSWORD });
    t.clock.reset();
    expect(res.json().error.code).toBe('INVALID_TOKEN');
  });

  it('adds a person who already has a login with no link; they see both companies', async () => {
    const existing = await signUpCompany(t, 'First Co');
    const created = await createCompany(operator, {
      name: 'Second Co',
      adminEmail: existing.email.toUpperCase(),
      adminName: 'Same Person',
    });
    expect(created.passwordSetLink).toBeNull();
    expect(created.userId).toBe(existing.userId);
    const me = (await existing.client.get('/api/me')).json();
    expect(me.companies.map((c: { name: string }) => c.name).sort()).toEqual(['First Co', 'Second Co']);
  });

  it('refuses bad input naming the option', async () => {
    const error = await appError(createCompany(operator, { name: 'X', adminEmail: 'not-an-email', adminName: 'Y' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^--admin-email: /);
    expect(
      (await appError(createCompany(operator, { name: 'X', adminEmail: uniqueEmail(), adminName: 'Y', plan: 'gold' }))).message,
    ).toMatch(/^--plan: /);
  });
});

describe('companies:list', () => {
  it('lists each company with plan, seats and active admins', async () => {
    const email = uniqueEmail('lister');
    const created = await createCompany(operator, { name: 'Listed', adminEmail: email, adminName: 'Lis Ted', plan: 'starter' });
    const found = (await listCompanies(t.database.db)).find((c) => c.id === created.companyId);
    expect(found).toMatchObject({ name: 'Listed', plan: 'starter', seatsUsed: 1, seatLimit: 10, admins: [email] });
  });
});

describe('plan:set', () => {
  async function companyWithSeats(plan: string, seats: number) {
    const created = await createCompany(operator, { name: 'Seated', adminEmail: uniqueEmail(), adminName: 'Sam Seat', plan });
    for (let i = 1; i < seats; i++) {
      const [user] = await rows<{ id: string }>(
        t.database.db,
        sql`INSERT INTO users (email, full_name) VALUES (${uniqueEmail('seat')}, 'Seat Holder') RETURNING id`,
      );
      await t.database.db.execute(
        sql`INSERT INTO memberships (company_id, user_id, full_name, role, status)
            VALUES (${created.companyId}, ${user!.id}, 'Seat Holder', 'TenantUser', ${i % 2 ? 'invited' : 'active'})`,
      );
    }
    // A deactivated member frees its seat.
    const [spare] = await rows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO users (email, full_name) VALUES (${uniqueEmail('gone')}, 'Gone') RETURNING id`,
    );
    await t.database.db.execute(
      sql`INSERT INTO memberships (company_id, user_id, full_name, role, status)
          VALUES (${created.companyId}, ${spare!.id}, 'Gone', 'TenantUser', 'deactivated')`,
    );
    return created.companyId;
  }
  const planOf = async (companyId: string) =>
    (await rows<{ plan: string }>(t.database.db, sql`SELECT plan FROM subscriptions WHERE company_id = ${companyId}`))[0]!.plan;
  const planAudits = (companyId: string) =>
    rows<{ details: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT details FROM audit_events WHERE company_id = ${companyId} AND action = 'plan.changed' ORDER BY id`,
    );

  it('refuses a plan below the seats in use, saying how many users must go', async () => {
    const companyId = await companyWithSeats('starter', 5);
    const error = await appError(setPlan(operator, { companyId, plan: 'free' }));
    expect(error.code).toBe('SEATS_EXCEED_PLAN');
    expect(error.message).toContain('5 seats are in use');
    expect(error.message).toContain('deactivate or delete 2 users first');
    expect(error.details).toEqual({ plan: 'free', limit: 3, used: 5, mustRemove: 2 });
    expect(await planOf(companyId)).toBe('starter');
    expect(await planAudits(companyId)).toHaveLength(0);
  });

  it('changes the plan and audits it once', async () => {
    const companyId = await companyWithSeats('starter', 3);
    expect(await setPlan(operator, { companyId, plan: 'free' })).toEqual({ from: 'starter', to: 'free', seatsUsed: 3 });
    expect(await planOf(companyId)).toBe('free');
    expect(await setPlan(operator, { companyId, plan: 'free' })).toMatchObject({ from: 'free', to: 'free' });
    expect((await planAudits(companyId)).map((a) => a.details)).toEqual([{ before: 'starter', after: 'free', by: 'operator' }]);
  });

  it('answers an unknown company or plan clearly', async () => {
    const missing = randomUUID();
    expect((await appError(setPlan(operator, { companyId: missing, plan: 'growth' }))).message).toBe(
      `No company with id ${missing}`,
    );
    expect((await appError(setPlan(operator, { companyId: 'acme', plan: 'growth' }))).message).toMatch(/^--company: /);
    expect((await appError(setPlan(operator, { companyId: missing, plan: 'platinum' }))).message).toMatch(/^--plan: /);
  });
});

describe('mail:retry', () => {
  const silent = pino({ level: 'silent' });
  const mail = (to: string) => ({
    to,
    locale: 'en' as const,
    template: { kind: 'password-reset' as const, fullName: 'Mo', link: `${APP_URL}/reset-password#token=x` },
  });

  it('delivers waiting mail now, without waiting out its backoff', async () => {
    const to = uniqueEmail('waiting');
    await t.app.ctx.outbox.enqueue(t.database.db, mail(to));
    t.mailbox.failNext = 1;
    const first = await retryMail({ ...operator, log: silent, transport: t.mailbox });
    expect(first.sent).toBe(0);
    expect(first.pending).toBeGreaterThanOrEqual(1);
    expect(first.errors.find((e) => e.to === to)).toMatchObject({ attempts: 1, lastError: 'SMTP unavailable (test)' });
    expect(await t.flushMail()).toBe(0);

    const second = await retryMail({ ...operator, log: silent, transport: t.mailbox });
    expect(second.sent).toBeGreaterThanOrEqual(1);
    expect(t.mailbox.to(to)).toHaveLength(1);
  });

  it('retries mail that had given up only with --failed', async () => {
    const to = uniqueEmail('givenup');
    await t.app.ctx.outbox.enqueue(t.database.db, mail(to));
    await t.database.db.execute(
      sql`UPDATE mail_outbox SET status = 'failed', attempts = 8, last_error = 'gave up' WHERE to_address = ${to}`,
    );
    const without = await retryMail({ ...operator, log: silent, transport: t.mailbox });
    expect(t.mailbox.to(to)).toHaveLength(0);
    expect(without.failed).toBeGreaterThanOrEqual(1);
    await retryMail({ ...operator, log: silent, transport: t.mailbox }, { includeFailed: true });
    expect(t.mailbox.to(to)).toHaveLength(1);
  });
});

describe('backup on PostgreSQL', () => {
  it('points to pg_dump instead', async () => {
    const env = loadEnv({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' });
    await expect(runCli(['backup', '--out', '/tmp/x.tgz'], () => undefined, env)).rejects.toThrow(/pg_dump/);
  });
});

/** `npm run peikly -- ...` as an operator types it. */
function npmPeikly(args: string[], env: Record<string, string>): Promise<Exited> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'peikly', '--', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, APP_URL, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const cli = (args: string[], env: Record<string, string>) =>
  runToExit('src/server/cli/main.ts', args, { LOG_LEVEL: 'warn', ...env });

describe.runIf(!onPostgres)('the CLI process on the embedded database', () => {
  it('refuses while the server holds DATA_DIR, then backs up and restores', async () => {
    const dataDir = tempDir();
    const server = await startServer({ DATA_DIR: dataDir });
    const email = `backup.${Date.now()}@example.com`;
    const signup = await new HttpClient(server.url).post('/api/auth/signup', {
      companyName: 'Kept',
      fullName: 'Kim Kept',
      email,
      password: STRONG_PASSWORD,
    });
    expect(signup.status).toBe(201);

    const refused = await cli(['backup', '--out', path.join(dataDir, '..', 'refused.tgz')], { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `peikly: DATA_DIR ${dataDir} is in use by another Peikly process (pid ${server.child.pid}); ` +
        'stop it first, or use DATABASE_URL to run several instances on PostgreSQL',
    );
    expect(await server.stop()).toBe(0);

    const created = await npmPeikly(
      [
        'companies:create',
        '--name',
        'Added Later',
        '--admin-email',
        `later.${Date.now()}@example.com`,
        '--admin-name',
        'Al Later',
      ],
      { DATA_DIR: dataDir },
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created company "Added Later" \([0-9a-f-]{36}\) on the free plan\.$/m);
    expect(created.stdout).toMatch(/^ {2}http:\/\/localhost:3000\/reset-password#token=\S{43}$/m);

    const archive = path.join(tempDir(), 'peikly.tar.gz');
    const backup = await cli(['backup', '--out', archive], { DATA_DIR: dataDir });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`to ${archive}`);
    expect(statSync(archive).size).toBeGreaterThan(100_000);
    expect(existsSync(`${archive}.partial`)).toBe(false);

    const restoredDir = path.join(tempDir(), 'restored');
    const restore = await cli(['restore', '--from', archive], { DATA_DIR: restoredDir });
    expect(restore.code).toBe(0);
    const again = await cli(['restore', '--from', archive], { DATA_DIR: restoredDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty');

    const list = await cli(['companies:list', '--json'], { DATA_DIR: restoredDir });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((c: { name: string }) => c.name)).toEqual(['Kept', 'Added Later']);

    const restored = await startServer({ DATA_DIR: restoredDir });
    expect((await new HttpClient(restored.url).post('/api/auth/login', { email, password: STRONG_PASSWORD })).status).toBe(200);
    expect(await restored.stop()).toBe(0);
  }, 180_000);

  it('explains usage mistakes with exit code 2', async () => {
    const missing = await cli(['plan:set', '--company', randomUUID()], { DATA_DIR: tempDir() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^peikly: plan:set: --plan is required$/m);
    const unknown = await cli(['frobnicate'], { DATA_DIR: tempDir() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});
