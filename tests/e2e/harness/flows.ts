import type { Locator, Page } from 'playwright-core';
import { STRONG_PASSWORD } from './constants.js';
import { escapeRegExp, exactly, type Lang, type T } from './i18n.js';

/** Waits until `check` holds (Playwright-core has no auto-waiting expect). */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs}ms waiting for: ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

export async function visible(locator: Locator, timeout = 10_000): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

export async function gone(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.waitFor({ state: 'hidden', timeout });
}

/** A form field by its visible label (Mantine adds an aria-hidden " *" to required ones). */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^\\s*${escapeRegExp(label)}(\\s*\\*)?\\s*$`));
}

/** The page's main heading, once it shows `text`. */
export function heading(page: Page, text: string): Locator {
  return page.getByRole('heading', { level: 1, name: exactly(text) });
}

export async function expectDocumentLanguage(page: Page, lang: Lang): Promise<void> {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  await eventually(
    () => page.evaluate(([l, d]) => document.documentElement.lang === l && document.documentElement.dir === d, [lang, dir]),
    `<html lang="${lang}" dir="${dir}">`,
  );
}

/** Chooses the language with the visible switch (each language is named in itself). */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) await languageSwitch(page).click();
  await expectDocumentLanguage(page, lang);
}

export interface Account {
  companyName: string;
  fullName: string;
  email: string;
  password?: string;
}

/** The visible language switch; it names the other language in that language. */
function languageSwitch(page: Page): Locator {
  return page.getByRole('button', { name: /^(English|العربية)$/ });
}

/** Opens the sign-up page and switches it to `lang` with the visible language switch. */
export async function openSignUp(page: Page, t: T, lang: Lang) {
  await page.goto('/signup');
  await visible(languageSwitch(page));
  await chooseLanguage(page, lang);
  await visible(heading(page, t('signup.title')));
}

/** Fills the open sign-up form and waits for the signed-in home page. */
export async function submitSignUp(page: Page, t: T, account: Account) {
  await field(page, t('fields.companyName')).fill(account.companyName);
  await field(page, t('fields.fullName')).fill(account.fullName);
  await field(page, t('fields.email')).fill(account.email);
  await field(page, t('fields.password')).fill(account.password ?? STRONG_PASSWORD);
  await page.getByRole('button', { name: t('signup.submit'), exact: true }).click();
  await visible(heading(page, t('home.title', { name: account.fullName })));
}

export async function signUp(page: Page, t: T, lang: Lang, account: Account) {
  await openSignUp(page, t, lang);
  await submitSignUp(page, t, account);
}

export async function logIn(page: Page, t: T, email: string, password: string) {
  await visible(heading(page, t('login.title')));
  await field(page, t('fields.email')).fill(email);
  await field(page, t('fields.password')).fill(password);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
}

/** Logs out from the account menu (named after the person) and waits for the login page. */
export async function logOut(page: Page, t: T, fullName: string) {
  await page.getByRole('banner').getByRole('button', { name: fullName }).click();
  await page.getByRole('menuitem', { name: t('shell.logout') }).click();
  await visible(heading(page, t('login.title')));
}
