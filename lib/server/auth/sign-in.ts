import 'server-only'
import { verify as verifyTotp } from 'otplib'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { claimSignInAttempt, signInAttemptSucceeded } from './claim-sign-in-attempt'
import { decoyPasswordHash, openSecret, verifyPassword } from './secrets'
import { createStaffSession } from './staff-session'

/** Same words whether the account exists or not, so that the form reveals nothing. */
export const WRONG_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.'

export type SignInResult =
  { ok: true; token: string; needsSecondFactor: boolean } | { ok: false; message: string; locked: boolean }

/**
 * Checks an e-mail and password. The throttle (lib/domain/staff.ts: per client, and a pace of a
 * few seconds per account for clients that already failed on it) may refuse the attempt before
 * the password is checked, with the same words for any e-mail; otherwise the attempt is recorded
 * and, when right, opens a session — pending when the account has a second factor.
 */
export async function signIn(options: {
  email: string
  password: string
  ip: string
  now?: Date
}): Promise<SignInResult> {
  const now = options.now ?? new Date()
  const email = options.email.trim().toLowerCase()
  const db = getDb()
  const claim = await claimSignInAttempt({ email, ip: options.ip, now })
  if (!claim.ok) return { ok: false, message: claim.message, locked: true }
  const user = await db.staffUser.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, totpEnabled: true },
  })
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), options.password)
  if (!user || !user.active || !user.passwordHash || !valid) {
    await logSecurityEvent('warn', 'auth.sign_in_failed', {
      ip: options.ip,
      knownAccount: Boolean(user),
      userId: user?.id,
    })
    return { ok: false, message: WRONG_CREDENTIALS, locked: false }
  }
  await signInAttemptSucceeded(claim.attemptId)
  const token = await createStaffSession({
    userId: user.id,
    pendingSecondFactor: user.totpEnabled,
    ip: options.ip,
    now,
  })
  if (!user.totpEnabled) await db.staffUser.update({ where: { id: user.id }, data: { lastSignInAt: now } })
  logEvent('info', 'auth.signed_in', { userId: user.id, ip: options.ip, secondFactor: user.totpEnabled })
  return { ok: true, token, needsSecondFactor: user.totpEnabled }
}

/**
 * Checks a 6-digit TOTP code against a sealed secret, with one step of clock drift either way, and
 * returns its time step; a code whose step is not after `afterTimeStep` (already used) is refused,
 * so a code seen over someone's shoulder cannot be replayed.
 */
export async function verifyTotpCode(
  sealedSecret: string | null,
  code: string,
  afterTimeStep: number | null,
): Promise<number | null> {
  const secret = sealedSecret ? openSecret(sealedSecret) : null
  if (!secret || !/^\d{6}$/.test(code)) return null
  const result = await verifyTotp({
    secret,
    token: code,
    epochTolerance: 30,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

/**
 * Second step of a sign-in with TOTP: the pending session becomes a full one, under a NEW token
 * (the old one is deleted). Codes go through the same throttle as passwords, and a wrong one counts
 * as a failed sign-in.
 */
export async function completeSecondFactor(options: {
  sessionId: string
  userId: string
  code: string
  ip: string
  now?: Date
}): Promise<SignInResult> {
  const now = options.now ?? new Date()
  const db = getDb()
  const user = await db.staffUser.findUnique({
    where: { id: options.userId },
    select: { email: true, totpSecret: true, active: true, totpLastTimeStep: true },
  })
  if (!user?.active) return { ok: false, message: WRONG_CREDENTIALS, locked: false }
  const claim = await claimSignInAttempt({ email: user.email, ip: options.ip, now })
  if (!claim.ok) {
    await db.staffSession.deleteMany({ where: { id: options.sessionId } })
    return { ok: false, message: claim.message, locked: true }
  }
  const timeStep = await verifyTotpCode(
    user.totpSecret,
    options.code.replace(/\s/g, ''),
    user.totpLastTimeStep,
  )
  // Recorded before anything else, under a condition, so two requests with the same code cannot both pass.
  const claimed = timeStep !== null && (await claimTotpTimeStep(options.userId, timeStep))
  if (!claimed) {
    await logSecurityEvent('warn', 'auth.second_factor_failed', { userId: options.userId, ip: options.ip })
    return {
      ok: false,
      message: 'Code incorrect ou expiré : saisissez le code affiché maintenant par votre application.',
      locked: false,
    }
  }
  await signInAttemptSucceeded(claim.attemptId)
  await db.staffSession.deleteMany({ where: { id: options.sessionId } })
  const token = await createStaffSession({
    userId: options.userId,
    pendingSecondFactor: false,
    ip: options.ip,
    now,
  })
  await db.staffUser.update({ where: { id: options.userId }, data: { lastSignInAt: now } })
  return { ok: true, token, needsSecondFactor: false }
}

/** Rows of staff whose last TOTP time step used is before `timeStep`: the code is not spent yet. */
export function totpTimeStepUnused(timeStep: number) {
  return { OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: timeStep } }] }
}

/**
 * Spends a TOTP time step of the account: true when `timeStep` is after the last one used, which
 * it then becomes. One conditional update, so two requests with the same code cannot both win.
 */
async function claimTotpTimeStep(userId: string, timeStep: number): Promise<boolean> {
  const { count } = await getDb().staffUser.updateMany({
    where: { id: userId, ...totpTimeStepUnused(timeStep) },
    data: { totpLastTimeStep: timeStep },
  })
  return count === 1
}
