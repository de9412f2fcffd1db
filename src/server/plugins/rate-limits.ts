import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.js';

export interface RateLimitSettings {
  loginPerIp: number;
  loginPerEmail: number;
  resetPerIp: number;
  resetPerEmail: number;
  signupPerIp: number;
  /** Window for all of the above, in milliseconds. */
  windowMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  loginPerIp: 50,
  loginPerEmail: 10,
  resetPerIp: 20,
  resetPerEmail: 5,
  signupPerIp: 20,
  windowMs: 15 * 60_000,
};

export type RateLimits = Record<Exclude<keyof RateLimitSettings, 'windowMs'>, preHandlerAsyncHookHandler>;

/** Fixed-window counters: `hit` counts one attempt and says how many there were in the window. */
export interface CounterStore {
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  async hit(key: string, windowMs: number) {
    const now = Date.now();
    let entry = this.windows.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.windows.size > 50_000) this.sweep(now);
      entry = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, entry);
    }
    entry.count++;
    return { count: entry.count, resetInMs: entry.resetAt - now };
  }
  private sweep(now: number) {
    for (const [key, entry] of this.windows) if (entry.resetAt <= now) this.windows.delete(key);
  }
}

/** Shared by every instance; one round trip per hit. */
export class RedisCounterStore implements CounterStore {
  constructor(private readonly redis: Redis) {}
  async hit(key: string, windowMs: number) {
    // While the connection is down, fail at once (the limiter lets the request through) instead
    // of queueing behind ioredis's reconnect backoff, which would add seconds to every log-in.
    if (this.redis.status !== 'ready') throw new Error(`redis is ${this.redis.status}`);
    const k = `peikly:rl:${key}`;
    const result = await this.redis.multi().incr(k).pexpire(k, windowMs, 'NX').pttl(k).exec();
    const count = Number(result?.[0]?.[1] ?? 1);
    const ttl = Number(result?.[2]?.[1] ?? windowMs);
    return { count, resetInMs: ttl > 0 ? ttl : windowMs };
  }
}

const emailOf = (request: FastifyRequest) => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

/**
 * Per-IP and per-email limits for sign-in, sign-up and reset. (@fastify/rate-limit runs only one
 * limiter per request, and log-in needs two.) With REDIS_URL the counters are shared by every
 * instance; without it they live in this process. A store failure lets the request through.
 */
export function createRateLimits(settings: RateLimitSettings, redis?: Redis): RateLimits {
  const store: CounterStore = redis ? new RedisCounterStore(redis) : new MemoryCounterStore();
  const limiter =
    (name: string, max: number, keyOf: (r: FastifyRequest) => string): preHandlerAsyncHookHandler =>
    async (request) => {
      let result;
      try {
        result = await store.hit(`${name}:${keyOf(request)}`, settings.windowMs);
      } catch (error) {
        request.log.warn({ err: error }, 'rate limit store unavailable');
        return;
      }
      if (result.count > max) {
        const seconds = Math.max(1, Math.ceil(result.resetInMs / 1000));
        throw new AppError(
          'RATE_LIMITED',
          `Too many attempts; try again in ${seconds} seconds`,
          { retryAfterSeconds: seconds },
          { 'retry-after': String(seconds) },
        );
      }
    };
  const ip = (r: FastifyRequest) => r.ip;
  return {
    loginPerIp: limiter('login-ip', settings.loginPerIp, ip),
    loginPerEmail: limiter('login-email', settings.loginPerEmail, emailOf),
    resetPerIp: limiter('reset-ip', settings.resetPerIp, ip),
    resetPerEmail: limiter('reset-email', settings.resetPerEmail, emailOf),
    signupPerIp: limiter('signup-ip', settings.signupPerIp, ip),
  };
}
