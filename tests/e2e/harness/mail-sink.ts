import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it receives, parsed. The app talks to
 * it through its ordinary SMTP transport (plain SMTP: no STARTTLS, no AUTH), as it would to a relay.
 */
export class MailSink {
  readonly messages: SunkMail[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (parsed) => {
            const to = [parsed.to ?? []].flat().flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
            this.messages.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '', html: parsed.html || '' });
            for (const wake of this.waiters) wake();
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
  }

  static async start(): Promise<MailSink> {
    const sink = new MailSink();
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(0, '127.0.0.1', () => resolve());
    });
    return sink;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Resolves with the first message to `to` (and matching `subject`) received after `after` messages. */
  async waitForMail(
    to: string,
    { subject, timeoutMs = 10_000, after = 0 }: { subject?: string | RegExp; timeoutMs?: number; after?: number } = {},
  ): Promise<SunkMail> {
    const address = to.toLowerCase();
    const matches = (m: SunkMail) =>
      m.to.includes(address) &&
      (subject === undefined || (typeof subject === 'string' ? m.subject.includes(subject) : subject.test(m.subject)));
    const find = () => this.messages.slice(after).find(matches);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.messages.map((m) => `  ${m.to.join(',')}: ${m.subject}`).join('\n') || '  (none)';
        throw new Error(
          `No mail to ${to}${subject ? ` about ${String(subject)}` : ''} within ${timeoutMs}ms. Received:\n${seen}`,
        );
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The first link in a mail's text part (the call-to-action link). */
export function linkIn(mail: SunkMail): string {
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`The mail "${mail.subject}" has no link:\n${mail.text}`);
  return link;
}
