import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/api.js';
import { put } from '../api/client';
import { ME_KEY } from '../api/queryClient';
import type { Me } from '../api/types';
import { currentLocale, storeLocale } from './index';

/** The active language and a switch that remembers the choice on this device and, when signed
 * in, on the account (emails follow it). */
export function useLanguage() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const locale = currentLocale();

  const setLocale = async (next: Locale) => {
    storeLocale(next);
    await i18n.changeLanguage(next);
    const me = queryClient.getQueryData<Me | null>(ME_KEY);
    if (me && me.user.locale !== next) {
      const updated: Me = { ...me, user: { ...me.user, locale: next } };
      queryClient.setQueryData(ME_KEY, updated);
      // Best effort: the UI already switched; the account keeps the old language if this fails.
      await put('/api/me/locale', { locale: next }).catch(() => undefined);
    }
  };
  return { locale, setLocale };
}
