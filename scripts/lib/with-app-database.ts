// For commands that use the application's own modules (lib/server): resolves the database first
// (DATABASE_URL, or the embedded server) and exposes it as DATABASE_URL before those modules load,
// since lib/env.ts reads the environment once.
import { resolveDatabase } from '../db/local-database'

export async function withAppDatabase<T>(run: () => Promise<T>): Promise<T> {
  const database = await resolveDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.EMBEDDED_DB_DIR || '.data/postgres',
    port: Number(process.env.EMBEDDED_DB_PORT || 54320),
  })
  process.env.DATABASE_URL = database.url
  try {
    return await run()
  } finally {
    const { getDb } = await import('../../lib/server/db')
    await getDb().$disconnect()
    await database.stop()
  }
}
