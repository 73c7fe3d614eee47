import 'server-only'
import { ROLE_LABELS } from '@/lib/domain/staff'
import { invitationExpiry } from '@/lib/domain/staff-accounts'
import type { FormResult } from '@/lib/schemas/staff'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { afterEmailsQueued } from '@/lib/server/mail/deliver'
import { enqueueEmail } from '@/lib/server/mail/outbox'
import { staffInvitationEmail } from '@/lib/server/mail/templates'
import { hashToken, newToken } from '@/lib/server/tokens'
import { invitationLink } from './invitation-link'
import { looksLikeUuid } from './looks-like-uuid'

/**
 * Sends a new invitation to an account that has not chosen its password yet (the first link
 * expired or was lost). The new link replaces the old one, which stops working; the new token and
 * its e-mail are written in one transaction, on the locked account.
 */
export async function resendStaffInvitation(options: {
  actor: StaffActor | null
  userId: string
  now?: Date
}): Promise<FormResult> {
  assertCan(options.actor, 'staff.manage')
  if (!looksLikeUuid(options.userId))
    return { ok: false, fieldErrors: {}, formError: 'Ce compte n’existe pas.' }
  const now = options.now ?? new Date()
  const token = newToken()
  const expiresAt = invitationExpiry(now)
  const queued: Array<{ to: string; subject: string; text: string }> = []
  const result = await getDb().$transaction(async (tx): Promise<FormResult> => {
    const [user] = await tx.$queryRaw<
      Array<{
        email: string
        name: string
        role: 'ADMIN' | 'GESTIONNAIRE' | 'LECTURE'
        active: boolean
        hasPassword: boolean
      }>
    >`
      SELECT email, name, role::text AS role, active, ("passwordHash" IS NOT NULL) AS "hasPassword"
      FROM "StaffUser" WHERE id = ${options.userId}::uuid FOR UPDATE`
    if (!user) return { ok: false, fieldErrors: {}, formError: 'Ce compte n’existe pas.' }
    if (user.hasPassword)
      return { ok: false, fieldErrors: {}, formError: 'Ce compte a déjà choisi son mot de passe.' }
    if (!user.active)
      return {
        ok: false,
        fieldErrors: {},
        formError: 'Réactivez d’abord ce compte pour l’inviter à nouveau.',
      }
    await tx.staffUser.update({
      where: { id: options.userId },
      data: { invitationTokenHash: hashToken(token), invitationExpiresAt: expiresAt },
    })
    const email = staffInvitationEmail({
      name: user.name,
      roleLabel: ROLE_LABELS[user.role],
      link: invitationLink(token),
      expiresAt,
    })
    await enqueueEmail(tx, { kind: 'STAFF_INVITATION', to: user.email, ...email })
    queued.push({ to: user.email, ...email })
    return { ok: true, message: 'Une nouvelle invitation est partie : le lien précédent ne fonctionne plus.' }
  })
  if (result.ok) {
    afterEmailsQueued(queued)
    logEvent('info', 'staff.invitation_resent', { actorId: options.actor.userId, userId: options.userId })
  }
  return result
}
