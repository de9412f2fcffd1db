import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.js';
import type { Db } from './db/client.js';
import type { Env } from './env.js';
import type { Outbox } from './mail/outbox.js';

/** What services need from the running app; built once in buildApp. */
export interface AppContext {
  db: Db;
  env: Env;
  clock: Clock;
  outbox: Outbox;
  log: FastifyBaseLogger;
  appOrigin: string;
}

/** Who is acting, and from where: passed to services for authorization and auditing. */
export interface Actor {
  userId: string;
  companyId: string;
  fullName: string;
  ip: string;
}
