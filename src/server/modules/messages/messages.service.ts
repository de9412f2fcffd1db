import type { CreateMessageBody, Message, UpdateMessageBody } from '../../../shared/api.js';
import type { Actor, AppContext } from '../../context.js';
import { whatsappMessages } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { FeatureService, isoOrNull } from '../features/crud.service.js';
import type { DeliveryProvider } from '../features/delivery.js';

/** A draft can be edited and sent; a failed message can be edited and sent again. */
const EDITABLE = new Set(['draft', 'failed']);

export function messagesService(ctx: AppContext) {
  return new FeatureService<typeof whatsappMessages, Message, CreateMessageBody, UpdateMessageBody>(ctx, {
    noun: 'message',
    table: whatsappMessages,
    searchable: [whatsappMessages.recipientPhone, whatsappMessages.text],
    toItem: (row, owner) => ({
      id: row.id,
      recipientPhone: row.recipientPhone,
      text: row.text,
      status: row.status as Message['status'],
      sentAt: isoOrNull(row.sentAt),
      ownerId: row.ownerId,
      owner,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }),
    valuesOf: (body) => ({ recipientPhone: body.recipientPhone, text: body.text, status: 'draft' }),
    changesOf: (body, current) => {
      const content = { recipientPhone: body.recipientPhone, text: body.text };
      if (Object.values(content).some((v) => v !== undefined) && !EDITABLE.has(current.status)) {
        throw new AppError('INVALID_STATE', 'A message on its way or sent can no longer be edited', { status: current.status });
      }
      return content;
    },
  });
}

export type MessagesService = ReturnType<typeof messagesService>;

/** Hands a draft (or a failed message, again) to the delivery provider and records what it answers. */
export async function sendMessage(
  service: MessagesService,
  delivery: DeliveryProvider,
  actor: Actor,
  id: string,
): Promise<Message> {
  return service.change(actor.companyId, id, async (tx, current, now) => {
    if (!EDITABLE.has(current.status)) {
      throw new AppError('INVALID_STATE', 'This message is already on its way or sent', { status: current.status });
    }
    const status = await delivery.deliverMessage(tx, {
      companyId: actor.companyId,
      messageId: id,
      recipientPhone: current.recipientPhone,
      text: current.text,
      at: now,
    });
    return { status, sentAt: status === 'sent' ? now : null };
  });
}
