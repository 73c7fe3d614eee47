// `tsx scripts/test/with-test-database.ts <command…>`: runs a test command with a PostgreSQL server
// it may create and drop databases on. TEST_DATABASE_URL names one (it must be local: tests drop
// databases); otherwise an embedded server with its own files (.data/postgres-test) is started.
import { spawn } from 'node:child_process'
import { startEmbeddedPostgres } from '../db/embedded'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1', ''])

async function testServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const given = process.env.TEST_DATABASE_URL
  if (given) {
    const host = new URL(given).hostname
    if (!LOCAL_HOSTS.has(host) && process.env.ALLOW_REMOTE_TEST_DATABASE !== '1') {
      throw new Error(
        `TEST_DATABASE_URL points at ${host}: tests create and drop databases, so only a local server is accepted.`,
      )
    }
    return { adminUrl: given, stop: async () => {} }
  }
  const server = await startEmbeddedPostgres({
    dataDir: process.env.TEST_EMBEDDED_DB_DIR ?? '.data/postgres-test',
    port: Number(process.env.TEST_EMBEDDED_DB_PORT ?? 54321),
  })
  return { adminUrl: server.adminUrl, stop: server.stop }
}

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('Usage: tsx scripts/test/with-test-database.ts <command> [args…]')
  process.exit(2)
}
const server = await testServer().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
const child = spawn(command, args, {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, PORTAL_TEST_ADMIN_URL: server.adminUrl },
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', async (code) => {
  await server.stop()
  process.exit(code ?? 1)
})
