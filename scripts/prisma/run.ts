// `npm run prisma -- <command>`: the Prisma CLI, wired for machines that cannot download its
// native schema engine (the WebAssembly stand-in is used instead), and pointed at the embedded
// PostgreSQL when DATABASE_URL is unset.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { env } from '../../lib/env.ts'
import { resolveDatabase } from '../db/local-database.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
export const SCHEMA_ENGINE_SHIM = path.join(here, 'schema-engine.mjs')

const args = process.argv.slice(2)
const needsDatabase = ![
  'generate',
  'format',
  'validate',
  'version',
  '-v',
  '--version',
  '--help',
  'init',
].includes(args[0] ?? '--help')

const database = needsDatabase
  ? await resolveDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.EMBEDDED_DB_DIR,
      port: env.EMBEDDED_DB_PORT,
    })
  : undefined

const child = spawn(process.execPath, [path.resolve('node_modules/prisma/build/index.js'), ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: SCHEMA_ENGINE_SHIM,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
    ...(database ? { DATABASE_URL: database.url } : {}),
  },
})
child.on('exit', async (code) => {
  await database?.stop()
  process.exit(code ?? 1)
})
