// Issue 6, item 1: throughput of the programme page (`/`) under `next start` on the real seeded
// database, against two floors measured in the same run on the same machine:
//   (a) a file of the same bytes in `public/`, served by the same `next start` (Next's own floor
//       for one request: routing, proxy.ts, headers, sending bytes), and
//   (b) the same bytes from a minimal node:http server in its own process (the machine's floor).
// autocannon, 10 connections, the three targets interleaved over several rounds (the machine is
// shared and has 2 cores: one for autocannon, one for the server), medians kept.
// It also counts the database transactions committed while the page is hammered, against the
// same count while the public file is (the background cache-tag poll, lib/cache/shared-tags.mjs):
// the difference is what the page's requests cost the database, and must be nothing.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import {
  ensureBuild,
  freePort,
  freshDatabase,
  log,
  median,
  ms,
  ratio,
  ROOT,
  sleep,
  startPortal,
  type Portal,
} from './lib/harness'
import type { Benchmark } from './lib/report'

const DATABASE = 'bench_programme_page'
const CONNECTIONS = 10
const ROUNDS = 3
const SECONDS = 8
const WARMUP_SECONDS = 3
/** Served by `next start` from the project's public folder; git-ignored, removed after the run. */
const FLOOR_FILE = 'bench-floor.html'
/** Floor (a) must beat the page by no more than this (issue 6: ≥ 0.45× of a bare public file). */
const BUDGET_RATIO = 0.45

type Load = { requestsPerSecond: number; p99: number; requests: number; errors: number; non2xx: number }

async function load(url: string, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds })
  const requests = result.requests.total ?? result.requests.average * result.duration
  return {
    requestsPerSecond: requests / result.duration,
    p99: result.latency.p99,
    requests,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}

/** The machine's floor: `bytes` from node:http, in a process of its own, as `text/html`. */
async function startStaticServer(file: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const source = `
    const body = require('node:fs').readFileSync(process.env.FILE)
    require('node:http').createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length })
      response.end(body)
    }).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'))`
  const child = spawn(process.execPath, ['-e', source], {
    env: { ...process.env, FILE: file, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await once(child.stdout!, 'data')
  return { url: `http://127.0.0.1:${port}/`, child }
}

/** Transactions committed in `database` so far (flushed statistics, PostgreSQL ≥ 15). */
async function committed(client: pg.Client, database: string): Promise<number> {
  // Backends flush their statistics when idle, at most once a second: wait for them.
  await sleep(1500)
  await client.query('SELECT pg_stat_clear_snapshot()')
  const { rows } = await client.query<{ xact_commit: string }>(
    'SELECT xact_commit FROM pg_stat_database WHERE datname = $1',
    [database],
  )
  return Number(rows[0]?.xact_commit ?? 0)
}

export const benchmark: Benchmark = {
  id: 'programme-page',
  title: 'Programme page throughput',
  run: async () => {
    const databaseUrl = await freshDatabase(DATABASE)
    const publicDir = path.join(ROOT, 'public')
    const floorPath = path.join(publicDir, FLOOR_FILE)
    // next start lists public files when it starts: the file must exist by then (its bytes are
    // the page's, written once the page has been fetched). The build's fingerprint hashes public/,
    // so the build is checked before the file exists.
    ensureBuild(databaseUrl)
    mkdirSync(publicDir, { recursive: true })
    writeFileSync(floorPath, '')
    let portal: Portal | null = null
    let staticServer: ChildProcess | null = null
    const stats = new pg.Client({ connectionString: databaseUrl })
    try {
      portal = await startPortal({ databaseUrl, skipBuild: true })
      const page = await fetch(`${portal.url}/`)
      const html = Buffer.from(await page.arrayBuffer())
      const cache = page.headers.get('x-nextjs-cache') ?? '(none)'
      writeFileSync(floorPath, html)
      const floorBytes = (await (await fetch(`${portal.url}/${FLOOR_FILE}`)).arrayBuffer()).byteLength
      if (floorBytes !== html.length)
        throw new Error(`public/${FLOOR_FILE} served ${floorBytes} bytes, the page ${html.length}`)
      const machineFloor = await startStaticServer(floorPath)
      staticServer = machineFloor.child

      const targets = {
        page: `${portal.url}/`,
        nextFloor: `${portal.url}/${FLOOR_FILE}`,
        nodeFloor: machineFloor.url,
      } as const
      type Target = keyof typeof targets
      const runs: Record<Target, Load[]> = { page: [], nextFloor: [], nodeFloor: [] }
      const transactions: Record<'page' | 'nextFloor', number[]> = { page: [], nextFloor: [] }
      await stats.connect()

      for (const url of Object.values(targets)) await load(url, WARMUP_SECONDS)
      for (let round = 1; round <= ROUNDS; round += 1) {
        // Alternate the order so that no target always runs first after a pause.
        const order: Target[] =
          round % 2 === 1 ? ['page', 'nextFloor', 'nodeFloor'] : ['nodeFloor', 'nextFloor', 'page']
        for (const target of order) {
          const before = target === 'nodeFloor' ? 0 : await committed(stats, DATABASE)
          const result = await load(targets[target], SECONDS)
          runs[target].push(result)
          if (target !== 'nodeFloor') {
            // Our own statistics query commits one transaction too.
            transactions[target].push((await committed(stats, DATABASE)) - before - 1)
          }
          log(
            `round ${round} ${target}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99} ms` +
              (result.errors + result.non2xx ? `, ${result.errors} errors, ${result.non2xx} non-2xx` : ''),
          )
        }
      }

      const summary = (target: Target) => ({
        requestsPerSecond: median(runs[target].map((run) => run.requestsPerSecond)),
        p99: median(runs[target].map((run) => run.p99)),
        requests: runs[target].reduce((sum, run) => sum + run.requests, 0),
        failures: runs[target].reduce((sum, run) => sum + run.errors + run.non2xx, 0),
      })
      const pageResult = summary('page')
      const nextFloor = summary('nextFloor')
      const nodeFloor = summary('nodeFloor')
      const toNext = pageResult.requestsPerSecond / nextFloor.requestsPerSecond
      const toNode = pageResult.requestsPerSecond / nodeFloor.requestsPerSecond
      const perRound = runs.page.map(
        (run, index) => run.requestsPerSecond / runs.nextFloor[index]!.requestsPerSecond,
      )
      const pageTransactions = transactions.page.reduce((a, b) => a + b, 0)
      const floorTransactions = transactions.nextFloor.reduce((a, b) => a + b, 0)
      const extraPerRequest = Math.max(0, pageTransactions - floorTransactions) / pageResult.requests

      const row = (name: string, result: ReturnType<typeof summary>, ratios: string) =>
        `| ${name} | ${Math.round(result.requestsPerSecond)} | ${ms(result.p99)} | ${ratios} | ${result.failures} |`
      const markdown = [
        `\`GET /\` (${(html.length / 1024).toFixed(1)} KiB of HTML, \`x-nextjs-cache: ${cache}\`), autocannon ` +
          `${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s per target after a ` +
          `${WARMUP_SECONDS} s warm-up each; medians of the rounds. No compression (autocannon sends no ` +
          '`Accept-Encoding`).',
        '',
        '| Target | req/s | p99 latency | ratio of the page to it | errors + non-2xx |',
        '| --- | ---: | ---: | ---: | ---: |',
        row('Programme page `/` (`next start`, seeded database)', pageResult, '—'),
        row(`(a) \`public/${FLOOR_FILE}\`, same bytes, same \`next start\``, nextFloor, ratio(toNext)),
        row('(b) same bytes, minimal `node:http` server', nodeFloor, ratio(toNode)),
        '',
        `Ratio to (a) per round: ${perRound.map(ratio).join(', ')}.`,
        '',
        `Database: ${pageTransactions} transactions committed during the ${pageResult.requests} page requests, ` +
          `${floorTransactions} during the ${nextFloor.requests} requests for the public file (the background ` +
          `cache-tag poll, every 2 s): ${extraPerRequest.toFixed(4)} transactions per page request ` +
          `(pg_stat_database.xact_commit of the bench database).`,
      ].join('\n')

      return {
        markdown,
        budgets: [
          {
            name: 'Programme page req/s, ratio to a public file of the same size on the same `next start`',
            target: `≥ ${ratio(BUDGET_RATIO)}`,
            measured: `${ratio(toNext)} (${ratio(toNode)} of node:http; p99 ${ms(pageResult.p99)})`,
            met: toNext >= BUDGET_RATIO,
          },
          {
            name: 'Database transactions per programme page request',
            target: '0 (the database is never on this path)',
            measured: extraPerRequest.toFixed(4),
            // Below one per thousand requests is the poll's jitter, not the page.
            met: extraPerRequest < 0.001,
          },
        ],
      }
    } finally {
      staticServer?.kill()
      await stats.end().catch(() => {})
      await portal?.stop()
      rmSync(floorPath, { force: true })
    }
  },
}
