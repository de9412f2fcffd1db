/** Real processes for the foundation tests: the server as `npm start` runs it, and the CLI. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const APP_ORIGIN = 'http://localhost:3000';
export const STRONG_PASSWORD = 'Orchid-Lantern-47';

const running = new Set<ChildProcess>();
const tempDirs: string[] = [];

/** A clean environment: only what the child needs and what the test sets. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    APP_URL: APP_ORIGIN,
    LOG_LEVEL: 'info',
    ...env,
  };
}

export function tempDir(prefix = 'peikly-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx <script> ...args` to its end. */
export function runToExit(script: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')} did not exit within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface Server {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then waits for a graceful exit; returns the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `src/server/main.ts` on a free port and resolves once it listens. */
export function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => (running.delete(child), done(code))));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = output.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        child.stdout!.removeListener('data', onData);
        child.stdout!.on('data', (more: Buffer) => (output += more.toString()));
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          stop: async () => {
            if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            const code = await exited;
            clearTimeout(killer);
            return code;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

/** For afterAll: kills whatever is still running and removes temp folders. */
export async function cleanUp(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    ),
  );
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A minimal browser over fetch: keeps the session cookie and sends the app's Origin on changes. */
export class HttpClient {
  cookie: string | undefined;
  constructor(readonly baseUrl: string) {}
  async request(method: string, url: string, body?: unknown): Promise<{ status: number; json: () => unknown; text: string }> {
    const response = await fetch(this.baseUrl + url, {
      method,
      headers: {
        ...(method === 'GET' ? {} : { origin: APP_ORIGIN }),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      if (pair?.includes('peikly_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) };
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
}
