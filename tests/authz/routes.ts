/**
 * What the authorization tests know about every route of the app: how to build a valid request
 * for it. The access each route requires is NOT written here — it is read from the app's own
 * route table (declaredRoutes), so the expected answers follow the code. A route the app has and
 * this table lacks fails the matrix.
 */
import { invite } from '../../src/server/modules/users/test-fixtures.js';
import { STRONG_PASSWORD, uniqueEmail, type TestApp } from '../setup/app.js';
import { createItem, editBody, newItemBody, newMember, type Company, type FeaturePath } from './fixtures.js';

export interface World {
  t: TestApp;
  /** The company whose ids every `:id` route is called with. */
  a: Company;
  /** Another company: its admin must find none of A's ids. */
  b: Company;
  /** An active member of a third company, for log-in and reset requests. */
  probe: { email: string; password: string };
}

/** The actor a request is built for; `companyId` is null for the anonymous caller. */
export interface Caller {
  companyId: string | null;
}

export interface Outcome {
  status: number;
  code?: string;
}

export interface RouteCase {
  /** A fresh target in company A, made for each request (it may be deleted by the request). */
  id?: (w: World) => Promise<string>;
  token?: (w: World) => Promise<string>;
  /** A valid body; defaults to `{}` for POST/PUT/PATCH and none otherwise. */
  body?: (w: World, caller: Caller) => unknown | Promise<unknown>;
  /** The request starts, ends or moves the caller's session: send it on a throwaway session. */
  ownSession?: boolean;
  /** What an allowed caller gets, when it is not a 2xx. */
  allowed?: (outcome: Outcome) => boolean;
  /** Replaces `*` in a wildcard route. */
  wildcard?: string;
}

const item = (path: FeaturePath) => (w: World) => createItem(w.a.admin, path);
const invitedMember = async (w: World) => (await invite(w.t, w.a.admin)).id;
const invitationToken = async (w: World) => (await invite(w.t, w.a.admin)).token;
const ownCompany = (w: World, caller: Caller) => ({ companyId: caller.companyId ?? w.a.companyId });

function featureCases(path: FeaturePath): Record<string, RouteCase> {
  return {
    [`GET ${path}`]: {},
    [`POST ${path}`]: { body: () => newItemBody(path) },
    [`GET ${path}/:id`]: { id: item(path) },
    [`PATCH ${path}/:id`]: { id: item(path), body: () => editBody(path) },
    [`DELETE ${path}/:id`]: { id: item(path) },
  };
}

export const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/openapi.json': {},
  'GET /api/health': {},
  'GET /api/permissions': {},
  'GET /dev/mailbox': {},

  'POST /api/auth/signup': {
    ownSession: true,
    body: () => ({ companyName: 'Matrix Co', fullName: 'Sam Signup', email: uniqueEmail('signup'), password: STRONG_PASSWORD }),
  },
  'POST /api/auth/login': { ownSession: true, body: (w) => w.probe },
  'POST /api/auth/logout': { ownSession: true },
  'POST /api/auth/switch-company': { ownSession: true, body: ownCompany },
  'POST /api/auth/password-reset': { body: (w) => ({ email: w.probe.email }) },
  'POST /api/auth/password-reset/confirm': {
    body: () => ({ token: 'not-a-real-token', password: STRONG_PASSWORD }),
    // Reaching the handler is the point: it answers that the token is unknown.
    allowed: (o) => o.status === 400 && o.code === 'INVALID_TOKEN',
  },
  'GET /api/me': {},
  'PUT /api/me/locale': { body: () => ({ locale: 'en' }) },

  'GET /api/users': {},
  'POST /api/users': {
    body: () => ({ fullName: 'Ivy Invitee', email: uniqueEmail('invitee'), role: 'TenantUser', permissions: ['contacts.view'] }),
  },
  'GET /api/users/:id': { id: invitedMember },
  'PATCH /api/users/:id': { id: invitedMember, body: () => ({ fullName: 'Ivy Renamed', permissions: ['email.view'] }) },
  'DELETE /api/users/:id': { id: invitedMember },
  'GET /api/users/:id/items': { id: invitedMember },
  'POST /api/users/:id/invitation': { id: invitedMember },
  'GET /api/company/admins': {},
  'GET /api/members': {},
  'POST /api/users/bulk-deactivate': { body: async (w) => ({ ids: [(await newMember(w.t, w.a, [])).id] }) },
  'POST /api/users/bulk-invite': {
    body: () => ({ csv: `full name,email,role\nIvy Bulk,${uniqueEmail('bulk')},TenantUser\n` }),
  },
  'GET /api/access-review': {},

  'GET /api/invitations/:token': { token: invitationToken },
  'POST /api/invitations/:token/accept': {
    token: invitationToken,
    ownSession: true,
    body: () => ({ password: STRONG_PASSWORD }),
  },

  'GET /api/billing/plans': {},
  'GET /api/billing/subscription': {},
  'PUT /api/billing/subscription': { body: () => ({ plan: 'enterprise' }) },
  'GET /api/audit-log': {},
  'GET /api/audit-log.csv': {},

  ...featureCases('/api/contacts'),
  ...featureCases('/api/email/campaigns'),
  'POST /api/email/campaigns/:id/send': { id: item('/api/email/campaigns') },
  ...featureCases('/api/whatsapp/messages'),
  'POST /api/whatsapp/messages/:id/send': { id: item('/api/whatsapp/messages') },
  ...featureCases('/api/workflows'),
  'POST /api/workflows/:id/enable': { id: item('/api/workflows') },
  'POST /api/workflows/:id/disable': { id: item('/api/workflows') },
};

/** The OpenAPI viewer's own routes (static files and redirects), public by nature. */
const DOCS_CASE: RouteCase = { wildcard: 'index.html', allowed: (o) => o.status < 400 };

/** The case for a declared route; HEAD mirrors its GET. Undefined: the matrix does not know it. */
export function caseFor(method: string, url: string): RouteCase | undefined {
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return DOCS_CASE;
  return ROUTE_CASES[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}

export interface BuiltRequest {
  url: string;
  body: unknown;
}

/** Builds one request: fresh targets in company A, the route's valid body. */
export async function buildRequest(w: World, method: string, url: string, c: RouteCase, caller: Caller): Promise<BuiltRequest> {
  let path = url;
  if (path.includes(':id')) {
    if (!c.id) throw new Error(`${method} ${url} has an :id but its case makes none`);
    path = path.replace(':id', await c.id(w));
  }
  if (path.includes(':token')) {
    if (!c.token) throw new Error(`${method} ${url} has a :token but its case makes none`);
    path = path.replace(':token', await c.token(w));
  }
  if (path.endsWith('*')) path = path.slice(0, -1) + (c.wildcard ?? '');
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(method);
  return { url: path, body: c.body ? await c.body(w, caller) : hasBody ? {} : undefined };
}
