import { spawnSync } from 'node:child_process'
import { expect, it } from 'vitest'

// With a real database (production), links in e-mails must not point at localhost: `npm start`
// stops at once, in one line, before touching the database or building.
it('refuses to start with DATABASE_URL but without PUBLIC_BASE_URL', () => {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: 'postgresql://portal:secret@127.0.0.1:1/portal',
    AUTH_SECRET: 'a-secret-of-more-than-thirty-two-characters',
    PORT: '1',
    NODE_ENV: 'production' as const,
  }
  const run = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'],
    { env, encoding: 'utf8' },
  )
  expect(run.status).toBe(1)
  expect(run.stderr.trim()).toBe(
    '[portal] PUBLIC_BASE_URL is not set: with DATABASE_URL, e-mails need the portal’s public address (e.g. PUBLIC_BASE_URL=https://inscriptions.cnam.re; see .env.example).',
  )
}, 30_000)
