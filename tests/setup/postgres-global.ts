import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgRun: string;
  }
}

/** Makes a migrated template database for this run; each test file clones it; all dropped after. */
export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL!;
  const run = `peikly_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const template = `${run}_tpl`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL at TEST_DATABASE_URL is not reachable: ${(error as Error).message}`);
  }
  await admin.query(`CREATE DATABASE "${template}"`);
  const url = new URL(base);
  url.pathname = `/${template}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 1 });
  await db.close();
  project.provide('pgTemplate', template);
  project.provide('pgRun', run);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${run}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  };
}
