import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FILES = ['', 'features.', 'admin.'];
const PLURAL = /_(zero|one|two|few|many|other)$/;

function entries(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}
const keys = (value: unknown) => entries(value).map(([k]) => k);

function load(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../src/web/i18n/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** No Arabic letter and three or more Latin words, interpolations aside. */
function looksEnglish(text: string): boolean {
  const plain = text.replace(/\{\{[^}]*\}\}/g, ' ');
  return !/[\u0600-\u06FF]/.test(plain) && (plain.match(/[a-z]{2,}/gi) ?? []).length >= 3;
}

describe('translations', () => {
  it('recognises an untranslated sentence', () => {
    expect(looksEnglish('Invitation sent to {{email}}')).toBe(true);
    expect(looksEnglish('أُرسلت الدعوة إلى {{email}}')).toBe(false);
    expect(looksEnglish('CompanyAdmin')).toBe(false);
  });

  it.each(FILES)('%sen.json and %sar.json hold the same keys (plural forms aside)', (file) => {
    const en = new Set(keys(load(`${file}en.json`)).map((k) => k.replace(PLURAL, '')));
    const ar = new Set(keys(load(`${file}ar.json`)).map((k) => k.replace(PLURAL, '')));
    expect([...en].filter((k) => !ar.has(k))).toEqual([]);
    expect([...ar].filter((k) => !en.has(k))).toEqual([]);
  });

  it('the files do not overwrite each other’s top-level keys', () => {
    for (const lang of ['en', 'ar']) {
      const tops = FILES.flatMap((file) => Object.keys(load(`${file}${lang}.json`)));
      expect(tops.filter((k, i) => tops.indexOf(k) !== i)).toEqual([]);
    }
  });

  it('leaves no English sentence in the Arabic text', () => {
    for (const file of FILES) {
      const ar = load(`${file}ar.json`);
      // Product and role names stay Latin; a whole Latin sentence is an untranslated string.
      const latinOnly = entries(ar)
        .filter(([, value]) => typeof value === 'string' && looksEnglish(value))
        .map(([key]) => key);
      expect(latinOnly).toEqual([]);
    }
  });
});
