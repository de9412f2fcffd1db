import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AcceptInvitationBody, ErrorResponse, InvitationView, Me } from '../../../shared/api.js';
import type { AppContext } from '../../context.js';
import type { RateLimits } from '../../plugins/rate-limits.js';
import { setSessionCookie } from '../auth/session.js';
import { acceptInvitation, viewInvitation } from './invitations.service.js';

const tags = ['invitations'];
const TokenParams = z.object({ token: z.string().min(1).max(200) });

export function invitationRoutes(ctx: AppContext, limits: RateLimits) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/invitations/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'What an invitation is for; 410 INVITATION_INVALID with a reason when it cannot be used',
          params: TokenParams,
          response: { 200: InvitationView, 400: ErrorResponse, 410: ErrorResponse },
        },
      },
      async (request) => viewInvitation(ctx, request.params.token),
    );

    app.post(
      '/api/invitations/:token/accept',
      {
        config: { access: 'public' },
        // The password of an existing account can be tried here, so it counts like a log-in.
        preHandler: [limits.loginPerIp],
        schema: {
          tags,
          summary: 'Accept an invitation: set a password (new person) or join with the existing login',
          params: TokenParams,
          body: AcceptInvitationBody,
          response: {
            200: Me,
            400: ErrorResponse,
            401: ErrorResponse,
            402: ErrorResponse,
            403: ErrorResponse,
            410: ErrorResponse,
            429: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const { newSessionToken, me } = await acceptInvitation(ctx, request.params.token, request.body, {
          auth: request.auth,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        });
        if (newSessionToken) setSessionCookie(ctx, reply, newSessionToken);
        return me;
      },
    );
  };
}
