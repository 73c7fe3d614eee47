import 'server-only'
import { NextResponse } from 'next/server'

/**
 * A 303 redirect to a path of this site. The Location stays relative: behind a proxy, or when the
 * site is reached as 127.0.0.1 rather than localhost, an absolute URL built from the request could
 * send the browser to another host, where the cookie just set would not be sent.
 */
export function redirectTo(path: string, headers: Record<string, string> = {}): NextResponse {
  return new NextResponse(null, {
    status: 303,
    headers: { Location: path, 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store', ...headers },
  })
}
