import { Button } from '@mantine/core';
import { useLanguage } from '../i18n/useLanguage';

/** English ⇄ العربية; each name is written in its own language. */
export function LanguageSwitch() {
  const { locale, setLocale } = useLanguage();
  const next = locale === 'ar' ? 'en' : 'ar';
  return (
    <Button variant="subtle" size="sm" lang={next} onClick={() => void setLocale(next)}>
      {next === 'ar' ? 'العربية' : 'English'}
    </Button>
  );
}
