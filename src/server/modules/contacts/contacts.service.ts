import { sql } from 'drizzle-orm';
import type { Contact, CreateContactBody, UpdateContactBody } from '../../../shared/api.js';
import type { AppContext } from '../../context.js';
import { contacts } from '../../db/schema.js';
import { FeatureService } from '../features/crud.service.js';

type Create = Omit<CreateContactBody, 'tags'> & { tags: string[] };

/** Tags keep their first spelling; repeats are dropped. */
const uniqueTags = (tags: string[]) => [...new Set(tags)];

export function contactsService(ctx: AppContext) {
  return new FeatureService<typeof contacts, Contact, Create, UpdateContactBody>(ctx, {
    noun: 'contact',
    table: contacts,
    searchable: [contacts.name, contacts.email, contacts.phone, sql`array_to_string(${contacts.tags}, ' ')`],
    toItem: (row, owner) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      phone: row.phone,
      tags: row.tags,
      ownerId: row.ownerId,
      owner,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }),
    valuesOf: (body) => ({ name: body.name, email: body.email ?? null, phone: body.phone ?? null, tags: uniqueTags(body.tags) }),
    changesOf: (body) => ({
      name: body.name,
      email: body.email,
      phone: body.phone,
      tags: body.tags && uniqueTags(body.tags),
    }),
  });
}
