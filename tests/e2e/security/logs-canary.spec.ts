// The log canary: a realistic day of the portal against a server whose output is captured, then
// a search of that output for what must never be logged (a NIR, raw or spaced; a private link's
// token; a password, wrong or right; a document's content or name; the applicant's identity).
//
// This spec starts its own e2e server (scripts/test/e2e-server.ts) to read its stdout and stderr:
// Playwright's own webServer output cannot be read from a test. It runs on E2E_PORT + 2, with its
// own embedded PostgreSQL on TEST_EMBEDDED_DB_PORT + 1 (files in TEST_EMBEDDED_DB_DIR + "-canary"),
// never TEST_DATABASE_URL: e2e-server.ts recreates its database, which must not be the suite's.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import type { Browser, Page } from '@playwright/test'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { formatNir } from '@/lib/domain/nir'
import { allowConsoleError, expect, test } from '../fixtures'
import {
  fillContact,
  fillIdentity,
  fillSituation,
  fixturePath,
  next,
  NIR,
  PIECES,
  signInStaff,
} from '../registration/helpers'
import { E2E_STAFF, E2E_STAFF_PASSWORD } from '../staff-accounts'
import { dossierLinkPathFor, resumeLinkPathFor } from '../registration/private-link'
import { PORT, serverActionId } from './support'

// The suite's own server runs two instances, on PORT and PORT + 1.
const CANARY_PORT = Number(process.env.E2E_CANARY_PORT ?? PORT + 2)
const CANARY_URL = `http://127.0.0.1:${CANARY_PORT}`
const CANARY_DB_PORT = Number(process.env.TEST_EMBEDDED_DB_PORT ?? 54321) + 1

test.use({ baseURL: CANARY_URL })
test.describe.configure({ mode: 'default' })

let server: ChildProcess | null = null
const output: string[] = []

test.beforeAll(async () => {
  // A build of its own (.next-e2e-<port>) the first time: minutes.
  test.setTimeout(600_000)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    E2E_PORT: String(CANARY_PORT),
    TEST_EMBEDDED_DB_PORT: String(Number(process.env.TEST_EMBEDDED_DB_PORT ?? 54321) + 1),
    TEST_EMBEDDED_DB_DIR: `${process.env.TEST_EMBEDDED_DB_DIR ?? '.data/postgres-test'}-canary`,
  }
  delete env.TEST_DATABASE_URL
  const started = spawn(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/test/e2e-server.ts'],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  server = started
  started.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')))
  started.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')))
  for (;;) {
    if (started.exitCode !== null) throw new Error(`The canary server stopped:\n${output.join('')}`)
    const ready = await fetch(CANARY_URL, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) break
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
})

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    // Its own process group (detached): e2e-server.ts stops Next and PostgreSQL on SIGTERM.
    process.kill(-server.pid, 'SIGTERM')
    await new Promise((resolve) => server!.once('exit', resolve))
  }
})

/** A real PDF with the canary in its page text, its metadata, and as is in a comment line. */
async function canaryPdf(canary: string): Promise<Buffer> {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([595, 842])
  page.drawText(`Curriculum vitae ${canary}`, {
    x: 50,
    y: 780,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  })
  pdf.setSubject(canary)
  const bytes = Buffer.from(await pdf.save({ useObjectStreams: false }))
  const header = bytes.indexOf('\n') + 1
  return Buffer.concat([bytes.subarray(0, header), Buffer.from(`%${canary}\n`), bytes.subarray(header)])
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: CANARY_URL })
  return context.newPage()
}

test('no NIR, private link, password or document content reaches the logs', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000)
  const tag = randomBytes(4).toString('hex')
  const canary = `CANARI-CONTENU-${tag}`
  const canaryName = `CANARI-NOM-${tag}`
  const birthName = `Canari${tag}`
  const wrongPassword = `Mauvais-Volcan-${tag}!`

  // An application with a NIR, up to its pieces.
  await page.goto('/inscription')
  await page.getByRole('button', { name: 'Commencer mon inscription' }).click()
  await fillIdentity(page, { birthName })
  await next(page)
  const email = `canari-${tag}@example.re`
  await fillContact(page, email)
  await next(page)
  await fillSituation(page)
  await next(page)
  await next(page)
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(page)
  // The resume link is in the e-mail only (read where a mail catcher would show it).
  const resumeLink = await resumeLinkPathFor(email, CANARY_DB_PORT)
  const resumeToken = resumeLink.split('/').pop() ?? ''
  expect(resumeToken).toMatch(/^[\w-]{43}$/)

  // The pieces, the CV being the canary; then a file refused for its content, and one sent from
  // another site.
  const cv = await canaryPdf(canary)
  for (const [label, file, type] of PIECES) {
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2, name: label }) })
    if (type) await item.getByLabel('Type de document').selectOption({ label: type })
    await item
      .getByLabel(/^Fichier/)
      .setInputFiles(
        label.test('Curriculum vitae')
          ? { name: `cv-${canaryName}.pdf`, mimeType: 'application/pdf', buffer: cv }
          : fixturePath(file),
      )
    await item.getByRole('button', { name: 'Envoyer le fichier' }).click()
    await expect(item.getByText('Fournie', { exact: true })).toBeVisible()
  }
  const upload = (headers: Record<string, string>) =>
    page.request.post('/api/inscription/pieces', {
      headers,
      multipart: {
        pieceTypeCode: 'CV',
        file: {
          name: `notes-${canaryName}.pdf`,
          mimeType: 'application/pdf',
          buffer: Buffer.from(`${canary} ${NIR}`),
        },
      },
    })
  expect((await upload({})).status()).toBe(422)
  expect((await upload({ origin: 'https://formulaire-piege.example' })).status()).toBe(403)

  // The resume link, on another device, which sends the dossier.
  const other = await newPage(browser)
  await other.goto(`/inscription/reprendre/${resumeToken}`)
  await other.getByRole('button', { name: 'Continuer' }).click()
  await other.waitForURL(/\/inscription\/(?!reprendre)/)
  await other.goto('/inscription/recapitulatif')
  await expect(other.getByText(formatNir(NIR))).toBeVisible()
  await other.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
  await other.getByRole('checkbox', { name: /Je certifie/ }).check()
  await other.getByRole('button', { name: /Envoyer mon dossier/ }).click()
  const reference = (await other.getByTestId('reference').textContent())?.trim() ?? ''
  const dossierLink = await dossierLinkPathFor(email, CANARY_DB_PORT)
  const dossierToken = dossierLink.split('/').pop() ?? ''
  expect(dossierToken).toMatch(/^[\w-]{43}$/)

  // The dossier link on a third device, and a guessed one.
  const third = await newPage(browser)
  await third.goto(`/dossier/acces/${dossierToken}`)
  await third.getByRole('button', { name: 'Continuer' }).click()
  await expect(third.getByText(reference).first()).toBeVisible()
  const guessed = randomBytes(32).toString('base64url')
  await third.goto(`/dossier/acces/${guessed}`)
  await expect(third.getByText(/Ce lien ne correspond à aucune inscription/)).toBeVisible()

  // A bot fills the honeypot; then someone starts drafts until the rate limit.
  const bot = await newPage(browser)
  await bot.goto('/inscription')
  await bot.locator('#website').evaluate((input: HTMLInputElement) => (input.value = 'http://spam.example'))
  await bot.getByRole('button', { name: /Commencer/ }).click()
  await expect(bot).toHaveURL(/\/inscription$/)
  for (let attempt = 0; attempt < 12; attempt += 1) {
    await bot.goto('/inscription')
    // Once a draft is open in this browser, a new one is started behind a confirmation.
    const first = bot.getByRole('button', { name: 'Commencer mon inscription' })
    if (await first.isVisible()) await first.click()
    else {
      await bot.getByText('Commencer une nouvelle inscription', { exact: true }).click()
      await bot.getByRole('button', { name: 'Oui, commencer une nouvelle inscription' }).click()
    }
    await bot.waitForLoadState()
    if (bot.url().includes('trop-de-demandes')) break
  }
  await expect(bot).toHaveURL(/erreur=trop-de-demandes/)

  // A server action from another origin, whose host looks like a NIR, and one whose Origin no
  // parser reads: proxy.ts refuses both (Next's handler answered 500 and logged the header whole).
  const unreadableOrigin = `http://[origine-${canaryName}`
  for (const origin of [`https://${NIR}.example`, unreadableOrigin]) {
    const crossSite = await bot.request.post('/inscription/identite', {
      headers: {
        'next-action': serverActionId('saveStepAction', CANARY_PORT),
        origin,
        'content-type': 'text/plain;charset=UTF-8',
      },
      data: '["identite",{}]',
    })
    expect(crossSite.status()).toBe(403)
  }

  // Staff: a wrong password, then the right one; a search by NIR; the review of the dossier.
  allowConsoleError(page, /status of 4\d\d/)
  await page.goto('/admin/connexion')
  await page.getByLabel('Adresse e-mail').fill(E2E_STAFF.GESTIONNAIRE)
  await page.getByLabel('Mot de passe').fill(wrongPassword)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible()
  await signInStaff(page, E2E_STAFF.GESTIONNAIRE, E2E_STAFF_PASSWORD)
  await page.goto(`/admin/dossiers?q=${encodeURIComponent(NIR)}`)
  await page.goto(`/admin/dossiers?q=${birthName.toLowerCase()}`)
  await page.getByRole('link', { name: reference }).click()
  const cvCard = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: /^Curriculum/ }) })
  await cvCard.getByRole('button', { name: 'Aperçu' }).click()
  const cvUrl = await cvCard.getByRole('link', { name: /Télécharger/ }).getAttribute('href')
  const downloaded = await page.request.get(cvUrl!)
  expect((await downloaded.body()).includes(canary), 'the stored CV is the canary').toBe(true)
  const idCard = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: /carte d'identité/ }) })
  await idCard.getByRole('button', { name: /Non conforme/ }).click()
  await idCard.getByLabel('Motif de non-conformité').selectOption('Document illisible')
  await idCard.getByRole('button', { name: 'Déclarer non conforme' }).click()
  await expect(idCard.getByText('Motif : Document illisible')).toBeVisible()
  await cvCard.getByRole('button', { name: /^Conforme/ }).click()
  await expect(cvCard.getByRole('button', { name: /^Conforme/ })).toBeDisabled()

  // A read-only member tries the export, which is not theirs.
  const reader = await newPage(browser)
  await signInStaff(reader, E2E_STAFF.LECTURE, E2E_STAFF_PASSWORD)
  expect((await reader.request.get('/admin/dossiers/export.csv')).status()).toBe(403)

  // What the server wrote (the last security events are written in the background).
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const log = output.join('')
  writeFileSync(testInfo.outputPath('server.log'), log)
  await testInfo.attach('server.log', { path: testInfo.outputPath('server.log'), contentType: 'text/plain' })

  const forbidden = {
    'the NIR': NIR,
    'the NIR, spaced': formatNir(NIR),
    'the NIR without its key': NIR.slice(0, 13),
    'the resume link token': resumeToken,
    'the dossier link token': dossierToken,
    'a guessed link token': guessed,
    'the right password': E2E_STAFF_PASSWORD,
    'the wrong password': wrongPassword,
    'the document content': canary,
    'the document name': canaryName,
    'the applicant’s name': birthName,
    'the applicant’s e-mail': 'marie-claire.hoarau@example.re',
    'the applicant’s phone': '692123456',
  }
  for (const [what, value] of Object.entries(forbidden))
    expect(log, `${what} in the logs`).not.toContain(value)
  // The refused origins are there, cut short (never whole: the NIR-like host is not even reached).
  expect(log).toMatch(
    /"event":"request\.refused".*"reason":"origin_foreign".*"origin":"https:\/\/[^"]*…\(\d+ caractères\)"/,
  )
  expect(log).toMatch(/"event":"request\.refused".*"reason":"origin_unreadable"/)

  // The log is not empty for nothing: each security event is there, with who, when and where.
  const events = log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
  const when = { at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/), level: 'warn' }
  const ip = expect.stringMatching(/\d|:/)
  for (const expected of [
    {
      event: 'auth.sign_in_failed',
      ip,
      route: '/admin/connexion',
      knownAccount: true,
      userId: expect.any(String),
    },
    { event: 'upload.refused', ip, route: '/api/inscription/pieces', code: 'TYPE' },
    { event: 'upload.refused', ip, route: '/api/inscription/pieces', code: 'CROSS_ORIGIN' },
    { event: 'access.denied', ip, route: '/dossier/acces/[token]', reason: 'unknown_private_link' },
    {
      event: 'access.denied',
      ip,
      route: '/admin/dossiers/export.csv',
      reason: 'forbidden',
      permission: 'dossiers.export',
      userId: expect.any(String),
    },
    { event: 'registration.honeypot', ip, route: '/inscription' },
    { event: 'rate_limit.hit', ip, route: '/inscription', rule: 'draft' },
  ])
    expect(events, expected.event).toContainEqual(expect.objectContaining({ ...when, ...expected }))
  // A server action called by the page (not a form posted before hydration) is named by its id.
  expect(events).toContainEqual(
    expect.objectContaining({ ...when, action: expect.stringMatching(/^[0-9a-f]{40,}$/) }),
  )
  expect(events).toContainEqual(expect.objectContaining({ event: 'auth.signed_in', level: 'info' }))
  expect(events).toContainEqual(expect.objectContaining({ event: 'dossier.submitted', level: 'info' }))
  // Nothing went wrong on the way (a build-time or run-time error would be logged as one).
  expect(events.filter((event) => event.level === 'error')).toEqual([])
  testInfo.annotations.push({
    type: 'log figures',
    description: `${log.split('\n').length} lines, ${events.length} JSON events, ${Object.keys(forbidden).length} secrets searched`,
  })
  for (const context of [other, third, bot, reader]) await context.context().close()
})
