import 'server-only'
import { isLockedOut, LOCKOUT_WINDOW_MINUTES } from '@/lib/domain/staff'
import { LOCKED_OUT } from '@/lib/server/auth/sign-in'
import { verifyPassword } from '@/lib/server/auth/secrets'
import type { DbClient } from '@/lib/server/db'
import { logSecurityEvent } from '@/lib/server/log-security-event'

export const WRONG_CURRENT_PASSWORD = 'Mot de passe actuel incorrect.'

/**
 * Checks the password a signed-in member types to confirm a sensitive change of their account.
 * A wrong one counts as a failed sign-in (same lockout, per account and per IP), so that a
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
  const since = new Date(options.now.getTime() - LOCKOUT_WINDOW_MINUTES * 60_000)
  const [forAccount, forIp] = await Promise.all([
    db.signInAttempt.count({ where: { email: user.email, succeeded: false, createdAt: { gte: since } } }),
    db.signInAttempt.count({ where: { ip: options.ip, succeeded: false, createdAt: { gte: since } } }),
  ])
  if (isLockedOut({ forAccount, forIp })) {
    await logSecurityEvent('warn', 'auth.locked_out', { userId: options.userId, ip: options.ip })
    return { ok: false, message: LOCKED_OUT }
  }
  if (await verifyPassword(user.passwordHash, options.password)) return { ok: true }
  await db.signInAttempt.create({
    data: { email: user.email, ip: options.ip, succeeded: false, createdAt: options.now },
  })
  await logSecurityEvent('warn', 'staff.current_password_wrong', { userId: options.userId, ip: options.ip })
  return { ok: false, message: WRONG_CURRENT_PASSWORD }
}
