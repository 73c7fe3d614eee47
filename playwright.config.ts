import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)

// Playwright cannot download its browsers here: Debian's Chromium is used (.ci/run installs it).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Indian/Reunion',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { viewport: { width: 1280, height: 900 } } }],
  webServer: {
    command: 'tsx --conditions=react-server scripts/test/e2e-server.ts',
    url: `http://127.0.0.1:${port}/`,
    // A first build on a busy 2-core machine can take several minutes.
    timeout: 900_000,
    reuseExistingServer: false,
    // Otherwise Playwright SIGKILLs the process group: the embedded PostgreSQL dies mid-write and
    // the next command on the same files (CI's fuzzing, right after) found it still going away.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
