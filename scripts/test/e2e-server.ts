// The server the Playwright tests drive: a fresh, migrated and seeded database (portal_e2e on the
// test server, see with-test-database.ts), a production build of its own (.next-e2e, so that the
// build `npm start` serves is left alone), and `next start` on E2E_PORT (3100), plus a second
// instance on E2E_PORT + 1.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { hash } from '@node-rs/argon2'
import pg from 'pg'
import { E2E_AUTH_SECRET, E2E_STAFF, E2E_STAFF_PASSWORD } from '../../tests/e2e/staff-accounts'
import { startEmbeddedPostgres } from '../db/embedded'
import { buildIfStale } from '../lib/build-fingerprint'
import { prepareDatabase } from '../lib/database-setup'
import { serveWorkers } from '../lib/serve-workers'

const DATABASE = 'portal_e2e'
const port = Number(process.env.E2E_PORT ?? 3100)
const log = (line: string) => console.log(`[e2e-server] ${line}`)

const server = process.env.TEST_DATABASE_URL
  ? { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({
      dataDir: process.env.TEST_EMBEDDED_DB_DIR ?? '.data/postgres-test',
      port: Number(process.env.TEST_EMBEDDED_DB_PORT ?? 54321),
    })

const admin = new pg.Client({ connectionString: server.adminUrl })
await admin.connect()
await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
await admin.query(`CREATE DATABASE ${DATABASE}`)
await admin.end()
const url = new URL(server.adminUrl)
url.pathname = `/${DATABASE}`
const databaseUrl = url.toString()
await prepareDatabase(databaseUrl, log)
// The tests register for 2nd-semester UEs: keep that semester open whatever today's date, as
// staff would by extending a deadline.
const client = new pg.Client({ connectionString: databaseUrl })
await client.connect()
await client.query(`
  UPDATE "Semester" SET "registrationDeadline" = GREATEST("registrationDeadline", current_date + 30)
  WHERE number = 2 AND "sessionId" IN (SELECT id FROM "AcademicSession" WHERE "registrationOpen")`)
// Staff accounts the tests sign in with (see tests/e2e/staff-accounts.ts).
for (const [role, email] of Object.entries(E2E_STAFF)) {
  await client.query(
    `INSERT INTO "StaffUser" (id, email, name, role, "passwordHash", active, "totpEnabled", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3::"StaffRole", $4, true, false, now(), now())`,
    [email, `Test ${role.toLowerCase()}`, role, await hash(E2E_STAFF_PASSWORD)],
  )
}
await client.end()

const root = process.cwd()
// One build folder per port, so that two test runs on different ports do not build over each other.
const distDir = port === 3100 ? '.next-e2e' : `.next-e2e-${port}`
const nextBin = path.join(root, 'node_modules/next/dist/bin/next')
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  PORT: String(port),
  PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  AUTH_SECRET: E2E_AUTH_SECRET,
  NEXT_DIST_DIR: distDir,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production' as const,
  // The tests give each visitor an address of its own in X-Forwarded-For (tests/e2e/fixtures.ts):
  // trusting one proxy makes the portal read the header's last entry as the client, as behind a
  // real one. With 0 (the default) it would take the socket's address, 127.0.0.1, for everyone.
  TRUSTED_PROXIES: '1',
  // Deprecation warnings name their caller in the test log, so they can be fixed.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--trace-deprecation'].filter(Boolean).join(' '),
}
if (buildIfStale({ root, distDir, env, log }) === 'failed') {
  await server.stop()
  process.exit(1)
}

// Each instance is served the way `npm start` serves: several `next start` workers on one port
// (2 unless WEB_CONCURRENCY says otherwise), so the suite also proves that nothing depends on which
// worker answers.
const workersPerInstance = Number(process.env.WEB_CONCURRENCY ?? 2)
const start = (instancePort: number, instanceDistDir: string) =>
  serveWorkers({
    nextBin,
    port: instancePort,
    hostname: '127.0.0.1',
    count: workersPerInstance,
    env: {
      ...env,
      PORT: String(instancePort),
      PUBLIC_BASE_URL: `http://127.0.0.1:${instancePort}`,
      NEXT_DIST_DIR: instanceDistDir,
    },
    log,
  })

// A second instance on the next port, on the same database, as behind a load balancer: a copy of
// the build (each machine has its own disk, hence its own prerendered pages) and its own memory.
// tests/e2e/multi-instance checks that what staff change on one shows on the other.
const secondDistDir = `${distDir}-b`
rmSync(path.join(root, secondDistDir), { recursive: true, force: true })
cpSync(path.join(root, distDir), path.join(root, secondDistDir), {
  recursive: true,
  verbatimSymlinks: true,
  filter: (source) => source !== path.join(root, distDir, 'cache'),
})
const instances = [start(port, distDir), start(port + 1, secondDistDir)]
mkdirSync(path.join(root, '.data'), { recursive: true })
// What tests/e2e/capacity needs to start more workers on this build and database (test values only).
writeFileSync(
  path.join(root, '.data', `e2e-server-${port}.json`),
  JSON.stringify({
    env: { DATABASE_URL: databaseUrl, AUTH_SECRET: env.AUTH_SECRET, NEXT_DIST_DIR: distDir },
  }),
)

let stopping = false
const stop = async (code: number) => {
  // Called by the signal and again when a group gives up: stop once.
  if (stopping) return
  stopping = true
  await Promise.all(instances.map((instance) => instance.stop()))
  await server.stop()
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
for (const instance of instances) void instance.done.then((code) => stop(code))
