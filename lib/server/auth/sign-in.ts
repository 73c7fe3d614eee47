import 'server-only'
import { verify as verifyTotp } from 'otplib'
import { isLockedOut, LOCKOUT_WINDOW_MINUTES } from '@/lib/domain/staff'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { decoyPasswordHash, openSecret, verifyPassword } from './secrets'
import { createStaffSession } from './staff-session'

/** Same words whether the account exists or not, so that the form reveals nothing. */
export const WRONG_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.'
export const LOCKED_OUT = `Trop de tentatives : la connexion est bloquée pendant ${LOCKOUT_WINDOW_MINUTES} minutes. Réessayez plus tard ou contactez un administrateur.`

export type SignInResult =
  { ok: true; token: string; needsSecondFactor: boolean } | { ok: false; message: string; locked: boolean }

async function recentFailures(email: string, ip: string, now: Date) {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MINUTES * 60_000)
  const db = getDb()
  const [forAccount, forIp] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    db.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ])
  return { forAccount, forIp }
}

/**
 * Checks an e-mail and password. Refuses during a lockout (10 failures in 15 minutes for the
 * account or the IP address) without even checking the password, records every attempt, and
 * opens a session — pending when the account has a second factor.
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
  if (isLockedOut(await recentFailures(email, options.ip, now))) {
    await db.signInAttempt.create({ data: { email, ip: options.ip, succeeded: false, createdAt: now } })
    await logSecurityEvent('warn', 'auth.locked_out', { ip: options.ip })
    return { ok: false, message: LOCKED_OUT, locked: true }
  }
  const user = await db.staffUser.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, totpEnabled: true },
  })
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), options.password)
  if (!user || !user.active || !user.passwordHash || !valid) {
    await db.signInAttempt.create({ data: { email, ip: options.ip, succeeded: false, createdAt: now } })
    await logSecurityEvent('warn', 'auth.sign_in_failed', {
      ip: options.ip,
      knownAccount: Boolean(user),
      userId: user?.id,
    })
    return { ok: false, message: WRONG_CREDENTIALS, locked: false }
  }
  await db.signInAttempt.create({ data: { email, ip: options.ip, succeeded: true, createdAt: now } })
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

/** Whether a code is valid now (enrolment check, no replay bookkeeping). */
export async function totpCodeValid(sealedSecret: string | null, code: string): Promise<boolean> {
  return (await verifyTotpCode(sealedSecret, code, null)) !== null
}

/**
 * Second step of a sign-in with TOTP: the pending session becomes a full one, under a NEW token
 * (the old one is deleted). Failed codes count toward the lockout like failed passwords.
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
  if (isLockedOut(await recentFailures(user.email, options.ip, now))) {
    await db.staffSession.deleteMany({ where: { id: options.sessionId } })
    await logSecurityEvent('warn', 'auth.locked_out', { ip: options.ip, userId: options.userId })
    return { ok: false, message: LOCKED_OUT, locked: true }
  }
  const timeStep = await verifyTotpCode(
    user.totpSecret,
    options.code.replace(/\s/g, ''),
    user.totpLastTimeStep,
  )
  // Recorded before anything else, under a condition, so two requests with the same code cannot both pass.
  const claimed =
    timeStep !== null &&
    (
      await db.staffUser.updateMany({
        where: {
          id: options.userId,
          OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: timeStep } }],
        },
        data: { totpLastTimeStep: timeStep },
      })
    ).count === 1
  if (!claimed) {
    await db.signInAttempt.create({
      data: { email: user.email, ip: options.ip, succeeded: false, createdAt: now },
    })
    await logSecurityEvent('warn', 'auth.second_factor_failed', { userId: options.userId, ip: options.ip })
    return {
      ok: false,
      message: 'Code incorrect ou expiré : saisissez le code affiché maintenant par votre application.',
      locked: false,
    }
  }
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
