import type { Campaign, CreateCampaignBody, UpdateCampaignBody } from '../../../shared/api.js';
import type { Actor, AppContext } from '../../context.js';
import { emailCampaigns } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { FeatureService, isoOrNull } from '../features/crud.service.js';
import type { DeliveryProvider } from '../features/delivery.js';

type Create = Required<Omit<CreateCampaignBody, 'ownerId'>> & { ownerId?: string };

export function campaignsService(ctx: AppContext) {
  return new FeatureService<typeof emailCampaigns, Campaign, Create, UpdateCampaignBody>(ctx, {
    noun: 'campaign',
    table: emailCampaigns,
    searchable: [emailCampaigns.name, emailCampaigns.subject],
    toItem: (row, owner) => ({
      id: row.id,
      name: row.name,
      subject: row.subject,
      body: row.body,
      status: row.status as Campaign['status'],
      scheduledAt: isoOrNull(row.scheduledAt),
      sentAt: isoOrNull(row.sentAt),
      ownerId: row.ownerId,
      owner,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }),
    valuesOf: (body) => ({ name: body.name, subject: body.subject, body: body.body, status: 'draft' }),
    changesOf: (body, current) => {
      const content = { name: body.name, subject: body.subject, body: body.body };
      const editsContent = Object.values(content).some((v) => v !== undefined);
      // What went out cannot change afterwards; its owner still can.
      if (editsContent && current.status === 'sent') {
        throw new AppError('INVALID_STATE', 'A sent campaign can no longer be edited', { status: current.status });
      }
      return content;
    },
  });
}

export type CampaignsService = ReturnType<typeof campaignsService>;

/**
 * Sends a draft or scheduled campaign now, or schedules it for a future `scheduledAt`, through
 * the delivery provider. A campaign that was sent cannot be sent again.
 */
export async function sendCampaign(
  ctx: AppContext,
  service: CampaignsService,
  delivery: DeliveryProvider,
  actor: Actor,
  id: string,
  scheduledAt?: string,
): Promise<Campaign> {
  return service.change(actor.companyId, id, async (tx, current, now) => {
    if (current.status === 'sent') {
      throw new AppError('INVALID_STATE', 'This campaign has already been sent', { status: current.status });
    }
    const when = scheduledAt ? new Date(scheduledAt) : null;
    if (when && when.getTime() <= now.getTime()) {
      throw new AppError('VALIDATION_FAILED', 'Pick a time in the future', { fields: { scheduledAt: 'must be in the future' } });
    }
    const status = await delivery.deliverCampaign(tx, {
      companyId: actor.companyId,
      campaignId: id,
      subject: current.subject,
      body: current.body,
      scheduledAt: when,
      at: now,
    });
    return { status, scheduledAt: when, sentAt: status === 'sent' ? now : null };
  });
}
