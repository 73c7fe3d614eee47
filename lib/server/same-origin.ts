import { ALLOWED_WRITE_ORIGINS } from '@/lib/security/headers.mjs'

// No database, no Next: proxy.ts applies it to server actions before Next's own check (which
// answers a foreign Origin with a 500), and route handlers to their writes.

/**
 * Refuses a write coming from another site (belt and braces with SameSite cookies), as Next does
 * for server actions: the Origin's host must be the host the request was sent to (the first
 * X-Forwarded-Host behind a proxy, else Host), or one of ALLOWED_WRITE_ORIGINS. `Origin: null`
 * (sandboxed frame, opaque redirect) is refused. Browsers send Origin with every POST; without
 * one, Sec-Fetch-Site still tells a request from another site.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  if (!origin) return !['cross-site', 'same-site'].includes(request.headers.get('sec-fetch-site') ?? '')
  let originHost: string
  try {
    originHost = new URL(origin).host
  } catch {
    return false
  }
  const forwardedHost = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  const host = forwardedHost || request.headers.get('host')
  return originHost === host || ALLOWED_WRITE_ORIGINS.includes(originHost)
}
