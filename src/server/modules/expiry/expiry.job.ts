import { MINUTE } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { expireAccess } from './expiry.service.js';

export interface ExpiryJob {
  stop(): Promise<void>;
}

/**
 * Runs expireAccess now and then every `everyMs`. The timer is unref'd (it never keeps the process
 * alive) and passes never overlap. Sessions refuse an expired member on their own, so the job only
 * has to catch up with the status, the audit trail and the seat count.
 */
export function startExpiryJob(ctx: AppContext, everyMs = MINUTE): ExpiryJob {
  let running: Promise<void> | undefined;
  const pass = () => {
    if (running) return;
    running = expireAccess(ctx)
      .then((outcome) => {
        if (outcome.expired > 0) ctx.log.info({ expired: outcome.expired }, 'time-limited access ended');
      })
      .catch((error: unknown) => ctx.log.error({ err: error }, 'access expiry pass failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(pass, everyMs);
  timer.unref();
  pass();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
