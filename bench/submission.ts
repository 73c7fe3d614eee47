// Submission under load (issue 6, item 2): complete dossiers of 8 genuine pieces (about 5 MB) sent
// by 20 applicants at once to `next start` on a real, freshly seeded database, over HTTP as the
// browser sends them. Each wave of 20 applicants goes through three phases, each started together:
//   1. the draft: « Commencer mon inscription » and the five answer steps (server actions);
//   2. the pieces: each applicant uploads its 8 files one after the other (the upload route);
//   3. the submission: the 20 « Envoyer mon dossier » at the same moment (the budget's figure:
//      the server action, the dossier's transaction and the confirmation page Next renders into
//      the same answer, read to its end).
// Every applicant has its own IP address (per-IP rate limits). Afterwards the database is checked:
// exactly one dossier per applicant, each with its 8 pieces and every byte of them.
import path from 'node:path'
import pg from 'pg'
import { Applicant, registrationActions } from './lib/applicant-client'
import { applicantPieces, type PieceFile } from './lib/applicant-files'
import {
  BENCH_DIST_DIR,
  freshDatabase,
  log,
  median,
  ms,
  percentile,
  ROOT,
  startPortal,
  timed,
  treeRssKiB,
  type Portal,
} from './lib/harness'
import type { Benchmark } from './lib/report'

const CONCURRENCY = 20
/** Waves of CONCURRENCY applicants measured (5 × 20 = 100 dossiers by default). */
const WAVES = Number(process.env.BENCH_SUBMISSION_WAVES ?? 5)
/** Applicants of the unmeasured first wave (JIT, connection pool, first render of each page). */
const WARMUP_APPLICANTS = 5
const BUDGET_P95_MS = 500

type Timings = {
  /** Start and five steps, per applicant. */
  draft: number[]
  /** Each file sent. */
  upload: number[]
  /** The 8 files of one applicant, one after the other. */
  uploads: number[]
  submit: number[]
  /** Draft + uploads + submission of one applicant. */
  dossier: number[]
  /** Wall time of each wave's submission phase and upload phase. */
  submitWalls: number[]
  uploadWalls: number[]
  errors: string[]
}

/** One wave: `applicants` fill their drafts, then upload, then submit, each phase all at once. */
async function wave(applicants: Applicant[], pieces: PieceFile[], timings: Timings): Promise<void> {
  const failed = new Set<Applicant>()
  const perApplicant = new Map<Applicant, number>()
  const phase = async (name: string, work: (applicant: Applicant) => Promise<void>) => {
    const started = performance.now()
    await Promise.all(
      applicants
        .filter((applicant) => !failed.has(applicant))
        .map(async (applicant) => {
          const begun = performance.now()
          try {
            await work(applicant)
            perApplicant.set(applicant, (perApplicant.get(applicant) ?? 0) + performance.now() - begun)
          } catch (error) {
            failed.add(applicant)
            timings.errors.push(`${name} #${applicant.index}: ${String(error).slice(0, 300)}`)
          }
        }),
    )
    return performance.now() - started
  }

  await phase('draft', async (applicant) => {
    timings.draft.push(await timed(() => applicant.fillDraft()))
  })
  timings.uploadWalls.push(
    await phase('upload', async (applicant) => {
      const started = performance.now()
      for (const piece of pieces) timings.upload.push(await timed(() => applicant.upload(piece)))
      timings.uploads.push(performance.now() - started)
    }),
  )
  timings.submitWalls.push(
    await phase('submit', async (applicant) => {
      timings.submit.push(await timed(() => applicant.submit()))
    }),
  )
  for (const applicant of applicants)
    if (!failed.has(applicant)) timings.dossier.push(perApplicant.get(applicant)!)
}

type Stored = {
  dossiers: number
  piecesPerDossier: number[]
  pieces: number
  storedBytes: number
  missingContent: number
  emails: number
}

/** What the database holds for the benchmark's applicants. */
async function storedDossiers(databaseUrl: string): Promise<Stored> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const perDossier = await client.query<{ pieces: number }>(`
      SELECT count(p.id)::int AS pieces FROM "Dossier" d LEFT JOIN "Piece" p ON p."dossierId" = d.id
      WHERE d.email LIKE '%@bench.example.re' GROUP BY d.id`)
    const files = await client.query<{ pieces: number; bytes: string; missing: number }>(`
      SELECT count(*)::int AS pieces, coalesce(sum(octet_length(c.bytes)), 0)::text AS bytes,
        count(*) FILTER (WHERE c.bytes IS NULL OR octet_length(c.bytes) <> f."sizeBytes")::int AS missing
      FROM "Dossier" d JOIN "Piece" p ON p."dossierId" = d.id JOIN "StoredFile" f ON f.id = p."fileId"
      LEFT JOIN "StoredFileContent" c ON c."fileId" = f.id
      WHERE d.email LIKE '%@bench.example.re'`)
    const emails = await client.query<{ count: number }>(`
      SELECT count(*)::int AS count FROM "OutboxEmail" WHERE kind = 'DOSSIER_SUBMITTED'
        AND "toAddress" LIKE '%@bench.example.re'`)
    return {
      dossiers: perDossier.rowCount ?? 0,
      piecesPerDossier: perDossier.rows.map((row) => row.pieces),
      pieces: files.rows[0]!.pieces,
      storedBytes: Number(files.rows[0]!.bytes),
      missingContent: files.rows[0]!.missing,
      emails: emails.rows[0]!.count,
    }
  } finally {
    await client.end()
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
const row = (label: string, values: number[]) =>
  `| ${label} | ${values.length} | ${ms(median(values))} | ${ms(percentile(values, 95))} | ${ms(Math.max(...values))} |`

export const benchmark: Benchmark = {
  id: 'submission',
  title: 'Submission under load',
  run: async () => {
    const [databaseUrl, pieces] = await Promise.all([freshDatabase('bench_submission'), applicantPieces()])
    const sentBytes = pieces.reduce((sum, piece) => sum + piece.bytes.length, 0)
    log(`${pieces.length} pieces, ${mb(sentBytes)} per applicant`)
    let portal: Portal | null = null
    try {
      portal = await startPortal({ databaseUrl })
      const actions = registrationActions(path.join(ROOT, BENCH_DIST_DIR))
      let nextIndex = 0
      const newApplicants = (count: number) =>
        Array.from({ length: count }, () => new Applicant(portal!.url, actions, nextIndex++))

      const warmup: Timings = emptyTimings()
      await wave(newApplicants(WARMUP_APPLICANTS), pieces, warmup)
      if (warmup.errors.length > 0) throw new Error(`Warm-up failed: ${warmup.errors.join('\n')}`)
      const idleMiB = Math.round(treeRssKiB(portal.process.pid!) / 1024)
      portal.resetPeak()

      const timings = emptyTimings()
      const started = performance.now()
      for (let index = 0; index < WAVES; index++) {
        await wave(newApplicants(CONCURRENCY), pieces, timings)
        log(
          `wave ${index + 1}/${WAVES}: submission p95 so far ${ms(percentile(timings.submit, 95))}, ` +
            `${timings.errors.length} errors`,
        )
      }
      const wallSeconds = (performance.now() - started) / 1000
      const peakMiB = portal.peakRssMiB()
      for (const error of timings.errors.slice(0, 10)) log(`error: ${error}`)

      const expected = WARMUP_APPLICANTS + WAVES * CONCURRENCY
      const stored = await storedDossiers(databaseUrl)
      const complete =
        stored.dossiers === expected &&
        stored.piecesPerDossier.every((count) => count === pieces.length) &&
        stored.pieces === expected * pieces.length &&
        stored.missingContent === 0 &&
        stored.emails === expected
      const measured = WAVES * CONCURRENCY
      const submitSeconds = timings.submitWalls.reduce((sum, wall) => sum + wall, 0) / 1000
      const uploadSeconds = timings.uploadWalls.reduce((sum, wall) => sum + wall, 0) / 1000
      const p95 = percentile(timings.submit, 95)

      const markdown = [
        `${measured} applicants in ${WAVES} waves of ${CONCURRENCY} at once (after ${WARMUP_APPLICANTS} ` +
          `unmeasured), each with its own IP address, against \`next start\` on a fresh seeded database. ` +
          `Each applicant sends ${pieces.length} genuine pieces, ${mb(sentBytes)} in all ` +
          `(${pieces.map((piece) => `${piece.fileName} ${Math.round(piece.bytes.length / 1024)} KB`).join(', ')}).`,
        '',
        '| Phase (20 applicants at once) | n | p50 | p95 | max |',
        '| --- | --- | --- | --- | --- |',
        row('**Submission** (server action, transaction, confirmation page)', timings.submit),
        row('One piece uploaded (~650 KB)', timings.upload),
        row('The 8 pieces of one applicant, one after the other', timings.uploads),
        row('Draft: start + 5 steps saved', timings.draft),
        row('Whole dossier (draft + pieces + submission)', timings.dossier),
        '',
        `- Dossiers per second, submission phase (20 submitted at once): ` +
          `**${(timings.submit.length / submitSeconds).toFixed(1)}/s**; whole dossiers end to end: ` +
          `${(timings.dossier.length / wallSeconds).toFixed(2)}/s (${wallSeconds.toFixed(1)} s for ${measured}).`,
        `- Uploads: ${(timings.upload.length / uploadSeconds).toFixed(1)} files/s, ` +
          `${((timings.upload.length * (sentBytes / pieces.length)) / 1024 / 1024 / uploadSeconds).toFixed(1)} MB/s received.`,
        `- Errors: **${timings.errors.length}**.`,
        `- Database afterwards: ${stored.dossiers} dossiers for ${expected} applicants (warm-up included), ` +
          `${stored.pieces} pieces (${pieces.length} each: ${stored.piecesPerDossier.every((count) => count === pieces.length) ? 'yes' : 'no'}), ` +
          `${mb(stored.storedBytes)} of files stored in PostgreSQL, ${stored.missingContent} missing or short, ` +
          `${stored.emails} confirmation e-mails queued: ${complete ? 'complete' : '**incomplete**'}.`,
        `- Server memory (\`next start\` process tree, RSS): ${idleMiB} MiB after the warm-up, ` +
          `**${peakMiB} MiB** at peak during the measured waves.`,
      ].join('\n')
      return {
        markdown,
        budgets: [
          {
            name: 'Submission p95, 20 applicants at once',
            target: `≤ ${BUDGET_P95_MS} ms`,
            measured: ms(p95),
            met: p95 <= BUDGET_P95_MS,
          },
          {
            name: 'Submission errors, dossiers stored whole',
            target: '0 errors, every dossier and piece',
            measured: `${timings.errors.length} errors, ${complete ? 'all stored' : 'incomplete'}`,
            met: timings.errors.length === 0 && complete,
          },
        ],
      }
    } finally {
      await portal?.stop()
    }
  },
}

function emptyTimings(): Timings {
  return {
    draft: [],
    upload: [],
    uploads: [],
    submit: [],
    dossier: [],
    submitWalls: [],
    uploadWalls: [],
    errors: [],
  }
}
