import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  FILE_POLICY,
  hashPolicy,
  inlineScriptHashes,
  noncePolicy,
  prerenderedPages,
  PREVIEW_POLICY,
  responseHeaders,
  routeForLogs,
} from './headers.mjs'
import PrerenderedPageCache, {
  pathnameOfCacheKey,
  withPrerenderedPolicies,
  withPrerenderedPolicy,
} from './prerendered-page-cache.mjs'

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources] as const
    }),
  )
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`
const PRERENDERED = new Set(['/', '/confidentialite'])
const headersOf = (url: string, development = false) => {
  const { pathname, searchParams } = new URL(url, 'http://portail.test')
  return responseHeaders({ pathname, searchParams, nonce: 'bm9uY2U=', development, prerendered: PRERENDERED })
}

/** A build folder holding a prerender manifest with these routes. */
function buildWith(routes: Record<string, { dataRoute: string | null }>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'portail-build-'))
  mkdirSync(path.join(dir, 'server'))
  writeFileSync(path.join(dir, 'prerender-manifest.json'), JSON.stringify({ version: 4, routes }))
  return dir
}

describe('content security policies', () => {
  const policies = {
    nonce: noncePolicy('bm9uY2U='),
    hash: hashPolicy([sha256('x')]),
    file: FILE_POLICY,
    preview: PREVIEW_POLICY,
  }

  it.each(Object.entries(policies))(
    '%s: no inline script, no plugin, no foreign base or form target',
    (_, policy) => {
      const parsed = directives(policy)
      const scripts = parsed.get('script-src') ?? parsed.get('default-src')
      expect(scripts).toBeDefined()
      expect(scripts).not.toContain("'unsafe-inline'")
      expect(scripts).not.toContain("'unsafe-eval'")
      expect(scripts).not.toContain('*')
      expect(parsed.get('object-src')).toEqual(["'none'"])
      expect(parsed.get('base-uri')).toEqual(
        expect.arrayContaining([expect.stringMatching(/^'(self|none)'$/)]),
      )
      expect(parsed.get('form-action')).toHaveLength(1)
    },
  )

  it('lets only the piece preview be framed, and by our own pages only', () => {
    for (const policy of [policies.nonce, policies.hash, policies.file])
      expect(directives(policy).get('frame-ancestors')).toEqual(["'none'"])
    expect(directives(policies.preview).get('frame-ancestors')).toEqual(["'self'"])
  })

  it('sandboxes the piece preview, so that a PDF’s or an image’s scripts never run', () => {
    // `sandbox` with no token: no scripts, no forms, no pop-ups, an opaque origin.
    expect(directives(policies.preview).get('sandbox')).toEqual([])
  })

  it('gives pages rendered per request their nonce, and prerendered pages their hashes', () => {
    expect(directives(policies.nonce).get('script-src')).toEqual([
      "'self'",
      "'nonce-bm9uY2U='",
      "'strict-dynamic'",
    ])
    expect(directives(policies.hash).get('script-src')).toEqual(["'self'", `'${sha256('x')}'`])
  })

  it('allows eval in development only, for React’s debugging aids', () => {
    expect(directives(noncePolicy('bm9uY2U=', { development: true })).get('script-src')).toContain(
      "'unsafe-eval'",
    )
  })
})

describe('response headers by path', () => {
  it.each([
    ['/inscription/identite', 'page', true, 'no-referrer'],
    ['/inscription/reprendre/abc', 'page', true, 'no-referrer'],
    ['/dossier', 'page', true, 'no-referrer'],
    ['/dossier/formulaire', 'page', true, 'no-referrer'],
    ['/dossier/formulaire.pdf', 'file', true, 'no-referrer'],
    ['/admin', 'page', true, 'strict-origin-when-cross-origin'],
    ['/admin/invitation/abc', 'page', true, 'no-referrer'],
    ['/admin/dossiers/export.csv', 'file', true, 'strict-origin-when-cross-origin'],
    ['/admin/dossiers/1/pieces.zip', 'file', true, 'strict-origin-when-cross-origin'],
    ['/admin/dossiers/1/pieces/2', 'file', true, 'strict-origin-when-cross-origin'],
    ['/admin/dossiers/1/pieces/2?apercu=1', 'preview', true, 'strict-origin-when-cross-origin'],
    ['/api/inscription/pieces', 'file', true, 'strict-origin-when-cross-origin'],
    ['/documents/attestation-emploi.pdf', 'file', false, 'strict-origin-when-cross-origin'],
    ['/', 'prerendered', false, 'strict-origin-when-cross-origin'],
    ['/confidentialite', 'prerendered', false, 'strict-origin-when-cross-origin'],
  ])('%s: %s, private %s, referrer %s', (url, kind, isPrivate, referrer) => {
    const headers = headersOf(url)
    const policy = headers['Content-Security-Policy']
    if (kind === 'prerendered') expect(policy).toBeUndefined()
    if (kind === 'page') expect(policy).toContain("'nonce-bm9uY2U='")
    if (kind === 'file') expect(policy).toBe(FILE_POLICY)
    if (kind === 'preview') expect(policy).toBe(PREVIEW_POLICY)
    expect(headers['X-Frame-Options']).toBe(kind === 'preview' ? 'SAMEORIGIN' : 'DENY')
    expect(headers['Cache-Control']).toBe(isPrivate ? 'private, no-store' : undefined)
    expect(headers['Referrer-Policy']).toBe(referrer)
    expect(headers).toMatchObject({
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      'X-Content-Type-Options': 'nosniff',
      'Permissions-Policy': expect.stringContaining('camera=(), microphone=(), geolocation=(), payment=()'),
    })
  })

  it('gives prerendered pages a nonce in development, where every page is rendered per request', () => {
    expect(headersOf('/', true)['Content-Security-Policy']).toContain("'nonce-bm9uY2U='")
  })
})

describe('prerendered pages', () => {
  it('are the pages of the build’s prerender manifest, but Next’s own fallbacks and route handlers', () => {
    const build = buildWith({
      '/': { dataRoute: '/index.rsc' },
      '/confidentialite': { dataRoute: '/confidentialite.rsc' },
      '/_not-found': { dataRoute: '/_not-found.rsc' },
      '/_global-error': { dataRoute: '/_global-error.rsc' },
      '/icon.svg': { dataRoute: null },
    })
    expect([...prerenderedPages(build)].sort()).toEqual(['/', '/confidentialite'])
  })

  it('are none when the manifest cannot be read: every page gets a nonce, and the error is logged', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(prerenderedPages(path.join(tmpdir(), 'pas-de-build-ici')).size).toBe(0)
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('security.prerender_manifest_unreadable'))
    errors.mockRestore()
  })
})

describe('inline script hashes', () => {
  const bootstrap = '(self.__next_f=self.__next_f||[]).push([0])'
  const payload = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:\\u003cb\\u003e"])'
  const turbopack =
    '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[94553]});'

  it('hashes Next’s inline scripts, as the browser does', () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      `<script id="_R_">${turbopack}</script>`,
      `<script>${bootstrap}</script>`,
      `<script>${payload}</script >`,
      `<script>${payload}</script>`,
      '<script>self.__next_f.push([2,\r\nnull])</script>',
    ].join('')
    expect(inlineScriptHashes(html)).toEqual([
      sha256(turbopack),
      sha256(bootstrap),
      sha256(payload),
      sha256('self.__next_f.push([2,\nnull])'),
    ])
  })

  it('leaves out any other script, so that one slipped into the page stays blocked', () => {
    const html = [
      '<script>alert(document.cookie)</script>',
      '<script>self.__next_f.push([1,"x"]);alert(1)</script>',
      '<script>self.__next_f.push([1,"x"]),alert(1)//])</script>',
      '<script>self.__next_f.push([alert(1)])</script>',
      '<script type="module">self.__next_f.push([0])</script>',
      '<script type="application/ld+json">{"@type":"Course"}</script>',
    ].join('')
    expect(inlineScriptHashes(html)).toEqual([])
  })
})

describe('the prerendered page cache', () => {
  it('finds the pathname of a response cache key', () => {
    expect(pathnameOfCacheKey('/route-cache/APP_PAGE/0487e3/$/index')).toBe('/')
    expect(pathnameOfCacheKey('/route-cache/APP_PAGE/0487e3/$/confidentialite')).toBe('/confidentialite')
    expect(pathnameOfCacheKey('some-fetch-key')).toBeNull()
  })

  it('stores each prerendered page with the hashes of its own scripts, and only those pages', () => {
    const page = (data: string) => ({
      kind: 'APP_PAGE',
      html: `<html><script>self.__next_f.push([1,"${data}"])</script></html>`,
      headers: { 'x-next-cache-tags': '_N_T_/' },
    })
    const home = page('one')
    withPrerenderedPolicy('/route-cache/APP_PAGE/1/$/index', home, PRERENDERED)
    expect(home.headers).toEqual({
      'x-next-cache-tags': '_N_T_/',
      'content-security-policy': hashPolicy([sha256('self.__next_f.push([1,"one"])')]),
    })
    const regenerated = page('two')
    withPrerenderedPolicy('/route-cache/APP_PAGE/1/$/index', regenerated, PRERENDERED)
    expect(regenerated.headers['content-security-policy' as keyof typeof regenerated.headers]).toContain(
      sha256('self.__next_f.push([1,"two"])'),
    )
    // Pages rendered per request have their nonce policy from proxy.ts: a second one would block them.
    const notFound = page('three')
    withPrerenderedPolicy('/route-cache/APP_PAGE/1/$/_not-found', notFound, PRERENDERED)
    expect(notFound.headers).toEqual({ 'x-next-cache-tags': '_N_T_/' })
  })

  it('wraps any cache handler: the entry written is served with its policy', async () => {
    class MemoryHandler {
      entries = new Map<string, unknown>()
      constructor(readonly context: { serverDistDir?: string }) {}
      async get(key: string) {
        return this.entries.has(key) ? { value: this.entries.get(key), lastModified: 0 } : null
      }
      async set(key: string, data: unknown) {
        this.entries.set(key, data)
      }
    }
    const build = buildWith({ '/': { dataRoute: '/index.rsc' } })
    const handler = new (withPrerenderedPolicies(MemoryHandler))({
      serverDistDir: path.join(build, 'server'),
    })
    const key = '/route-cache/APP_PAGE/1/$/index'
    await handler.set(key, { kind: 'APP_PAGE', html: '<script>self.__next_f.push([0])</script>' }, {})
    const entry = (await handler.get(key)) as { value: { headers: Record<string, string> } }
    expect(entry.value.headers['content-security-policy']).toBe(
      hashPolicy([sha256('self.__next_f.push([0])')]),
    )
  })

  it('is Next’s file-system cache', () => {
    expect(Object.getPrototypeOf(PrerenderedPageCache).name).toBe('FileSystemCache')
  })
})

describe('routes in logs', () => {
  it('never carry a private token nor the query string', () => {
    const token = 'q7Yv0pW_3kLx9Zr2TbN-8sHc4mQe1uJa6dFg5iKoPlA'
    expect(routeForLogs(`/inscription/reprendre/${token}`)).toBe('/inscription/reprendre/[token]')
    expect(routeForLogs(`/dossier/acces/court`)).toBe('/dossier/acces/[token]')
    expect(routeForLogs(`/admin/invitation/${token}`)).toBe('/admin/invitation/[token]')
    expect(routeForLogs(`/autre/${token}/x`)).toBe('/autre/[token]/x')
    const uuid = '3f2b9c1e-7a4d-4e8b-9c0f-1a2b3c4d5e6f'
    expect(routeForLogs(`/admin/dossiers/${uuid}`)).toBe(`/admin/dossiers/${uuid}`)
  })
})
