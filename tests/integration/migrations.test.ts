import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { applyMigrations, readMigrations } from '@/scripts/db/migrate'
import { diffMigrationsAgainstSchema } from '@/scripts/prisma/wasm-engine.mjs'
import { adminUrl, createDatabase, dropDatabase, uniqueDatabaseName } from '../support/test-database'

const MIGRATIONS = 'prisma/migrations'
const created: string[] = []

async function emptyDatabase(): Promise<string> {
  const name = uniqueDatabaseName('portal_migrations')
  created.push(name)
  return createDatabase(name)
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

afterAll(async () => {
  for (const name of created) await dropDatabase(name)
})

describe('migrations', () => {
  it('build the whole schema on an empty database and record themselves as Prisma does', async () => {
    const url = await emptyDatabase()
    const report = await applyMigrations({ url, migrationsDir: MIGRATIONS })
    expect(report.applied).toEqual(readMigrations(MIGRATIONS).map((migration) => migration.name))
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        'Programme',
        'AcademicSession',
        'Ue',
        'SessionUe',
        'Centre',
        '_prisma_migrations',
      ]),
    )
    const rows = await query<{
      migration_name: string
      checksum: string
      applied_steps_count: number
      finished_at: Date | null
    }>(
      url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    )
    expect(rows).toEqual(
      readMigrations(MIGRATIONS).map((migration) => ({
        migration_name: migration.name,
        checksum: migration.checksum,
        applied_steps_count: 1,
        finished_at: expect.any(Date),
      })),
    )
  })

  it('apply once when two instances start at the same time', async () => {
    const url = await emptyDatabase()
    const reports = await Promise.all([
      applyMigrations({ url, migrationsDir: MIGRATIONS }),
      applyMigrations({ url, migrationsDir: MIGRATIONS }),
    ])
    const count = readMigrations(MIGRATIONS).length
    expect(reports.map((report) => report.applied.length).sort()).toEqual([0, count])
    const [{ total }] = (await query<{ total: string }>(
      url,
      'SELECT count(*) AS total FROM "_prisma_migrations"',
    )) as [{ total: string }]
    expect(Number(total)).toBe(count)
  })

  it('leave the database as it was when one of them fails halfway', async () => {
    const url = await emptyDatabase()
    const directory = mkdtempSync(path.join(tmpdir(), 'migrations-'))
    mkdirSync(path.join(directory, '001_good'))
    writeFileSync(
      path.join(directory, '001_good', 'migration.sql'),
      'CREATE TABLE "Good" (id int PRIMARY KEY);',
    )
    mkdirSync(path.join(directory, '002_broken'))
    writeFileSync(
      path.join(directory, '002_broken', 'migration.sql'),
      'CREATE TABLE "HalfDone" (id int PRIMARY KEY);\nINSERT INTO "Good" VALUES (1);\nTHIS IS NOT SQL;',
    )
    await expect(applyMigrations({ url, migrationsDir: directory })).rejects.toThrow(
      /002_broken failed and was rolled back/,
    )
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    )
    expect(tables.map((row) => row.table_name)).toEqual(['Good', '_prisma_migrations'])
    expect(await query(url, 'SELECT * FROM "Good"')).toEqual([])
    expect(
      (await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"')).map(
        (row) => row.migration_name,
      ),
    ).toEqual(['001_good'])
  })

  it('are reported up to date by `prisma migrate status` once applied', async () => {
    const url = await emptyDatabase()
    await applyMigrations({ url, migrationsDir: MIGRATIONS })
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/prisma/run.ts', 'migrate', 'status'],
      {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
      },
    )
    expect(output).toContain('Database schema is up to date!')
  })

  it('agree with prisma/schema.prisma (no drift)', async () => {
    const sql = await diffMigrationsAgainstSchema({
      url: adminUrl(),
      migrationsDir: MIGRATIONS,
      schemaPath: 'prisma/schema.prisma',
    })
    // When this fails, run `npm run db:migration -- <name>` and commit the migration it writes.
    expect(sql).toBe('')
  })

  it('detect drift when the schema changes without a migration', async () => {
    const schemaPath = path.join(mkdtempSync(path.join(tmpdir(), 'schema-')), 'schema.prisma')
    const { readFileSync } = await import('node:fs')
    writeFileSync(
      schemaPath,
      `${readFileSync('prisma/schema.prisma', 'utf8')}\nmodel DriftProbe {\n  id Int @id\n}\n`,
    )
    const sql = await diffMigrationsAgainstSchema({ url: adminUrl(), migrationsDir: MIGRATIONS, schemaPath })
    expect(sql).toContain('CREATE TABLE "DriftProbe"')
  })
})
