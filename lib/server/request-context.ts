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
  if (forwarded.length === 0) return asAddress(list.get('x-real-ip') ?? 'unknown')
  return asAddress(forwarded[Math.max(0, forwarded.length - Math.max(1, env.TRUSTED_PROXIES))] ?? 'unknown')
}

/** What a proxy writes for an address: IPv4, IPv6 (with a zone or a port, perhaps), or "unknown". */
const ADDRESS = /^[\w.:[\]%-]{1,64}$/

/**
 * The address as a key of the rate limits and a column of the sign-in records. Without a proxy the
 * client writes this header itself, and kilobytes of it would exceed what an index entry may hold
 * (the insert would fail): anything that is not an address counts as one address, "invalid".
 */
function asAddress(value: string): string {
  return ADDRESS.test(value) ? value : 'invalid'
}
