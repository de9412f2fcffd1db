import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One headless Chromium per spec file. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors thrown by the page's scripts; a spec expects none. */
  pageErrors: Error[];
}

/** A separate browser context (own cookies and storage): one per person in a spec. */
export async function newPerson(browser: Browser, baseURL: string, locale = 'en-US'): Promise<Person> {
  const context = await browser.newContext({ baseURL, locale, viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return { context, page, pageErrors };
}

/** Runs axe on the page as it is now (WCAG 2.2 AA and below) and fails with a readable list. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Results must not depend on where the last click left the pointer (hover styles differ).
  await page.mouse.move(0, 0);
  // A dialog fading in has, for a moment, the contrast of a half-drawn page.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
    timeout: 5_000,
  });
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `      at ${n.target.join(' ')}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}\n        ${n.html.slice(0, 200)}`,
      )
      .join('\n');
    return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n    ${v.helpUrl}\n${nodes}`;
  });
  expect(report, `axe found violations on ${where} (${page.url()}):\n${report.join('\n')}`).toEqual([]);
}
