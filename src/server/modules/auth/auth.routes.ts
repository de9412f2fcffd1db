import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LocaleBody,
  LoginBody,
  Me,
  PasswordResetBody,
  PasswordResetConfirmBody,
  SignupBody,
  SwitchCompanyBody,
} from '../../../shared/api.js';
import type { AppContext } from '../../context.js';
import type { RateLimits } from '../../plugins/rate-limits.js';
import { sha256 } from '../../crypto.js';
import * as auth from './auth.service.js';
import { clearSessionCookie, setSessionCookie } from './session.js';

const Accepted = z.object({ ok: z.literal(true) });
const tags = ['auth'];

function client(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

export function authRoutes(ctx: AppContext, limits: RateLimits) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/auth/signup',
      {
        config: { access: 'public' },
        preHandler: [limits.signupPerIp],
        schema: {
          tags,
          summary: 'Create a company on the free plan and its first CompanyAdmin',
          body: SignupBody,
          response: { 201: Me },
        },
      },
      async (request, reply) => {
        const token = await auth.signUp(ctx, request.body, client(request));
        setSessionCookie(ctx, reply, token);
        return reply.status(201).send(await auth.describeSession(ctx, sha256(token)));
      },
    );

    app.post(
      '/api/auth/login',
      {
        config: { access: 'public' },
        preHandler: [limits.loginPerIp, limits.loginPerEmail],
        schema: { tags, summary: 'Log in; starts a new session', body: LoginBody, response: { 200: Me } },
      },
      async (request, reply) => {
        const token = await auth.logIn(ctx, request.body, client(request));
        setSessionCookie(ctx, reply, token);
        return auth.describeSession(ctx, sha256(token));
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'End the current session', response: { 204: z.null() } },
      },
      async (request, reply) => {
        if (request.auth) await auth.logOut(ctx, request.auth.tokenHash);
        clearSessionCookie(ctx, reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/switch-company',
      {
        config: { access: 'signedIn' },
        schema: { tags, summary: 'Change the active company of this session', body: SwitchCompanyBody, response: { 200: Me } },
      },
      async (request) => {
        await auth.switchCompany(ctx, request.auth!, request.body.companyId);
        return auth.describeSession(ctx, request.auth!.tokenHash);
      },
    );

    app.post(
      '/api/auth/password-reset',
      {
        config: { access: 'public' },
        preHandler: [limits.resetPerIp, limits.resetPerEmail],
        schema: {
          tags,
          summary: 'Email a reset link; answers 202 whether or not the email has an account',
          body: PasswordResetBody,
          response: { 202: Accepted },
        },
      },
      async (request, reply) => {
        // Detached so that a known and an unknown email answer in the same time.
        void auth
          .requestPasswordReset(ctx, request.body.email, request.body.locale)
          .catch((error) => request.log.error({ err: error }, 'password reset failed'));
        return reply.status(202).send({ ok: true });
      },
    );

    app.post(
      '/api/auth/password-reset/confirm',
      {
        config: { access: 'public' },
        preHandler: [limits.resetPerIp],
        schema: {
          tags,
          summary: 'Set a new password with a reset token; ends every session',
          body: PasswordResetConfirmBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await auth.confirmPasswordReset(ctx, request.body.token, request.body.password);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/me',
      {
        config: { access: 'signedIn' },
        schema: { tags, summary: 'The signed-in person, the active company, role and permissions', response: { 200: Me } },
      },
      async (request) => auth.describeMe(ctx, request.auth!),
    );

    app.put(
      '/api/me/locale',
      {
        config: { access: 'signedIn' },
        schema: { tags, summary: 'Remember the language for the UI and emails', body: LocaleBody, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await auth.setLocale(ctx, request.auth!.userId, request.body.locale);
        return reply.status(204).send(null);
      },
    );
  };
}
