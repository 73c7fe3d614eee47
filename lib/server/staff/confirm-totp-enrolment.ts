import 'server-only'
import type { FormResult } from '@/lib/schemas/staff'
import { totpTimeStepUnused, verifyTotpCode } from '@/lib/server/auth/sign-in'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { assertSignedIn } from './assert-signed-in'

/**
 * Second step of setting up the second factor: a code from the app proves it holds the secret;
 * the factor is then in force for the next sign-ins. Other sessions of the account end in the
 * same transaction: they were opened without the second factor. The code's time step is spent,
 * like a sign-in's, so the code cannot be used again to sign in.
 */
export async function confirmTotpEnrolment(options: {
  actor: StaffActor | null
  code: string
}): Promise<FormResult & { sessionsEnded?: number }> {
  assertSignedIn(options.actor)
  const { actor } = options
  const db = getDb()
  const user = await db.staffUser.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { totpEnabled: true, totpSecret: true, totpLastTimeStep: true },
  })
  if (user.totpEnabled)
    return { ok: false, fieldErrors: {}, formError: 'La vérification en deux étapes est déjà activée.' }
  if (!user.totpSecret) {
    return {
      ok: false,
      fieldErrors: {},
      formError: 'Commencez par afficher le QR code, puis saisissez le code de votre application.',
    }
  }
  const timeStep = await verifyTotpCode(
    user.totpSecret,
    options.code.replace(/\s/g, ''),
    user.totpLastTimeStep,
  )
  if (timeStep === null) {
    return {
      ok: false,
      fieldErrors: {
        code: 'Code incorrect ou expiré : saisissez le code affiché maintenant par votre application.',
      },
      formError: null,
    }
  }
  const sealed = user.totpSecret
  const ended = await db.$transaction(async (tx) => {
    // Only the secret the code was checked against: a concurrent restart cannot slip in another.
    // The code's time step is spent, as at sign-in: the code cannot then open a session.
    const { count } = await tx.staffUser.updateMany({
      where: {
        id: actor.userId,
        totpEnabled: false,
        totpSecret: sealed,
        ...totpTimeStepUnused(timeStep),
      },
      data: { totpEnabled: true, totpLastTimeStep: timeStep },
    })
    if (count === 0) return null
    return (
      await tx.staffSession.deleteMany({ where: { userId: actor.userId, id: { not: actor.sessionId } } })
    ).count
  })
  if (ended === null)
    return { ok: false, fieldErrors: {}, formError: 'Recommencez : la configuration a changé.' }
  logEvent('info', 'staff.totp_enabled', { userId: actor.userId, sessionsEnded: ended })
  return { ok: true, sessionsEnded: ended }
}
