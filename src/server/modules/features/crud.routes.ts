import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorResponse, FeatureListQuery, Id } from '../../../shared/api.js';
import type { Permission } from '../../../shared/permissions.js';
import { actorOf } from '../../plugins/access.js';
import type { FeatureService } from './crud.service.js';
import type { OwnedTable } from './tables.js';

export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;
/** Errors every feature route can answer; `404` for an id of another company too. */
export const featureErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const missing = { 404: ErrorResponse };

export interface CrudRoutes<Item, Create, Update> {
  /** e.g. `/api/contacts` */
  path: string;
  tag: string;
  /** Plural noun for summaries: "contacts". */
  plural: string;
  view: Permission;
  act: Permission;
  item: z.ZodType<Item>;
  create: z.ZodType<Create>;
  update: z.ZodType<Update>;
}

/**
 * The five routes every feature has: list, create, read, edit (including the owner), delete.
 * Reading needs the feature's view permission; every change needs its manage/send permission.
 */
export function registerCrudRoutes<
  T extends OwnedTable,
  Item,
  Create extends { ownerId?: string },
  Update extends { ownerId?: string },
>(instance: FastifyInstance, service: FeatureService<T, Item, Create, Update>, def: CrudRoutes<Item, Create, Update>): void {
  // The schemas are generic here, so the handlers cast what the schemas already validated.
  const app = instance;
  const tags = [def.tag];
  const list = z.object({ items: z.array(def.item), nextCursor: z.string().nullable() });

  app.get(
    def.path,
    {
      config: { access: def.view },
      schema: {
        tags,
        summary: `List ${def.plural}, newest first`,
        querystring: FeatureListQuery,
        response: { 200: list, ...featureErrors },
      },
    },
    async (request) => service.list(actorOf(request).companyId, request.query as FeatureListQuery),
  );

  app.post(
    def.path,
    {
      config: { access: def.act },
      schema: {
        tags,
        summary: `Create one of the ${def.plural}`,
        body: def.create,
        response: { 201: def.item, ...featureErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body as Create)),
  );

  app.get(
    `${def.path}/:id`,
    {
      config: { access: def.view },
      schema: {
        tags,
        summary: `Read one of the ${def.plural}`,
        params: IdParams,
        response: { 200: def.item, ...featureErrors, ...missing },
      },
    },
    async (request) => service.get(actorOf(request).companyId, (request.params as IdParams).id),
  );

  app.patch(
    `${def.path}/:id`,
    {
      config: { access: def.act },
      schema: {
        tags,
        summary: `Edit one of the ${def.plural}; \`ownerId\` assigns it to another active member`,
        params: IdParams,
        body: def.update,
        response: { 200: def.item, ...featureErrors, ...missing, 409: ErrorResponse },
      },
    },
    async (request) => service.update(actorOf(request), (request.params as IdParams).id, request.body as Update),
  );

  app.delete(
    `${def.path}/:id`,
    {
      config: { access: def.act },
      schema: {
        tags,
        summary: `Delete one of the ${def.plural}`,
        params: IdParams,
        response: { 204: z.null(), ...featureErrors, ...missing },
      },
    },
    async (request, reply) => {
      await service.remove(actorOf(request).companyId, (request.params as IdParams).id);
      return reply.status(204).send(null);
    },
  );
}
