import 'server-only'
import { claimSignInAttempt, signInAttemptSucceeded } from '@/lib/server/auth/claim-sign-in-attempt'
import { verifyPassword } from '@/lib/server/auth/secrets'
import type { DbClient } from '@/lib/server/db'
import { logSecurityEvent } from '@/lib/server/log-security-event'

export const WRONG_CURRENT_PASSWORD = 'Mot de passe actuel incorrect.'

/**
 * Checks the password a signed-in member types to confirm a sensitive change of their account.
 * A wrong one counts as a failed sign-in (same throttle, lib/domain/staff.ts), so that a
 * session left open cannot be used to guess the password.
 */
export async function checkCurrentPassword(
  db: DbClient,
  options: { userId: string; password: string; ip: string; now: Date },
): Promise<{ ok: true } | { ok: false; message: string }> {
  const user = await db.staffUser.findUnique({
    where: { id: options.userId },
    select: { email: true, passwordHash: true },
  })
  if (!user?.passwordHash) return { ok: false, message: WRONG_CURRENT_PASSWORD }
  const claim = await claimSignInAttempt({ email: user.email, ip: options.ip, now: options.now, db })
  if (!claim.ok) return { ok: false, message: claim.message }
  if (await verifyPassword(user.passwordHash, options.password)) {
    await signInAttemptSucceeded(claim.attemptId, db)
    return { ok: true }
  }
  await logSecurityEvent('warn', 'staff.current_password_wrong', { userId: options.userId, ip: options.ip })
  return { ok: false, message: WRONG_CURRENT_PASSWORD }
}
