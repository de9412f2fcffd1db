import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Campaign, ErrorResponse, CreateCampaignBody, SendCampaignBody, UpdateCampaignBody } from '../../../shared/api.js';
import { FEATURES } from '../../../shared/permissions.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/access.js';
import { featureErrors, IdParams, registerCrudRoutes } from '../features/crud.routes.js';
import type { DeliveryProvider } from '../features/delivery.js';
import { campaignsService, sendCampaign } from './campaigns.service.js';

export function campaignsRoutes(ctx: AppContext, delivery: DeliveryProvider) {
  return async (instance: FastifyInstance) => {
    const service = campaignsService(ctx);
    registerCrudRoutes(instance, service, {
      path: '/api/email/campaigns',
      tag: 'email',
      plural: 'email campaigns',
      view: FEATURES.email.view,
      act: FEATURES.email.act,
      item: Campaign,
      create: CreateCampaignBody,
      update: UpdateCampaignBody,
    });

    instance.withTypeProvider<ZodTypeProvider>().post(
      '/api/email/campaigns/:id/send',
      {
        config: { access: FEATURES.email.act },
        schema: {
          tags: ['email'],
          summary: 'Send a campaign now, or schedule it with `scheduledAt` (the built-in provider only records it)',
          params: IdParams,
          body: SendCampaignBody,
          response: { 200: Campaign, ...featureErrors, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => sendCampaign(ctx, service, delivery, actorOf(request), request.params.id, request.body?.scheduledAt),
    );
  };
}
