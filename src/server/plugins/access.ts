import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { can, isPermission, type Permission } from '../../shared/permissions.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { resolveSession, sessionToken, type AuthContext } from '../modules/auth/session.js';

/**
 * What a route requires. Deny by default: a route that declares nothing makes the app refuse to
 * start. `signedIn` needs a session; `member` an active membership in the active company;
 * `admin` a CompanyAdmin there; a permission key a member who holds it.
 */
export type Access = 'public' | 'signedIn' | 'member' | 'admin' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes that plugins register for us (the OpenAPI viewer, static files) are public by nature. */
function isFrameworkRoute(route: RouteOptions): boolean {
  return route.url.startsWith('/api/docs') || route.url.startsWith('/assets/') || route.url === '/*' || route.url === '*';
}

/** One declared route and what it requires; the authorization matrix test walks this table. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}

const routeTables = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route declared after registerAccessControl, in declaration order. */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return routeTables.get(app) ?? [];
}

export function registerAccessControl(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  const table: DeclaredRoute[] = [];
  routeTables.set(app, table);
  const record = (route: RouteOptions, access: Access) => {
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access });
  };

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      if (isFrameworkRoute(route)) {
        route.config = { ...route.config, access: 'public' };
        record(route, 'public');
        return;
      }
      throw new Error(`route ${String(route.method)} ${route.url} declares no access; deny by default`);
    }
    if (!['public', 'signedIn', 'member', 'admin'].includes(access) && !isPermission(access)) {
      throw new Error(`route ${String(route.method)} ${route.url} declares unknown access ${access}`);
    }
    record(route, access);
  });

  app.addHook('onRequest', async (request) => {
    const token = sessionToken(ctx, request);
    if (token && !SAFE_METHODS.has(request.method)) assertSameOrigin(ctx, request);
    request.auth = token ? await resolveSession(ctx, token) : null;
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const auth = request.auth;
    if (!auth) throw new AppError('UNAUTHENTICATED');
    if (access === 'signedIn') return;
    if (!auth.company) throw new AppError('NO_ACTIVE_MEMBERSHIP', 'You are not an active member of a company');
    if (access === 'member') return;
    if (access === 'admin') {
      if (auth.role !== 'CompanyAdmin') throw new AppError('COMPANY_ADMIN_REQUIRED');
      return;
    }
    if (!can({ role: auth.role!, permissions: auth.permissions }, access)) {
      throw new AppError('PERMISSION_REQUIRED', `This needs the ${access} permission`, { permission: access });
    }
  });
}

/** A cookie-carrying change must come from our own origin (CSRF). */
function assertSameOrigin(ctx: AppContext, request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (origin === ctx.appOrigin) return;
    throw new AppError('CSRF_REJECTED');
  }
  if (request.headers['sec-fetch-site'] === 'same-origin') return;
  throw new AppError('CSRF_REJECTED');
}

/** The signed-in member of the active company; only call behind `member`, `admin` or a permission. */
export function memberOf(request: FastifyRequest): AuthContext & { company: NonNullable<AuthContext['company']> } {
  const auth = request.auth;
  if (!auth?.company) throw new AppError('UNAUTHENTICATED');
  return auth as AuthContext & { company: NonNullable<AuthContext['company']> };
}

export function actorOf(request: FastifyRequest) {
  const auth = memberOf(request);
  return { userId: auth.userId, companyId: auth.company.id, fullName: auth.company.memberName, ip: request.ip };
}
