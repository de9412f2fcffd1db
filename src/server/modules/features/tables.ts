import { contacts, emailCampaigns, whatsappMessages, workflows } from '../../db/schema.js';

/** Every feature table with owned items, under the names the API uses for owned-item counts. */
export const OWNED_TABLES = {
  contacts,
  campaigns: emailCampaigns,
  messages: whatsappMessages,
  workflows,
} as const;

export type OwnedKind = keyof typeof OWNED_TABLES;
export type OwnedTable = (typeof OWNED_TABLES)[OwnedKind];
