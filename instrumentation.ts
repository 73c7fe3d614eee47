/**
 * Runs once as the server starts (Next's instrumentation): see lib/server/scrub-console.ts, and
 * lib/server/socket-address.ts (the client's address for rate limits and logs).
 */
export async function register() {
  // eslint-disable-next-line no-restricted-syntax -- set by Next for this hook, not the app's configuration
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { scrubConsole } = await import('@/lib/server/scrub-console')
  scrubConsole()
  const { recordSocketAddresses } = await import('@/lib/server/socket-address')
  recordSocketAddresses()
}
