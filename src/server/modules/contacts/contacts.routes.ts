import type { FastifyInstance } from 'fastify';
import { Contact, CreateContactBody, UpdateContactBody } from '../../../shared/api.js';
import { FEATURES } from '../../../shared/permissions.js';
import type { AppContext } from '../../context.js';
import { registerCrudRoutes } from '../features/crud.routes.js';
import { contactsService } from './contacts.service.js';

export function contactsRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    registerCrudRoutes(app, contactsService(ctx), {
      path: '/api/contacts',
      tag: 'contacts',
      plural: 'contacts',
      view: FEATURES.contacts.view,
      act: FEATURES.contacts.act,
      item: Contact,
      create: CreateContactBody,
      update: UpdateContactBody,
    });
  };
}
