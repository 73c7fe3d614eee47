// Serves the production build with one `next start` worker per core (node:cluster), for
// `npm start` and the end-to-end server. Workers share the listening socket through the primary
// (round-robin on Linux), so the portal uses every core of its machine as several machines behind
// a load balancer would: nothing that matters lives in one worker's memory (sessions, drafts, rate
// limits, files and the outbox are in PostgreSQL; page caches are invalidated through `CacheTag`).
import cluster, { type Worker } from 'node:cluster'
import os from 'node:os'

/** A dying worker is replaced; one that dies this soon after starting is failing, not crashing. */
const MIN_UPTIME_MS = 5_000
/** Replacements allowed in a row for workers that die before MIN_UPTIME_MS, before giving up. */
const MAX_QUICK_DEATHS = 5

/** Logged once every worker of a group listens (benchmarks and tests wait for it). */
export const ALL_LISTENING = 'All workers listening'

export type WorkerGroup = {
  /** SIGTERM to every worker: each stops accepting, finishes its requests in flight, exits. */
  stop: () => Promise<void>
  /** Resolves with an exit code when the group has stopped for good (after stop, or failing). */
  done: Promise<number>
}

/** WEB_CONCURRENCY when set (1 is allowed), otherwise one worker per available core. */
export function workerCount(configured: number | undefined): number {
  return configured ?? os.availableParallelism()
}

/**
 * Forks `count` workers running `next start` on `port`. Call it from the primary process only.
 * Several groups (several ports) may run from one primary: each fork re-applies its own settings.
 */
export function serveWorkers(options: {
  nextBin: string
  port: number
  hostname?: string
  count: number
  env: NodeJS.ProcessEnv
  log: (line: string) => void
}): WorkerGroup {
  const args = ['start', '--port', String(options.port)]
  if (options.hostname) args.push('--hostname', options.hostname)
  const workers = new Set<Worker>()
  let stopping = false
  let quickDeaths = 0
  let listening = 0
  let resolveDone: (code: number) => void = () => {}
  const done = new Promise<number>((resolve) => (resolveDone = resolve))

  const fork = () => {
    // execArgv: [] — the primary runs under tsx; Next's own bin is plain JavaScript.
    cluster.setupPrimary({ exec: options.nextBin, args, execArgv: [], silent: false })
    const worker = cluster.fork(options.env)
    const startedAt = Date.now()
    workers.add(worker)
    worker.once('listening', () => {
      if (++listening === options.count) options.log(`${ALL_LISTENING} on port ${options.port}.`)
    })
    worker.on('exit', (code, signal) => {
      workers.delete(worker)
      if (stopping) {
        if (workers.size === 0) resolveDone(0)
        return
      }
      quickDeaths = Date.now() - startedAt < MIN_UPTIME_MS ? quickDeaths + 1 : 0
      if (quickDeaths > MAX_QUICK_DEATHS) {
        options.log(`Workers on port ${options.port} keep dying at start-up: giving up.`)
        stopping = true
        for (const other of workers) other.process.kill('SIGTERM')
        if (workers.size === 0) resolveDone(1)
        return
      }
      options.log(
        `Worker ${worker.process.pid} on port ${options.port} exited (${signal ?? code}): starting another.`,
      )
      fork()
    })
  }
  for (let i = 0; i < options.count; i++) fork()
  options.log(`Serving on port ${options.port} with ${options.count} worker(s).`)

  return {
    done,
    stop: () => {
      if (!stopping) {
        stopping = true
        // Next's own handler: server.close() lets requests in flight finish, then the worker exits.
        for (const worker of workers) worker.process.kill('SIGTERM')
        if (workers.size === 0) resolveDone(0)
      }
      return done.then(() => undefined)
    },
  }
}
