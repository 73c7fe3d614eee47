import 'server-only'
import { headers } from 'next/headers'
import { env } from '@/lib/env'
import { SOCKET_ADDRESS_HEADER } from './socket-address'

/**
 * The client's address from the socket's and X-Forwarded-For. Each of the `trustedProxies` reverse
 * proxies in front of the portal appends the address it received the request from, so the chain
 * [X-Forwarded-For…, socket] read from the right holds the proxies, then the client: the client is
 * the entry `trustedProxies` places left of the socket. With 0 the socket is the client and
 * X-Forwarded-For, written by the client itself, is ignored. A chain shorter than that (a request
 * that bypassed a proxy) gives its leftmost entry.
 */
export function clientAddress(options: {
  socketAddress: string | null
  forwardedFor: string | null
  trustedProxies: number
}): string {
  const forwarded =
    options.trustedProxies === 0
      ? []
      : (options.forwardedFor ?? '')
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
  const chain = [...forwarded, options.socketAddress ?? 'unknown']
  return asAddress(chain[Math.max(0, chain.length - 1 - options.trustedProxies)] ?? 'unknown')
}

/**
 * The client's IP address, for rate limits and security logs: the socket's (recorded by
 * lib/server/socket-address.ts) and, behind TRUSTED_PROXIES proxies, what they appended to
 * X-Forwarded-For (README « Configuration »).
 */
export async function clientIp(): Promise<string> {
  const list = await headers()
  return clientAddress({
    socketAddress: list.get(SOCKET_ADDRESS_HEADER),
    forwardedFor: list.get('x-forwarded-for'),
    trustedProxies: env.TRUSTED_PROXIES,
  })
}

/** What a proxy writes for an address: IPv4, IPv6 (with a zone or a port, perhaps), or "unknown". */
const ADDRESS = /^[\w.:[\]%-]{1,64}$/

/**
 * The address as a key of the rate limits and a column of the sign-in records. X-Forwarded-For may
 * carry anything a client wrote, and kilobytes of it would exceed what an index entry may hold
 * (the insert would fail): anything that is not an address counts as one address, "invalid". An
 * IPv4 address seen through an IPv6 socket (::ffff:192.0.2.1) is written as IPv4.
 */
function asAddress(value: string): string {
  if (!ADDRESS.test(value)) return 'invalid'
  return value.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')
}
