// What every start needs from the database: reachable, migrated, seeded when empty.
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '../../lib/generated/prisma/client'
import { refreshGeneratedSessions, seed } from '../../prisma/seed'
import { applyMigrations } from '../db/migrate'

/** Redacts the password of a database URL for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname || 'socket'}:${parsed.port || 5432}/${parsed.pathname.slice(1)}`
  } catch {
    return 'the configured database'
  }
}

export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num')
    if (Number(rows[0]?.server_version_num) < 150000) {
      throw new Error(
        `PostgreSQL ${rows[0]?.server_version_num} is too old: the portal needs PostgreSQL 15 or later.`,
      )
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      `Cannot use the database at ${describeUrl(url)} (${reason}). Check DATABASE_URL, or unset it to use the embedded database.`,
    )
  } finally {
    await client.end().catch(() => {})
  }
}

export async function prepareDatabase(url: string, log: (line: string) => void): Promise<void> {
  await checkReachable(url)
  const report = await applyMigrations({ url, migrationsDir: 'prisma/migrations' })
  for (const warning of report.warnings) log(`Warning: ${warning}`)
  if (report.applied.length > 0)
    log(`Applied ${report.applied.length} migration(s): ${report.applied.join(', ')}.`)
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) })
  try {
    if ((await db.programme.count()) === 0) {
      const { created } = await seed(db)
      log(`Empty database seeded from the 2010-2011 brochure (${created.length} steps).`)
    } else {
      const recomputed = await refreshGeneratedSessions(db)
      if (recomputed.length > 0)
        log(`Dates of the generated session(s) ${recomputed.join(', ')} recomputed (weekdays kept).`)
    }
  } finally {
    await db.$disconnect()
  }
}
