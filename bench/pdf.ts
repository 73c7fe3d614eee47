// Issue 6, item 5: the printable registration form as a PDF (lib/pdf/registration-form.tsx,
// @react-pdf/renderer), for a submitted dossier with its 8 pieces and a real JPEG identity photo
// (the form embeds it, with a QR code of the dossier's link).
//   1. The render alone (the form's data read once), in a worker process, ms per PDF.
//   2. Through `next start`: GET /dossier/formulaire.pdf with the applicant's cookie (token lookup,
//      the data's queries, the render, the response), one at a time, then 2 clients at once.
//   3. The render in 2 processes at once (bench/lib/a-pdf-worker.ts): what 2 cores can make when
//      both are used, against what one `next start` process makes (2).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { serialize } from 'node:v8'
import pg from 'pg'
import sharp from 'sharp'
import { freshDatabase, log, median, ms, percentile, startPortal, timeRuns, type Portal } from './lib/harness'
import type { Benchmark } from './lib/report'
import { appClient, disconnectAppClients, pointAppAt } from './lib/dossier-databases'

const DATABASE = 'bench_pdf'
const RUNS = 40
const CONCURRENT_PER_WORKER = 20
const WORKERS = 2

/** A 35 × 45 mm identity photo at 300 dpi, as a phone would send it (noise, so not tiny). */
async function identityPhoto(): Promise<Buffer> {
  return sharp({
    create: {
      width: 413,
      height: 531,
      channels: 3,
      background: '#c8b49a',
      noise: { type: 'gaussian', mean: 128, sigma: 20 },
    },
  })
    .jpeg({ quality: 85 })
    .toBuffer()
}

/** Replaces the stored content of the dossier's identity-photo piece with `jpeg`. */
async function storePhoto(databaseUrl: string, dossierId: string, jpeg: Buffer): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ fileId: string }>(
      `SELECT "fileId" FROM "Piece" WHERE "dossierId" = $1 AND "pieceTypeCode" = 'ID_PHOTO'`,
      [dossierId],
    )
    const fileId = rows[0]?.fileId
    if (!fileId) throw new Error('The dossier has no identity-photo piece')
    await client.query(
      `UPDATE "StoredFile" SET "mimeType" = 'image/jpeg', "sizeBytes" = $2, sha256 = $3, "originalName" = 'photo.jpg' WHERE id = $1`,
      [fileId, jpeg.length, createHash('sha256').update(jpeg).digest('hex')],
    )
    await client.query(`UPDATE "StoredFileContent" SET bytes = $2 WHERE "fileId" = $1`, [fileId, jpeg])
  } finally {
    await client.end()
  }
}

/**
 * Renders `count` PDFs of `dataFile` in each of `workers` processes at once (bench/lib/a-pdf-worker.ts,
 * without the react-server condition this process runs with); wall time, every duration, PDF size.
 */
async function renderInProcesses(
  dataFile: string,
  workers: number,
  count: number,
): Promise<{ wallMs: number; durations: number[]; bytes: number }> {
  const execArgv = process.execArgv.filter((argument) => !argument.startsWith('--conditions'))
  const children = Array.from({ length: workers }, () =>
    spawn(process.execPath, [...execArgv, path.join(import.meta.dirname, 'lib/a-pdf-worker.ts')], {
      env: { ...process.env, DATA_FILE: dataFile, COUNT: String(count) },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  )
  try {
    const lines = children.map((child) => createInterface({ input: child.stdout! })[Symbol.asyncIterator]())
    for (const line of lines) if ((await line.next()).value !== 'ready') throw new Error('PDF worker failed')
    const started = performance.now()
    for (const child of children) child.stdin!.write('go\n')
    const results = await Promise.all(
      lines.map(
        async (line) => JSON.parse((await line.next()).value) as { durations: number[]; bytes: number },
      ),
    )
    const wallMs = performance.now() - started
    return { wallMs, durations: results.flatMap((result) => result.durations), bytes: results[0]!.bytes }
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill()
  }
}

export const benchmark: Benchmark = {
  id: 'pdf',
  title: 'PDF of a registration form',
  run: async () => {
    const databaseUrl = await freshDatabase(DATABASE)
    // The app's data functions use the client on globalThis (see pointAppAt): an earlier benchmark
    // of the same run may have loaded lib/env.ts with its own DATABASE_URL, so name ours here.
    process.env.DATABASE_URL ??= databaseUrl
    pointAppAt(appClient(databaseUrl), databaseUrl)
    const { createDossier } = await import('../tests/support/dossiers')
    const { getRegistrationFormData } = await import('../lib/server/dossiers/get-registration-form-data')

    const dossier = await createDossier()
    const photo = await identityPhoto()
    await storePhoto(databaseUrl, dossier.id, photo)

    // The form's data, read once here; the render happens in worker processes (see above).
    const data = await getRegistrationFormData({ dossierId: dossier.id })
    if (!data?.photo) throw new Error('The form data has no photo')
    const dataTimes = await timeRuns(() => getRegistrationFormData({ dossierId: dossier.id }), RUNS)
    await disconnectAppClients()
    const dataFile = path.join(mkdtempSync(path.join(tmpdir(), 'bench-pdf-')), 'form-data.v8')
    writeFileSync(dataFile, serialize(data))
    // 1. The render alone, one at a time.
    const single = await renderInProcesses(dataFile, 1, RUNS)
    const renderTimes = single.durations
    const pdfBytes = single.bytes
    log(`render: median ${ms(median(renderTimes))}, ${pdfBytes} bytes`)

    // 2. Through next start.
    let portal: Portal | null = null
    let httpSequential: number[] = []
    let httpConcurrent = { wallMs: 0, durations: [] as number[] }
    let httpBytes = 0
    try {
      portal = await startPortal({ databaseUrl })
      const url = `${portal.url}/dossier/formulaire.pdf`
      const headers = { Cookie: `cnam_dossier=${dossier.token}` }
      const get = async () => {
        const response = await fetch(url, { headers })
        const body = await response.arrayBuffer()
        if (response.status !== 200 || response.headers.get('content-type') !== 'application/pdf')
          throw new Error(
            `GET /dossier/formulaire.pdf: ${response.status} ${response.headers.get('content-type')}`,
          )
        httpBytes = body.byteLength
      }
      httpSequential = await timeRuns(get, RUNS, 5)
      const started = performance.now()
      const durations: number[] = []
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          for (let index = 0; index < CONCURRENT_PER_WORKER; index += 1) {
            const begun = performance.now()
            await get()
            durations.push(performance.now() - begun)
          }
        }),
      )
      httpConcurrent = { wallMs: performance.now() - started, durations }
      log(`http: median ${ms(median(httpSequential))}`)
    } finally {
      await portal?.stop()
    }

    // 3. The render in 2 processes at once.
    const inProcesses = await renderInProcesses(dataFile, WORKERS, CONCURRENT_PER_WORKER)
    rmSync(path.dirname(dataFile), { recursive: true, force: true })

    const perSecond = (count: number, wallMs: number) => (count / wallMs) * 1000
    const httpRate = perSecond(httpConcurrent.durations.length, httpConcurrent.wallMs)
    const processRate = perSecond(inProcesses.durations.length, inProcesses.wallMs)
    const row = (name: string, times: number[], rate: string) =>
      `| ${name} | ${ms(median(times))} | ${ms(percentile(times, 95))} | ${rate} |`
    const markdown = [
      `A submitted dossier (2 UEs, 8 pieces, a ${(photo.length / 1024).toFixed(0)} KiB JPEG identity photo ` +
        `413 × 531 px), its form rendered by \`renderRegistrationFormPdf\` (@react-pdf/renderer): ` +
        `**${(pdfBytes / 1024).toFixed(1)} KiB** per PDF (${(httpBytes / 1024).toFixed(1)} KiB through HTTP). ` +
        `${RUNS} runs after a warm-up for single figures; ${WORKERS} × ${CONCURRENT_PER_WORKER} PDFs for concurrent ones.`,
      '',
      '| | median | p95 | PDFs/s |',
      '| --- | ---: | ---: | ---: |',
      row('Render alone, one at a time', renderTimes, (1000 / median(renderTimes)).toFixed(1)),
      row('The form data alone (queries + photo), in process', dataTimes, '—'),
      row(
        '`GET /dossier/formulaire.pdf` (`next start`), one at a time',
        httpSequential,
        (1000 / median(httpSequential)).toFixed(1),
      ),
      row(
        `\`GET /dossier/formulaire.pdf\`, ${WORKERS} clients at once (one \`next start\` process)`,
        httpConcurrent.durations,
        httpRate.toFixed(1),
      ),
      row(
        `Render alone, ${WORKERS} processes at once (both cores)`,
        inProcesses.durations,
        processRate.toFixed(1),
      ),
      '',
      `One \`next start\` process renders on one thread: ${WORKERS} clients at once get ` +
        `${httpRate.toFixed(1)} PDFs/s, each waiting about twice as long; ${WORKERS} processes (two portal ` +
        `instances, or a worker) make ${processRate.toFixed(1)} PDFs/s on this machine's ${WORKERS} cores.`,
    ].join('\n')
    return { markdown, budgets: [] }
  },
}
