// `tsx scripts/serve.ts --port N [--hostname H]`: serves an existing production build (NEXT_DIST_DIR)
// with WEB_CONCURRENCY `next start` workers, as `npm start` does once its database and build are
// ready. The benchmarks and the end-to-end tests start servers with it.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { serveWorkers } from './lib/serve-workers'

const { values } = parseArgs({
  options: { port: { type: 'string' }, hostname: { type: 'string', default: '127.0.0.1' } },
})
const port = Number(values.port)
if (!Number.isInteger(port) || port <= 0) {
  console.error('Usage: tsx scripts/serve.ts --port N [--hostname H]')
  process.exit(2)
}
const workers = serveWorkers({
  nextBin: path.join(process.cwd(), 'node_modules/next/dist/bin/next'),
  port,
  hostname: values.hostname,
  count: Number(process.env.WEB_CONCURRENCY ?? 2),
  env: process.env,
  log: (line) => console.log(`[serve] ${line}`),
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void workers.stop())
void workers.done.then((code) => process.exit(code))
