import type * as NextServer from 'next/server'
import { afterAll, inject, vi } from 'vitest'
import { createDatabase, dropDatabase, uniqueDatabaseName } from './test-database'

// Every integration test calls the real server actions and route handlers outside a Next.js server:
// the request (cookies, headers), the cache and redirect() are the stand-ins of ./next-request.
// A setup file's mocks apply to each test file's imports, static or dynamic.
vi.mock('next/headers', () => import('./next-request'))
vi.mock('next/cache', () => import('./next-request'))
vi.mock('next/navigation', () => import('./next-request'))
// `after()` needs a request scope: the stand-in queues the work, `runAfterResponse()` runs it.
vi.mock('next/server', async (original) => ({
  ...(await original<typeof NextServer>()),
  after: (await import('./next-request')).after,
}))

// Runs before each test file imports anything: the application's modules read DATABASE_URL once.
const database = uniqueDatabaseName('portal_test')
process.env.DATABASE_URL = await createDatabase(database, { template: inject('templateDatabase') })
// Business rules run against the test's own clock where they need one; logs stay quiet.
Object.assign(process.env, { NODE_ENV: 'test' })

afterAll(async () => {
  const { getDb } = await import('../../lib/server/db')
  await getDb().$disconnect()
  await dropDatabase(database)
})
