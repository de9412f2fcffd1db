import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreateMessageBody, ErrorResponse, Message, UpdateMessageBody } from '../../../shared/api.js';
import { FEATURES } from '../../../shared/permissions.js';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../plugins/access.js';
import { featureErrors, IdParams, registerCrudRoutes } from '../features/crud.routes.js';
import type { DeliveryProvider } from '../features/delivery.js';
import { messagesService, sendMessage } from './messages.service.js';

export function messagesRoutes(ctx: AppContext, delivery: DeliveryProvider) {
  return async (instance: FastifyInstance) => {
    const service = messagesService(ctx);
    registerCrudRoutes(instance, service, {
      path: '/api/whatsapp/messages',
      tag: 'whatsapp',
      plural: 'WhatsApp messages',
      view: FEATURES.whatsapp.view,
      act: FEATURES.whatsapp.act,
      item: Message,
      create: CreateMessageBody,
      update: UpdateMessageBody,
    });

    instance.withTypeProvider<ZodTypeProvider>().post(
      '/api/whatsapp/messages/:id/send',
      {
        config: { access: FEATURES.whatsapp.act },
        schema: {
          tags: ['whatsapp'],
          summary: 'Send a draft or failed message (the built-in provider only records it)',
          params: IdParams,
          response: { 200: Message, ...featureErrors, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => sendMessage(service, delivery, actorOf(request), request.params.id),
    );
  };
}
