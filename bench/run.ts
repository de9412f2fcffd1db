/**
 * `npm run bench`: authenticated GET /api/me requests per second on the real app, next to a bare
 * Fastify hello-world under the same load, and their ratio. The app runs on the embedded
 * database in a temporary DATA_DIR, and on PostgreSQL too when BENCH_DATABASE_URL is set.
 *
 * Everything is on loopback; the servers run in this process and autocannon fires from a worker
 * thread. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) tune the load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { loadEnv } from '../src/server/env.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP_SECONDS = 2;
const APP_URL = 'http://localhost:3000';

interface Figure {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Figure> {
  const options = { url, headers, connections: CONNECTIONS, workers: 1 };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  const result = await autocannon({ ...options, duration: SECONDS });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/** The real app on one database: sign up, then hammer GET /api/me with the session cookie. */
async function benchPeikly(name: string, database: Database): Promise<Figure> {
  const env = loadEnv({ NODE_ENV: 'production', APP_URL, LOG_LEVEL: 'warn' });
  const app = await buildApp({ env, db: database.db, mailWorker: false, logger: false, webRoot: '/nonexistent' });
  try {
    const base = await listen(app);
    const signup = await fetch(`${base}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP_URL },
      body: JSON.stringify({
        companyName: 'Bench',
        fullName: 'Bea Bench',
        email: `bench.${Date.now()}.${process.pid}@example.com`,
        password: 'Orchid-Lantern-47',
      }),
    });
    if (signup.status !== 201) throw new Error(`sign-up failed: ${signup.status} ${await signup.text()}`);
    const cookie = signup.headers.getSetCookie()[0]!.split(';')[0]!;
    const me = await fetch(`${base}/api/me`, { headers: { cookie } });
    if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status}`);
    return await load(name, `${base}/api/me`, { cookie });
  } finally {
    await app.close();
  }
}

async function benchHelloWorld(): Promise<Figure> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  try {
    return await load('bare Fastify hello-world', await listen(app));
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  console.log(`Load: ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up, loopback.`);
  const figures: Figure[] = [];

  const dataDir = mkdtempSync(path.join(tmpdir(), 'peikly-bench-'));
  try {
    const embedded = await openDatabase({ dataDir });
    try {
      figures.push(await benchPeikly('Peikly GET /api/me (embedded PGlite)', embedded));
    } finally {
      await embedded.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  if (process.env.BENCH_DATABASE_URL) {
    const postgres = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: '', poolSize: 10 });
    try {
      figures.push(await benchPeikly('Peikly GET /api/me (PostgreSQL)', postgres));
    } finally {
      await postgres.close();
    }
  }

  const hello = await benchHelloWorld();
  figures.push(hello);

  const width = Math.max(...figures.map((f) => f.name.length));
  console.log('');
  console.log(`${'what'.padEnd(width)}  req/s     p50 ms  p99 ms  errors  vs hello-world`);
  for (const f of figures) {
    const ratio = f === hello ? '' : `${((f.requestsPerSecond / hello.requestsPerSecond) * 100).toFixed(1)} %`;
    console.log(
      `${f.name.padEnd(width)}  ${f.requestsPerSecond.toFixed(0).padStart(8)}  ${String(f.p50).padStart(6)}  ` +
        `${String(f.p99).padStart(6)}  ${String(f.errors).padStart(6)}  ${ratio}`,
    );
  }
  if (figures.some((f) => f.errors > 0)) {
    console.error('Some requests failed; the figures above are not trustworthy.');
    process.exitCode = 1;
  }
}

await main();
