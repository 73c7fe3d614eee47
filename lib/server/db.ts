import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { env, requireDatabaseUrl } from '@/lib/env'

export type Db = PrismaClient
/** A transaction client, or the client itself: data functions accept either. */
export type DbClient = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>

const globalForPrisma = globalThis as unknown as { portalPrisma?: PrismaClient }

function createClient(): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: requireDatabaseUrl(), max: env.NODE_ENV === 'test' ? 4 : 10 }),
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
