import { notifications } from '@mantine/notifications';
import i18n from '../i18n/index';

/** A toast with a named close button; `alert` for failures so screen readers hear them at once. */
export function notify(message: string, kind: 'success' | 'error' | 'info' = 'success'): void {
  notifications.show({
    message,
    color: kind === 'error' ? 'red.9' : kind === 'success' ? 'teal.9' : 'blue.9',
    role: kind === 'error' ? 'alert' : 'status',
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
