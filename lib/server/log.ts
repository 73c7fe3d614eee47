import 'server-only'

type Level = 'info' | 'warn' | 'error'

/**
 * Structured log line (JSON on one line) for events worth keeping: security events, failures.
 * Never pass personal data here (names, NIR, e-mail bodies, private links, file contents): only
 * ids, codes and counts. Fields named like secrets are dropped as a last safety net.
 */
export function logEvent(
  level: Level,
  event: string,
  fields: Record<string, string | number | boolean | null | undefined>,
): void {
  const safe: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (/token|password|secret|nir|link|cookie/i.test(key)) continue
    safe[key] = value
  }
  const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...safe })
  if (level === 'error') console.error(line)
  else if (level === 'warn') console.warn(line)
  else console.info(line)
}
