import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { systemClock, type Clock } from './clock.js';
import type { AppContext } from './context.js';
import type { Db } from './db/client.js';
import type { Env } from './env.js';
import { Outbox } from './mail/outbox.js';
import { devMailboxTransport, smtpTransport, type MailTransport } from './mail/transport.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { billingRoutes } from './modules/billing/billing.routes.js';
import { bulkInviteRoutes } from './modules/bulk-invite/bulk-invite.routes.js';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes.js';
import { contactsRoutes } from './modules/contacts/contacts.routes.js';
import { devMailboxRoutes } from './modules/dev/dev-mailbox.routes.js';
import { startExpiryJob, type ExpiryJob } from './modules/expiry/expiry.job.js';
import { recordingDelivery, type DeliveryProvider } from './modules/features/delivery.js';
import { invitationRoutes } from './modules/invitations/invitations.routes.js';
import { messagesRoutes } from './modules/messages/messages.routes.js';
import { reviewRoutes } from './modules/review/review.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { membersRoutes } from './modules/users/members.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { workflowsRoutes } from './modules/workflows/workflows.routes.js';
import { registerAccessControl } from './plugins/access.js';
import { registerErrorHandling } from './plugins/errors.js';
import { createRateLimits, DEFAULT_RATE_LIMITS, type RateLimitSettings } from './plugins/rate-limits.js';

export interface AppOptions {
  env: Env;
  db: Db;
  clock?: Clock;
  /** Defaults to SMTP when SMTP_URL is set, else the dev mailbox. */
  mailTransport?: MailTransport;
  /** Start the outbox worker (default true). */
  mailWorker?: boolean;
  mailPollMs?: number;
  /** Run the time-limited access expiry every minute (default true; tests call expireAccess themselves). */
  expiryJob?: boolean;
  rateLimits?: Partial<RateLimitSettings>;
  redis?: Redis;
  /** Where email campaigns and WhatsApp messages go; defaults to recording the intent only. */
  delivery?: DeliveryProvider;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; served when it exists. */
  webRoot?: string;
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));
const BODY_LIMIT = 1024 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

/** Builds the whole app without listening; tests drive it with inject or a real port. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { env } = options;
  const app = Fastify({
    logger: options.logger ?? { level: env.LOG_LEVEL },
    bodyLimit: BODY_LIMIT,
    trustProxy: env.TRUST_PROXY,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const clock = options.clock ?? systemClock;
  const transport =
    options.mailTransport ?? (env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : devMailboxTransport(app.log));
  const outbox = new Outbox(options.db, transport, clock, app.log, options.mailPollMs);
  const ctx: AppContext = { db: options.db, env, clock, outbox, log: app.log, appOrigin: new URL(env.APP_URL).origin };
  app.decorate('ctx', ctx);

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  // Before any route: every route, the OpenAPI ones included, is checked and recorded.
  registerAccessControl(app, ctx);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine and the OpenAPI viewer set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: env.APP_URL.startsWith('https:') ? [] : null,
      },
    },
    hsts: env.APP_URL.startsWith('https:'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Peikly API', version: '1.0.0', description: 'User and access management for Peikly companies.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'peikly_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const limits = createRateLimits({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, options.redis);

  await app.register(systemRoutes(ctx));
  await app.register(authRoutes(ctx, limits));
  await app.register(usersRoutes(ctx));
  await app.register(membersRoutes(ctx));
  await app.register(invitationRoutes(ctx, limits));
  await app.register(billingRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(reviewRoutes(ctx));
  await app.register(bulkInviteRoutes(ctx));
  const delivery = options.delivery ?? recordingDelivery;
  await app.register(contactsRoutes(ctx));
  await app.register(campaignsRoutes(ctx, delivery));
  await app.register(messagesRoutes(ctx, delivery));
  await app.register(workflowsRoutes(ctx));
  if (env.NODE_ENV !== 'production') await app.register(devMailboxRoutes(ctx));

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(webRoot)) await serveWeb(app, webRoot);

  if (options.mailWorker !== false) {
    app.addHook('onReady', async () => outbox.start());
  }
  app.addHook('onClose', async () => outbox.stop());
  if (options.expiryJob !== false) {
    let expiry: ExpiryJob | undefined;
    app.addHook('onReady', async () => {
      expiry = startExpiryJob(ctx);
    });
    app.addHook('onClose', async () => expiry?.stop());
  }
  return app;
}

/** The built React app: static assets, and index.html for every other page path. */
async function serveWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.join(webRoot, 'assets'),
    wildcard: false,
    index: false,
    serve: true,
    prefix: '/assets/',
    decorateReply: true,
    // Hashed file names: cache for a year.
    maxAge: '365d',
    immutable: true,
    allowedPath: (p) => !p.includes('..'),
  });
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot, { cacheControl: false }),
  );
  app.get('/favicon.svg', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) =>
    reply.sendFile('favicon.svg', webRoot),
  );
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    // An API path or a missing asset is a 404, not the app's page.
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/')) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route for GET ${request.url.split('?')[0]}` } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot, { cacheControl: false });
  });
}
