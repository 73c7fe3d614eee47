import 'server-only'
import { headers } from 'next/headers'
import { ROUTE_HEADER } from '@/lib/security/headers.mjs'
import { logEvent } from './log'
import { clientIp } from './request-context'

type Fields = Parameters<typeof logEvent>[2]

/**
 * logEvent for a security event (refused sign-in, access, upload; rate limit; honeypot) during a
 * request, with who and where added: the client's IP address, the route (set by proxy.ts: private
 * tokens masked, never the query string) and, for a server action, its id — an action can be
 * posted to any page, so the route alone does not say which one ran. The caller's own fields win.
 */
export async function logSecurityEvent(
  level: 'info' | 'warn' | 'error',
  event: string,
  fields: Fields,
): Promise<void> {
  let context: Fields = {}
  try {
    const list = await headers()
    context = {
      ip: await clientIp(),
      route: list.get(ROUTE_HEADER) ?? undefined,
      action: list.get('next-action') ?? undefined,
    }
  } catch {
    // Outside a request (a script): the caller's fields only.
  }
  logEvent(level, event, { ...context, ...fields })
}
