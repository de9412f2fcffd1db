import { z } from 'zod';

const Url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}` },
  );

const Duration = z.coerce.number().int().positive();

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  APP_URL: Url(['http:', 'https:']).default('http://localhost:3000'),
  DATABASE_URL: Url(['postgres:', 'postgresql:']).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SMTP_URL: Url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('Peikly <no-reply@peikly.local>'),
  REDIS_URL: Url(['redis:', 'rediss:']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: Duration.default(24 * 60),
  SESSION_ABSOLUTE_MINUTES: Duration.default(14 * 24 * 60),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment; a bad value throws one line naming the variable and the problem. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new EnvError(`${String(issue.path[0])}: ${issue.message}`);
  }
  return result.data;
}

export class EnvError extends Error {}
