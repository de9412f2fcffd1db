/**
 * The operator's CLI: `npm run peikly -- <command> [options]`. It reads the same environment as
 * the server (DATABASE_URL, DATA_DIR, SMTP_URL, APP_URL, …) and applies pending migrations
 * the same way. On the embedded database it takes the DATA_DIR lock, so it refuses to run while
 * a server is using that folder.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { PLANS } from '../../shared/plans.js';
import { systemClock } from '../clock.js';
import { DataDirLockedError, openDatabase, type Database } from '../db/client.js';
import { EnvError, loadEnv, type Env } from '../env.js';
import { AppError } from '../errors.js';
import { backupEmbedded, restoreEmbedded } from './backup.js';
import { createCompany, listCompanies, setPlan } from './companies.js';
import { retryMail } from './mail.js';

const USAGE = `Usage: npm run peikly -- <command> [options]

Commands:
  companies:list [--json]                 every company with its plan, seats and admins
  companies:create --name <name> --admin-email <email> --admin-name <full name> [--plan <plan>]
                                          a company and its first CompanyAdmin; prints a one-time
                                          link to set the password (valid 7 days)
  plan:set --company <id> --plan <plan>   change the plan (${PLANS.join(', ')});
                                          refused below the seats in use
  mail:retry [--failed]                   deliver the due outbox now, skipping backoff waits;
                                          --failed also retries mail that had given up
  backup --out <file>                     copy the embedded database (DATA_DIR) to a .tar.gz
  restore --from <file>                   load a backup into an empty DATA_DIR
  help                                    this text
`;

type Out = (line: string) => void;

class UsageError extends Error {}

export async function runCli(argv: string[], out: Out = console.log, env: Env = loadEnv()): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return out(USAGE);
  const options = (spec: Record<string, { type: 'string' | 'boolean' }>) => {
    try {
      return parseArgs({ args: rest, options: spec, strict: true, allowPositionals: false }).values as Record<
        string,
        string | boolean | undefined
      >;
    } catch (error) {
      throw new UsageError(`${command}: ${(error as Error).message}`);
    }
  };
  const required = (values: Record<string, unknown>, name: string): string => {
    const value = values[name];
    if (typeof value !== 'string' || value === '') throw new UsageError(`${command}: --${name} is required`);
    return value;
  };

  switch (command) {
    case 'companies:list': {
      const values = options({ json: { type: 'boolean' } });
      await withDatabase(env, async ({ db }) => {
        const list = await listCompanies(db);
        if (values.json) return out(JSON.stringify(list, null, 2));
        if (list.length === 0) return out('No companies yet.');
        out(
          table(
            ['id', 'name', 'plan', 'seats', 'admins'],
            list.map((c) => [c.id, c.name, c.plan, `${c.seatsUsed}/${c.seatLimit ?? '∞'}`, c.admins.join(', ')]),
          ),
        );
      });
      return;
    }
    case 'companies:create': {
      const values = options({
        name: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        plan: { type: 'string' },
      });
      const input = {
        name: required(values, 'name'),
        adminEmail: required(values, 'admin-email'),
        adminName: required(values, 'admin-name'),
        plan: (values.plan as string | undefined) ?? 'free',
      };
      await withDatabase(env, async ({ db }) => {
        const created = await createCompany({ db, env, clock: systemClock }, input);
        out(`Created company "${input.name.trim()}" (${created.companyId}) on the ${input.plan} plan.`);
        out(`CompanyAdmin: ${input.adminName.trim()} <${input.adminEmail.trim().toLowerCase()}>`);
        if (created.passwordSetLink) {
          out(`Give them this one-time link to set their password (valid until ${created.linkExpiresAt!.toISOString()}):`);
          out(`  ${created.passwordSetLink}`);
        } else {
          out('They already have a Peikly login and sign in with their current password.');
        }
      });
      return;
    }
    case 'plan:set': {
      const values = options({ company: { type: 'string' }, plan: { type: 'string' } });
      const companyId = required(values, 'company');
      const plan = required(values, 'plan');
      await withDatabase(env, async ({ db }) => {
        const result = await setPlan({ db, env, clock: systemClock }, { companyId, plan });
        out(
          result.from === result.to
            ? `Company ${companyId} is already on the ${result.to} plan.`
            : `Company ${companyId}: plan ${result.from} → ${result.to} (${result.seatsUsed} seats in use).`,
        );
      });
      return;
    }
    case 'mail:retry': {
      const values = options({ failed: { type: 'boolean' } });
      await withDatabase(env, async ({ db }) => {
        const log = pino({ level: env.LOG_LEVEL }, pino.destination(2));
        const result = await retryMail({ db, env, clock: systemClock, log }, { includeFailed: Boolean(values.failed) });
        out(`Sent ${result.sent}; still waiting ${result.pending}; given up ${result.failed}.`);
        for (const e of result.errors) out(`  #${e.id} to ${e.to} after ${e.attempts} attempt(s): ${e.lastError}`);
      });
      return;
    }
    case 'backup': {
      const values = options({ out: { type: 'string' } });
      const file = required(values, 'out');
      if (env.DATABASE_URL) throw new UsageError('backup copies the embedded database; on PostgreSQL (DATABASE_URL) use pg_dump');
      await withDatabase(env, async (database) => {
        const result = await backupEmbedded(database, file);
        out(`Backed up ${env.DATA_DIR} to ${result.file} (${result.bytes} bytes).`);
      });
      return;
    }
    case 'restore': {
      const values = options({ from: { type: 'string' } });
      const file = required(values, 'from');
      if (env.DATABASE_URL) throw new UsageError('restore is for the embedded database; on PostgreSQL use pg_restore or psql');
      const result = await restoreEmbedded(env.DATA_DIR, file);
      // Opening it once applies any migration newer than the backup.
      await withDatabase(env, async () => undefined);
      out(`Restored ${file} into ${result.dataDir}.`);
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"; run "npm run peikly -- help"`);
  }
}

async function withDatabase(env: Env, work: (database: Database) => Promise<void>): Promise<void> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;

if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`peikly: ${error.message}`);
        console.error(USAGE);
        process.exit(2);
      }
      if (error instanceof EnvError) console.error(`Invalid configuration: ${error.message}`);
      else if (error instanceof DataDirLockedError || error instanceof AppError) console.error(`peikly: ${error.message}`);
      else console.error(error);
      process.exit(1);
    },
  );
}
