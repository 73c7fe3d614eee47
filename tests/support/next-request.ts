// Stand-ins for next/headers, next/cache and next/navigation, so that integration tests call the real
// server actions and route handlers outside a Next.js server. The integration setup file
// (integration-setup.ts) mocks the three modules with this one for every test file; a test drives
// the "browser" through `browser` (its cookie jar and IP address).

import { SOCKET_ADDRESS_HEADER } from '@/lib/server/socket-address'

const jar = new Map<string, string>()
let ip = '203.0.113.10'
/** An X-Forwarded-For the client itself sends (a forgery, when no proxy is in front). */
let forwardedFor: string | null = null
export const revalidated: string[] = []

export const browser = {
  /** A new browser: no cookies (as after closing it, or on another device). */
  reset(options: { ip?: string } = {}) {
    jar.clear()
    ip = options.ip ?? '203.0.113.10'
    forwardedFor = null
  },
  cookie(name: string): string | undefined {
    return jar.get(name)
  },
  setCookie(name: string, value: string) {
    jar.set(name, value)
  },
  /** The address the browser connects from (the socket's, as no proxy is in front in these tests). */
  useIp(address: string) {
    ip = address
  },
  /** An X-Forwarded-For header the browser sends of its own, or null for none. */
  sendForwardedFor(value: string | null) {
    forwardedFor = value
  },
  get ip() {
    return ip
  },
}

export async function cookies() {
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar.entries()].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => {
      jar.set(name, value)
    },
    delete: (name: string) => {
      jar.delete(name)
    },
  }
}

/** next/navigation stand-in: redirect() throws like Next's, with the same digest. */
export function redirect(url: string): never {
  throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${url};307;` })
}

export function notFound(): never {
  throw Object.assign(new Error('NEXT_HTTP_ERROR_FALLBACK;404'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' })
}

export async function headers() {
  const cookie = [...jar.entries()].map(([name, value]) => `${name}=${value}`).join('; ')
  // As `next start` without a proxy: the socket's address, and X-Forwarded-For filled with it unless
  // the client sent its own.
  return new Headers({
    [SOCKET_ADDRESS_HEADER]: ip,
    'x-forwarded-for': forwardedFor ?? ip,
    host: 'localhost:3000',
    ...(cookie ? { cookie } : {}),
  })
}

export function revalidatePath(path: string) {
  revalidated.push(path)
}

export function revalidateTag(tag: string) {
  revalidated.push(`tag:${tag}`)
}

/** Runs an action that ends with redirect(): returns where it redirected to. */
export async function expectRedirect(run: () => Promise<unknown>): Promise<string> {
  try {
    await run()
  } catch (error) {
    const digest = (error as { digest?: string }).digest
    if (digest?.startsWith('NEXT_REDIRECT')) return digest.split(';')[2] ?? ''
    throw error
  }
  throw new Error('Expected a redirect')
}

const afterResponse: Array<() => unknown> = []

/** next/server's after() stand-in: the work waits until the test runs it, as after the response. */
export function after(task: () => unknown) {
  afterResponse.push(task)
}

/** Runs what the last requests left for after their response. */
export async function runAfterResponse(): Promise<void> {
  while (afterResponse.length > 0) await afterResponse.shift()!()
}
