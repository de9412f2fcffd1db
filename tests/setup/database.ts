import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/client.js';

/** A fresh database for one test file: an in-memory PGlite, or a clone of this run's PostgreSQL
 * template when the project runs on PostgreSQL. */
export async function freshDatabase(): Promise<Database> {
  if (process.env.PEIKLY_TEST_DB !== 'postgres') return openDatabase({ dataDir: 'memory://' });
  const base = process.env.TEST_DATABASE_URL!;
  const name = `${inject('pgRun')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('pgTemplate')}"`);
      break;
    } catch (error) {
      // Two files cloning the template at the same instant: wait and try again.
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 20 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
