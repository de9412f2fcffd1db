import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import setupPostgres from '../setup/postgres-global.js';
import { CHROMIUM_PATH } from './harness/constants.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser to launch, or null when it is missing and the specs must skip. */
    chromiumPath: string | null;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs once for the browser project: finds Chromium, builds the web app into dist/web (the specs
 * test what an operator ships), and on PostgreSQL (PEIKLY_TEST_DB=postgres) makes the template
 * database each spec file clones.
 */
export default async function setup(project: TestProject) {
  project.provide('chromiumPath', findChromium());
  buildWeb();
  if (process.env.PEIKLY_TEST_DB === 'postgres') return setupPostgres(project);
  return undefined;
}

function findChromium(): string | null {
  const path = process.env.PEIKLY_CHROMIUM ?? CHROMIUM_PATH;
  if (existsSync(path)) return path;
  const message = `Chromium was not found at ${path} (install it with "apt-get install -y chromium" or set PEIKLY_CHROMIUM).`;
  // In CI a missing browser is a failure, never a silent skip.
  if (process.env.CI || process.env.PEIKLY_REQUIRE_BROWSER) throw new Error(message);
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!! BROWSER SPECS SKIPPED: ${message}\n${bar}\n`);
  return null;
}

function buildWeb(): void {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`The web build failed (npx vite build exited with ${result.status}).`);
  if (!existsSync(join(ROOT, 'dist/web/index.html'))) throw new Error('The web build did not write dist/web/index.html.');
}
