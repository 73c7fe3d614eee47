import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { env, requireDatabaseUrl } from '@/lib/env'
import { logEvent } from '@/lib/server/log'

export type Db = PrismaClient
/** A transaction client, or the client itself: data functions accept either. */
export type DbClient = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>

const globalForPrisma = globalThis as unknown as { portalPrisma?: PrismaClient }

function logConnectionError(error: Error & { code?: string }) {
  logEvent('warn', 'db.connection_error', { code: error.code, message: error.message.slice(0, 200) })
}

function createClient(): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(
      {
        connectionString: requireDatabaseUrl(),
        max: env.NODE_ENV === 'test' ? 8 : 10,
        // A server that accepts connections but does not answer (starting, overloaded, behind a
        // broken network) fails the request after 5 s instead of holding it forever: pg waits
        // without limit by default, and queries outside a transaction have no other timeout.
        connectionTimeoutMillis: 5_000,
        // Idle connections are closed after 10 s (pg's default, stated here because recovery relies
        // on it): one whose server went away without a word is dropped instead of handed out later.
        idleTimeoutMillis: 10_000,
      },
      // A connection that breaks (the server restarted, the network cut it) is dropped from the pool
      // by pg and reopened on demand; we only log it. Without a listener an idle connection's error
      // would crash the process; the adapter adds one, these make the failure visible.
      { onPoolError: logConnectionError, onConnectionError: logConnectionError },
    ),
  })
}

/**
 * The process-wide Prisma client, created on first use (so that importing this module never needs
 * a database) and kept across hot reloads in development.
 */
export function getDb(): PrismaClient {
  globalForPrisma.portalPrisma ??= createClient()
  return globalForPrisma.portalPrisma
}
