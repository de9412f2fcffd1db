import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** `<title>` names the page, so that tabs, history and screen readers can tell pages apart. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? t('app.pageTitle', { page: title }) : t('app.name');
  }, [title, t]);
}
