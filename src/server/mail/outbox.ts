import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Locale } from '../../shared/api.js';
import type { Clock } from '../clock.js';
import { rows, type Db, type Queryable } from '../db/client.js';
import { mailOutbox } from '../db/schema.js';
import { renderMail, type MailTemplate } from './templates.js';
import type { MailTransport } from './transport.js';

const MAX_ATTEMPTS = 8;
/** How long a claimed message is reserved for the worker that claimed it. */
const CLAIM_MS = 2 * 60_000;
const BATCH = 10;

export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 60 * 60_000);
}

export interface OutgoingInput {
  to: string;
  locale: Locale;
  companyId?: string | null;
  template: MailTemplate;
}

interface ClaimedRow {
  id: number;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

/**
 * Mail is written to the outbox in the transaction of the action that needs it and delivered by
 * the worker: retried with backoff, kept across restarts, claimed with SKIP LOCKED so two
 * instances never send one message at the same time.
 */
export class Outbox {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs = 2_000,
  ) {}

  /** Queues a mail inside the caller's transaction. */
  async enqueue(tx: Queryable, input: OutgoingInput): Promise<void> {
    await this.enqueueMany(tx, [input]);
  }

  /** Queues several mails with one statement (bulk invitations). */
  async enqueueMany(tx: Queryable, inputs: readonly OutgoingInput[]): Promise<void> {
    if (inputs.length === 0) return;
    const nextAttemptAt = this.clock.now();
    await tx.insert(mailOutbox).values(
      inputs.map((input) => {
        const mail = renderMail(input.template, input.locale);
        return {
          companyId: input.companyId ?? null,
          toAddress: input.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          nextAttemptAt,
        };
      }),
    );
    this.kick();
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.transport.close?.();
  }

  /** Runs a delivery pass soon (after the enqueuing transaction has had time to commit). */
  kick(): void {
    if (!this.stopped) this.schedule(20);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.running) {
      await this.running;
    }
    this.running = this.deliverDue().then(
      () => undefined,
      (error: unknown) => this.log.error({ err: error }, 'mail outbox pass failed'),
    );
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule(this.pollMs);
  }

  /** Delivers every due message; returns how many were sent. Exposed for tests and the CLI. */
  async deliverDue(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.claim();
      if (batch.length === 0) return sent;
      for (const mail of batch) {
        if (await this.deliver(mail)) sent++;
      }
    }
  }

  private async claim(): Promise<ClaimedRow[]> {
    const now = this.clock.now();
    return rows<ClaimedRow>(
      this.db,
      sql`
      UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1,
        locked_until = ${new Date(now.getTime() + CLAIM_MS)}
      WHERE id IN (
        SELECT id FROM mail_outbox
        WHERE (status = 'pending' AND next_attempt_at <= ${now})
           OR (status = 'sending' AND locked_until < ${now})
        ORDER BY id LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, to_address, subject, text, html, attempts`,
    );
  }

  private async deliver(mail: ClaimedRow): Promise<boolean> {
    try {
      await this.transport.send({ id: mail.id, to: mail.to_address, subject: mail.subject, text: mail.text, html: mail.html });
      await this.db.execute(
        sql`UPDATE mail_outbox SET status = 'sent', sent_at = ${this.clock.now()}, locked_until = NULL, last_error = NULL WHERE id = ${mail.id}`,
      );
      return true;
    } catch (error) {
      const failed = mail.attempts >= MAX_ATTEMPTS;
      const next = new Date(this.clock.now().getTime() + backoffMs(mail.attempts));
      this.log.warn({ err: error, mailId: mail.id, attempts: mail.attempts }, failed ? 'mail gave up' : 'mail will be retried');
      await this.db.execute(
        sql`UPDATE mail_outbox SET status = ${failed ? 'failed' : 'pending'}, next_attempt_at = ${next},
            locked_until = NULL, last_error = ${String((error as Error).message ?? error).slice(0, 500)} WHERE id = ${mail.id}`,
      );
      return false;
    }
  }
}
