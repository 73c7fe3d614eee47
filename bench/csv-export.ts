// CSV export of 100,000 dossiers (issue 6, item 4): the file staff download from the list
// (« Exporter en CSV (Excel) », GET /admin/dossiers/export.csv), through `next start` with a
// signed-in staff session, on databases of 1,000 and 100,000 generated dossiers (shared with the
// dossier-list benchmark). The client reads the response as it streams and keeps only counts, so
// the figures are the server's: time to the first byte and to the last, and the peak resident
// memory of the server's process tree (sampled every 100 ms) during the export. A streamed export
// needs the same memory whatever the number of rows; one built in memory grows with the file.
import { disconnectAppClients, dossierDatabase, staffCookie, appClient } from './lib/dossier-databases'
import { log, median, ms, startPortal, type Portal } from './lib/harness'
import type { Benchmark } from './lib/report'

const SIZES = [1_000, 100_000] as const
const RUNS = 3
/**
 * Old-space limit of the server in the last run. Without a limit V8 grows the heap rather than
 * collect often, so the peak RSS says little about what the export holds; under this cap, the
 * export completing (with its peak RSS) shows that what it holds is bounded.
 */
const CAPPED_HEAP_MIB = 128

type Download = { firstByteMs: number; totalMs: number; bytes: number; lines: number }

/** Downloads the export, counting bytes and lines without keeping them. */
async function download(portal: Portal, cookie: string, query = ''): Promise<Download> {
  const started = performance.now()
  const response = await fetch(`${portal.url}/admin/dossiers/export.csv${query}`, {
    headers: { cookie },
    redirect: 'manual',
  })
  if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/csv'))
    throw new Error(`The export answered ${response.status} ${response.headers.get('content-type')}`)
  const firstByteMs = performance.now() - started
  let bytes = 0
  let lines = 0
  let first: Uint8Array | null = null
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    first ??= chunk
    bytes += chunk.byteLength
    for (let index = 0; index < chunk.byteLength; index += 1) if (chunk[index] === 10) lines += 1
  }
  // The byte order mark Excel needs (EF BB BF) opens the file.
  if (!first || first[0] !== 0xef || first[1] !== 0xbb || first[2] !== 0xbf)
    throw new Error('The export does not start with a UTF-8 byte order mark')
  return { firstByteMs, totalMs: performance.now() - started, bytes, lines }
}

type SizeResult = {
  size: number
  idleRssMiB: number
  peakRssMiB: number
  downloads: Download[]
}

async function measure(size: number, env: Record<string, string> = {}): Promise<SizeResult> {
  const url = await dossierDatabase(size)
  const cookie = await staffCookie(appClient(url), url)
  const portal = await startPortal({ databaseUrl: url, env })
  try {
    // Loads the route's code and opens the pool's connections: an export that matches nothing.
    await download(portal, cookie, '?q=zzzzzz')
    await download(portal, cookie, '?q=zzzzzz')
    portal.resetPeak()
    const idleRssMiB = portal.peakRssMiB()
    const downloads: Download[] = []
    for (let run = 0; run < RUNS; run += 1) {
      const result = await download(portal, cookie)
      // The header line, then one line per dossier.
      if (result.lines !== size + 1) throw new Error(`Expected ${size + 1} lines, got ${result.lines}`)
      downloads.push(result)
    }
    const peakRssMiB = portal.peakRssMiB()
    log(
      `${size.toLocaleString('en')} dossiers: ${ms(median(downloads.map((d) => d.totalMs)))}, ` +
        `RSS ${idleRssMiB} MiB idle, ${peakRssMiB} MiB at most`,
    )
    return { size, idleRssMiB, peakRssMiB, downloads }
  } finally {
    await portal.stop()
  }
}

export const benchmark: Benchmark = {
  id: 'csv-export',
  title: 'CSV export of 100,000 dossiers',
  run: async () => {
    try {
      const results: SizeResult[] = []
      for (const size of SIZES) results.push(await measure(size))
      const small = results[0]!
      const big = results.at(-1)!
      // Uncapped, V8 lets the heap grow before collecting the garbage each batch leaves; capped,
      // the export either stays within bounds or the server dies of it (the budget is not met).
      let capped: SizeResult | null = null
      let cappedFailure = ''
      try {
        capped = await measure(SIZES.at(-1)!, { NODE_OPTIONS: `--max-old-space-size=${CAPPED_HEAP_MIB}` })
      } catch (error) {
        cappedFailure = error instanceof Error ? error.message : String(error)
        log(`capped export failed: ${cappedFailure}`)
      }
      const cappedTotal = capped ? median(capped.downloads.map((d) => d.totalMs)) : 0
      const total = median(big.downloads.map((d) => d.totalMs))
      const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`
      const growth = big.peakRssMiB - small.peakRssMiB
      const fileMiB = big.downloads[0]!.bytes / 2 ** 20
      const rows = results.map((result) => {
        const totals = result.downloads.map((d) => d.totalMs)
        const seconds = median(totals) / 1000
        return (
          `| ${result.size.toLocaleString('en')} | ${mib(result.downloads[0]!.bytes)} | ` +
          `${ms(median(result.downloads.map((d) => d.firstByteMs)))} | ${ms(median(totals))} ` +
          `(${ms(Math.min(...totals))}–${ms(Math.max(...totals))}) | ` +
          `${Math.round(result.size / seconds).toLocaleString('en')} | ${result.idleRssMiB} MiB | ` +
          `${result.peakRssMiB} MiB |`
        )
      })
      const markdown = [
        `GET /admin/dossiers/export.csv (every dossier of the open session, newest first) with a ` +
          `signed-in staff session, on \`next start\`; ${RUNS} downloads per size, median (min–max). ` +
          'Memory: resident set of the server\u2019s process tree, just before the downloads (after ' +
          'one empty export) and at its peak during them.',
        '',
        '| Dossiers | File | First byte | Whole file | Rows per second | Server RSS before | Server RSS peak |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
        `From ${small.size.toLocaleString('en')} to ${big.size.toLocaleString('en')} dossiers the file grows ` +
          `${(big.downloads[0]!.bytes / small.downloads[0]!.bytes).toFixed(0)}× and the server\u2019s peak ` +
          `memory by ${growth} MiB (the file is ${fileMiB.toFixed(1)} MiB): the rows are streamed, ` +
          'read 1,000 at a time by keyset and written as the client takes them. ' +
          (capped
            ? 'That growth is garbage V8 has not collected yet, not rows held: with the server\u2019s old ' +
              `space capped at ${CAPPED_HEAP_MIB} MiB (\`--max-old-space-size\`), the same ` +
              `${big.size.toLocaleString('en')} rows export whole in ${ms(cappedTotal)} with a peak of ` +
              `${capped.peakRssMiB} MiB (${capped.idleRssMiB} MiB before).`
            : `With the server\u2019s old space capped at ${CAPPED_HEAP_MIB} MiB the export failed: ${cappedFailure}`),
      ].join('\n')
      return {
        markdown,
        budgets: [
          {
            name: `CSV export of ${big.size.toLocaleString('en')} dossiers`,
            target: '≤ 5 s',
            measured: ms(total),
            met: total <= 5000,
          },
          {
            name: `Server memory, export of ${big.size.toLocaleString('en')} dossiers`,
            target: `flat (streamed): completes with the heap capped at ${CAPPED_HEAP_MIB} MiB`,
            measured: capped
              ? `completes in ${ms(cappedTotal)}, peak RSS ${capped.peakRssMiB} MiB ` +
                `(uncapped: ${big.peakRssMiB} MiB, ${small.peakRssMiB} MiB for ${small.size.toLocaleString('en')})`
              : `failed (${cappedFailure.slice(0, 80)})`,
            met: capped !== null,
          },
        ],
      }
    } finally {
      await disconnectAppClients()
    }
  },
}
