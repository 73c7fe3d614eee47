import type { TestProject } from 'vitest/node'
import { applyMigrations } from '../../scripts/db/migrate'
import { createDatabase, dropDatabase, uniqueDatabaseName } from './test-database'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string
  }
}

/** Builds one migrated template database per run; test files clone it (fast, and isolated). */
export default async function setup(project: TestProject) {
  const template = uniqueDatabaseName('portal_test_template')
  const url = await createDatabase(template)
  await applyMigrations({ url, migrationsDir: 'prisma/migrations' })
  project.provide('templateDatabase', template)
  return async () => {
    await dropDatabase(template)
  }
}
