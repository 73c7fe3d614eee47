// What the programme page's Content-Security-Policy costs and allows, measured. Needs a built
// portal running, e.g. the end-to-end server:
//
//   E2E_PORT=3800 TEST_EMBEDDED_DB_PORT=54381 TEST_EMBEDDED_DB_DIR=.data/postgres-test-sec \
//     npx tsx --conditions=react-server scripts/test/e2e-server.ts &
//   npx tsx bench/csp-programme-page.ts http://127.0.0.1:3800 .next-e2e-3800
//
// 1. Server time of `/` as served (prerendered; its hash policy stored by the cache handler),
//    against a render per request of the same page (draft mode), which a nonce would require.
// 2. The cache handler's own cost: the hashes of the page's inline scripts, computed once each
//    time the page is generated; and what proxy.ts computes for every request.
// 3. The page in Chromium under three policies: the one served (hashes of its inline scripts),
//    one without inline scripts (`script-src 'self'`: what SRI alone would allow, since Next's RSC
//    payload is inline), and none. Is anything refused, does React start, does the simulator work?
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { hashPolicy, inlineScriptHashes, newNonce, responseHeaders } from '../lib/security/headers.mjs'

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3800'
const buildDir = process.argv[3] ?? '.next-e2e-3800'
const RUNS = 300

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function timeRequests(init: RequestInit): Promise<{ median: number; p95: number; cache: string }> {
  let cache = ''
  for (let warm = 0; warm < 20; warm += 1) await (await fetch(`${baseUrl}/`, init)).arrayBuffer()
  const times: number[] = []
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now()
    const response = await fetch(`${baseUrl}/`, init)
    await response.arrayBuffer()
    times.push(performance.now() - started)
    cache = `${response.headers.get('x-nextjs-cache') ?? '(none)'}, ${response.headers.get('cache-control')}`
  }
  times.sort((a, b) => a - b)
  return { median: percentile(times, 50), p95: percentile(times, 95), cache }
}

const manifest = JSON.parse(readFileSync(path.join(buildDir, 'prerender-manifest.json'), 'utf8')) as {
  preview: { previewModeId: string }
}
const served = await timeRequests({})
const perRequest = await timeRequests({
  headers: { cookie: `__prerender_bypass=${manifest.preview.previewModeId}` },
})
console.log(`1. GET / — ${RUNS} sequential requests, ms`)
console.log(
  `   as served (prerendered) : median ${served.median.toFixed(2)}, p95 ${served.p95.toFixed(2)}  [${served.cache}]`,
)
console.log(
  `   rendered per request    : median ${perRequest.median.toFixed(2)}, p95 ${perRequest.p95.toFixed(2)}  [${perRequest.cache}]`,
)
console.log(`   ratio (median)          : ×${(perRequest.median / served.median).toFixed(1)}`)

const html = readFileSync(path.join(buildDir, 'server/app/index.html'), 'utf8')
const hashTimes: number[] = []
for (let run = 0; run < 200; run += 1) {
  const started = performance.now()
  hashPolicy(inlineScriptHashes(html))
  hashTimes.push(performance.now() - started)
}
hashTimes.sort((a, b) => a - b)
console.log(
  `\n2. Hash policy of the build's index.html (${Math.round(html.length / 1024)} KB, ${inlineScriptHashes(html).length} inline scripts): median ${percentile(hashTimes, 50).toFixed(3)} ms, once per generation`,
)

const prerendered = new Set(['/'])
const proxyStarted = performance.now()
for (let run = 0; run < 10_000; run += 1)
  responseHeaders({
    pathname: '/inscription',
    searchParams: new URLSearchParams(),
    nonce: newNonce(),
    prerendered,
  })
console.log(
  `   proxy.ts headers and nonce: ${(((performance.now() - proxyStarted) / 10_000) * 1000).toFixed(1)} µs a request`,
)

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
console.log('\n3. The page in Chromium')
for (const [name, policy] of [
  ['served: hashes of its inline scripts', undefined],
  [
    "no inline script: script-src 'self'",
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'",
  ],
  ['no policy at all', null],
] as const) {
  const context = await browser.newContext({ baseURL: baseUrl })
  const page = await context.newPage()
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective))
  })
  if (policy !== undefined) {
    await page.route('/', async (route) => {
      const response = await route.fetch()
      const headers = { ...response.headers() }
      delete headers['content-security-policy']
      if (policy) headers['content-security-policy'] = policy
      await route.fulfill({ response, headers })
    })
  }
  await page.goto('/')
  await page.waitForLoadState('networkidle')
  const started = await page.evaluate(() => {
    const queue = (self as unknown as { __next_f?: { push: unknown } }).__next_f
    return Boolean(queue) && queue!.push !== Array.prototype.push
  })
  const total = page.getByTestId('simulateur-total')
  const before = await total.textContent()
  const simulator = page.getByRole('form', { name: 'Simulateur de frais' })
  await simulator.getByRole('checkbox', { name: /AST002/ }).check()
  await simulator.getByRole('radio', { name: /Demandeurs d'emploi/ }).check()
  await page.waitForTimeout(500)
  const after = await total.textContent()
  const violations = await page.evaluate(
    () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
  )
  console.log(`   ${name}`)
  console.log(
    `     refused: ${violations.length} (${[...new Set(violations)].join(', ') || '-'}), console errors: ${consoleErrors.length}, React started: ${started}, simulator: ${before === after ? `stays at ${before}` : `${before} → ${after}`}`,
  )
  await context.close()
}
await browser.close()
