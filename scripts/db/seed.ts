// `npm run db:seed`: seeds the database at DATABASE_URL (or the embedded one).
import { PrismaPg } from '@prisma/adapter-pg'
import { env } from '../../lib/env'
import { PrismaClient } from '../../lib/generated/prisma/client'
import { seed } from '../../prisma/seed'
import { resolveDatabase } from './local-database'
import { applyMigrations } from './migrate'

const database = await resolveDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.EMBEDDED_DB_DIR,
  port: env.EMBEDDED_DB_PORT,
})
try {
  await applyMigrations({ url: database.url, migrationsDir: 'prisma/migrations' })
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) })
  const report = await seed(db)
  await db.$disconnect()
  console.log(
    report.created.length > 0
      ? `Seeded: ${report.created.join('; ')}.`
      : 'Nothing to seed: everything is there.',
  )
} finally {
  await database.stop()
}
