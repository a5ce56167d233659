import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One vitest run covers every package. The store-api suite runs twice: on SQLite and on MySQL/MariaDB.
// `npm test` (scripts/test.mjs) provides SHOEBOX_TEST_MYSQL_URL (a private MariaDB) when it can;
// without it the api-mysql project does not exist and scripts/test.mjs says so loudly.
// Run one project: `npm test -- --project api-sqlite`.

const apiInclude = ['store-api/src/**/*.test.ts'];
// Sums and prints, once per dialect, how many answers the harness checked against the OpenAPI document.
const apiGlobalSetup = ['store-api/src/http/openapi/response-tally.setup.ts'];

export default defineConfig({
  test: {
    passWithNoTests: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'documents', root: './shared/documents', include: ['src/**/*.test.ts'] },
      },
      { extends: true, test: { name: 'sync', include: ['sync/src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'api-sqlite',
          include: apiInclude,
          globalSetup: apiGlobalSetup,
          env: { SHOEBOX_TEST_DIALECT: 'sqlite' },
        },
      },
      ...(process.env.SHOEBOX_TEST_MYSQL_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'api-mysql',
                include: apiInclude,
                globalSetup: apiGlobalSetup,
                env: { SHOEBOX_TEST_DIALECT: 'mysql' },
              },
            },
          ]
        : []),
      { extends: true, test: { name: 'desktop', include: ['desktop/src/**/*.test.ts'] } },
      {
        extends: true,
        plugins: [react()],
        test: { name: 'desktop-ui', include: ['desktop/src/**/*.test.tsx'], environment: 'happy-dom' },
      },
      { extends: true, test: { name: 'tests', include: ['tests/**/*.test.ts'] } },
      // Component tests of the storefront in jsdom (no layout: anything that needs it is in tests/storefront).
      {
        extends: true,
        test: {
          name: 'storefront',
          root: './storefront',
          include: ['src/**/*.test.tsx'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
