// Databases filled with generated dossiers (scripts/dev/generate-dossiers.ts), shared by the staff
// list, CSV export and query-plan benchmarks, and the application's own data functions pointed at
// them in this process.
//
// Generating 100,000 dossiers takes about a minute, so a database is kept between runs and reused
// when it still holds the expected number of dossiers; its migrations are brought up to date
// (prepareDatabase applies only the missing ones), so that an index added since it was generated
// is there when it is measured.
import { register } from 'node:module'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '../../lib/generated/prisma/client'
import { prepareDatabase } from '../../scripts/lib/database-setup'
import { benchServer, databaseExists, freshDatabase, log } from './harness'

// Before any application module loads: see next-request-stubs.mjs.
register(new URL('./next-request-stubs.mjs', import.meta.url))

const clients = new Map<string, PrismaClient>()

/** A Prisma client for `url` configured as lib/server/db.ts configures the portal's. */
export function appClient(url: string, options: { queryPlanCacheMaxSize?: number } = {}): PrismaClient {
  const key = `${url}#${options.queryPlanCacheMaxSize ?? 'default'}`
  let client = clients.get(key)
  if (!client) {
    client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 }),
      ...(options.queryPlanCacheMaxSize === undefined
        ? {}
        : { queryPlanCacheMaxSize: options.queryPlanCacheMaxSize }),
    })
    clients.set(key, client)
  }
  return client
}

/**
 * Points the application's data functions (lib/server/**, which call getDb()) at `client`.
 * lib/server/db.ts keeps its client on globalThis.portalPrisma (so that hot reloads keep it) and
 * creates one only when none is there: putting ours there is how one process measures several
 * databases. DATABASE_URL is set too, for the configuration (lib/env.ts) read on first import.
 */
export function pointAppAt(client: PrismaClient, url: string): void {
  process.env.DATABASE_URL ??= url
  ;(globalThis as unknown as { portalPrisma?: PrismaClient }).portalPrisma = client
}

export async function disconnectAppClients(): Promise<void> {
  await Promise.all([...clients.values()].map((client) => client.$disconnect()))
  clients.clear()
  delete (globalThis as unknown as { portalPrisma?: PrismaClient }).portalPrisma
}

async function dossierCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return Number((await client.query('SELECT count(*)::int AS n FROM "Dossier"')).rows[0].n)
  } catch {
    return -1
  } finally {
    await client.end()
  }
}

/**
 * The URL of database `bench_dossiers_<count>`: migrated, seeded, with `count` generated
 * dossiers in the session open for registration (made now unless a previous run left it).
 */
export async function dossierDatabase(count: number): Promise<string> {
  const name = `bench_dossiers_${count}`
  const { urlFor } = await benchServer()
  if (await databaseExists(name)) {
    const url = urlFor(name)
    if ((await dossierCount(url)) === count) {
      await prepareDatabase(url, (line) => log(`${name}: ${line}`))
      await analyze(url)
      log(`${name}: reusing ${count.toLocaleString('en')} generated dossiers.`)
      return url
    }
  }
  const url = await freshDatabase(name)
  const { generateDossiers } = await import('../../scripts/dev/generate-dossiers')
  const client = appClient(url)
  pointAppAt(client, url)
  const started = performance.now()
  await generateDossiers(client, { count, seed: 2026 })
  await analyze(url)
  log(
    `${name}: generated ${count.toLocaleString('en')} dossiers in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  )
  return url
}

/** Fresh statistics (autovacuum may not have run yet after a bulk insert or a new index). */
async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('VACUUM (ANALYZE) "Dossier", "DossierUe"')
  } finally {
    await client.end()
  }
}

/**
 * A signed-in staff session of a new account of `role` on the database `client` points at: the
 * Cookie header to send to a portal serving that database.
 */
export async function staffCookie(
  client: PrismaClient,
  url: string,
  role: 'ADMIN' | 'GESTIONNAIRE' | 'LECTURE' = 'GESTIONNAIRE',
): Promise<string> {
  pointAppAt(client, url)
  const { createStaffSession, STAFF_COOKIE } = await import('../../lib/server/auth/staff-session')
  const user = await client.staffUser.create({
    data: {
      email: `bench-${role.toLowerCase()}-${Date.now()}@bench.cnam.re`,
      name: 'Bench',
      role,
      // Never signs in with a password: the session is made directly.
      passwordHash: 'not-a-password-hash',
    },
  })
  const token = await createStaffSession({ userId: user.id, pendingSecondFactor: false, ip: '127.0.0.1' })
  return `${STAFF_COOKIE}=${token}`
}
