/** Rate limits across instances: shared through Redis when REDIS_URL is set, per process otherwise. */
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { loadEnv } from '../../src/server/env.js';
import { APP_URL, MemoryMailbox, uniqueEmail } from '../setup/app.js';
import { freshDatabase } from '../setup/database.js';

const REDIS_URL = process.env.TEST_REDIS_URL;
const LIMITS = { loginPerEmail: 3, loginPerIp: 1_000, resetPerIp: 1_000, resetPerEmail: 1_000, signupPerIp: 1_000 };

let database: Database;
const opened: { app: FastifyInstance; redis?: Redis }[] = [];

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  for (const { app, redis } of opened) {
    await app.close();
    redis?.disconnect();
  }
  await database?.close();
});

/** One more app instance on the shared database, as main.ts builds it. */
async function instance(redisUrl?: string, { live = true } = {}): Promise<FastifyInstance> {
  // The same client options as src/server/main.ts.
  const redis = redisUrl ? new Redis(redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  redis?.on('error', () => undefined);
  if (redis && live && redis.status !== 'ready') await once(redis, 'ready');
  const app = await buildApp({
    env: loadEnv({ NODE_ENV: 'test', APP_URL, LOG_LEVEL: 'silent' }),
    db: database.db,
    mailTransport: new MemoryMailbox(),
    mailWorker: false,
    expiryJob: false,
    logger: false,
    webRoot: '/nonexistent',
    rateLimits: LIMITS,
    redis,
  });
  await app.ready();
  opened.push({ app, redis });
  return app;
}

/** Five wrong log-ins for one email, alternating between the instances and coming from five IPs. */
async function alternatingLogins(apps: FastifyInstance[], email: string) {
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await apps[i % apps.length]!.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: `10.9.0.${i + 1}`,
      headers: { 'content-type': 'application/json', origin: APP_URL },
      payload: JSON.stringify({ email, password: 'Wrong-Password-99' }),
    });
    statuses.push(res.statusCode);
  }
  return statuses;
}

describe.skipIf(!REDIS_URL)('with REDIS_URL', () => {
  it('counts attempts on every instance together', async () => {
    const apps = [await instance(REDIS_URL), await instance(REDIS_URL)];
    const email = uniqueEmail('shared');
    expect(await alternatingLogins(apps, email)).toEqual([401, 401, 401, 429, 429]);
    const probe = new Redis(REDIS_URL!);
    try {
      const ttl = await probe.pttl(`peikly:rl:login-email:${email}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    } finally {
      probe.disconnect();
    }
  });
});

describe('without Redis', () => {
  it('counts per process, so two instances each allow the full limit', async () => {
    const apps = [await instance(), await instance()];
    expect(await alternatingLogins(apps, uniqueEmail('local'))).toEqual([401, 401, 401, 401, 401]);
    expect(await alternatingLogins([apps[0]!], uniqueEmail('local'))).toEqual([401, 401, 401, 429, 429]);
  });

  it('lets requests through when the Redis server is unreachable', async () => {
    const port = await closedPort();
    const app = await instance(`redis://127.0.0.1:${port}`, { live: false });
    const started = Date.now();
    expect(await alternatingLogins([app], uniqueEmail('down'))).toEqual([401, 401, 401, 401, 401]);
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});

/** A loopback port with nothing listening on it. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
