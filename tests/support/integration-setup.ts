import { afterAll, inject } from 'vitest'
import { createDatabase, dropDatabase, uniqueDatabaseName } from './test-database'

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
