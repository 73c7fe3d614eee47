// `npm start`: everything a fresh clone needs to serve the portal.
//   1. a database: DATABASE_URL, or the embedded PostgreSQL (files in EMBEDDED_DB_DIR);
//   2. its schema: committed migrations applied (safe with several instances starting at once);
//   3. its data: the brochure seeded when the database is empty;
//   4. a production build, rebuilt only when the sources changed;
//   5. `next start` on PORT, one worker per core (WEB_CONCURRENCY), restarted if one dies.
// `--dev` runs `next dev` instead of 4-5; `--build-only` stops after 4.
import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { buildIfStale } from './lib/build-fingerprint'
import { serveWorkers, workerCount } from './lib/serve-workers'
import { prepareDatabase } from './lib/database-setup'
import { demoAuthSecret, ensureDemoAccount } from './lib/demo'
import { resolveDatabase } from './db/local-database'
import type { env as Env } from '../lib/env'

const mode = process.argv.includes('--dev')
  ? 'dev'
  : process.argv.includes('--build-only')
    ? 'build'
    : 'start'
const log = (line: string) => console.log(`[portal] ${line}`)

function fail(message: string): never {
  console.error(`[portal] ${message}`)
  process.exit(1)
}

let env: typeof Env
try {
  env = (await import('../lib/env')).env
} catch {
  fail('Fix the configuration above, then run npm start again.')
}

// A real database means production: e-mails carry links, which must not point at localhost.
if (env.DATABASE_URL && !env.PUBLIC_BASE_URL) {
  fail(
    'PUBLIC_BASE_URL is not set: with DATABASE_URL, e-mails need the portal’s public address (e.g. PUBLIC_BASE_URL=https://inscriptions.cnam.re; see .env.example).',
  )
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.once('listening', () => server.close(() => resolve(true)))
    server.listen(port)
  })
}

if (mode !== 'build' && !(await isPortFree(env.PORT))) {
  fail(`Port ${env.PORT} is already in use. Stop what uses it, or choose another port: PORT=3001 npm start`)
}

const database = await resolveDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.EMBEDDED_DB_DIR,
  port: env.EMBEDDED_DB_PORT,
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))
if (database.embedded) log(`Using the embedded PostgreSQL (files in ${env.EMBEDDED_DB_DIR}).`)

async function shutdown(code: number): Promise<never> {
  await database.stop().catch(() => {})
  process.exit(code)
}

try {
  await prepareDatabase(database.url, log)
} catch (error) {
  console.error(`[portal] ${error instanceof Error ? error.message : String(error)}`)
  await shutdown(1)
}

let demo: { email: string; password: string } | null = null
if (database.embedded) {
  demo = await ensureDemoAccount(database.url)
} else if (!env.AUTH_SECRET) {
  console.error(
    '[portal] AUTH_SECRET is not set: the staff area needs it with a real database (see .env.example).',
  )
  await shutdown(1)
}

const root = process.cwd()
const distDir = path.join(root, '.next')
const nextBin = path.join(root, 'node_modules/next/dist/bin/next')
const childEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  NEXT_TELEMETRY_DISABLED: '1',
  ...(database.embedded && !env.AUTH_SECRET ? { AUTH_SECRET: demoAuthSecret() } : {}),
}

if (mode !== 'dev') {
  const build = buildIfStale({ root, distDir, env: { ...childEnv, NODE_ENV: 'production' }, log })
  if (build === 'current') log('The production build is up to date.')
  if (build === 'failed') {
    console.error('[portal] The build failed (see above).')
    await shutdown(1)
  }
  if (mode === 'build') await shutdown(0)
}

if (demo) {
  log(
    `Demo staff account (embedded database only): ${demo.email} / ${demo.password} — sign in at http://localhost:${env.PORT}/admin`,
  )
}

if (mode === 'dev') {
  const server = spawn(process.execPath, [nextBin, 'dev', '--port', String(env.PORT)], {
    stdio: 'inherit',
    env: childEnv,
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
  server.on('exit', (code) => void shutdown(code ?? 0))
} else {
  const workers = serveWorkers({
    nextBin,
    port: env.PORT,
    count: workerCount(env.WEB_CONCURRENCY),
    env: { ...childEnv, NODE_ENV: 'production' },
    log,
  })
  // SIGTERM (a deployment, systemd, Docker): workers finish their requests in flight, then the
  // embedded database stops.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void workers.stop())
  void workers.done.then((code) => shutdown(code))
}
