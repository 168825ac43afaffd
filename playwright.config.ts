import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium';

/**
 * End-to-end tests against a running `next start`. scripts/test-all.sh starts that server
 * (PostgreSQL, fresh `kqnk_e2e` database, port 3100) and sets E2E_BASE_URL; to run alone:
 * start a server, then `E2E_BASE_URL=http://127.0.0.1:3000 npx playwright test --project chromium`.
 * The `serve` project runs e2e/serve/ against `npm run serve` (suite f of test-all.sh).
 * e2e/outage.spec.ts, e2e/db-death.spec.ts and e2e/crash.spec.ts need no server: each starts its
 * own, on a PostgreSQL cluster (or PGlite folder) of its own (`npx playwright test --project
 * chromium e2e/db-death.spec.ts`, after `next build`).
 */
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';
const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? 'test-results/playwright.json';

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    // Debian's Chromium; `npx playwright install` cannot download here.
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  },
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A whole editing round trip (sign in, save, publish, history, restore) takes ~15–30 s on 2 busy cores.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: jsonReport }]],
  use: {
    baseURL,
    locale: 'vi-VN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // Against `next start` (scripts/test-all.sh suite e): every spec but the topology's.
      name: 'chromium',
      testIgnore: 'serve/**',
      use: browser,
    },
    {
      // Against `npm run serve` (suite f): nginx in front of two instances sharing Redis.
      name: 'serve',
      testMatch: 'serve/**/*.spec.ts',
      use: browser,
    },
  ],
});
