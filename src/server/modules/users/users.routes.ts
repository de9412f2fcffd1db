import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddUserBody,
  DeleteUserBody,
  EditUserBody,
  ErrorResponse,
  Id,
  ListMembersQuery,
  Member,
  MemberList,
  OwnedItems,
} from '../../../shared/api.js';
import type { AppContext } from '../../context.js';
import { memberOf } from '../../plugins/access.js';
import { deleteUser, editUser } from './users.changes.js';
import type { AdminActor } from './users.guards.js';
import * as users from './users.service.js';

const tags = ['users'];
const MemberParams = z.object({ id: Id });
const AdminList = z.object({ items: z.array(z.object({ id: Id, fullName: z.string(), email: z.string() })) });
/** Errors every admin route can answer. */
const denied = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

export function adminOf(request: FastifyRequest): AdminActor {
  const auth = memberOf(request);
  return {
    userId: auth.userId,
    companyId: auth.company.id,
    fullName: auth.company.memberName,
    ip: request.ip,
    locale: auth.locale,
    companyName: auth.company.name,
  };
}

/** DELETE may come with no body, or an empty one labelled JSON; both mean "no options". */
function acceptEmptyDeleteBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (request.method === 'DELETE' && String(body).trim() === '') return done(null, undefined);
    return parseJson(request, body as string, done);
  });
}

export function usersRoutes(ctx: AppContext) {
  return async (instance: FastifyInstance) => {
    acceptEmptyDeleteBody(instance);
    const app = instance.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/users',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'List the users of the active company (removed ones only with status=removed)',
          querystring: ListMembersQuery,
          response: { 200: MemberList, ...denied },
        },
      },
      async (request) => users.listCompanyMembers(ctx, memberOf(request).company.id, request.query),
    );

    app.post(
      '/api/users',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Add a user: creates the membership as invited and emails an invitation',
          body: AddUserBody,
          response: { 201: Member, ...denied, 402: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => reply.status(201).send(await users.inviteUser(ctx, adminOf(request), request.body)),
    );

    app.get(
      '/api/users/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'One user of the active company',
          params: MemberParams,
          response: { 200: Member, ...denied, 404: ErrorResponse },
        },
      },
      async (request) => users.getMember(ctx, memberOf(request).company.id, request.params.id),
    );

    app.patch(
      '/api/users/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Edit name, role, permissions or status (active / deactivated); applies on the next request',
          params: MemberParams,
          body: EditUserBody,
          response: { 200: Member, ...denied, 402: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => editUser(ctx, adminOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/users/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Delete a user (an invited one: revoke the invitation); items stay or move to reassignTo',
          params: MemberParams,
          // Fastify hands a bodiless request over as null.
          body: DeleteUserBody.nullable(),
          response: { 204: z.null(), ...denied, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        await deleteUser(ctx, adminOf(request), request.params.id, request.body?.reassignTo);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/users/:id/items',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'How many items the user owns, shown before Delete',
          params: MemberParams,
          response: { 200: OwnedItems, ...denied, 404: ErrorResponse },
        },
      },
      async (request) => users.getOwnedItems(ctx, memberOf(request).company.id, request.params.id),
    );

    app.post(
      '/api/users/:id/invitation',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Resend the invitation: a new link, the old one stops working',
          params: MemberParams,
          response: { 200: Member, ...denied, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => users.resendInvitation(ctx, adminOf(request), request.params.id),
    );

    app.get(
      '/api/company/admins',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'The active CompanyAdmins of the active company (whom to ask for access)',
          response: { 200: AdminList, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => users.listCompanyAdmins(ctx, memberOf(request).company.id),
    );
  };
}
