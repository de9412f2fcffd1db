import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { TestClock } from '../../src/server/clock.js';
import type { Database } from '../../src/server/db/client.js';
import { loadEnv } from '../../src/server/env.js';
import type { MailTransport, OutgoingMail } from '../../src/server/mail/transport.js';
import { freshDatabase } from './database.js';

export const APP_URL = 'http://localhost:3000';
export const STRONG_PASSWORD = 'Orchid-Lantern-47';

/** Collects delivered mail in memory; `failNext` makes the next sends throw (retry tests). */
export class MemoryMailbox implements MailTransport {
  readonly name = 'memory';
  readonly sent: OutgoingMail[] = [];
  failNext = 0;
  async send(mail: OutgoingMail): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('SMTP unavailable (test)');
    }
    this.sent.push(mail);
  }
  to(address: string): OutgoingMail[] {
    return this.sent.filter((m) => m.to === address.toLowerCase());
  }
  /** The first link in the newest mail to `address`. */
  lastLink(address: string): string {
    const mail = this.to(address).at(-1);
    const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
    if (!link) throw new Error(`no mail with a link to ${address}`);
    return link;
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: TestClock;
  mailbox: MemoryMailbox;
  /** Delivers whatever the outbox holds now. */
  flushMail(): Promise<number>;
  client(): TestClient;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<AppOptions> = {}, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const clock = new TestClock();
  const mailbox = new MemoryMailbox();
  const app = await buildApp({
    env: loadEnv({ NODE_ENV: 'test', APP_URL, LOG_LEVEL: 'silent', ...env }),
    db: database.db,
    clock,
    mailTransport: mailbox,
    mailWorker: false,
    expiryJob: false,
    logger: false,
    webRoot: '/nonexistent',
    rateLimits: { loginPerIp: 10_000, resetPerIp: 10_000, signupPerIp: 10_000, loginPerEmail: 1_000, resetPerEmail: 1_000 },
    ...overrides,
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    mailbox,
    flushMail: () => app.ctx.outbox.deliverDue(),
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like API client: keeps its cookie and sends the app's Origin on changes. */
export class TestClient {
  cookie: string | undefined;
  ip = '127.0.0.1';
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(method === 'GET' ? {} : { origin: APP_URL }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name.endsWith('peikly_session'));
    if (setCookie) this.cookie = setCookie.value ? `${setCookie.name}=${setCookie.value}` : undefined;
    return response;
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string, body?: unknown) => this.request('DELETE', url, body);
}

let counter = 0;
/** A unique email for this file. */
export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${++counter}@example.com`;
}

/** Signs up a new company and returns its admin's client and ids. */
export async function signUpCompany(t: TestApp, name = 'Acme', email = uniqueEmail('admin')) {
  const client = t.client();
  const res = await client.post('/api/auth/signup', {
    companyName: name,
    fullName: `${name} Admin`,
    email,
    password: STRONG_PASSWORD,
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  const me = res.json();
  return { client, email, userId: me.user.id as string, companyId: me.company.id as string, me };
}

/** Polls `check` until it holds, or fails after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
