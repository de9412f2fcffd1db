import type { TFunction } from 'i18next';
import { PASSWORD_MIN } from '../../../shared/limits.js';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Quick checks before a round trip; the server remains the judge (and its field errors show too). */
export const required = (t: TFunction) => (value: string) => (value.trim() ? null : t('fields.required'));
export const validEmail = (t: TFunction) => (value: string) =>
  !value.trim() ? t('fields.required') : EMAIL_SHAPE.test(value.trim()) ? null : t('fields.invalid.email');
export const newPassword = (t: TFunction) => (value: string) =>
  value.length >= PASSWORD_MIN ? null : t('fields.passwordLength', { min: PASSWORD_MIN });
