import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/context.js';
import { declaredRoutes, registerAccessControl, type Access } from '../../src/server/plugins/access.js';

/** The access hooks only read the context while serving a request; building needs none of it. */
const ctx = {} as AppContext;

function guardedApp(): FastifyInstance {
  const app = Fastify({ logger: false });
  registerAccessControl(app, ctx);
  return app;
}

async function build(register: (app: FastifyInstance) => void): Promise<FastifyInstance> {
  const app = guardedApp();
  try {
    register(app);
    await app.ready();
    return app;
  } finally {
    await app.close().catch(() => undefined);
  }
}

describe('deny by default', () => {
  it('refuses to build an app with a route that declares no access', async () => {
    await expect(build((app) => app.get('/api/secret', async () => 'leak'))).rejects.toThrow(
      'route GET /api/secret declares no access; deny by default',
    );
  });

  it('refuses it inside a plugin too', async () => {
    await expect(
      build((app) => void app.register(async (child) => child.post('/api/nested', async () => 'leak'))),
    ).rejects.toThrow(/POST \/api\/nested declares no access/);
  });

  it('refuses an access that is not in the catalog', async () => {
    const bogus = 'contacts.delete' as Access;
    await expect(build((app) => app.get('/api/bogus', { config: { access: bogus } }, async () => 'x'))).rejects.toThrow(
      /declares unknown access contacts\.delete/,
    );
  });

  it('builds, and records the route table, when every route declares its access', async () => {
    const app = await build((a) => {
      a.get('/api/open', { config: { access: 'public' } }, async () => 'ok');
      a.delete('/api/contacts/:id', { config: { access: 'contacts.manage' } }, async () => 'ok');
    });
    expect(declaredRoutes(app)).toEqual(
      expect.arrayContaining([
        { method: 'GET', url: '/api/open', access: 'public' },
        { method: 'DELETE', url: '/api/contacts/:id', access: 'contacts.manage' },
      ]),
    );
  });
});
