import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app.js';
import { loadEnv } from '../../../src/server/env.js';
import { freshDatabase } from '../../setup/database.js';
import { MailSink } from './mail-sink.js';

export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export interface E2EServer {
  /** http://127.0.0.1:<port> — the APP_URL the app was started with. */
  url: string;
  app: FastifyInstance;
  mail: MailSink;
  close(): Promise<void>;
}

/**
 * The whole product as an operator runs it, one per spec file: the built web app and the API on a
 * real port, a fresh database (PGlite, or a PostgreSQL clone when PEIKLY_TEST_DB=postgres), and
 * mail delivered over SMTP to a local sink.
 */
export async function startServer(): Promise<E2EServer> {
  const mail = await MailSink.start();
  const database = await freshDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = loadEnv({
    NODE_ENV: 'test',
    APP_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
    SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
    LOG_LEVEL: 'silent',
  });
  const app = await buildApp({ env, db: database.db, webRoot: WEB_ROOT, mailPollMs: 100 });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    mail,
    close: async () => {
      await app.close();
      await database.close();
      await mail.close();
    },
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
