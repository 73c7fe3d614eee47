import 'server-only'
import { addDays, fromIsoDate, todayIn } from '@/lib/domain/dates'
import { openSemesters } from '@/lib/domain/session'
import { env } from '@/lib/env'
import { getDb } from '@/lib/server/db'
import { hashToken, newToken } from '@/lib/server/tokens'
import { getOpenRegistration } from './registration-context'

export function draftExpiry(now: Date): Date {
  // Until the end of the last day, in La Réunion.
  return new Date(fromIsoDate(addDays(todayIn(now), env.DRAFT_TTL_DAYS + 1)).getTime() - 4 * 3600 * 1000)
}

/**
 * Starts a registration for the session of `programmeCode` open to registration. Returns the
 * session token (for this browser's cookie only: resume links are made apart, when an address is
 * given), or why it cannot start.
 */
export async function createDraft(options: {
  programmeCode: string
  now?: Date
}): Promise<{ ok: true; token: string } | { ok: false; reason: 'CLOSED' }> {
  const now = options.now ?? new Date()
  const context = await getOpenRegistration({ programmeCode: options.programmeCode })
  if (!context || openSemesters(context.session, todayIn(now)).length === 0)
    return { ok: false, reason: 'CLOSED' }
  const token = newToken()
  await getDb().draft.create({
    data: {
      sessionId: context.sessionId,
      tokenHash: hashToken(token),
      sessionSeenAt: now,
      expiresAt: draftExpiry(now),
    },
    select: { id: true },
  })
  return { ok: true, token }
}
