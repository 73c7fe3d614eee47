import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { APIRequestContext, APIResponse, Browser, BrowserContext } from '@playwright/test'
import { prerenderedPages } from '@/lib/security/headers.mjs'
import { formatEuros } from '@/lib/format'
import { allowConsoleError, expect, test, type Page } from '../fixtures'
import { fixtureBuffer, signInStaff, startRegistration } from '../registration/helpers'
import { E2E_STAFF, E2E_STAFF_PASSWORD } from '../staff-accounts'
import {
  applyOnline,
  distDir,
  PORT,
  expectNotStored,
  expectSecurityHeaders,
  headerValues,
  nonceOf,
  policyOf,
  scriptHash,
  scriptsOf,
  violations,
  watchViolations,
} from './support'

// One worker, in this order: the tests share the dossier the first hook makes.
test.describe.configure({ mode: 'default' })

type Session = { context: BrowserContext; request: APIRequestContext }

let applicant: Session
let drafter: Session
let staff: Session
let dossierUrl = ''
let pdfPieceUrl = ''
let imagePieceUrl = ''

async function session(browser: Browser, start: (page: Page) => Promise<void>): Promise<Session> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await start(page)
  await page.close()
  return { context, request: context.request }
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000)
  const found: string[] = []
  const birthName = `Entetes${randomBytes(3).toString('hex')}`
  applicant = await session(browser, (page) => applyOnline(page, { birthName }).then(() => undefined))
  drafter = await session(browser, startRegistration)
  staff = await session(browser, async (page) => {
    await signInStaff(page, E2E_STAFF.GESTIONNAIRE, E2E_STAFF_PASSWORD)
    await page.goto(`/admin/dossiers?q=${birthName.toLowerCase()}`)
    await page.getByRole('link', { name: /^CPN42-/ }).click()
    await page.waitForURL(/\/admin\/dossiers\/[0-9a-f-]{36}$/)
    dossierUrl = new URL(page.url()).pathname
    // A client-side navigation: the address changes before the dossier shows.
    await expect(page.getByRole('heading', { level: 1, name: /CPN42-/ })).toBeVisible()
    const links = page.locator(`a[href^="${dossierUrl}/pieces/"]`)
    await expect(links.first()).toBeVisible()
    const downloads = await links.evaluateAll((found) => found.map((link) => link.getAttribute('href') ?? ''))
    for (const url of downloads) {
      const response = await page.request.get(url)
      const type = response.headers()['content-type']
      found.push(`${url} ${response.status()} ${type}`)
      if (type === 'application/pdf') pdfPieceUrl ||= url
      if (type?.startsWith('image/')) imagePieceUrl ||= url
    }
  })
  expect(
    pdfPieceUrl && imagePieceUrl,
    `a PDF piece and an image piece among ${found.join(', ')}`,
  ).toBeTruthy()
})

test.afterAll(async () => {
  for (const { context } of [applicant, drafter, staff]) await context?.close()
})

/** A prerendered page's one policy lists the hash of each of its inline scripts, and nothing else. */
async function expectHashesOfItsScripts(response: APIResponse): Promise<string> {
  const policy = policyOf(response)
  expect(policy.get('object-src')).toEqual(["'none'"])
  expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  const html = await response.text()
  const inline = scriptsOf(html).filter(
    (script) => !/\ssrc=/.test(script.attributes) && !/\stype=/.test(script.attributes),
  )
  expect(inline.length).toBeGreaterThan(0)
  const hashes = policy.get('script-src')!.filter((source) => source.startsWith("'sha256-"))
  expect(new Set(hashes)).toEqual(new Set(inline.map((script) => scriptHash(script.text))))
  expect(policy.get('script-src')).not.toContain("'strict-dynamic'")
  expect(html).not.toContain('nonce=')
  return headerValues(response, 'content-security-policy')[0]!
}

/** Loads a page in a browser with its real policy: nothing refused, and React took over the page. */
async function expectCleanLoad(page: Page, url: string) {
  await watchViolations(page)
  await page.goto(url)
  await page.waitForLoadState('networkidle')
  expect(await violations(page), `CSP violations on ${url}`).toEqual([])
  // Next's runtime is running (hydration): it replaces the array its inline scripts push to.
  expect(
    await page.evaluate(() => {
      const queue = (self as unknown as { __next_f?: { push: unknown } }).__next_f
      return Boolean(queue) && queue!.push !== Array.prototype.push
    }),
    `Next's runtime started on ${url}`,
  ).toBe(true)
}

// What the build prerendered (its prerender manifest), as proxy.ts and the cache handler read it.
const PRERENDERED = [...prerenderedPages(distDir())]

test.describe('prerendered pages', () => {
  test('include the programme page and the privacy notice', () => {
    expect(PRERENDERED).toEqual(expect.arrayContaining(['/', '/confidentialite']))
  })

  for (const url of PRERENDERED) {
    test(`${url} stays prerendered, and its policy lists the hash of each of its inline scripts`, async ({
      request,
    }) => {
      // The first request may regenerate the page (MISS) when another test just changed the
      // programme, which revalidates every public page; the next one is served from the cache.
      const first = await request.get(url)
      expect(first.status()).toBe(200)
      expectSecurityHeaders(first)
      await expectHashesOfItsScripts(first)
      const response = await request.get(url)
      expect(response.status()).toBe(200)
      expect(response.headers()['x-nextjs-cache'], 'served from the prerender cache').toMatch(/HIT|STALE/)
      expectSecurityHeaders(response)
      await expectHashesOfItsScripts(response)
    })
  }

  test('a page regenerated while the portal runs is served with the hashes of its new scripts', async ({
    request,
  }) => {
    // On-demand regeneration: the response is made from the entry the cache handler just stored.
    // (Next's own internal request, authenticated by the build's secret: proxy.ts does not run for
    // it, hence only the stored policy here; the next visitor gets every header.)
    const { preview } = JSON.parse(readFileSync(path.join(distDir(), 'prerender-manifest.json'), 'utf8')) as {
      preview: { previewModeId: string }
    }
    const regenerated = await request.get('/', {
      headers: { 'x-prerender-revalidate': preview.previewModeId },
    })
    expect(regenerated.headers()['x-nextjs-cache']).toBe('REVALIDATED')
    const policy = await expectHashesOfItsScripts(regenerated)
    const next = await request.get('/')
    expect(next.headers()['x-nextjs-cache']).toBe('HIT')
    expectSecurityHeaders(next)
    expect(headerValues(next, 'content-security-policy')).toEqual([policy])
  })

  test('the programme page keeps its public cache', async ({ request }) => {
    const cache = headerValues(await request.get('/'), 'cache-control')
    expect(cache).toEqual([expect.stringMatching(/^s-maxage=3600\b/)])
  })

  test('the programme page works under its policy: the fee simulator computes, nothing is refused', async ({
    page,
  }) => {
    await expectCleanLoad(page, '/')
    const simulator = page.getByRole('form', { name: 'Simulateur de frais' })
    await simulator.getByRole('checkbox', { name: /AST002/ }).check()
    await simulator.getByRole('radio', { name: /Demandeurs d'emploi/ }).check()
    await expect(page.getByTestId('simulateur-total')).toHaveText(formatEuros(1800 + 10000 + 6 * 500))
    await page.goto('/confidentialite')
    expect(await violations(page)).toEqual([])
  })

  test('a script slipped into the programme page does not run', async ({ page }) => {
    allowConsoleError(page, /Content Security Policy/)
    await page.route('/', async (route) => {
      const response = await route.fetch()
      const html = (await response.text()).replace(
        '</body>',
        '<script>window.__injected = true</script><img src="/icon.svg" onload="window.__handler = true"></body>',
      )
      await route.fulfill({ response, body: html })
    })
    await watchViolations(page)
    await page.goto('/')
    await page.waitForLoadState('networkidle')
    expect(
      await page.evaluate(() => [Reflect.get(window, '__injected'), Reflect.get(window, '__handler')]),
    ).toEqual([undefined, undefined])
    expect(await violations(page)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^script-src-elem inline/),
        expect.stringMatching(/^script-src-attr inline/),
      ]),
    )
  })
})

test.describe('pages rendered per request', () => {
  test('the registration pages: a fresh nonce on every script, never stored, no referrer', async () => {
    const nonces = new Set<string>()
    for (const url of ['/inscription', '/inscription/identite', '/inscription/identite']) {
      const response = await drafter.request.get(url)
      expect(response.status()).toBe(200)
      const nonce = nonceOf(expectSecurityHeaders(response))
      nonces.add(nonce)
      expectNotStored(response)
      expect(response.headers()['referrer-policy']).toBe('no-referrer')
      const scripts = scriptsOf(await response.text()).filter((script) => !/\stype=/.test(script.attributes))
      expect(scripts.length).toBeGreaterThan(0)
      for (const script of scripts) expect(script.attributes).toContain(`nonce="${nonce}"`)
    }
    expect(nonces.size, 'one nonce per response').toBe(3)
  })

  test('the applicant’s dossier and its printable form: nonce, never stored, no referrer', async () => {
    for (const url of ['/dossier', '/dossier/formulaire']) {
      const response = await applicant.request.get(url, { maxRedirects: 0 })
      expect(response.status(), url).toBe(200)
      expect(await response.text()).toContain('CPN42-')
      nonceOf(expectSecurityHeaders(response))
      expectNotStored(response)
      expect(response.headers()['referrer-policy']).toBe('no-referrer')
    }
  })

  test('the staff pages: nonce, never stored, framed by no one', async () => {
    for (const url of ['/admin', '/admin/dossiers', dossierUrl, `${dossierUrl}/formulaire`]) {
      const response = await staff.request.get(url, { maxRedirects: 0 })
      expect(response.status(), url).toBe(200)
      nonceOf(expectSecurityHeaders(response))
      expectNotStored(response)
    }
  })

  test('an unknown address: the 404 page, rendered per request with a nonce on its scripts', async ({
    request,
  }) => {
    const response = await request.get(`/page-inconnue-${randomBytes(4).toString('hex')}`)
    expect(response.status()).toBe(404)
    const nonce = nonceOf(expectSecurityHeaders(response))
    const html = await response.text()
    expect(html).toContain('Page introuvable')
    const scripts = scriptsOf(html).filter((script) => !/\stype=/.test(script.attributes))
    expect(scripts.length).toBeGreaterThan(0)
    for (const script of scripts) expect(script.attributes).toContain(`nonce="${nonce}"`)
  })

  test('a script slipped into a page rendered per request does not run', async ({ page }) => {
    allowConsoleError(page, /Content Security Policy/)
    await page.route('/inscription', async (route) => {
      const response = await route.fetch()
      const html = (await response.text()).replace(
        '</body>',
        '<script>window.__injected = true</script></body>',
      )
      await route.fulfill({ response, body: html })
    })
    await watchViolations(page)
    await page.goto('/inscription')
    await page.waitForLoadState('networkidle')
    expect(await page.evaluate(() => Reflect.get(window, '__injected'))).toBeUndefined()
    expect(await violations(page)).toEqual([expect.stringMatching(/^script-src-elem inline/)])
  })

  test('each kind of page loads under its policy with nothing refused', async ({ browser }) => {
    const visits: Array<[Session | null, string]> = [
      [null, '/inscription'],
      [drafter, '/inscription/identite'],
      [applicant, '/dossier'],
      [applicant, '/dossier/formulaire'],
      [null, '/admin/connexion'],
      [staff, '/admin/dossiers'],
      [staff, `${dossierUrl}/formulaire`],
      ...PRERENDERED.map((url) => [null, url] as [null, string]),
    ]
    for (const [who, url] of visits) {
      const context = who?.context ?? (await browser.newContext())
      const page = await context.newPage()
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      await expectCleanLoad(page, url)
      expect(errors, `console errors on ${url}`).toEqual([])
      await page.close()
      if (!who) await context.close()
    }
  })
})

test.describe('files and APIs', () => {
  test('the applicant’s PDF form: a file policy, never stored', async () => {
    const response = await applicant.request.get('/dossier/formulaire.pdf')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('application/pdf')
    expect(expectSecurityHeaders(response).get('default-src')).toEqual(["'none'"])
    expectNotStored(response)
  })

  test('the upload API: answers never stored, refused or not', async () => {
    const upload = (name: string) =>
      drafter.request.post('/api/inscription/pieces', {
        multipart: {
          pieceTypeCode: 'CV',
          file: { name, mimeType: 'application/pdf', buffer: fixtureBuffer(name) },
        },
      })
    for (const [name, status] of [
      ['cv.pdf', 201],
      ['cv.exe.pdf', 422],
    ] as const) {
      const response = await upload(name)
      expect(response.status(), name).toBe(status)
      expect(expectSecurityHeaders(response).get('default-src')).toEqual(["'none'"])
      expectNotStored(response)
    }
  })

  test('the staff downloads: pieces, the form, the ZIP and the CSV export are never stored', async () => {
    for (const url of [
      pdfPieceUrl,
      imagePieceUrl,
      `${dossierUrl}/formulaire.pdf`,
      `${dossierUrl}/pieces.zip`,
      '/admin/dossiers/export.csv',
    ]) {
      // The ZIP is posted by the dossier page's button (an audited export), the others are links.
      const response = url.endsWith('/pieces.zip')
        ? await staff.request.post(url, { headers: { origin: `http://127.0.0.1:${PORT}` } })
        : await staff.request.get(url)
      expect(response.status(), url).toBe(200)
      expect(response.headers()['content-disposition'], url).toMatch(/^attachment;/)
      expect(expectSecurityHeaders(response).get('default-src')).toEqual(["'none'"])
      expectNotStored(response)
    }
    expect((await staff.request.get('/admin/dossiers/export.csv')).headers()['content-type']).toBe(
      'text/csv; charset=utf-8',
    )
  })

  test('a piece preview may be framed by our own pages, and only there', async ({ page }) => {
    for (const url of [pdfPieceUrl, imagePieceUrl]) {
      const response = await staff.request.get(`${url}?apercu=1`)
      expect(response.headers()['content-disposition']).toMatch(/^inline;/)
      // Sandboxed: whatever the document carries (a PDF's /OpenAction JavaScript) never runs.
      expect(expectSecurityHeaders(response, { framedBySelf: true }).get('sandbox')).toEqual([])
      expectNotStored(response)
    }
    // In the review page: the image shows, the PDF frame loads, nothing is refused.
    await page.context().addCookies(await staff.context.cookies())
    await watchViolations(page)
    await page.goto(dossierUrl)
    for (const url of [pdfPieceUrl, imagePieceUrl]) {
      const card = page.getByRole('listitem').filter({ has: page.locator(`a[href="${url}"]`) })
      await card.getByRole('button', { name: 'Aperçu' }).click()
    }
    const image = page.locator(`img[src="${imagePieceUrl}?apercu=1"]`)
    await expect(image).toBeVisible()
    expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0)
    await expect(page.locator(`iframe[src="${pdfPieceUrl}?apercu=1"]`)).toBeVisible()
    const frame = page.frames().find((candidate) => candidate.url().endsWith(`${pdfPieceUrl}?apercu=1`))
    expect(frame, 'the PDF preview frame navigated').toBeDefined()
    expect(await violations(page)).toEqual([])
  })

  test('static files: the baseline headers, and their long cache', async ({ request }) => {
    const html = await (await request.get('/')).text()
    const chunk = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)?.[1]
    expect(chunk).toBeDefined()
    const script = await request.get(chunk!)
    expect(script.status()).toBe(200)
    expect(expectSecurityHeaders(script).get('default-src')).toEqual(["'none'"])
    expect(script.headers()['cache-control']).toContain('immutable')
    const attestation = await request.get('/documents/attestation-emploi.pdf')
    expect(attestation.headers()['content-type']).toBe('application/pdf')
    expectSecurityHeaders(attestation)
    expect(headerValues(attestation, 'cache-control')).toEqual([expect.not.stringContaining('no-store')])
  })
})
