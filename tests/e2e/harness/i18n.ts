import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LANGUAGES = ['en', 'ar'] as const;
export type Lang = (typeof LANGUAGES)[number];

type Tree = { [key: string]: string | Tree };

/** The files src/web/i18n/index.ts merges into its one namespace, in the same order. */
const FILES = (lang: Lang) => [`${lang}.json`, `features.${lang}.json`, `admin.${lang}.json`];

function load(lang: Lang): Tree {
  const trees = FILES(lang).map((name) => {
    const file = fileURLToPath(new URL(`../../../src/web/i18n/${name}`, import.meta.url));
    return JSON.parse(readFileSync(file, 'utf8')) as Tree;
  });
  return Object.assign({}, ...trees) as Tree;
}

/** Like i18next's deepFind: a key may itself contain dots ("permissions" → "contacts.view"). */
function find(node: string | Tree | undefined, parts: string[]): string | undefined {
  if (parts.length === 0) return typeof node === 'string' ? node : undefined;
  if (typeof node !== 'object') return undefined;
  for (let take = 1; take <= parts.length; take++) {
    const found = find(node[parts.slice(0, take).join('.')], parts.slice(take));
    if (found !== undefined) return found;
  }
  return undefined;
}

export type T = (key: string, vars?: Record<string, string | number>) => string;

/**
 * The UI's own words, read from the same files the app uses, so a spec finds the button the user
 * sees in either language. Follows i18next: dotted keys, {{var}} interpolation, _one/_other plurals.
 */
export function translator(lang: Lang): T {
  const tree = load(lang);
  const lookup = (key: string): string | undefined => find(tree, key.split('.'));
  return (key, vars = {}) => {
    let text: string | undefined;
    if (typeof vars.count === 'number') {
      const form = new Intl.PluralRules(lang).select(vars.count);
      text = lookup(`${key}_${form}`) ?? lookup(`${key}_other`);
    }
    text ??= lookup(key);
    if (text === undefined) throw new Error(`i18n key "${key}" is missing from the src/web/i18n/*${lang}.json files`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
      if (!(name in vars)) throw new Error(`i18n key "${key}" needs {{${name}}}`);
      return String(vars[name]);
    });
  };
}

/** A regexp that matches the text exactly (for getByRole name matching without substrings). */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
