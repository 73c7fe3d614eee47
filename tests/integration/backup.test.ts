import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { getDb } from '@/lib/server/db'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import { browser, expectRedirect } from '../support/next-request'
import { fillDraft, NOW, uploadPieces } from '../support/registration'
import { createDatabase, dropDatabase, uniqueDatabaseName, urlFor } from '../support/test-database'

// The README's backup procedure, run for real: `pg_dump -Fc` of a database holding dossiers and
// their pieces (whose bytes are in PostgreSQL), `pg_restore` into a new, empty database, and every
// dossier and piece found there, bytes compared by SHA-256.
//
// pg_dump refuses a server newer than itself. The embedded server is PostgreSQL 18; a machine with
// only an older pg_dump (Debian 12 ships 15) skips this test and says so. CI's second database run
// (.ci/run, Debian's PostgreSQL 15 through TEST_DATABASE_URL) runs it.

const registration = await import('@/app/(public)/inscription/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const db = getDb()

type PgTools = { pgDump: string; pgRestore: string; version: number }

function majorVersionOf(binary: string): number | null {
  try {
    const output = execFileSync(binary, ['--version'], { encoding: 'utf8' })
    const match = /\(PostgreSQL\) (\d+)/.exec(output)
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}

/** pg_dump and pg_restore of the newest PostgreSQL installed here (PATH and Debian's folders). */
function findPgTools(): PgTools | null {
  const folders = [
    ...(process.env.PATH ?? '').split(path.delimiter),
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').map((version) => `/usr/lib/postgresql/${version}/bin`)
      : []),
    '/usr/local/pgsql/bin',
  ]
  let best: PgTools | null = null
  for (const folder of new Set(folders.filter(Boolean))) {
    const pgDump = path.join(folder, 'pg_dump')
    const pgRestore = path.join(folder, 'pg_restore')
    if (!existsSync(pgDump) || !existsSync(pgRestore)) continue
    const version = majorVersionOf(pgDump)
    if (version !== null && (!best || version > best.version)) best = { pgDump, pgRestore, version }
  }
  return best
}

const [{ server_version_num: serverVersionNumber }] = await db.$queryRaw<
  [{ server_version_num: string }]
>`SELECT current_setting('server_version_num') AS server_version_num`
const serverVersion = Math.floor(Number(serverVersionNumber) / 10000)
const tools = findPgTools()
const usable = tools !== null && tools.version >= serverVersion
const skipReason = usable
  ? ''
  : ` — SKIPPED: the server is PostgreSQL ${serverVersion} and ${
      tools ? `the newest pg_dump here is ${tools.version} (${tools.pgDump})` : 'no pg_dump is installed here'
    }; pg_dump must be at least the server's major version. Run with TEST_DATABASE_URL on a PostgreSQL ≤ ${tools?.version ?? '?'} server (see .ci/run).`
if (!usable) console.warn(`backup.test.ts${skipReason}`)

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await seed(db, { now: NOW })
  browser.reset()
})

afterAll(() => {
  vi.useRealTimers()
})

/** Every dossier with its pieces and the SHA-256 of each piece's bytes, as stored in `client`'s database. */
async function dossiersWithPieces(client: pg.Client) {
  const { rows } = await client.query<{
    reference: string
    birthName: string
    pieceTypeCode: string
    status: string
    sha256: string
    bytes: Buffer
  }>(`
    SELECT d.reference, d."birthName", p."pieceTypeCode", p.status::text AS status, f.sha256, c.bytes
    FROM "Dossier" d
    JOIN "Piece" p ON p."dossierId" = d.id
    JOIN "StoredFile" f ON f.id = p."fileId"
    JOIN "StoredFileContent" c ON c."fileId" = f.id
    ORDER BY d.reference, p."pieceTypeCode", p.id`)
  return rows.map(({ bytes, ...row }) => ({
    ...row,
    // Computed from the bytes themselves, not read from the sha256 column.
    bytesSha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
  }))
}

async function tableCounts(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )
  const counts: Record<string, number> = {}
  for (const { table_name: table } of rows) {
    const result = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${table}"`)
    counts[table] = result.rows[0]!.count
  }
  return counts
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return client
}

describe('backup and restore (README « Sauvegardes »)', () => {
  it.skipIf(!usable)(
    `restores every dossier and piece, byte for byte, from a pg_dump -Fc into a fresh database${skipReason}`,
    async () => {
      // Dossiers made by applicants (real uploads: PDFs, PNGs, a JPEG) and straight in the database.
      await fillDraft(registration)
      await uploadPieces(uploadRoute)
      await expectRedirect(() => registration.submitRegistrationAction({ consent: true, certify: true }))
      for (let index = 0; index < 3; index += 1) await createDossier({ birthName: `Sauvegarde${index}` })

      const source = await connect(process.env.DATABASE_URL!)
      const expected = await dossiersWithPieces(source)
      const expectedCounts = await tableCounts(source)
      await source.end()
      expect(new Set(expected.map((piece) => piece.reference)).size).toBe(4)
      expect(expected).toHaveLength(8 * 4)
      expect(expected.every((piece) => piece.bytesSha256 === piece.sha256)).toBe(true)

      const folder = mkdtempSync(path.join(tmpdir(), 'portal-backup-'))
      const dumpFile = path.join(folder, 'portal.dump')
      const restored = uniqueDatabaseName('portal_restored')
      try {
        execFileSync(tools!.pgDump, ['-Fc', '--file', dumpFile, '--dbname', process.env.DATABASE_URL!], {
          stdio: 'pipe',
        })
        expect(statSync(dumpFile).size).toBeGreaterThan(0)
        await createDatabase(restored)
        execFileSync(
          tools!.pgRestore,
          ['--no-owner', '--exit-on-error', '--dbname', urlFor(restored), dumpFile],
          { stdio: 'pipe' },
        )

        const target = await connect(urlFor(restored))
        try {
          expect(await dossiersWithPieces(target)).toEqual(expected)
          expect(await tableCounts(target)).toEqual(expectedCounts)
          // The migrations' history came along: the restored database is at the same version.
          const { rows } = await target.query<{ count: number }>(
            `SELECT count(*)::int AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
          )
          expect(rows[0]!.count).toBe(
            readdirSync('prisma/migrations').filter((name) => /^\d/.test(name)).length,
          )
        } finally {
          await target.end()
        }
      } finally {
        await dropDatabase(restored)
        rmSync(folder, { recursive: true, force: true })
      }
    },
  )
})
