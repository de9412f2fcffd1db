import { desc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { mailOutbox } from '../../db/schema.js';

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Outside production: the built-in mailbox, every message the outbox holds, newest first. It
 * holds live reset and invitation links, so only a browser on the server's own machine may read it.
 */
export function devMailboxRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/dev/mailbox', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      if (!LOOPBACK.test(request.ip)) {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'No route for GET /dev/mailbox' } });
      }
      const mails = await ctx.db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(100);
      const items = mails
        .map((m) => {
          const linked = escape(m.text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
          return `<article><h2>${escape(m.subject)}</h2><p>To <strong>${escape(m.toAddress)}</strong> · ${m.createdAt.toISOString()} · ${escape(m.status)}</p><pre>${linked}</pre></article>`;
        })
        .join('\n');
      return reply.type('text/html; charset=utf-8')
        .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dev mailbox · Peikly</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e}article{border-bottom:1px solid #ccc;padding:1rem 0}pre{white-space:pre-wrap}a{color:#1864ab}</style></head>
<body><main><h1>Dev mailbox</h1><p>Mail the app would have sent. Shown only outside production.</p>${items || '<p>No mail yet.</p>'}</main></body></html>`);
    });
  };
}
