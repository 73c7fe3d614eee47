// Resolves the database the tooling works on: DATABASE_URL when set, otherwise a database on
// the embedded server (started here if needed).
import { ensureDatabase, startEmbeddedPostgres } from './embedded.ts'

export type LocalDatabase = { url: string; embedded: boolean; stop: () => Promise<void> }

export const DEFAULT_DATABASE_NAME = 'portal'

export async function resolveDatabase(options: {
  databaseUrl?: string
  dataDir: string
  port: number
  database?: string
  log?: (line: string) => void
}): Promise<LocalDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl, embedded: false, stop: async () => {} }
  const server = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    port: options.port,
    log: options.log,
  })
  const database = options.database ?? DEFAULT_DATABASE_NAME
  await ensureDatabase(server.adminUrl, database)
  return { url: server.urlFor(database), embedded: true, stop: server.stop }
}
