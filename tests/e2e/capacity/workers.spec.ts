// What the multi-worker server (scripts/lib/serve-workers.ts) promises on a deployment or a crash:
// SIGTERM lets the uploads in flight finish before the workers exit, and a worker killed in the
// middle of a submission leaves the dossier whole or absent, so that the applicant's retry makes
// exactly one. Each test starts its own group of workers (scripts/serve.ts) on the suite's build
// and database (written by scripts/test/e2e-server.ts), so the suite's servers are not disturbed.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import pg from 'pg'
import { allowConsoleError, expect, test } from '../fixtures'
import { fixtureBuffer, toPiecesStep, uploadAllPieces } from '../registration/helpers'
import { ALL_LISTENING } from '../../../scripts/lib/serve-workers'
import { PORT } from '../security/support'

test.describe.configure({ mode: 'serial' })

const SUITE = JSON.parse(readFileSync(`.data/e2e-server-${PORT}.json`, 'utf8')) as {
  env: Record<string, string>
}

type Group = { process: ChildProcess; url: string; output: string[]; exited: Promise<number | null> }

async function startGroup(port: number): Promise<Group> {
  const url = `http://127.0.0.1:${port}`
  const output: string[] = []
  const child = spawn(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/serve.ts', '--port', String(port)],
    {
      env: {
        ...process.env,
        ...SUITE.env,
        NODE_ENV: 'production',
        PORT: String(port),
        PUBLIC_BASE_URL: url,
        WEB_CONCURRENCY: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`The workers stopped:\n${output.join('')}`)
    const ready = await fetch(`${url}/inscription`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready && output.join('').includes(ALL_LISTENING)) break
    if (i > 120) throw new Error(`The workers did not start:\n${output.join('')}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return { process: child, url, output, exited }
}

/** The `next start` worker processes of a group (descendants of the tsx process it was run with). */
function workerPids(group: Group): number[] {
  const children = (pid: number): number[] => {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
    return text ? text.split(/\s+/).map(Number) : []
  }
  const found: number[] = []
  const visit = (pid: number) => {
    for (const child of children(pid)) {
      const command = readFileSync(`/proc/${child}/cmdline`, 'utf8')
      if (command.includes('next-server') || command.includes('next/dist/bin/next')) found.push(child)
      else visit(child)
    }
  }
  visit(group.process.pid!)
  return found
}

test('SIGTERM lets an upload in flight finish, then the workers exit', async ({ page }) => {
  test.setTimeout(180_000)
  await toPiecesStep(page)
  const group = await startGroup(PORT + 3)
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ')
  const boundary = 'arret-propre'
  const file = fixtureBuffer('cv.pdf')
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="pieceTypeCode"\r\n\r\nCV\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv-pendant-arret.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const url = new URL('/api/inscription/pieces', group.url)
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: {
        cookie,
        origin: url.origin,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(body.length),
        'x-forwarded-for': '198.51.100.78',
      },
    })
    request.on('response', (response) => {
      let text = ''
      response.on('data', (data: Buffer) => (text += data.toString('utf8')))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
    })
    request.on('error', reject)
    // Half the file now, the rest once the group has been told to stop.
    request.write(body.subarray(0, body.length / 2))
    setTimeout(() => {
      group.process.kill('SIGTERM')
      setTimeout(() => request.end(body.subarray(body.length / 2)), 1500)
    }, 1000)
  })
  const { status, text } = await answer
  expect(status, text).toBe(201)
  expect(await group.exited).toBe(0)
  // Stored for good: the suite's own server shows it on the applicant's page.
  await page.reload()
  await expect(page.getByText('cv-pendant-arret.pdf')).toBeVisible()
})

test('a worker killed during a submission leaves the dossier whole or absent; the retry makes one', async ({
  page,
}) => {
  test.setTimeout(240_000)
  // The page loses its server mid-request on purpose.
  allowConsoleError(page, /Failed to fetch|ERR_|net::|Connection closed|500/i)
  const birthName = `Arret${randomBytes(4).toString('hex')}`
  await toPiecesStep(page, { birthName })
  await uploadAllPieces(page)
  await page.getByRole('link', { name: 'Continuer vers le récapitulatif' }).click()
  await page.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
  await page.getByRole('checkbox', { name: /Je certifie/ }).check()
  const summary = new URL(page.url())

  const database = new pg.Client({ connectionString: SUITE.env.DATABASE_URL })
  await database.connect()
  try {
    const draftId = async () => {
      const rows = await database.query<{ id: string }>(
        `SELECT id FROM "Draft" WHERE answers::text LIKE $1`,
        [`%${birthName}%`],
      )
      expect(rows.rowCount).toBe(1)
      return rows.rows[0]!.id
    }
    const draft = await draftId()
    const group = await startGroup(PORT + 4)
    try {
      // The same browser, on the group's port (cookies do not depend on the port).
      await page.goto(new URL(summary.pathname, group.url).toString())
      await page.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
      await page.getByRole('checkbox', { name: /Je certifie/ }).check()
      const workers = workerPids(group)
      expect(workers).toHaveLength(2)
      await page.getByRole('button', { name: /^Envoyer mon dossier/ }).click()
      // Kill both workers as soon as the submission's transaction is seen in the database, or at
      // the latest 2 s after the click: whichever worker holds it dies with it.
      for (let i = 0; i < 40; i++) {
        const open = await database.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
        )
        if (open.rowCount) break
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      for (const pid of workers) process.kill(pid, 'SIGKILL')
    } finally {
      group.process.kill('SIGTERM')
      await group.exited
    }
    const counts = async () =>
      (
        await database.query<{ dossiers: number; pieces: number; ues: number }>(
          `SELECT count(DISTINCT d.id)::int AS dossiers, count(DISTINCT p.id)::int AS pieces,
                  count(DISTINCT u."ueId")::int AS ues
           FROM "Dossier" d LEFT JOIN "Piece" p ON p."dossierId" = d.id
           LEFT JOIN "DossierUe" u ON u."dossierId" = d.id WHERE d."draftId" = $1`,
          [draft],
        )
      ).rows[0]!
    const afterKill = await counts()
    expect([0, 1]).toContain(afterKill.dossiers)
    if (afterKill.dossiers === 1) expect(afterKill).toMatchObject({ pieces: 8, ues: 1 })

    // The applicant tries again on the suite's server: exactly one dossier, with all its pieces.
    await page.goto(summary.toString())
    if (afterKill.dossiers === 0) {
      await page.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
      await page.getByRole('checkbox', { name: /Je certifie/ }).check()
      await page.getByRole('button', { name: /^Envoyer mon dossier/ }).click()
      await expect(page.getByText('Votre dossier est envoyé')).toBeVisible()
    }
    expect(await counts()).toEqual({ dossiers: 1, pieces: 8, ues: 1 })
  } finally {
    await database.end()
  }
})
