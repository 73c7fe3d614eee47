import 'server-only'
import { SESSION_IDLE_MINUTES, type StaffRole } from '@/lib/domain/staff'
import { openSecret } from '@/lib/server/auth/secrets'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { assertSignedIn } from './assert-signed-in'
import { totpProvisioning } from './totp-enrolment'

export type OwnAccount = {
  name: string
  email: string
  role: StaffRole
  totpEnabled: boolean
  lastSignInAt: Date | null
  /** Other devices or browsers signed in to this account right now. */
  otherSessions: number
  /** While the second factor is being set up: what to scan or type into the app. */
  totpEnrolment: { secret: string; uri: string; qrSvg: string } | null
}

/** The signed-in member's own account, for the "Mon compte" page. */
export async function getOwnAccount(options: { actor: StaffActor | null; now?: Date }): Promise<OwnAccount> {
  assertSignedIn(options.actor)
  const { actor } = options
  const now = options.now ?? new Date()
  const db = getDb()
  const user = await db.staffUser.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { name: true, email: true, role: true, totpEnabled: true, totpSecret: true, lastSignInAt: true },
  })
  const otherSessions = await db.staffSession.count({
    where: {
      userId: actor.userId,
      id: { not: actor.sessionId },
      pendingSecondFactor: false,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000) },
    },
  })
  const pendingSecret = !user.totpEnabled && user.totpSecret ? openSecret(user.totpSecret) : null
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    totpEnabled: user.totpEnabled,
    lastSignInAt: user.lastSignInAt,
    otherSessions,
    totpEnrolment: pendingSecret
      ? { secret: pendingSecret, ...(await totpProvisioning({ secret: pendingSecret, email: user.email })) }
      : null,
  }
}
