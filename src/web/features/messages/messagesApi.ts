import type { CreateMessageBody, Message, UpdateMessageBody } from '../../../shared/api.js';
import { patch, post } from '../../api/client';
import { useItemMutation } from '../items/itemsApi';

export const MESSAGES_PATH = '/api/whatsapp/messages';

/** A draft or a failed message can still be edited and sent. */
export const isEditable = (message: Message) => message.status === 'draft' || message.status === 'failed';

export const useCreateMessage = () =>
  useItemMutation(MESSAGES_PATH, (body: CreateMessageBody) => post<Message>(MESSAGES_PATH, body));

export const useEditMessage = () =>
  useItemMutation(MESSAGES_PATH, ({ id, changes }: { id: string; changes: UpdateMessageBody }) =>
    patch<Message>(`${MESSAGES_PATH}/${id}`, changes),
  );

export const useSendMessage = () => useItemMutation(MESSAGES_PATH, (id: string) => post<Message>(`${MESSAGES_PATH}/${id}/send`));
