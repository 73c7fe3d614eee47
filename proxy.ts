import path from 'node:path'
import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { isStaffSignInPath, STAFF_COOKIE } from '@/lib/server/auth/staff-cookie'
import { logEvent } from '@/lib/server/log'
import { isSameOrigin } from '@/lib/server/same-origin'
import {
  FILE_POLICY,
  newNonce,
  NONCE_HEADER,
  prerenderedPages,
  responseHeaders,
  ROUTE_HEADER,
  routeForLogs,
} from '@/lib/security/headers.mjs'
import {
  headerForLogs,
  isReadableOrigin,
  nestingDepth,
  SERVER_ACTION_BODY_LIMIT_BYTES,
  SERVER_ACTION_MAX_DEPTH,
} from '@/lib/security/request-limits.mjs'

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
export async function proxy(request: NextRequest) {
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
  const refusal = (await refuseMalformed(request, pathname)) ?? redirectAnonymousStaff(request, pathname)
  if (refusal) {
    for (const [name, value] of Object.entries(headers)) refusal.headers.set(name, value)
    // A short answer of ours, not a page: it loads and runs nothing.
    refusal.headers.set('Content-Security-Policy', FILE_POLICY)
    return refusal
  }
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

/**
 * A visitor of the staff area without a staff session cookie goes to the sign-in page (then back
 * here) before anything renders: no page skeleton, no loading state, no meta refresh. Only for
 * reads: a server action posted without a session gets its own refusal from its access check. A
 * cookie that is there but no longer valid is the page's to judge (requireStaffPage), as before.
 */
function redirectAnonymousStaff(request: NextRequest, pathname: string): NextResponse | null {
  if (!/^\/admin(\/|$)/.test(pathname) || isStaffSignInPath(pathname)) return null
  if (request.method !== 'GET' && request.method !== 'HEAD') return null
  if (request.cookies.get(STAFF_COOKIE)?.value) return null
  const back = `${pathname}${request.nextUrl.search}`
  // Next's proxy takes an absolute Location only (a relative one throws): the request's own URL,
  // which Next then writes back relative when it is on the same host.
  const target = request.nextUrl.clone()
  target.pathname = '/admin/connexion'
  target.search = back === '/admin' ? '' : `?retour=${encodeURIComponent(back)}`
  const response = NextResponse.redirect(target, 307)
  response.headers.set('Cache-Control', 'no-store')
  return response
}

/**
 * What Next's server-action handler would answer with a 500 (and a log line quoting the request):
 * an Origin no URL parser reads (403, any write), and for a server action (a POST to a page) a body
 * over Next's limit (413) or arguments nested deeper than our forms ever send (400). The body is
 * read here from Next's replayable copy, so the action still reads it whole afterwards.
 */
async function refuseMalformed(request: NextRequest, pathname: string): Promise<NextResponse | null> {
  if (request.method === 'GET' || request.method === 'HEAD') return null
  const origin = request.headers.get('origin')
  if (origin !== null && !isReadableOrigin(origin)) {
    logEvent('warn', 'request.refused', {
      reason: 'origin_unreadable',
      origin: headerForLogs(origin),
      route: routeForLogs(pathname),
    })
    return shortAnswer(403, 'Requête refusée : origine illisible.')
  }
  if (request.method !== 'POST' || /^\/api\//.test(pathname) || !request.headers.has('next-action'))
    return null
  if (!isSameOrigin(request)) {
    logEvent('warn', 'request.refused', {
      reason: 'origin_foreign',
      origin: headerForLogs(origin ?? ''),
      route: routeForLogs(pathname),
    })
    return shortAnswer(403, 'Requête refusée : elle ne vient pas du portail.')
  }
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > SERVER_ACTION_BODY_LIMIT_BYTES) return tooLarge(pathname, declared)
  const body = new Uint8Array(await request.clone().arrayBuffer())
  if (body.length > SERVER_ACTION_BODY_LIMIT_BYTES) return tooLarge(pathname, body.length)
  if (nestingDepth(body) > SERVER_ACTION_MAX_DEPTH) {
    logEvent('warn', 'request.refused', { reason: 'too_deep', route: routeForLogs(pathname) })
    return shortAnswer(400, 'Requête refusée : données trop imbriquées.')
  }
  return null
}

function tooLarge(pathname: string, bytes: number): NextResponse {
  logEvent('warn', 'request.refused', { reason: 'too_large', bytes, route: routeForLogs(pathname) })
  return shortAnswer(413, 'Requête refusée : données trop volumineuses (1 Mo au plus).')
}

function shortAnswer(status: number, message: string): NextResponse {
  return new NextResponse(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}

export const config = {
  // Everything but Next's build files (hashed, immutable) and the piece upload routes:
  // next.config.ts gives both their headers (UNPROXIED_ROUTES). Next copies every body the proxy
  // sees into memory (up to proxyClientMaxBodySize), so uploads skip it and are streamed to disk
  // instead (lib/server/uploads/read-upload.ts). Prefetches included: their RSC payloads carry the
  // same personal data as the page.
  matcher: ['/((?!_next/static|_next/image|api/inscription/pieces$|api/dossier/pieces$).*)'],
}
