import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, inject, it } from 'vitest';
import { launchBrowser, newPerson, type Person } from './browser.js';
import { startServer, type E2EServer } from './server.js';

const chromiumPath = inject('chromiumPath');

/** `describe` that skips (loudly, from the global setup) when there is no browser to run. */
export const describeInBrowser = describe.skipIf(!chromiumPath);

export interface E2EFile {
  server: E2EServer;
  browser: Browser;
  /** A new person with their own cookies and storage. */
  person(): Promise<Person>;
}

/** One server (with its own database and SMTP sink) and one browser for the spec file. */
export function useE2E(): E2EFile {
  const file = {} as E2EFile;
  const people: Person[] = [];
  beforeAll(async () => {
    [file.server, file.browser] = await Promise.all([startServer(), launchBrowser(chromiumPath!)]);
    file.person = async () => {
      const person = await newPerson(file.browser, file.server.url);
      people.push(person);
      return person;
    };
  });
  // A script error in the page fails the test that caused it, even when the page still looks right.
  afterEach(() => {
    const errors = people.flatMap((p) => p.pageErrors.splice(0));
    if (errors.length) throw new Error(`The page threw:\n${errors.map((e) => `  ${e.stack ?? e.message}`).join('\n')}`);
  });
  afterAll(async () => {
    await Promise.allSettled(people.map((p) => p.context.close()));
    await file.browser?.close();
    await file.server?.close();
  });
  return file;
}

let counter = 0;
/** An address nobody else in this run uses. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${++counter}@example.com`;
}

/**
 * Tests that continue one story: once a step fails, the later steps skip instead of each timing
 * out on a page that never came.
 */
export function storySteps() {
  let broken: string | undefined;
  return (name: string, fn: () => Promise<void>) =>
    it(name, async (context) => {
      if (broken) context.skip(`an earlier step failed: ${broken}`);
      try {
        await fn();
      } catch (error) {
        broken = name;
        throw error;
      }
    });
}
