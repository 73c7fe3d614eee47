// `npm run bench` runs every benchmark, one after the other (they would disturb each other's
// timings otherwise), and writes each one's figures into BENCHMARKS.md as soon as it finishes.
// `npm run bench -- submission pdf` runs only those. See bench/lib/report.ts for the file's
// layout and bench/lib/harness.ts for the database and server every benchmark gets.
import { log, stopBenchServer } from './lib/harness'
import { writeSection, type Benchmark } from './lib/report'

/** In the order of the issue, which is the order of BENCHMARKS.md. */
const BENCHMARKS: Record<string, () => Promise<{ benchmark: Benchmark }>> = {
  'programme-page': () => import('./programme-page'),
  submission: () => import('./submission'),
  'dossier-list': () => import('./dossier-list'),
  'csv-export': () => import('./csv-export'),
  pdf: () => import('./pdf'),
  lighthouse: () => import('./lighthouse'),
  'query-plan-cache': () => import('./query-plan-cache'),
}
const ORDER = Object.keys(BENCHMARKS)

const requested = process.argv.slice(2).filter((argument) => !argument.startsWith('-'))
const unknown = requested.filter((id) => !BENCHMARKS[id])
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${ORDER.join(', ')}.`)
  process.exit(2)
}

let failed = false
try {
  for (const id of requested.length > 0 ? requested : ORDER) {
    const { benchmark } = await BENCHMARKS[id]!()
    log(`── ${benchmark.title}`)
    try {
      const result = await benchmark.run()
      writeSection(benchmark, result, ORDER)
      for (const budget of result.budgets)
        log(
          `${budget.met ? 'met    ' : 'NOT MET'} ${budget.name}: ${budget.measured} (budget ${budget.target})`,
        )
    } catch (error) {
      failed = true
      console.error(`[bench] ${id} failed:`, error)
    }
  }
} finally {
  await stopBenchServer()
}
log(failed ? 'Some benchmarks failed (see above).' : 'BENCHMARKS.md updated.')
process.exit(failed ? 1 : 0)
