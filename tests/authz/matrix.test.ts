import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPLIES, isPermission, PERMISSIONS, type Permission } from '../../src/shared/permissions.js';
import { startSession } from '../../src/server/modules/auth/session.js';
import { declaredRoutes, type Access, type DeclaredRoute } from '../../src/server/plugins/access.js';
import { createTestApp, STRONG_PASSWORD, signUpCompany, type TestApp, type TestClient } from '../setup/app.js';
import { newCompany, newMember, type Member } from './fixtures.js';
import { buildRequest, caseFor, ROUTE_CASES, type Outcome, type World } from './routes.js';

const ACTORS = [
  'anonymous',
  'TenantUser without the permission',
  'TenantUser with the permission',
  'CompanyAdmin',
  "another company's CompanyAdmin",
  'deactivated member',
] as const;
type ActorName = (typeof ACTORS)[number];

type Expected = { allowed: true } | { allowed: false; status: number; code: string; permission?: Permission };

/** The answer each actor must get, derived only from the access the route declares. */
function expectedFor(actor: ActorName, access: Access, url: string): Expected {
  const allowed = { allowed: true } as const;
  if (access === 'public') return allowed;
  switch (actor) {
    case 'anonymous':
    case 'deactivated member':
      // Deactivation ended the member's sessions at once.
      return { allowed: false, status: 401, code: 'UNAUTHENTICATED' };
    case 'TenantUser without the permission':
      if (access === 'admin') return { allowed: false, status: 403, code: 'COMPANY_ADMIN_REQUIRED' };
      if (isPermission(access)) return { allowed: false, status: 403, code: 'PERMISSION_REQUIRED', permission: access };
      return allowed;
    case 'TenantUser with the permission':
      return access === 'admin' ? { allowed: false, status: 403, code: 'COMPANY_ADMIN_REQUIRED' } : allowed;
    case 'CompanyAdmin':
      return allowed;
    case "another company's CompanyAdmin":
      // Every :id is one of company A's: it does not exist for company B.
      return url.includes(':id') ? { allowed: false, status: 404, code: 'NOT_FOUND' } : allowed;
  }
}

interface Principal {
  userId: string | null;
  companyId: string | null;
  client: TestClient;
}

let t: TestApp;
let world: World;
let actors: {
  none: Member;
  all: Member;
  with: Record<Permission, Member>;
  without: Record<Permission, Member>;
  deactivated: Member;
};

beforeAll(async () => {
  t = await createTestApp();
  const a = await newCompany(t, 'Alpha');
  const b = await newCompany(t, 'Beta');
  const probe = await signUpCompany(t, 'Gamma');
  world = { t, a, b, probe: { email: probe.email, password: STRONG_PASSWORD } };

  const withP = {} as Record<Permission, Member>;
  const withoutP = {} as Record<Permission, Member>;
  for (const p of PERMISSIONS) {
    withP[p] = await newMember(t, a, [p], `With ${p}`);
    // Everything except p and whatever implies it.
    withoutP[p] = await newMember(
      t,
      a,
      PERMISSIONS.filter((q) => q !== p && IMPLIES[q] !== p),
      `Without ${p}`,
    );
  }
  const deactivated = await newMember(t, a, [...PERMISSIONS], 'Dee Activated');
  const res = await a.admin.patch(`/api/users/${deactivated.id}`, { status: 'deactivated' });
  expect(res.statusCode).toBe(200);
  actors = {
    none: await newMember(t, a, [], 'No Permissions'),
    all: await newMember(t, a, [...PERMISSIONS], 'All Permissions'),
    with: withP,
    without: withoutP,
    deactivated,
  };
}, 180_000);
afterAll(async () => t?.close());

function principal(actor: ActorName, access: Access): Principal {
  const member = (m: Member) => ({ userId: m.id, companyId: world.a.companyId, client: m.client });
  switch (actor) {
    case 'anonymous':
      return { userId: null, companyId: null, client: t.client() };
    case 'TenantUser without the permission':
      return member(isPermission(access) ? actors.without[access] : access === 'admin' ? actors.all : actors.none);
    case 'TenantUser with the permission':
      return member(isPermission(access) ? actors.with[access] : actors.all);
    case 'CompanyAdmin':
      return { userId: world.a.adminId, companyId: world.a.companyId, client: world.a.admin };
    case "another company's CompanyAdmin":
      return { userId: world.b.adminId, companyId: world.b.companyId, client: world.b.admin };
    case 'deactivated member':
      return member(actors.deactivated);
  }
}

/** A second session of the same person, so that logging out or switching leaves the first alone. */
async function throwawaySession(who: Principal, actor: ActorName): Promise<TestClient> {
  const client = t.client();
  if (who.userId && actor !== 'deactivated member') {
    const token = await startSession(t.app.ctx, t.database.db, { userId: who.userId, companyId: who.companyId, ip: '127.0.0.1' });
    client.cookie = `peikly_session=${token}`;
  } else {
    client.cookie = who.client.cookie;
  }
  return client;
}

function matches(
  expected: Expected,
  outcome: Outcome & { permission?: unknown },
  method: string,
  allowed?: (o: Outcome) => boolean,
) {
  if (expected.allowed) return allowed ? allowed(outcome) : outcome.status >= 200 && outcome.status < 300;
  if (outcome.status !== expected.status) return false;
  // A HEAD answer has no body to read the code from.
  if (method === 'HEAD') return true;
  return outcome.code === expected.code && (!expected.permission || outcome.permission === expected.permission);
}

describe('authorization matrix', () => {
  it('knows every route of the app, and nothing the app lacks', () => {
    const routes = declaredRoutes(t.app);
    const unknown = routes.filter((r) => !caseFor(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    expect(unknown, 'routes missing from tests/authz/routes.ts').toEqual([]);
    const declared = new Set(routes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(ROUTE_CASES).filter((key) => !declared.has(key))).toEqual([]);
  });

  it('records every route the OpenAPI document describes', () => {
    const declared = new Set(declaredRoutes(t.app).map((r) => `${r.method} ${r.url}`));
    const paths = (t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    const described = Object.entries(paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(described.length).toBeGreaterThan(40);
    expect(described.filter((op) => !declared.has(op))).toEqual([]);
  });

  it('answers every route × actor as the declared access says', async () => {
    const routes: readonly DeclaredRoute[] = declaredRoutes(t.app).filter((r) => caseFor(r.method, r.url));
    const mismatches: string[] = [];
    let cases = 0;
    for (const route of routes) {
      const routeCase = caseFor(route.method, route.url)!;
      for (const actor of ACTORS) {
        const who = principal(actor, route.access);
        const client = routeCase.ownSession ? await throwawaySession(who, actor) : who.client;
        const request = await buildRequest(world, route.method, route.url, routeCase, { companyId: who.companyId });
        const res = await client.request(route.method as 'GET', request.url, request.body);
        const error = res.body && res.headers['content-type']?.toString().includes('json') ? res.json().error : undefined;
        const outcome = { status: res.statusCode, code: error?.code, permission: error?.details?.permission };
        const expected = expectedFor(actor, route.access, route.url);
        cases++;
        if (!matches(expected, outcome, route.method, routeCase.allowed)) {
          const want = expected.allowed ? 'allowed' : `${expected.status} ${expected.code} ${expected.permission ?? ''}`;
          mismatches.push(
            `${route.method} ${route.url} [${route.access}] as ${actor}: got ${res.statusCode} ${error?.code ?? ''}, want ${want}`,
          );
        }
      }
    }
    console.log(
      `authorization matrix: ${routes.length} routes × ${ACTORS.length} actors = ${cases} cases, ${mismatches.length} mismatches`,
    );
    expect(mismatches).toEqual([]);
    expect(cases).toBe(routes.length * ACTORS.length);
  }, 300_000);
});
