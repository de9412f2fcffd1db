import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { DataDirLockedError, openDatabase } from './db/client.js';
import { EnvError, loadEnv } from './env.js';

async function main(): Promise<void> {
  const env = loadEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  let redis: import('ioredis').Redis | undefined;
  if (env.REDIS_URL) {
    const { Redis } = await import('ioredis');
    redis = new Redis(env.REDIS_URL, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false });
  }
  const app = await buildApp({ env, db: database.db, redis });
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    await app.close();
    redis?.disconnect();
    await database.close();
  });
  await app.listen({ port: env.PORT, host: env.HOST });
  app.log.info(
    `Peikly is serving ${env.APP_URL} (${database.kind === 'pglite' ? `embedded database in ${env.DATA_DIR}` : 'PostgreSQL'}; ` +
      `mail via ${env.SMTP_URL ? 'SMTP' : 'the dev mailbox at /dev/mailbox'})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) console.error(`Invalid configuration: ${error.message}`);
  else if (error instanceof DataDirLockedError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
