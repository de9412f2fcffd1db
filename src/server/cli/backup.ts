import { existsSync, readdirSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';

const PG_DUMP_HINT = 'backup copies the embedded database; on PostgreSQL (DATABASE_URL) use pg_dump';

/**
 * Writes a gzipped tarball of the embedded database. The database must be open in this process,
 * which holds the DATA_DIR lock: a running server keeps the CLI out, so the copy is consistent.
 */
export async function backupEmbedded(database: Database, outFile: string): Promise<{ file: string; bytes: number }> {
  if (database.kind !== 'pglite') throw new AppError('INVALID_STATE', PG_DUMP_HINT);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('gzip');
  const bytes = Buffer.from(await dump.arrayBuffer());
  const file = path.resolve(outFile);
  // Written beside the target and renamed, so a crash never leaves half a backup under its name.
  const partial = `${file}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, file);
  return { file, bytes: bytes.length };
}

/** Loads a backup into an empty DATA_DIR (a new folder, or the old one moved aside first). */
export async function restoreEmbedded(dataDir: string, fromFile: string): Promise<{ dataDir: string }> {
  const dir = path.resolve(dataDir);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new AppError(
      'INVALID_STATE',
      `DATA_DIR ${dir} is not empty; move it aside (or point DATA_DIR elsewhere) and restore again`,
    );
  }
  const archive = await readFile(fromFile).catch(() => {
    throw new AppError('NOT_FOUND', `cannot read backup file ${path.resolve(fromFile)}`);
  });
  const { PGlite } = await import('@electric-sql/pglite');
  try {
    const client = new PGlite(dir, { loadDataDir: new Blob([archive]) });
    await client.waitReady;
    await client.close();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new AppError('INVALID_STATE', `${path.resolve(fromFile)} is not a Peikly backup: ${(error as Error).message}`);
  }
  return { dataDir: dir };
}
