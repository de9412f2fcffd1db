/** Plain constants the browser needs without loading the zod schemas. */
export const LOCALES = ['en', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
