import 'server-only'
import { headers } from 'next/headers'
import { NONCE_HEADER } from '@/lib/security/headers.mjs'

/**
 * This request's CSP nonce (set by proxy.ts), for an inline element of our own that the policy
 * must accept, such as the print pages' style element. Undefined where the proxy gave no nonce.
 */
export async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get(NONCE_HEADER) ?? undefined
}
