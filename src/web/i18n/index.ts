import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/api.js';
import adminAr from './admin.ar.json';
import adminEn from './admin.en.json';
import ar from './ar.json';
import en from './en.json';
import featuresAr from './features.ar.json';
import featuresEn from './features.en.json';

export const LANGUAGES: readonly Locale[] = ['en', 'ar'];
const STORAGE_KEY = 'peikly.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ar';
}

/** The language the person chose on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

function initialLocale(): Locale {
  return storedLocale() ?? (navigator.language.toLowerCase().startsWith('ar') ? 'ar' : 'en');
}

/** Keeps `<html lang dir>` in step with the language, so the whole page mirrors. */
function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

const start = initialLocale();
applyToDocument(start);

void i18n.use(initReactI18next).init({
  // One namespace, several files: each area of the app keeps its own strings under its own top-level keys.
  resources: {
    en: { translation: { ...en, ...featuresEn, ...adminEn } },
    ar: { translation: { ...ar, ...featuresAr, ...adminAr } },
  },
  lng: start,
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  if (isLocale(lng)) applyToDocument(lng);
});

export default i18n;
