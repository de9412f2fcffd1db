import type { Campaign, CreateCampaignBody, UpdateCampaignBody } from '../../../shared/api.js';
import { patch, post } from '../../api/client';
import { useItemMutation } from '../items/itemsApi';

export const CAMPAIGNS_PATH = '/api/email/campaigns';

export const useCreateCampaign = () =>
  useItemMutation(CAMPAIGNS_PATH, (body: CreateCampaignBody) => post<Campaign>(CAMPAIGNS_PATH, body));

export const useEditCampaign = () =>
  useItemMutation(CAMPAIGNS_PATH, ({ id, changes }: { id: string; changes: UpdateCampaignBody }) =>
    patch<Campaign>(`${CAMPAIGNS_PATH}/${id}`, changes),
  );

/** Without `scheduledAt`: send now. */
export const useSendCampaign = () =>
  useItemMutation(CAMPAIGNS_PATH, ({ id, scheduledAt }: { id: string; scheduledAt?: string }) =>
    post<Campaign>(`${CAMPAIGNS_PATH}/${id}/send`, scheduledAt ? { scheduledAt } : {}),
  );
