import { defineConfig } from 'prisma/config'

// Prisma 7 does not read .env by itself.
try {
  process.loadEnvFile()
} catch {
  // No .env file: the environment is used as it is.
}

// `prisma generate` needs no database; the other commands get DATABASE_URL from
// scripts/prisma/run.ts (`npm run prisma -- …`), which starts the embedded server when it is unset.
const url = process.env.DATABASE_URL

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(url ? { datasource: { url, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } } : {}),
})
