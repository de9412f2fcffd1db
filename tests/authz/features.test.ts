import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURES, type Permission } from '../../src/shared/permissions.js';
import { rows } from '../../src/server/db/client.js';
import { createTestApp, type TestApp } from '../setup/app.js';
import {
  createItem,
  editBody,
  FEATURE_PATHS,
  newCompany,
  newItemBody,
  newMember,
  type Company,
  type FeaturePath,
  type Member,
} from './fixtures.js';

const PERMISSIONS_OF: Record<FeaturePath, { view: Permission; act: Permission }> = {
  '/api/contacts': FEATURES.contacts,
  '/api/email/campaigns': FEATURES.email,
  '/api/whatsapp/messages': FEATURES.whatsapp,
  '/api/workflows': FEATURES.workflows,
};

let t: TestApp;
let acme: Company;
let viewer: Member;
let manager: Member;

beforeAll(async () => {
  t = await createTestApp();
  acme = await newCompany(t, 'Acme');
  viewer = await newMember(t, acme, ['contacts.view', 'email.view', 'whatsapp.view', 'workflows.view'], 'Vera Viewer');
  manager = await newMember(t, acme, ['contacts.manage', 'email.send', 'whatsapp.send', 'workflows.manage'], 'Max Manager');
});
afterAll(async () => t?.close());

describe.each(FEATURE_PATHS)('%s', (path) => {
  const { view, act } = PERMISSIONS_OF[path];

  it(`lets a ${view} user list and read but not create, edit or delete`, async () => {
    const id = await createItem(manager.client, path);
    const list = await viewer.client.get(path);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await viewer.client.get(`${path}/${id}`)).statusCode).toBe(200);

    const attempts = [
      await viewer.client.post(path, newItemBody(path)),
      await viewer.client.patch(`${path}/${id}`, editBody(path)),
      await viewer.client.delete(`${path}/${id}`),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'PERMISSION_REQUIRED', details: { permission: act } });
    }
    expect((await viewer.client.get(`${path}/${id}`)).json().updatedAt).toBe(
      (await manager.client.get(`${path}/${id}`)).json().updatedAt,
    );
  });

  it(`lets a ${act} user create, read, edit and delete, each item with its owner`, async () => {
    const created = await manager.client.post(path, newItemBody(path));
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ ownerId: manager.id, owner: { id: manager.id, fullName: 'Max Manager', status: 'active' } });

    const edited = await manager.client.patch(`${path}/${item.id}`, editBody(path));
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: item.id, ...editBody(path) });
    expect((await manager.client.get(`${path}/${item.id}`)).json()).toMatchObject(editBody(path));
    // An edit changes what it names and nothing else.
    const { updatedAt: _before, ...untouched } = item;
    for (const key of Object.keys(editBody(path))) delete untouched[key];
    expect(edited.json()).toMatchObject(untouched);
    t.clock.advance(1000);
    const later = await manager.client.patch(`${path}/${item.id}`, editBody(path));
    expect(Date.parse(later.json().updatedAt)).toBeGreaterThan(Date.parse(item.updatedAt));

    expect((await manager.client.delete(`${path}/${item.id}`)).statusCode).toBe(204);
    const gone = await manager.client.get(`${path}/${item.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('NOT_FOUND');
    expect((await manager.client.delete(`${path}/${item.id}`)).statusCode).toBe(404);
  });

  it('refuses a user with no permission for the feature, naming the view permission', async () => {
    const outsider = await newMember(t, acme, [], 'Nina None');
    const res = await outsider.client.get(path);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'PERMISSION_REQUIRED', details: { permission: view } });
  });

  it('assigns an owner only among active members', async () => {
    const id = await createItem(manager.client, path);
    const assigned = await manager.client.patch(`${path}/${id}`, { ownerId: viewer.id });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({
      ownerId: viewer.id,
      owner: { id: viewer.id, fullName: 'Vera Viewer', status: 'active' },
    });

    const other = await newCompany(t, 'Other');
    const leaver = await newMember(t, acme, [], 'Lee Leaver');
    expect((await acme.admin.patch(`/api/users/${leaver.id}`, { status: 'deactivated' })).statusCode).toBe(200);
    for (const ownerId of [leaver.id, other.adminId, '00000000-0000-4000-8000-000000000000']) {
      const res = await manager.client.patch(`${path}/${id}`, { ownerId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { ownerId: expect.any(String) } } });
      const refused = await manager.client.post(path, newItemBody(path, { ownerId }));
      expect(refused.statusCode).toBe(400);
    }
    expect((await manager.client.get(`${path}/${id}`)).json().ownerId).toBe(viewer.id);
    const onCreate = await manager.client.post(path, newItemBody(path, { ownerId: acme.adminId }));
    expect(onCreate.json().owner).toMatchObject({ id: acme.adminId, status: 'active' });
  });

  it('keeps the items of deactivated and removed members visible, showing the owner status', async () => {
    const leaving = await newMember(t, acme, [act], 'Dana Departed');
    const staying = await newMember(t, acme, [act], 'Pat Paused');
    const removedItem = await createItem(leaving.client, path);
    const pausedItem = await createItem(staying.client, path);

    expect((await acme.admin.patch(`/api/users/${staying.id}`, { status: 'deactivated' })).statusCode).toBe(200);
    expect((await acme.admin.delete(`/api/users/${leaving.id}`)).statusCode).toBe(204);

    const listed = (await viewer.client.get(`${path}?limit=100`)).json().items as {
      id: string;
      owner: unknown;
      ownerRemoved?: boolean;
    }[];
    const removed = listed.find((i) => i.id === removedItem)!;
    const paused = listed.find((i) => i.id === pausedItem)!;
    expect(removed.owner).toEqual({ id: leaving.id, fullName: 'Dana Departed', status: 'removed' });
    expect(paused.owner).toEqual({ id: staying.id, fullName: 'Pat Paused', status: 'deactivated' });
    if (path === '/api/workflows') {
      expect(removed.ownerRemoved).toBe(true);
      expect(paused.ownerRemoved).toBe(true);
      expect(listed.filter((i) => i.id !== removedItem && i.id !== pausedItem).every((i) => i.ownerRemoved === false)).toBe(true);
    }
    const filtered = (await viewer.client.get(`${path}?ownerId=${leaving.id}`)).json().items;
    expect(filtered.map((i: { id: string }) => i.id)).toEqual([removedItem]);
  });
});

describe('lists', () => {
  it('pages newest first with an opaque cursor, searches and filters by owner', async () => {
    const company = await newCompany(t, 'Pager');
    const names = ['Ada 100% Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'];
    const ids: string[] = [];
    for (const name of names) {
      ids.push(await createItem(company.admin, '/api/contacts', { name, email: null, phone: null, tags: ['vip'] }));
      t.clock.advance(1000);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await company.admin.get(`/api/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    const search = async (q: string) =>
      (await company.admin.get(`/api/contacts?search=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { name: string }) => i.name);
    expect(await search('grace')).toEqual(['Grace Hopper']);
    expect(await search('%')).toEqual(['Ada 100% Lovelace']);
    expect(await search('_')).toEqual([]);
    expect(await search('vip')).toHaveLength(5);

    const bad = await company.admin.get('/api/contacts?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { cursor: 'invalid' } } });
    expect((await company.admin.get('/api/contacts?limit=0')).statusCode).toBe(400);
    expect((await company.admin.get('/api/contacts?ownerId=nope')).statusCode).toBe(400);
  });

  it('rejects bad input with 400 and the field, never 500', async () => {
    const cases: [FeaturePath, Record<string, unknown>, string][] = [
      ['/api/contacts', { name: '' }, 'name'],
      ['/api/contacts', { name: 'X', email: 'not-an-email' }, 'email'],
      ['/api/contacts', { name: 'X', phone: 'call me' }, 'phone'],
      ['/api/email/campaigns', { name: 'X' }, 'subject'],
      ['/api/whatsapp/messages', { recipientPhone: '+1 555 0100', text: 'x'.repeat(4097) }, 'text'],
      ['/api/workflows', { name: 'X', trigger: 't', steps: [{ notype: 1 }] }, 'steps.0.type'],
    ];
    for (const [path, body, field] of cases) {
      const res = await manager.client.post(path, body);
      expect(res.statusCode, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error.details.fields).toHaveProperty([field]);
    }
    const id = await createItem(manager.client, '/api/contacts');
    expect((await manager.client.patch(`/api/contacts/${id}`, {})).statusCode).toBe(400);
    expect((await manager.client.get('/api/contacts/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('sending and enabling', () => {
  it('sends a campaign now or schedules it, and never sends it twice', async () => {
    const now = await createItem(manager.client, '/api/email/campaigns');
    const before = t.clock.now().getTime();
    const sent = await manager.client.post(`/api/email/campaigns/${now}/send`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', scheduledAt: null });
    expect(Date.parse(sent.json().sentAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(sent.json().sentAt)).toBeLessThanOrEqual(t.clock.now().getTime());
    const again = await manager.client.post(`/api/email/campaigns/${now}/send`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
    expect((await manager.client.patch(`/api/email/campaigns/${now}`, { subject: 'Too late' })).statusCode).toBe(409);
    expect((await manager.client.patch(`/api/email/campaigns/${now}`, { ownerId: viewer.id })).statusCode).toBe(200);

    const later = await createItem(manager.client, '/api/email/campaigns');
    const past = new Date(t.clock.now().getTime() - 60_000).toISOString();
    expect((await manager.client.post(`/api/email/campaigns/${later}/send`, { scheduledAt: past })).statusCode).toBe(400);
    const at = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const scheduled = await manager.client.post(`/api/email/campaigns/${later}/send`, { scheduledAt: at });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', scheduledAt: at, sentAt: null });
    expect((await viewer.client.post(`/api/email/campaigns/${later}/send`)).json().error).toMatchObject({
      code: 'PERMISSION_REQUIRED',
      details: { permission: 'email.send' },
    });
  });

  it('sends a WhatsApp message through the delivery provider and refuses edits afterwards', async () => {
    const id = await createItem(manager.client, '/api/whatsapp/messages');
    const sent = await manager.client.post(`/api/whatsapp/messages/${id}/send`);
    expect(sent.json()).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    expect((await manager.client.post(`/api/whatsapp/messages/${id}/send`)).statusCode).toBe(409);
    expect((await manager.client.patch(`/api/whatsapp/messages/${id}`, { text: 'changed' })).statusCode).toBe(409);
  });

  it('records what a provider answers: a failed message can be edited and sent again', async () => {
    let fail = true;
    const other = await createTestApp({
      delivery: {
        name: 'flaky',
        deliverCampaign: async () => 'sent',
        deliverMessage: async () => (fail ? 'failed' : 'queued'),
      },
    });
    try {
      const company = await newCompany(other, 'Flaky');
      const id = await createItem(company.admin, '/api/whatsapp/messages');
      expect((await company.admin.post(`/api/whatsapp/messages/${id}/send`)).json()).toMatchObject({
        status: 'failed',
        sentAt: null,
      });
      expect((await company.admin.patch(`/api/whatsapp/messages/${id}`, { text: 'Retry' })).statusCode).toBe(200);
      fail = false;
      expect((await company.admin.post(`/api/whatsapp/messages/${id}/send`)).json()).toMatchObject({
        status: 'queued',
        text: 'Retry',
      });
    } finally {
      await other.close();
    }
  });

  it('keeps workflow steps as the JSON they were given', async () => {
    const steps = [
      { type: 'wait', days: 2 },
      { type: 'send-email', campaign: { subject: 'Hi', tags: ['a', 'b'] }, optional: true },
    ];
    const created = await manager.client.post('/api/workflows', { name: 'Nurture', trigger: 'contact.created', steps });
    expect(created.json()).toMatchObject({ steps, enabled: false, ownerRemoved: false });
    expect((await viewer.client.get(`/api/workflows/${created.json().id}`)).json().steps).toEqual(steps);
  });

  it('enables and disables a workflow by action or by edit', async () => {
    const id = await createItem(manager.client, '/api/workflows');
    expect((await manager.client.get(`/api/workflows/${id}`)).json().enabled).toBe(false);
    expect((await manager.client.post(`/api/workflows/${id}/enable`)).json().enabled).toBe(true);
    expect((await manager.client.post(`/api/workflows/${id}/disable`)).json().enabled).toBe(false);
    expect((await manager.client.patch(`/api/workflows/${id}`, { enabled: true })).json().enabled).toBe(true);
    expect((await viewer.client.post(`/api/workflows/${id}/disable`)).statusCode).toBe(403);
  });
});

describe('delete with reassignment', () => {
  async function ownerWithItems(company: Company, name: string) {
    const owner = await newMember(t, company, ['contacts.manage', 'email.send', 'whatsapp.send', 'workflows.manage'], name);
    const items: Record<FeaturePath, string[]> = {
      '/api/contacts': [await createItem(owner.client, '/api/contacts'), await createItem(owner.client, '/api/contacts')],
      '/api/email/campaigns': [await createItem(owner.client, '/api/email/campaigns')],
      '/api/whatsapp/messages': [await createItem(owner.client, '/api/whatsapp/messages')],
      '/api/workflows': [await createItem(owner.client, '/api/workflows'), await createItem(owner.client, '/api/workflows')],
    };
    return { owner, items };
  }

  async function ownersOf(company: Company, items: Record<FeaturePath, string[]>) {
    const owners: string[] = [];
    for (const path of FEATURE_PATHS) {
      for (const id of items[path]) owners.push((await company.admin.get(`${path}/${id}`)).json().ownerId);
    }
    return owners;
  }

  it('counts what a member owns, then moves every item in every feature to the chosen member', async () => {
    const company = await newCompany(t, 'Movers');
    const { owner, items } = await ownerWithItems(company, 'Olga Owner');
    const heir = await newMember(t, company, [], 'Hugo Heir');
    const counts = await company.admin.get(`/api/users/${owner.id}/items`);
    expect(counts.json()).toEqual({ contacts: 2, campaigns: 1, messages: 1, workflows: 2 });
    expect((await company.admin.get(`/api/users/${heir.id}/items`)).json()).toEqual({
      contacts: 0,
      campaigns: 0,
      messages: 0,
      workflows: 0,
    });

    const res = await company.admin.delete(`/api/users/${owner.id}`, { reassignTo: heir.id });
    expect(res.statusCode).toBe(204);
    expect(new Set(await ownersOf(company, items))).toEqual(new Set([heir.id]));
    expect((await company.admin.get(`/api/users/${heir.id}/items`)).json()).toEqual({
      contacts: 2,
      campaigns: 1,
      messages: 1,
      workflows: 2,
    });
    expect((await company.admin.get(`/api/users/${owner.id}/items`)).json()).toEqual({
      contacts: 0,
      campaigns: 0,
      messages: 0,
      workflows: 0,
    });
  });

  it('moves nothing and deletes no one when the target is not an active member', async () => {
    const company = await newCompany(t, 'Stayers');
    const { owner, items } = await ownerWithItems(company, 'Otto Owner');
    const paused = await newMember(t, company, [], 'Paula Paused');
    await company.admin.patch(`/api/users/${paused.id}`, { status: 'deactivated' });
    const before = await ownersOf(company, items);
    for (const reassignTo of [paused.id, owner.id, acme.adminId]) {
      const res = await company.admin.delete(`/api/users/${owner.id}`, { reassignTo });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields).toHaveProperty('reassignTo');
    }
    expect(await ownersOf(company, items)).toEqual(before);
    expect((await company.admin.get(`/api/users/${owner.id}`)).json().status).toBe('active');
  });

  it('leaves nothing with the removed member when items are given to them during the delete', async () => {
    const company = await newCompany(t, 'Racers');
    const leaving = await newMember(t, company, [], 'Lou Leaving');
    const heir = await newMember(t, company, [], 'Hal Heir');
    const give = (i: number) => {
      const path = FEATURE_PATHS[i % FEATURE_PATHS.length]!;
      return company.admin.post(path, newItemBody(path, { ownerId: leaving.id }));
    };
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => give(i)),
      company.admin.delete(`/api/users/${leaving.id}`, { reassignTo: heir.id }),
      ...Array.from({ length: 8 }, (_, i) => give(i + 8)),
    ]);
    const deleted = results[8]!;
    expect(deleted.statusCode).toBe(204);
    const created = results.filter((r) => r.statusCode === 201).map((r) => r.json());
    const refused = results.filter((r) => r.statusCode === 400);
    expect(created.length + refused.length).toBe(16);
    // Given before the delete: moved to the heir with the rest. After it: refused, the owner is no longer active.
    for (const res of refused) expect(res.json().error.details.fields).toHaveProperty('ownerId');
    const [left] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*) FROM contacts WHERE owner_id = ${leaving.id}) + (SELECT count(*) FROM email_campaigns WHERE owner_id = ${leaving.id})
           + (SELECT count(*) FROM whatsapp_messages WHERE owner_id = ${leaving.id}) + (SELECT count(*) FROM workflows WHERE owner_id = ${leaving.id}) AS n`,
    );
    expect(Number(left!.n)).toBe(0);
    expect((await company.admin.get(`/api/users/${heir.id}/items`)).json()).toEqual({
      contacts: created.filter((i) => 'tags' in i).length,
      campaigns: created.filter((i) => 'subject' in i).length,
      messages: created.filter((i) => 'recipientPhone' in i).length,
      workflows: created.filter((i) => 'trigger' in i).length,
    });
  });

  it('rolls the whole delete back when moving one feature fails midway', async () => {
    const company = await newCompany(t, 'Rollback');
    const { owner, items } = await ownerWithItems(company, 'Rita Rollback');
    const heir = await newMember(t, company, [], 'Henry Heir');
    const db = t.database.db;
    // Workflows move last: make that step fail for this company only.
    await db.execute(
      sql.raw(`CREATE FUNCTION authz_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused by test'; END $$`),
    );
    await db.execute(
      sql.raw(`CREATE TRIGGER authz_test_refuse BEFORE UPDATE ON workflows FOR EACH ROW
        WHEN (NEW.company_id = '${company.companyId}') EXECUTE FUNCTION authz_test_refuse()`),
    );
    try {
      const res = await company.admin.delete(`/api/users/${owner.id}`, { reassignTo: heir.id });
      expect(res.statusCode).toBe(500);
    } finally {
      await db.execute(sql`DROP TRIGGER authz_test_refuse ON workflows`);
      await db.execute(sql`DROP FUNCTION authz_test_refuse()`);
    }
    expect(new Set(await ownersOf(company, items))).toEqual(new Set([owner.id]));
    expect((await company.admin.get(`/api/users/${owner.id}`)).json().status).toBe('active');
    const [contactsOwned] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM contacts WHERE company_id = ${company.companyId} AND owner_id = ${heir.id}`,
    );
    expect(contactsOwned!.n).toBe(0);
  });
});

describe('the permission catalog in requests', () => {
  it('answers 400 to an unknown permission key', async () => {
    const res = await acme.admin.post('/api/users', {
      fullName: 'Kim Key',
      email: 'kim.key@example.com',
      role: 'TenantUser',
      permissions: ['contacts.view', 'contacts.delete'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: expect.any(Object) } });
    const edit = await acme.admin.patch(`/api/users/${viewer.id}`, { permissions: ['billing.manage'] });
    expect(edit.statusCode).toBe(400);
  });
});
