/**
 * The server as an operator starts it: `src/server/main.ts` in its own process, configured by the
 * environment. These run once, in the pglite project (they exercise the embedded database);
 * the PostgreSQL-only behaviour has its own block below.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, HttpClient, runToExit, startServer, STRONG_PASSWORD, tempDir } from './spawn.js';

const onPostgres = process.env.PEIKLY_TEST_DB === 'postgres';

afterAll(cleanUp);

describe.runIf(!onPostgres)('configuration', () => {
  it.each([
    ['PORT', 'abc'],
    ['APP_URL', 'ftp://x'],
    ['DATABASE_URL', 'mysql://x'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['TRUST_PROXY', 'yes'],
  ])('a bad %s stops the server with one line naming it', async (name, value) => {
    const result = await runToExit('src/server/main.ts', [], { DATA_DIR: tempDir(), [name]: value });
    expect(result.code).not.toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name}: `));
    expect(result.stdout).toBe('');
  });
});

describe.runIf(!onPostgres)('the embedded database in DATA_DIR', () => {
  it('refuses a second process on the same DATA_DIR, keeps data across a restart', async () => {
    const dataDir = tempDir();
    const first = await startServer({ DATA_DIR: dataDir });

    const second = await runToExit('src/server/main.ts', [], { DATA_DIR: dataDir });
    expect(second.code).not.toBe(0);
    const lines = second.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`DATA_DIR ${dataDir} is in use by another Peikly process (pid ${first.child.pid})`);

    const email = `restart.${randomBytes(4).toString('hex')}@example.com`;
    const signup = await new HttpClient(first.url).post('/api/auth/signup', {
      companyName: 'Durable',
      fullName: 'Dana Durable',
      email,
      password: STRONG_PASSWORD,
    });
    expect(signup.status).toBe(201);
    expect(await first.stop()).toBe(0);

    const again = await startServer({ DATA_DIR: dataDir });
    const client = new HttpClient(again.url);
    expect((await client.post('/api/auth/login', { email, password: STRONG_PASSWORD })).status).toBe(200);
    const me = (await client.get('/api/me')).json() as { company: { name: string }; role: string };
    expect(me.company.name).toBe('Durable');
    expect(me.role).toBe('CompanyAdmin');
    expect(await again.stop()).toBe(0);
  }, 120_000);
});

describe.runIf(onPostgres)('several instances on one PostgreSQL database', () => {
  it('start together on an empty database, migrate once and share sessions', async () => {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `peikly_multi_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(base);
      url.pathname = `/${name}`;
      const env = { DATABASE_URL: url.toString() };
      const [a, b] = await Promise.all([startServer(env), startServer(env)]);

      const alice = new HttpClient(a.url);
      const email = `multi.${randomBytes(4).toString('hex')}@example.com`;
      const signup = await alice.post('/api/auth/signup', {
        companyName: 'Spread',
        fullName: 'Sam Spread',
        email,
        password: STRONG_PASSWORD,
      });
      expect(signup.status).toBe(201);
      const onB = new HttpClient(b.url);
      onB.cookie = alice.cookie;
      expect(((await onB.get('/api/me')).json() as { user: { email: string } }).user.email).toBe(email);
      expect((await onB.post('/api/auth/logout')).status).toBe(204);
      expect((await alice.get('/api/me')).status).toBe(401);

      const migrations = await new pg.Client({ connectionString: url.toString() });
      await migrations.connect();
      const { rows } = await migrations.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      await migrations.end();
      const { readdirSync } = await import('node:fs');
      const files = readdirSync(new URL('../../src/server/db/migrations', import.meta.url)).filter((f) => f.endsWith('.sql'));
      expect(rows[0].n).toBe(files.length);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
