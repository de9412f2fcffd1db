import { PASSWORD_MIN } from '../../shared/limits.js';
import type { TFunction } from 'i18next';
import { isApiError } from './client';

/** Words for a failed call, chosen by its stable code; the server's English text is never shown. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.UNKNOWN');
  const d = error.details;
  switch (error.code) {
    case 'RATE_LIMITED':
      return typeof d.retryAfterSeconds === 'number'
        ? t('errors.RATE_LIMITED_WAIT', { count: d.retryAfterSeconds })
        : t('errors.RATE_LIMITED');
    case 'USER_LIMIT_REACHED':
      return t('errors.USER_LIMIT_REACHED', {
        limit: d.limit,
        used: d.used,
        plan: typeof d.plan === 'string' ? t(`plans.${d.plan}`, { defaultValue: d.plan }) : '',
      });
    case 'PERMISSION_REQUIRED':
      return t('errors.PERMISSION_REQUIRED', {
        permission: typeof d.permission === 'string' ? t(`permissions.${d.permission}`, { defaultValue: d.permission }) : '',
      });
    default:
      return t(`errors.${error.code}`, { defaultValue: t('errors.UNKNOWN') });
  }
}

const FIELD_REASONS: Record<string, string> = { taken: 'taken', weak: 'weak', length: 'length' };

/** Field name → message for `details.fields`, as Mantine form errors. */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const [field, reason] of Object.entries(error.fields)) {
    const name = field.replace(/^body\./, '').split('.')[0] ?? field;
    if (error.code === 'WEAK_PASSWORD' || reason === 'weak') out[name] = t('fields.passwordWeak');
    else if (error.code === 'EMAIL_TAKEN' || reason === 'taken') out[name] = t('fields.emailTaken');
    else if (FIELD_REASONS[reason] === 'length' && name === 'password')
      out[name] = t('fields.passwordLength', { min: PASSWORD_MIN });
    else out[name] = t(`fields.invalid.${name}`, { defaultValue: t('fields.invalid.default') });
  }
  return out;
}
