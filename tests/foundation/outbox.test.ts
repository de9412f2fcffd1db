/** The mail outbox: retried with backoff, never sent twice, kept across restarts. */
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { TestClock } from '../../src/server/clock.js';
import { openDatabase, rows, type Database } from '../../src/server/db/client.js';
import { loadEnv } from '../../src/server/env.js';
import { backoffMs, Outbox } from '../../src/server/mail/outbox.js';
import type { MailTransport, OutgoingMail } from '../../src/server/mail/transport.js';
import { APP_URL, createTestApp, MemoryMailbox, STRONG_PASSWORD, uniqueEmail, waitFor, type TestApp } from '../setup/app.js';
import { freshDatabase } from '../setup/database.js';
import { cleanUp, tempDir } from './spawn.js';

const silent = pino({ level: 'silent' });
const onPostgres = process.env.PEIKLY_TEST_DB === 'postgres';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
  await cleanUp();
});

interface OutboxRow {
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
}

async function rowFor(database: Database, to: string): Promise<OutboxRow> {
  const [row] = await rows<OutboxRow>(
    database.db,
    sql`SELECT status, attempts, next_attempt_at, last_error FROM mail_outbox WHERE to_address = ${to}`,
  );
  return { ...row!, next_attempt_at: new Date(row!.next_attempt_at) };
}

const resetMail = (to: string) => ({
  to,
  locale: 'en' as const,
  template: { kind: 'password-reset' as const, fullName: 'Rita', link: `${APP_URL}/reset-password#token=t-${to}` },
});

describe('retries', () => {
  it('retries a failed delivery after a growing backoff, then delivers it once', async () => {
    const to = uniqueEmail('retry');
    await t.app.ctx.outbox.enqueue(t.database.db, resetMail(to));
    t.mailbox.failNext = 2;

    expect(await t.flushMail()).toBe(0);
    let row = await rowFor(t.database, to);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMTP unavailable (test)' });
    expect(row.next_attempt_at.getTime() - t.clock.now().getTime()).toBeGreaterThan(backoffMs(1) - 1_000);
    expect(await t.flushMail()).toBe(0);
    expect((await rowFor(t.database, to)).attempts).toBe(1);

    t.clock.advance(backoffMs(1));
    expect(await t.flushMail()).toBe(0);
    row = await rowFor(t.database, to);
    expect(row.attempts).toBe(2);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));

    t.clock.advance(backoffMs(2) - 5_000);
    expect(await t.flushMail()).toBe(0);
    t.clock.advance(5_000);
    expect(await t.flushMail()).toBe(1);
    expect(t.mailbox.to(to)).toHaveLength(1);
    expect(await rowFor(t.database, to)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(await t.flushMail()).toBe(0);
    t.clock.reset();
  });

  it('gives up after eight attempts and keeps the last error', async () => {
    const to = uniqueEmail('doomed');
    await t.app.ctx.outbox.enqueue(t.database.db, resetMail(to));
    t.mailbox.failNext = 100;
    for (let attempt = 1; attempt <= 8; attempt++) {
      await t.flushMail();
      t.clock.advance(backoffMs(attempt));
    }
    expect(await rowFor(t.database, to)).toMatchObject({ status: 'failed', attempts: 8 });
    t.clock.advance(backoffMs(8));
    await t.flushMail();
    expect((await rowFor(t.database, to)).attempts).toBe(8);
    t.mailbox.failNext = 0;
    t.clock.reset();
  });
});

describe('two workers on one database', () => {
  it('never send one message twice', async () => {
    const database = t.database;
    const clock = new TestClock();
    const sent: number[] = [];
    const slowTransport = (): MailTransport => ({
      name: 'slow',
      async send(mail: OutgoingMail) {
        await new Promise((r) => setTimeout(r, 2));
        sent.push(Number(mail.id));
      },
    });
    const a = new Outbox(database.db, slowTransport(), clock, silent);
    const b = new Outbox(database.db, slowTransport(), clock, silent);
    const prefix = `bulk.${Date.now()}`;
    for (let i = 0; i < 60; i++) await a.enqueue(database.db, resetMail(`${prefix}.${i}@example.com`));
    const queued = await rows<{ id: string }>(database.db, sql`SELECT id FROM mail_outbox WHERE to_address LIKE ${prefix + '%'}`);
    expect(queued).toHaveLength(60);

    const counts = await Promise.all([a.deliverDue(), b.deliverDue(), a.deliverDue(), b.deliverDue()]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(60);
    expect([...sent].sort((x, y) => x - y)).toEqual(queued.map((q) => Number(q.id)).sort((x, y) => x - y));
    // Both really worked, or the test proved nothing about concurrency.
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1);
    const [left] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM mail_outbox WHERE to_address LIKE ${prefix + '%'} AND status <> 'sent'`,
    );
    expect(left!.n).toBe(0);
  });
});

describe('restarts', () => {
  it('delivers after a restart the mail that was queued before it', async () => {
    // On the embedded database the folder is closed and opened again; on PostgreSQL the
    // database outlives the app.
    const dataDir = tempDir();
    let database: Database = onPostgres ? await freshDatabase() : await openDatabase({ dataDir });
    const env = loadEnv({ NODE_ENV: 'test', APP_URL, LOG_LEVEL: 'silent' });
    const common = { env, logger: false as const, webRoot: '/nonexistent', expiryJob: false };
    try {
      const before = await buildApp({ ...common, db: database.db, mailTransport: new MemoryMailbox(), mailWorker: false });
      await before.ready();
      const client = await signUp(before);
      const reset = await before.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        headers: { 'content-type': 'application/json', origin: APP_URL },
        payload: JSON.stringify({ email: client.email }),
      });
      expect(reset.statusCode).toBe(202);
      await waitFor(
        async () => (await rows(database.db, sql`SELECT 1 FROM mail_outbox WHERE to_address = ${client.email}`)).length > 0,
      );
      await before.close();
      if (!onPostgres) {
        await database.close();
        database = await openDatabase({ dataDir });
      }

      const mailbox = new MemoryMailbox();
      const after = await buildApp({ ...common, db: database.db, mailTransport: mailbox, mailWorker: true, mailPollMs: 50 });
      await after.ready();
      await waitFor(async () => mailbox.to(client.email).length > 0);
      const token = mailbox.lastLink(client.email).split('#token=')[1]!;
      const confirm = await after.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        headers: { 'content-type': 'application/json', origin: APP_URL },
        payload: JSON.stringify({ token, password: 'Granite-Meadow-82' }),
      });
      expect(confirm.statusCode).toBe(204);
      await after.close();
      expect(mailbox.to(client.email)).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});

async function signUp(app: import('fastify').FastifyInstance) {
  const email = uniqueEmail('restart');
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    headers: { 'content-type': 'application/json', origin: APP_URL },
    payload: JSON.stringify({ companyName: 'Restart', fullName: 'Rhea Restart', email, password: STRONG_PASSWORD }),
  });
  expect(res.statusCode).toBe(201);
  return { email };
}
