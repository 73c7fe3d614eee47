// Applies the committed SQL migrations of prisma/migrations, without Prisma's native engine.
//
// Safe with several instances starting at once: a PostgreSQL advisory lock serialises them, and the
// later ones find nothing left to do. Each migration runs in its own transaction together with its
// row in `_prisma_migrations`, so an interrupted migration leaves the database as it was. The rows
// have the columns and checksums Prisma writes, so `npm run prisma -- migrate status` agrees.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

/** Arbitrary but fixed: every instance of the portal must use the same key. */
const MIGRATION_LOCK_KEY = 4_242_2010

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

export type MigrationFile = { name: string; sql: string; checksum: string }

export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) return []
  return readdirSync(migrationsDir)
    .filter((entry) => statSync(path.join(migrationsDir, entry)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

export type MigrationReport = { applied: string[]; alreadyApplied: number; warnings: string[] }

export class MigrationError extends Error {
  constructor(
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(
      `Migration ${migrationName} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`,
    )
  }
}

/** Applies every migration of `migrationsDir` not yet recorded in the database at `url`. */
export async function applyMigrations(options: {
  url: string
  migrationsDir: string
}): Promise<MigrationReport> {
  const migrations = readMigrations(options.migrationsDir)
  const client = new pg.Client({ connectionString: options.url })
  await client.connect()
  const report: MigrationReport = { applied: [], alreadyApplied: 0, warnings: [] }
  try {
    // Session-level lock: held across the per-migration transactions below.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    await client.query(CREATE_MIGRATIONS_TABLE)
    const { rows } = await client.query<{
      migration_name: string
      checksum: string
      finished_at: Date | null
    }>('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL')
    const failed = rows.filter((row) => row.finished_at === null)
    if (failed.length > 0) {
      throw new Error(
        `The database records failed migrations (${failed.map((row) => row.migration_name).join(', ')}). ` +
          'Inspect them, then run `npm run prisma -- migrate resolve`.',
      )
    }
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]))
    for (const name of applied.keys()) {
      if (!migrations.some((migration) => migration.name === name)) {
        report.warnings.push(`Migration ${name} is applied but missing from ${options.migrationsDir}.`)
      }
    }
    for (const migration of migrations) {
      const checksum = applied.get(migration.name)
      if (checksum !== undefined) {
        report.alreadyApplied += 1
        if (checksum !== migration.checksum) {
          report.warnings.push(`Migration ${migration.name} was edited after it was applied.`)
        }
        continue
      }
      const startedAt = new Date()
      try {
        await client.query('BEGIN')
        await client.query(migration.sql)
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        )
        await client.query('COMMIT')
        report.applied.push(migration.name)
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw new MigrationError(migration.name, error)
      }
    }
    return report
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {})
    await client.end()
  }
}
