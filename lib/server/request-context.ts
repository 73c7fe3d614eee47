import 'server-only'
import { headers } from 'next/headers'
import { env } from '@/lib/env'

/**
 * The client's IP address, for rate limits and security logs. Each of our TRUSTED_PROXIES reverse
 * proxies appends the address it received the request from to X-Forwarded-For, so the client is
 * the TRUSTED_PROXIES-th entry from the right. With no proxy, Next.js fills the header with the
 * socket address, but only when the client did not send one: in production, serve the portal
 * behind a proxy and set TRUSTED_PROXIES.
 */
export async function clientIp(): Promise<string> {
  const list = await headers()
  const forwarded = (list.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  if (forwarded.length === 0) return list.get('x-real-ip') ?? 'unknown'
  return forwarded[Math.max(0, forwarded.length - Math.max(1, env.TRUSTED_PROXIES))] ?? 'unknown'
}
