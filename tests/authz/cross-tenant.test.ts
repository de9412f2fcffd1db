import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes } from '../../src/server/plugins/access.js';
import { createTestApp, STRONG_PASSWORD, signUpCompany, type TestApp } from '../setup/app.js';
import { FEATURE_PATHS, createItem, newCompany, newMember, snapshotCompany, type Company } from './fixtures.js';
import { buildRequest, caseFor, type BuiltRequest, type World } from './routes.js';

let t: TestApp;
let alpha: Company;
let beta: Company;
let probe: World['probe'];

beforeAll(async () => {
  t = await createTestApp();
  alpha = await newCompany(t, 'Alpha');
  beta = await newCompany(t, 'Beta');
  const gamma = await signUpCompany(t, 'Gamma');
  probe = { email: gamma.email, password: STRONG_PASSWORD };
  // Both companies hold members and items of every kind, so the snapshots have something to lose.
  for (const company of [alpha, beta]) {
    const member = await newMember(t, company, ['contacts.manage', 'email.send', 'whatsapp.send', 'workflows.manage']);
    for (const path of FEATURE_PATHS) await createItem(member.client, path);
  }
}, 120_000);
afterAll(async () => t?.close());

/**
 * Every route with an `:id`, every verb it has, called by one company's admin with the other
 * company's ids: each answers 404, and the other company's rows are exactly as they were.
 */
async function probeCompany(owner: Company, intruder: Company): Promise<number> {
  const w: World = { t, a: owner, b: intruder, probe };
  const routes = declaredRoutes(t.app).filter((r) => r.url.includes(':id'));
  expect(routes.length).toBeGreaterThanOrEqual(27);
  const requests: { method: string; route: string; request: BuiltRequest }[] = [];
  for (const route of routes) {
    const routeCase = caseFor(route.method, route.url);
    expect(routeCase, `${route.method} ${route.url} is missing from tests/authz/routes.ts`).toBeDefined();
    // Targets are made first, so the snapshot below already holds them.
    const request = await buildRequest(w, route.method, route.url, routeCase!, { companyId: intruder.companyId });
    requests.push({ method: route.method, route: route.url, request });
  }
  // The owner's admin id too: the most valuable id to guess.
  for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
    const body = method === 'PATCH' ? { fullName: 'Taken over', role: 'TenantUser' } : undefined;
    requests.push({ method, route: '/api/users/:id', request: { url: `/api/users/${owner.adminId}`, body } });
  }

  const members = await owner.admin.get('/api/users?limit=100');
  const memberIds = members.json().items.map((m: { id: string }) => m.id) as string[];
  expect(memberIds.length).toBeGreaterThanOrEqual(2);

  const before = await snapshotCompany(t, owner.companyId);
  // Ids in a body rather than the path: each is simply not found in the intruder's company.
  const bulk = await intruder.admin.post('/api/users/bulk-deactivate', { ids: memberIds });
  expect(bulk.statusCode).toBe(200);
  expect(bulk.json().results).toEqual(memberIds.map((id) => expect.objectContaining({ id, ok: false, code: 'NOT_FOUND' })));
  const wrong: string[] = [];
  for (const { method, route, request } of requests) {
    const res = await intruder.admin.request(method as 'GET', request.url, request.body);
    const code = method === 'HEAD' ? 'NOT_FOUND' : res.json().error?.code;
    if (res.statusCode !== 404 || code !== 'NOT_FOUND')
      wrong.push(`${method} ${route}: ${res.statusCode} ${res.body.slice(0, 120)}`);
  }
  expect(wrong).toEqual([]);
  expect(await snapshotCompany(t, owner.companyId)).toEqual(before);
  return requests.length + 1;
}

describe('cross-tenant probe', () => {
  it("finds none of another company's ids and changes none of its rows, either way round", async () => {
    const probes = (await probeCompany(alpha, beta)) + (await probeCompany(beta, alpha));
    console.log(`cross-tenant probe: ${probes} requests with another company's ids, all 404, rows unchanged`);
  }, 300_000);

  it('still works for the owner: the ids probed are real', async () => {
    const id = await createItem(alpha.admin, '/api/contacts');
    expect((await alpha.admin.get(`/api/contacts/${id}`)).statusCode).toBe(200);
    expect((await beta.admin.get(`/api/contacts/${id}`)).statusCode).toBe(404);
  });
});
