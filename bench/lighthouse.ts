// Issue 6, item 6: the public pages as browsers see them. Lighthouse 12 (its default, mobile
// configuration: Moto G Power screen, simulated slow 4G and 4× CPU slowdown) in Debian's Chromium
// on `next start`, for the programme page, the first form step, the summary step and the printable
// form. A draft filled up to its summary (8 pieces sent) and a submitted dossier are made first by
// a real browser (Playwright), as an applicant would; their httpOnly cookies reach Lighthouse as an
// extra `Cookie` header. Each page is audited RUNS times, medians kept.
// Client JavaScript is what Lighthouse's network records show each page loading (every script,
// bytes on the wire and uncompressed); for the programme page each chunk is also named from its
// contents in the build, to show that it holds only the framework and the fee simulator.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { BENCH_DIST_DIR, freshDatabase, log, median, ms, ROOT, startPortal, type Portal } from './lib/harness'
import type { Budget, Benchmark } from './lib/report'

const DATABASE = 'bench_lighthouse'
const RUNS = 3
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

type Script = { url: string; transferBytes: number; resourceBytes: number }
type Audit = {
  scores: Record<(typeof CATEGORIES)[number], number>
  lcp: number
  tbt: number
  cls: number
  scripts: Script[]
  /** Audits that did not pass, for the notes (e.g. what costs accessibility points). */
  failing: string[]
}

/** Fills a draft up to its summary the way the end-to-end tests do (tests/e2e/registration). */
async function fillDraftToSummary(page: Page): Promise<void> {
  const { fillContact, fillIdentity, fillSituation, next, uploadAllPieces } =
    await import('../tests/e2e/registration/helpers')
  await page.goto('/inscription')
  await page.getByRole('button', { name: 'Commencer mon inscription' }).click()
  await page.waitForURL(/\/inscription\/identite$/)
  await fillIdentity(page)
  await next(page)
  await fillContact(page)
  await next(page)
  await fillSituation(page)
  await next(page)
  await next(page) // UE déjà obtenues: none
  await page.getByRole('checkbox', { name: /^TET099/ }).check()
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(page)
  await uploadAllPieces(page)
  await page.getByRole('link', { name: 'Continuer vers le récapitulatif' }).click()
  await page.waitForURL(/\/inscription\/recapitulatif$/)
}

async function submit(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
  await page.getByRole('checkbox', { name: /Je certifie/ }).check()
  await page.getByRole('button', { name: /^Envoyer mon dossier/ }).click()
  await page.getByText('Votre dossier est envoyé').waitFor()
}

async function audit(url: string, port: number, cookie?: string): Promise<Audit> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    extraHeaders: cookie ? { Cookie: cookie } : null,
  })
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
  const { lhr } = result
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  const finalUrl = lhr.finalDisplayedUrl
  if (new URL(finalUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended on ${finalUrl}`)
  const requests = (lhr.audits['network-requests']?.details as { items?: Array<Record<string, unknown>> })
    ?.items
  const scripts = (requests ?? [])
    .filter((item) => item.resourceType === 'Script')
    .map((item) => ({
      url: String(item.url),
      transferBytes: Number(item.transferSize ?? 0),
      resourceBytes: Number(item.resourceSize ?? 0),
    }))
  const failing = Object.values(lhr.categories)
    .flatMap((category) =>
      category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => lhr.audits[ref.id]!),
    )
    .filter((item) => item.score !== null && item.score < 0.9 && item.scoreDisplayMode !== 'informative')
    .map((item) => `${item.id} (${item.score})`)
  const score = (id: string) => lhr.categories[id]?.score ?? Number.NaN
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, score(id)])) as Audit['scores'],
    lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbt: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    scripts,
    failing,
  }
}

/** Lighthouse sometimes fails to record a trace (NO_NAVSTART) on a loaded machine: try again. */
async function auditWithRetry(url: string, port: number, cookie?: string): Promise<Audit> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await audit(url, port, cookie)
    } catch (error) {
      if (attempt >= 3) throw error
      log(`${url}: ${error instanceof Error ? error.message : String(error)}; again`)
    }
  }
}

/**
 * What each chunk of the programme page holds, from the build: the page's client reference manifest
 * names the chunks each client component of the page needs; the build manifest names the
 * framework's own (React, Next's router, Turbopack's runtime), loaded by every page.
 */
function chunkOwners(): (url: string) => string {
  const dist = path.join(ROOT, BENCH_DIST_DIR)
  const framework = new Set(
    (JSON.parse(readFileSync(path.join(dist, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] })
      .rootMainFiles,
  )
  const scope = globalThis as unknown as {
    self?: unknown
    __RSC_MANIFEST?: Record<string, { clientModules: Record<string, { chunks: string[] }> }>
  }
  scope.self ??= globalThis
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[page].
  new Function(
    readFileSync(path.join(dist, 'server/app/(public)/page_client-reference-manifest.js'), 'utf8'),
  )()
  const owners = new Map<string, Set<string>>()
  for (const [module, entry] of Object.entries(
    scope.__RSC_MANIFEST?.['/(public)/page']?.clientModules ?? {},
  )) {
    const name = module
      .replace(/^\[project\]\//, '')
      .replace(/ <.*$/, '')
      .replace(/#.*$/, '')
    const label = name.startsWith('node_modules/next/') ? 'Next.js client components' : `\`${name}\``
    for (const chunk of entry.chunks) owners.set(chunk, (owners.get(chunk) ?? new Set()).add(label))
  }
  return (url) => {
    const pathname = new URL(url).pathname
    const chunk = pathname.replace(/^\/_next\//, '')
    const parts: string[] = []
    if (framework.has(chunk)) parts.push('framework (build-manifest rootMainFiles)')
    const modules = owners.get(pathname) ?? owners.get(chunk)
    if (modules) parts.push(`needed by ${[...modules].join(', ')}`)
    return parts.join('; ') || 'not named by the build manifests'
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

export const benchmark: Benchmark = {
  id: 'lighthouse',
  title: 'Pages as browsers see them (Lighthouse)',
  run: async () => {
    const databaseUrl = await freshDatabase(DATABASE)
    let portal: Portal | null = null
    const browser = await chromium.launch({ executablePath: CHROMIUM })
    let chrome: Awaited<ReturnType<typeof launch>> | null = null
    try {
      portal = await startPortal({ databaseUrl })
      const baseURL = portal.url
      // Two applicants: one stops at the summary (the steps are audited with their draft), the
      // other sends the dossier (the printable form is audited with its dossier cookie).
      const applicant = async (send: boolean) => {
        const context = await browser.newContext({ baseURL })
        const page = await context.newPage()
        await fillDraftToSummary(page)
        if (send) await submit(page)
        const name = send ? 'cnam_dossier' : 'cnam_inscription'
        const cookie = (await context.cookies()).find((candidate) => candidate.name === name)
        await context.close()
        if (!cookie) throw new Error(`No ${name} cookie`)
        return `${name}=${cookie.value}`
      }
      const draftCookie = await applicant(false)
      const dossierCookie = await applicant(true)
      await browser.close()

      const pages = [
        { name: 'Programme page', path: '/', cookie: undefined },
        { name: 'First form step', path: '/inscription/identite', cookie: draftCookie },
        { name: 'Summary step', path: '/inscription/recapitulatif', cookie: draftCookie },
        { name: 'Printable form', path: '/dossier/formulaire', cookie: dossierCookie },
      ]

      chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox'] })
      const results: Array<{ name: string; path: string; runs: Audit[] }> = []
      for (const target of pages) {
        const runs: Audit[] = []
        // A first, unmeasured load warms Next's caches for the page.
        await fetch(`${portal.url}${target.path}`, {
          headers: target.cookie ? { Cookie: target.cookie } : {},
        })
        for (let run = 0; run < RUNS; run += 1) {
          runs.push(await auditWithRetry(`${portal.url}${target.path}`, chrome.port, target.cookie))
        }
        const last = runs.at(-1)!
        log(
          `${target.name}: performance ${median(runs.map((r) => r.scores.performance))}, accessibility ` +
            `${median(runs.map((r) => r.scores.accessibility))}, CLS ${median(runs.map((r) => r.cls))}, ` +
            `JS ${kib(last.scripts.reduce((sum, s) => sum + s.transferBytes, 0))}` +
            (last.failing.length ? `; below 0.9: ${last.failing.join(', ')}` : ''),
        )
        results.push({ name: target.name, path: target.path, runs })
      }

      const summary = results.map(({ name, path: pagePath, runs }) => {
        const pick = (value: (audit: Audit) => number) => median(runs.map(value))
        const scripts = runs.at(-1)!.scripts
        return {
          name,
          path: pagePath,
          performance: pick((a) => a.scores.performance),
          accessibility: pick((a) => a.scores.accessibility),
          bestPractices: pick((a) => a.scores['best-practices']),
          seo: pick((a) => a.scores.seo),
          lcp: pick((a) => a.lcp),
          tbt: pick((a) => a.tbt),
          cls: pick((a) => a.cls),
          scripts,
          jsTransfer: scripts.reduce((sum, s) => sum + s.transferBytes, 0),
          jsResource: scripts.reduce((sum, s) => sum + s.resourceBytes, 0),
          failing: [...new Set(runs.flatMap((a) => a.failing))],
        }
      })
      const score = (value: number) => (Number.isNaN(value) ? '—' : String(Math.round(value * 100)))
      const programme = summary[0]!
      const describeChunk = chunkOwners()
      const markdown = [
        `Lighthouse 12.2.3, default mobile configuration (simulated throttling), Chromium ` +
          `\`${CHROMIUM}\` headless; ${RUNS} runs per page, medians. Scores out of 100. JavaScript: every ` +
          "script in the page's network records (Lighthouse), gzip-compressed as `next start` sends it, " +
          'and uncompressed.',
        '',
        '| Page | Performance | Accessibility | Best practices | SEO | LCP | TBT | CLS | JS (wire / uncompressed, files) |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...summary.map(
          (s) =>
            `| ${s.name} \`${s.path}\` | ${score(s.performance)} | ${score(s.accessibility)} | ` +
            `${score(s.bestPractices)} | ${score(s.seo)} | ${ms(s.lcp)} | ${ms(s.tbt)} | ${s.cls.toFixed(3)} | ` +
            `${kib(s.jsTransfer)} / ${kib(s.jsResource)}, ${s.scripts.length} |`,
        ),
        '',
        'Audits scoring below 0.9 in any run:',
        '',
        ...summary.map((s) => `- ${s.name}: ${s.failing.length ? s.failing.join(', ') : 'none'}`),
        '',
        `Scripts of the programme page (${kib(programme.jsTransfer)} on the wire):`,
        '',
        '| Script | Wire | Uncompressed | What it holds |',
        '| --- | ---: | ---: | --- |',
        ...programme.scripts.map(
          (s) =>
            `| \`${new URL(s.url).pathname.replace('/_next/static/chunks/', '')}\` | ${kib(s.transferBytes)} | ` +
            `${kib(s.resourceBytes)} | ${describeChunk(s.url)} |`,
        ),
      ].join('\n')

      // Allowed: the framework, Next's own client components, the fee simulator, and the error
      // boundaries every page of the group carries (app/(public)/error.tsx, app/global-error.tsx).
      const ALLOWED = [
        'components/programme/fee-simulator.tsx',
        'app/(public)/error.tsx',
        'app/global-error.tsx',
      ]
      const extraChunks = programme.scripts.filter((script) => {
        const description = describeChunk(script.url)
        const modules = [...description.matchAll(/`([^`]+)`/g)].map((match) => match[1]!)
        const named = description.startsWith('framework') || description.startsWith('needed by')
        return !named || modules.some((module) => !ALLOWED.includes(module))
      })
      const budgets: Budget[] = [
        {
          name: 'Programme page: scripts beyond the framework and the fee simulator',
          target: 'none',
          measured: extraChunks.length
            ? extraChunks.map((script) => new URL(script.url).pathname).join(', ')
            : `none (${programme.scripts.length} scripts, ${kib(programme.jsTransfer)})`,
          met: extraChunks.length === 0,
        },
      ]
      budgets.push(
        ...summary.flatMap((s) => [
          {
            name: `${s.name}: Lighthouse performance (mobile)`,
            target: '≥ 95',
            measured: score(s.performance),
            met: s.performance >= 0.95,
          },
          {
            name: `${s.name}: Lighthouse accessibility`,
            target: '100',
            measured: score(s.accessibility),
            met: s.accessibility >= 1,
          },
          { name: `${s.name}: CLS`, target: '≤ 0.1', measured: s.cls.toFixed(3), met: s.cls <= 0.1 },
        ]),
      )
      return { markdown, budgets }
    } finally {
      if (browser.isConnected()) await browser.close()
      chrome?.kill()
      await portal?.stop()
    }
  },
}
