import 'server-only'
import { passwordProblem } from '@/lib/domain/staff'
import { hashPassword } from '@/lib/server/auth/secrets'
import { createStaffSession } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { hashToken } from '@/lib/server/tokens'
import { getStaffInvitation } from './get-staff-invitation'

export const INVITATION_INVALID =
  'Ce lien d’invitation n’est plus valable (déjà utilisé, expiré ou remplacé). Demandez une nouvelle invitation à un administrateur.'

export type AcceptInvitationResult =
  | { ok: true; sessionToken: string }
  | { ok: false; fieldErrors: Record<string, string>; formError: string | null }

/**
 * The invited member chooses a password (CNIL rule): the link is spent, and a session opens so
 * that they arrive signed in. Spending the link is a single conditional update, so two tabs
 * submitting the same link cannot both succeed.
 */
export async function acceptStaffInvitation(options: {
  token: string
  password: string
  ip: string
  now?: Date
}): Promise<AcceptInvitationResult> {
  const now = options.now ?? new Date()
  const invitation = await getStaffInvitation({ token: options.token, now })
  if (invitation.state !== 'VALID') {
    await logSecurityEvent('warn', 'access.denied', { reason: 'invalid_private_link', ip: options.ip })
    return { ok: false, fieldErrors: {}, formError: INVITATION_INVALID }
  }
  const problem = passwordProblem(options.password, invitation.email)
  if (problem) return { ok: false, fieldErrors: { password: problem }, formError: null }
  const passwordHash = await hashPassword(options.password)
  const db = getDb()
  const user = await db.staffUser.findUnique({
    where: { invitationTokenHash: hashToken(options.token) },
    select: { id: true },
  })
  const { count } = user
    ? await db.staffUser.updateMany({
        where: {
          id: user.id,
          invitationTokenHash: hashToken(options.token),
          invitationExpiresAt: { gt: now },
          passwordHash: null,
          active: true,
        },
        data: { passwordHash, invitationTokenHash: null, invitationExpiresAt: null, lastSignInAt: now },
      })
    : { count: 0 }
  if (!user || count === 0) return { ok: false, fieldErrors: {}, formError: INVITATION_INVALID }
  const sessionToken = await createStaffSession({
    userId: user.id,
    pendingSecondFactor: false,
    ip: options.ip,
    now,
  })
  logEvent('info', 'staff.invitation_accepted', { userId: user.id, ip: options.ip })
  return { ok: true, sessionToken }
}
