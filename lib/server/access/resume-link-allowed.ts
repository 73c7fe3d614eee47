import 'server-only'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { hashToken } from '@/lib/server/tokens'

/**
 * Whether one more e-mail carrying a resume link may go out: RATE_LIMITS.resumeEmail (5 an hour)
 * per draft, per address and per client, so that the portal cannot be made to mail many people
 * (or one person many times). The address is counted by its hash: the counters hold no address.
 */
export async function resumeLinkAllowed(options: { draftId: string; email: string; ip: string | null }) {
  const rule = RATE_LIMITS.resumeEmail
  const subjects = [
    `draft:${options.draftId}`,
    `to:${hashToken(options.email.toLowerCase()).slice(0, 32)}`,
    ...(options.ip ? [options.ip] : []),
  ]
  let allowed = true
  for (const subject of subjects) {
    const hit = await hitRateLimit({ rule, subject })
    if (!hit.allowed) allowed = false
  }
  if (!allowed)
    await logSecurityEvent('warn', 'rate_limit.hit', { rule: rule.name, ip: options.ip ?? undefined })
  return allowed
}
