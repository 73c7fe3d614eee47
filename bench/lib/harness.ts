// What every benchmark needs: a database server of its own, fresh seeded databases, the portal
// built once and started as `next start` as many times as needed, the peak memory of a process
// tree, and the statistics the report uses. Benchmarks never run in the test command (`npm test`):
// `npm run bench` (bench/run.ts) runs them and writes BENCHMARKS.md.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import net from 'node:net'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from '../../scripts/db/embedded'
import { buildIfStale } from '../../scripts/lib/build-fingerprint'
import { ALL_LISTENING } from '../../scripts/lib/serve-workers'
import { prepareDatabase } from '../../scripts/lib/database-setup'

export const ROOT = path.resolve(import.meta.dirname, '../..')
/** The benchmarks' own build, so that neither `npm start`'s nor the tests' is touched. */
export const BENCH_DIST_DIR = process.env.BENCH_DIST_DIR || '.next-bench'
const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')

export function log(line: string): void {
  console.log(`[bench] ${line}`)
}

// ---------------------------------------------------------------------------------------------
// Database

let server: EmbeddedServer | null = null

/**
 * The server the benchmarks use: BENCH_DATABASE_URL (an admin URL, e.g. …/postgres, of a server
 * the benchmarks may create databases on) or an embedded server of their own in
 * .data/postgres-bench (port BENCH_EMBEDDED_DB_PORT, 54330).
 */
export async function benchServer(): Promise<{ adminUrl: string; urlFor: (database: string) => string }> {
  if (process.env.BENCH_DATABASE_URL) {
    const adminUrl = process.env.BENCH_DATABASE_URL
    return {
      adminUrl,
      urlFor: (database) => {
        const url = new URL(adminUrl)
        url.pathname = `/${database}`
        return url.toString()
      },
    }
  }
  server ??= await startEmbeddedPostgres({
    dataDir: process.env.BENCH_EMBEDDED_DB_DIR ?? '.data/postgres-bench',
    port: Number(process.env.BENCH_EMBEDDED_DB_PORT ?? 54330),
  })
  return server
}

export async function stopBenchServer(): Promise<void> {
  await server?.stop()
  server = null
}

/**
 * A database named `name` (dropped first if it exists), migrated and seeded from the brochure,
 * with the current session's second semester kept open (as the end-to-end server does), so that
 * registrations can be submitted whatever today's date.
 */
export async function freshDatabase(name: string): Promise<string> {
  const { adminUrl, urlFor } = await benchServer()
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
  } finally {
    await admin.end()
  }
  const url = urlFor(name)
  await prepareDatabase(url, (line) => log(`${name}: ${line}`))
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`
      UPDATE "Semester" SET "registrationDeadline" = GREATEST("registrationDeadline", current_date + 30)
      WHERE number = 2 AND "sessionId" IN (SELECT id FROM "AcademicSession" WHERE "registrationOpen")`)
  } finally {
    await client.end()
  }
  return url
}

/** Whether database `name` exists on the bench server (to reuse an expensive generated one). */
export async function databaseExists(name: string): Promise<boolean> {
  const { adminUrl } = await benchServer()
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    return Boolean((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount)
  } finally {
    await admin.end()
  }
}

// ---------------------------------------------------------------------------------------------
// The portal

const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  AUTH_SECRET: 'benchmarks-only-secret-0123456789abcdef',
  NEXT_DIST_DIR: BENCH_DIST_DIR,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production' as const,
  // The virtual applicants each send an address of their own in X-Forwarded-For, as if one proxy
  // stood in front (bench/lib/applicant-client.ts): with no proxy trusted, all would be 127.0.0.1.
  TRUSTED_PROXIES: '1',
  ...extra,
})

/**
 * Builds the portal into .next-bench unless that build is current. The build prerenders the
 * programme page, so it reads a seeded database: `databaseUrl`.
 */
export function ensureBuild(databaseUrl: string): void {
  const built = buildIfStale({
    root: ROOT,
    distDir: BENCH_DIST_DIR,
    env: env({ DATABASE_URL: databaseUrl }),
    log,
  })
  if (built === 'failed') throw new Error('next build failed')
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export type Portal = {
  url: string
  /** `next start` workers serving it (the figures say how many). */
  workers: number
  process: ChildProcess
  /** Peak resident memory of the server's process tree since start (or the last reset), in MiB. */
  peakRssMiB: () => number
  resetPeak: () => void
  stop: () => Promise<void>
}

/** How many workers a benchmark's portal runs: BENCH_WORKERS, or one per core as `npm start` does. */
export function benchWorkers(): number {
  return Number(process.env.BENCH_WORKERS) || availableParallelism()
}

/** `next start` on the bench build and `databaseUrl`, ready to answer. */
export async function startPortal(options: {
  databaseUrl: string
  env?: Record<string, string>
  /** The caller ran ensureBuild already (e.g. before adding a file to public/, which it hashes). */
  skipBuild?: boolean
  /** `next start` workers; BENCH_WORKERS, or one per core. */
  workers?: number
}): Promise<Portal> {
  if (!options.skipBuild) ensureBuild(options.databaseUrl)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // Served as `npm start` serves: WEB_CONCURRENCY workers (one per core unless told otherwise).
  const workers = options.workers ?? benchWorkers()
  const child = spawn(
    process.execPath,
    [TSX_CLI, path.join(ROOT, 'scripts/serve.ts'), '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: env({
        DATABASE_URL: options.databaseUrl,
        PORT: String(port),
        PUBLIC_BASE_URL: url,
        WEB_CONCURRENCY: String(workers),
        ...options.env,
      }),
    },
  )
  // Measured from the moment every worker listens, not the first one.
  let allListening = false
  child.stdout?.on('data', (chunk: Buffer) => {
    if (chunk.toString('utf8').includes(ALL_LISTENING)) allListening = true
  })
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`)
    try {
      if (allListening && (await fetch(`${url}/`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('next start did not answer within 60 s')
    await sleep(200)
  }
  const sampler = memorySampler(child.pid!)
  return {
    url,
    workers,
    process: child,
    peakRssMiB: sampler.peak,
    resetPeak: sampler.reset,
    stop: async () => {
      sampler.stop()
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(5000)])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Memory

/** Resident memory of `pid` and all its descendants, in KiB (Linux /proc). */
export function treeRssKiB(pid: number): number {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8')
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1])
      const kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0)
      rss.set(Number(entry), kib)
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // the process ended while we read
    }
  }
  let total = 0
  const stack = [pid]
  while (stack.length > 0) {
    const current = stack.pop()!
    total += rss.get(current) ?? 0
    stack.push(...(children.get(current) ?? []))
  }
  return total
}

/** Samples a process tree's memory every 100 ms and keeps the peak. */
export function memorySampler(pid: number) {
  let peak = 0
  const sample = () => {
    peak = Math.max(peak, treeRssKiB(pid))
  }
  sample()
  const timer = setInterval(sample, 100)
  timer.unref()
  return {
    peak: () => (sample(), Math.round(peak / 1024)),
    reset: () => {
      peak = 0
      sample()
    },
    stop: () => clearInterval(timer),
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Nearest-rank percentile of `values` (need not be sorted). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export const median = (values: number[]) => percentile(values, 50)

/** Runs `fn` `runs` times (after `warmup` unmeasured runs), returns the durations in ms. */
/** Milliseconds `fn` takes. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup = 3): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await fn()
  const durations: number[] = []
  for (let index = 0; index < runs; index += 1) durations.push(await timed(fn))
  return durations
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`
export const ratio = (value: number) => `${value.toFixed(2)}×`
