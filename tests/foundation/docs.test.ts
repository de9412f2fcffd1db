/** The README and docs/ say only what the code does: their tables are checked against it. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../src/shared/errors.js';
import { runCli } from '../../src/server/cli/main.js';
import { EnvSchema, loadEnv } from '../../src/server/env.js';
import { createTestApp, type TestApp } from '../setup/app.js';
import { ROOT } from './spawn.js';

const read = (file: string) => readFileSync(`${ROOT}/${file}`, 'utf8');
const readme = read('README.md');
const api = read('docs/api.md');

/** The rows of the first markdown table after `heading`, as arrays of cells. */
function tableAfter(text: string, heading: string): string[][] {
  const start = text.indexOf(heading);
  expect(start, `"${heading}" is missing`).toBeGreaterThanOrEqual(0);
  const lines = text.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const table: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    table.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    );
  }
  return table;
}

const code = (cell: string) => cell.match(/`([^`]+)`/)?.[1] ?? cell;

describe('README', () => {
  it('opens with a quick start of exactly two commands', () => {
    const quick = readme.match(/^# .+\n\n## Quick start\n\n```sh\n([^`]*)```/);
    expect(quick?.[1]).toBe('npm install && npm start\nnpm test\n');
  });

  it('documents every environment variable the server reads, and no other', () => {
    const documented = tableAfter(readme, '## Configuration').map((row) => code(row[0]!));
    expect([...documented].sort()).toEqual(Object.keys(EnvSchema.shape).sort());
  });

  it('states the defaults the server uses', () => {
    const defaults = loadEnv({}) as Record<string, unknown>;
    for (const row of tableAfter(readme, '## Configuration')) {
      const name = code(row[0]!);
      const cell = row[1]!;
      if (cell === '_(none)_') expect(defaults[name], name).toBeUndefined();
      else expect(String(defaults[name]), name).toBe(code(cell));
    }
  });

  it('lists the commands the CLI has', async () => {
    let usage = '';
    await runCli(['help'], (line) => (usage += line));
    const commands = tableAfter(readme, '## Operator CLI').map((row) => code(row[0]!).split(' ')[0]!);
    const inUsage = [...usage.matchAll(/^ {2}([a-z:]+)/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands).toEqual(inUsage);
  });
});

describe('docs/api.md', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('lists exactly the error codes and statuses of src/shared/errors.ts', () => {
    const section = api.slice(api.indexOf('<!-- error-codes:start -->'), api.indexOf('<!-- error-codes:end -->'));
    const documented = tableAfter(section, 'error-codes:start').map((row) => [code(row[0]!), Number(row[1])]);
    expect(documented).toEqual(Object.entries(ERROR_STATUS));
  });

  it('names only routes that the OpenAPI document has', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = tableAfter(api, '## Main routes').flatMap((row) => [...row[1]!.matchAll(/`(?:([A-Z]+) )?(\/api\/[^`\s]*)`/g)]);
    expect(routes.length).toBeGreaterThan(20);
    for (const [, method, path] of routes) {
      if (path === '/api/docs' || path === '/api/openapi.json') continue;
      expect(Object.keys(doc.paths), path).toContain(path);
      if (method) expect(Object.keys(doc.paths[path!]!), `${method} ${path}`).toContain(method.toLowerCase());
    }
  });
});
