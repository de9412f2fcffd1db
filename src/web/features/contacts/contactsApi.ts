import type { Contact, CreateContactBody, UpdateContactBody } from '../../../shared/api.js';
import { patch, post } from '../../api/client';
import { useItemMutation } from '../items/itemsApi';

export const CONTACTS_PATH = '/api/contacts';

export const useCreateContact = () =>
  useItemMutation(CONTACTS_PATH, (body: CreateContactBody) => post<Contact>(CONTACTS_PATH, body));

export const useEditContact = () =>
  useItemMutation(CONTACTS_PATH, ({ id, changes }: { id: string; changes: UpdateContactBody }) =>
    patch<Contact>(`${CONTACTS_PATH}/${id}`, changes),
  );

/** "vip, lead، partner" → ["vip", "lead", "partner"]: commas (Latin or Arabic) separate tags. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,،]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
