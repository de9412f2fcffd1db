import { mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.js';

/** Both drivers expose the same query builder; the node-postgres type stands for both. */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** A postgres:// URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize) : await openPglite(options.dataDir);
  try {
    if (database.kind === 'postgres') {
      await underMigrationLock(options.databaseUrl!, () => migratePg(database.db, { migrationsFolder: MIGRATIONS_DIR }));
    } else await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * Instances started together on one database would race to create the same tables (and the
 * loser would crash), so they migrate one at a time under a session advisory lock, held on a
 * connection of its own.
 */
const MIGRATION_LOCK_KEY = 727_346_001;

async function underMigrationLock(url: string, migrate: () => Promise<void>): Promise<void> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate();
  } finally {
    await lock.end();
  }
}

function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return { db: drizzlePg(pool, { schema }), kind: 'postgres', close: () => pool.end() };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const inMemory = dataDir.startsWith('memory://');
  let release = () => undefined as void;
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  try {
    const client = inMemory ? new PGlite() : new PGlite(dataDir);
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export class DataDirLockedError extends Error {}

/**
 * Two processes on one PGlite folder silently lose committed writes, so the folder is locked for
 * the life of the process. A lock left by a dead process is taken over.
 */
const heldLocks = new Set<string>();

function lockDataDir(dataDir: string): () => void {
  const lockPath = path.resolve(dataDir, 'peikly.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      heldLocks.add(lockPath);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldLocks.delete(lockPath);
        try {
          unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      const heldHere = holder === process.pid && heldLocks.has(lockPath);
      if (heldHere || (holder && holder !== process.pid && isAlive(holder))) {
        throw new DataDirLockedError(
          `DATA_DIR ${path.resolve(dataDir)} is in use by another Peikly process (pid ${holder}); ` +
            'stop it first, or use DATABASE_URL to run several instances on PostgreSQL',
        );
      }
      unlinkSync(lockPath);
    }
  }
  throw new DataDirLockedError(`could not lock DATA_DIR ${path.resolve(dataDir)}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const dialect = new PgDialect();

/**
 * Runs a hot statement as a named prepared statement on PostgreSQL, so it is parsed and planned
 * once per connection rather than on every request. Only for the top-level database (not inside a
 * transaction), and only for statements whose rows carry no timestamps (drivers parse those apart).
 */
export async function preparedRows<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool) {
    const result = await client.query({ name, text, values: params as unknown[] });
    return result.rows as T[];
  }
  // PGlite: straight to the client, skipping the query builder's per-call overhead.
  const result = await (client as { query(text: string, params: unknown[]): Promise<{ rows: T[] }> }).query(text, params);
  return result.rows;
}

/** Runs raw SQL and returns its rows, the same on both drivers. */
export async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  while (e && typeof e === 'object') {
    if ((e as { code?: string }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
