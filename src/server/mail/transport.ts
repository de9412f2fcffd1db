import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface OutgoingMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Delivers one message or throws; the outbox retries. */
export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    name: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<outbox-${mail.id}-${Date.now()}@peikly>`,
      });
    },
    close: () => transporter.close(),
  };
}

/** The built-in dev mailbox: the message stays in the database (readable at /dev/mailbox) and its
 * links are printed to the log. */
export function devMailboxTransport(log: FastifyBaseLogger): MailTransport {
  return {
    name: 'dev-mailbox',
    async send(mail) {
      const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
      log.info({ to: mail.to, subject: mail.subject, links }, `dev mailbox: ${mail.subject} → ${mail.to} ${links.join(' ')}`);
    },
  };
}
