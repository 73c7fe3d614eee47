import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { APIResponse, Page } from '@playwright/test'
import { expect } from '../fixtures'
import { fillContact, fillIdentity, fillSituation, next, uploadAllPieces } from '../registration/helpers'

export const PORT = Number(process.env.E2E_PORT ?? 3100)

/** The build folder scripts/test/e2e-server.ts uses for a port. */
export function distDir(port = PORT): string {
  return path.join(process.cwd(), port === 3100 ? '.next-e2e' : `.next-e2e-${port}`)
}

/** The id of a server action, from the build's manifest (what the browser sends as Next-Action). */
export function serverActionId(exportedName: string, port = PORT): string {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir(port), 'server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { exportedName?: string }> }
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName)?.[0]
  if (!id) throw new Error(`No server action named ${exportedName} in the build`)
  return id
}

/** A CSP's directives, by name. */
export function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...sources] = part.split(/\s+/)
        return [name, sources] as const
      }),
  )
}

/** Every value of a response header (Playwright joins repeated headers otherwise). */
export function headerValues(response: APIResponse, name: string): string[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === name.toLowerCase())
    .map((header) => header.value)
}

/** The one Content-Security-Policy of a response: two would both apply, and block each other. */
export function policyOf(response: APIResponse): Map<string, string[]> {
  const policies = headerValues(response, 'content-security-policy')
  expect(policies, `one Content-Security-Policy on ${response.url()}`).toHaveLength(1)
  return directives(policies[0]!)
}

/**
 * What every response must carry: one strict policy (no inline script, no plugin, no foreign base or
 * form target, framed by no one, or by our own pages for a piece preview), HSTS, nosniff, a
 * referrer policy and the browser features turned off.
 */
export function expectSecurityHeaders(response: APIResponse, options: { framedBySelf?: boolean } = {}) {
  const policy = policyOf(response)
  const scripts = policy.get('script-src') ?? policy.get('default-src')
  expect(scripts, 'script-src').toBeDefined()
  expect(scripts).not.toContain("'unsafe-inline'")
  expect(scripts).not.toContain("'unsafe-eval'")
  expect(policy.get('object-src')).toEqual(["'none'"])
  expect(policy.get('base-uri')?.length).toBe(1)
  expect(policy.get('form-action')?.length).toBe(1)
  expect(policy.get('frame-ancestors')).toEqual([options.framedBySelf ? "'self'" : "'none'"])
  const headers = response.headers()
  expect(headers['x-frame-options']).toBe(options.framedBySelf ? 'SAMEORIGIN' : 'DENY')
  expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/)
  expect(headers['permissions-policy']).toContain('camera=(), microphone=(), geolocation=(), payment=()')
  return policy
}

/** Personal data: neither a browser nor any cache in between may keep the response. */
export function expectNotStored(response: APIResponse) {
  const values = headerValues(response, 'cache-control')
  expect(values, `Cache-Control of ${response.url()}`).toHaveLength(1)
  expect(values[0]).toMatch(/(^|,\s*)no-store(,|$)/)
  expect(values[0]).not.toMatch(/public|s-maxage/)
}

/** The nonce a page policy gives scripts. */
export function nonceOf(policy: Map<string, string[]>): string {
  const source = policy.get('script-src')?.find((value) => value.startsWith("'nonce-"))
  expect(source, 'a nonce in script-src').toBeDefined()
  return source!.slice("'nonce-".length, -1)
}

/** The script elements of an HTML page: attributes and text. */
export function scriptsOf(html: string): Array<{ attributes: string; text: string }> {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((match) => ({
    attributes: match[1] ?? '',
    text: match[2] ?? '',
  }))
}

/** The CSP hash of an inline script, as a browser computes it. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('base64')}'`
}

/**
 * Records, in the page, what the browser's CSP refused (securitypolicyviolation events), from the
 * very first script on. Read them with `violations(page)`.
 */
export async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.effectiveDirective} ${event.blockedURI || 'inline'} ${event.sample} (${event.sourceFile}:${event.lineNumber})`,
      ),
    )
  })
}

export async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
}

/** The whole online registration, as an applicant does it; returns the dossier's reference. */
export async function applyOnline(
  page: Page,
  options: { birthName: string; beforeSubmit?: () => Promise<void> },
): Promise<string> {
  await page.goto('/inscription')
  await page.getByRole('button', { name: /Commencer (mon|une nouvelle) inscription/ }).click()
  await fillIdentity(page, { birthName: options.birthName })
  await next(page)
  await fillContact(page)
  await next(page)
  await fillSituation(page)
  await next(page)
  await next(page)
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(page)
  await uploadAllPieces(page)
  await options.beforeSubmit?.()
  await page.goto('/inscription/recapitulatif')
  await page.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
  await page.getByRole('checkbox', { name: /Je certifie/ }).check()
  await page.getByRole('button', { name: /Envoyer mon dossier/ }).click()
  const reference = (await page.getByTestId('reference').textContent())?.trim() ?? ''
  expect(reference).toMatch(/^CPN42-/)
  return reference
}
