// Databases for the tests: every test file gets its own, cloned from a migrated template, on the
// server named by PORTAL_TEST_ADMIN_URL (set by scripts/test/with-test-database.ts).
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export function adminUrl(): string {
  const url = process.env.PORTAL_TEST_ADMIN_URL
  if (!url)
    throw new Error('PORTAL_TEST_ADMIN_URL is not set: run the database tests with `npm run test:db`.')
  return url
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl())
  url.pathname = `/${database}`
  return url.toString()
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`
}

/** Creates a database, empty or as a copy of `template`, and returns its URL. */
export async function createDatabase(name: string, options: { template?: string } = {}): Promise<string> {
  await withAdmin((client) =>
    client.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)}${options.template ? ` TEMPLATE ${pg.escapeIdentifier(options.template)}` : ''}`,
    ),
  )
  return urlFor(name)
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((client) =>
    client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  )
}

/** Empties every table of the current test file's database (DATABASE_URL), keeping the schema. */
export async function resetDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    )
    if (rows.length > 0)
      await client.query(
        `TRUNCATE ${rows.map((row) => pg.escapeIdentifier(row.table_name)).join(', ')} CASCADE`,
      )
  } finally {
    await client.end()
  }
}
