// Finding personal data left in the database, for the retention and erasure tests.
import { getDb } from '@/lib/server/db'

/**
 * Tables (and how many of their rows) whose text mentions one of `needles`, case-insensitively:
 * every column of every row, JSON answers and e-mail bodies included.
 */
export async function rowsMentioning(needles: string[]): Promise<string[]> {
  const db = getDb()
  const tables = await db.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`
  const found: string[] = []
  for (const { table_name: table } of tables) {
    for (const needle of needles) {
      const [row] = (await db.$queryRawUnsafe(
        `SELECT count(*)::int AS count FROM "${table}" t WHERE t::text ILIKE '%' || $1 || '%'`,
        needle,
      )) as [{ count: number }]
      if (row.count > 0) found.push(`${table}: ${row.count} row(s) with « ${needle} »`)
    }
  }
  return found
}

/** How many of these files, and how many of their bytes, are still stored. */
export async function storedFiles(fileIds: string[]): Promise<{ files: number; bytes: number }> {
  const [left] = await getDb().$queryRaw<[{ files: number; bytes: number }]>`
    SELECT count(*)::int AS files, coalesce(sum(octet_length(c.bytes)), 0)::int AS bytes
    FROM "StoredFile" f LEFT JOIN "StoredFileContent" c ON c."fileId" = f.id
    WHERE f.id = ANY(${fileIds}::uuid[])`
  return left
}
