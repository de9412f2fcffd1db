import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs the API suite on the embedded PGlite, the same suite again on PostgreSQL when
 * TEST_DATABASE_URL is set, and the browser specs in Chromium.
 */
const apiTests = ['src/**/*.test.ts', 'tests/**/*.test.ts'];
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'pglite',
          include: apiTests,
          environment: 'node',
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { PEIKLY_TEST_DB: 'pglite' },
        },
      },
      ...(onPostgres
        ? [
            {
              test: {
                name: 'postgres',
                include: apiTests,
                environment: 'node',
                pool: 'forks' as const,
                testTimeout: 30_000,
                hookTimeout: 60_000,
                globalSetup: ['tests/setup/postgres-global.ts'],
                env: { PEIKLY_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
