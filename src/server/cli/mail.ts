import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { rows } from '../db/client.js';
import { Outbox } from '../mail/outbox.js';
import { devMailboxTransport, smtpTransport, type MailTransport } from '../mail/transport.js';
import type { OperatorContext } from './companies.js';

export interface MailRetryResult {
  sent: number;
  pending: number;
  failed: number;
  /** The latest error of each message still waiting, newest first (at most 10). */
  errors: { id: number; to: string; attempts: number; lastError: string | null }[];
}

/**
 * Delivers the outbox now: pending mail waiting out its backoff becomes due at once, and with
 * `includeFailed` mail that had given up gets a fresh set of attempts. Safe beside running
 * servers on PostgreSQL: messages are claimed with SKIP LOCKED, so none is sent twice.
 */
export async function retryMail(
  ctx: OperatorContext & { log: FastifyBaseLogger; transport?: MailTransport },
  options: { includeFailed?: boolean } = {},
): Promise<MailRetryResult> {
  const now = ctx.clock.now();
  await ctx.db.execute(
    sql`UPDATE mail_outbox SET next_attempt_at = ${now} WHERE status = 'pending' AND next_attempt_at > ${now}`,
  );
  if (options.includeFailed) {
    await ctx.db.execute(
      sql`UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = ${now} WHERE status = 'failed'`,
    );
  }
  const transport =
    ctx.transport ?? (ctx.env.SMTP_URL ? smtpTransport(ctx.env.SMTP_URL, ctx.env.MAIL_FROM) : devMailboxTransport(ctx.log));
  const outbox = new Outbox(ctx.db, transport, ctx.clock, ctx.log);
  let sent: number;
  try {
    sent = await outbox.deliverDue();
  } finally {
    await outbox.stop();
  }
  const [counts] = await rows<{ pending: number; failed: number }>(
    ctx.db,
    sql`SELECT count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS pending,
               count(*) FILTER (WHERE status = 'failed')::int AS failed
        FROM mail_outbox`,
  );
  const errors = await rows<{ id: number; to_address: string; attempts: number; last_error: string | null }>(
    ctx.db,
    sql`SELECT id, to_address, attempts, last_error FROM mail_outbox
        WHERE status <> 'sent' AND last_error IS NOT NULL ORDER BY id DESC LIMIT 10`,
  );
  return {
    sent,
    pending: counts?.pending ?? 0,
    failed: counts?.failed ?? 0,
    errors: errors.map((e) => ({ id: Number(e.id), to: e.to_address, attempts: e.attempts, lastError: e.last_error })),
  };
}
