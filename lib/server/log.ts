import 'server-only'

type Level = 'info' | 'warn' | 'error'
type Value = string | number | boolean | null | undefined

/** Fields whose name says they hold a secret or a person's data: dropped whatever their value. */
const SECRET_FIELD = /token|passw|pwd|secret|nir|ssn|link|url|cookie|authorization|otp|content|body|file/i

/**
 * Values that look like a NIR (13 or 15 characters, spaced or not, Corsica's 2A/2B included), an
 * e-mail address, or a private token (a long run of base64url characters): replaced wherever they
 * appear. Dashes do not join digit groups, so that dates stay readable.
 */
const SECRET_VALUE = [
  /(?<![\dA-Z])[1-478][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2A|2B)[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?(?![\dA-Z])/gi,
  /\d(?:[ .]?\d){12,}/g,
  /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}\b/g,
  // Hexadecimal runs stay: UUIDs (row ids), server action ids. A random base64url token is never
  // hexadecimal only.
  /(?<![\w-])(?![0-9a-f-]+(?![\w-]))[\w-]{32,}/gi,
]

export const REDACTED = '[redacted]'

/** `text` with whatever looks like a NIR, an e-mail address or a private token masked. */
export function scrubText(text: string): string {
  return SECRET_VALUE.reduce((result, pattern) => result.replace(pattern, REDACTED), text)
}

/** Longer values are cut: a field never carries a request's value whole (a forged header, say). */
const MAX_VALUE_LENGTH = 200

function scrub(value: Value): Value {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e12 ? REDACTED : value
  if (typeof value !== 'string') return value
  const scrubbed = scrubText(value)
  return scrubbed.length > MAX_VALUE_LENGTH ? `${scrubbed.slice(0, MAX_VALUE_LENGTH)}…` : scrubbed
}

/**
 * Structured log line (JSON on one line) for events worth keeping: security events, failures.
 * Never pass personal data here (names, NIR, e-mail bodies, private links, file contents): only
 * ids, codes and counts. As a last safety net, fields named like secrets are dropped, and values
 * that look like a NIR, an e-mail address or a token are masked.
 */
export function logEvent(level: Level, event: string, fields: Record<string, Value>): void {
  const safe: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_FIELD.test(key)) continue
    safe[key] = scrub(value)
  }
  const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...safe })
  if (level === 'error') console.error(line)
  else if (level === 'warn') console.warn(line)
  else console.info(line)
}
