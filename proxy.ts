import path from 'node:path'
import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import {
  newNonce,
  NONCE_HEADER,
  prerenderedPages,
  responseHeaders,
  ROUTE_HEADER,
  routeForLogs,
} from '@/lib/security/headers.mjs'

/** Next's build folder, as next.config.ts names it: its prerender manifest lists the static pages. */
const BUILD_DIR = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  // eslint-disable-next-line no-restricted-syntax -- a build setting shared with next.config.ts, not the app's configuration
  process.env.NEXT_DIST_DIR || '.next',
)

/**
 * Security headers of every response (lib/security/headers.mjs), and a fresh CSP nonce for each
 * page rendered per request: Next reads it from the request's Content-Security-Policy header and
 * puts it on its scripts. Pages the build prerendered (`/`, `/confidentialite`…) get no nonce: the
 * cache handler (lib/security/prerendered-page-cache.mjs) stores them with a policy that lists the
 * hashes of their own inline scripts.
 *
 * Headers set here win over those a route handler sets (Next only adds a route's header when it is
 * not already there), so this is the one place that decides them.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl
  const development = env.NODE_ENV === 'development'
  const nonce = newNonce()
  const headers = responseHeaders({
    pathname,
    searchParams,
    nonce,
    development,
    prerendered: development ? new Set() : prerenderedPages(BUILD_DIR),
  })
  const forwarded = new Headers(request.headers)
  // Whatever the client sent: Next and our pages would take a nonce from it, and logs trust the route.
  forwarded.delete('content-security-policy')
  forwarded.delete('content-security-policy-report-only')
  forwarded.delete(NONCE_HEADER)
  const policy = headers['Content-Security-Policy']
  if (policy) forwarded.set('Content-Security-Policy', policy)
  if (policy?.includes(`'nonce-${nonce}'`)) forwarded.set(NONCE_HEADER, nonce)
  forwarded.set(ROUTE_HEADER, routeForLogs(pathname))
  const response = NextResponse.next({ request: { headers: forwarded } })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

export const config = {
  // Everything but Next's build files (hashed, immutable) and the piece upload routes:
  // next.config.ts gives both their headers (UNPROXIED_ROUTES). Next copies every body the proxy
  // sees into memory (up to proxyClientMaxBodySize), so uploads skip it and are streamed to disk
  // instead (lib/server/uploads/read-upload.ts). Prefetches included: their RSC payloads carry the
  // same personal data as the page.
  matcher: ['/((?!_next/static|_next/image|api/inscription/pieces$|api/dossier/pieces$).*)'],
}
