import 'server-only'
import {
  MAX_FAILURES_PER_ACCOUNT_AND_CLIENT,
  MAX_FAILURES_PER_CLIENT,
  SIGN_IN_WINDOW_MINUTES,
  signInThrottle,
  signInThrottleMessage,
} from '@/lib/domain/staff'
import { getDb, type DbClient } from '@/lib/server/db'
import { logSecurityEvent } from '@/lib/server/log-security-event'

export type SignInAttemptClaim = { ok: true; attemptId: string } | { ok: false; message: string }

/**
 * Asks the throttle (lib/domain/staff.ts) whether a password or code typed for `email` from `ip`
 * may be checked. The attempt is written first, as a failure, and the limits are read after,
 * leaving it out: parallel requests of one client then see each other, so a burst cannot slip
 * through the check together. A refused attempt is deleted (it must not extend any limit); an
 * allowed one stays a failure unless `signInAttemptSucceeded` is called.
 */
export async function claimSignInAttempt(options: {
  email: string
  ip: string
  now: Date
  db?: DbClient
}): Promise<SignInAttemptClaim> {
  const db = options.db ?? getDb()
  const { email, ip, now } = options
  const attempt = await db.signInAttempt.create({
    data: { email, ip, succeeded: false, createdAt: now },
    select: { id: true },
  })
  const failed = {
    succeeded: false,
    id: { not: attempt.id },
    createdAt: { gte: new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000) },
  }
  const newestFirst = { orderBy: { createdAt: 'desc' }, select: { createdAt: true } } as const
  const [accountAndClient, client, accountCount, accountLast] = await Promise.all([
    db.signInAttempt.findMany({
      where: { ...failed, email, ip },
      take: MAX_FAILURES_PER_ACCOUNT_AND_CLIENT,
      ...newestFirst,
    }),
    db.signInAttempt.findMany({ where: { ...failed, ip }, take: MAX_FAILURES_PER_CLIENT, ...newestFirst }),
    db.signInAttempt.count({ where: { ...failed, email } }),
    db.signInAttempt.findFirst({ where: { ...failed, email }, ...newestFirst }),
  ])
  const decision = signInThrottle(
    {
      accountAndClient: accountAndClient.map((row) => row.createdAt),
      client: client.map((row) => row.createdAt),
      account: { count: accountCount, last: accountLast?.createdAt ?? null },
    },
    now,
  )
  if (decision.allowed) return { ok: true, attemptId: attempt.id }
  await db.signInAttempt.delete({ where: { id: attempt.id } })
  await logSecurityEvent('warn', 'auth.throttled', {
    ip,
    limit: decision.limit,
    retryAfterSeconds: decision.retryAfterSeconds,
  })
  return { ok: false, message: signInThrottleMessage(decision) }
}

/** The attempt's password or code was right: it no longer counts as a failure. */
export async function signInAttemptSucceeded(attemptId: string, db: DbClient = getDb()): Promise<void> {
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } })
}
