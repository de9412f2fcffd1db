import type { Tx } from '../../db/client.js';

/** A campaign handed over for delivery, now or at `scheduledAt`. */
export interface CampaignIntent {
  companyId: string;
  campaignId: string;
  subject: string;
  body: string;
  scheduledAt: Date | null;
  at: Date;
}

/** A WhatsApp text handed over for delivery now. */
export interface MessageIntent {
  companyId: string;
  messageId: string;
  recipientPhone: string;
  text: string;
  at: Date;
}

/**
 * Where "send" goes. Delivery through real email and WhatsApp providers is out of scope for now:
 * the built-in provider only records the intent and answers with the status the item takes.
 * A real provider implements this interface. It is called inside the item's transaction, so it
 * must only enqueue (an outbox row, as the mail outbox does) and never call the network there.
 */
export interface DeliveryProvider {
  readonly name: string;
  deliverCampaign(tx: Tx, intent: CampaignIntent): Promise<'scheduled' | 'sent'>;
  deliverMessage(tx: Tx, intent: MessageIntent): Promise<'queued' | 'sent' | 'failed'>;
}

/** Records the intent only: nothing leaves Peikly. The status is what a provider would report. */
export const recordingDelivery: DeliveryProvider = {
  name: 'recording',
  async deliverCampaign(_tx, intent) {
    return intent.scheduledAt ? 'scheduled' : 'sent';
  },
  async deliverMessage() {
    return 'sent';
  },
};
