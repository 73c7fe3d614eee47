import 'server-only'
import { ROLE_LABELS } from '@/lib/domain/staff'
import { invitationExpiry } from '@/lib/domain/staff-accounts'
import type { FormResult, InviteStaffValues } from '@/lib/schemas/staff'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { afterEmailsQueued } from '@/lib/server/mail/deliver'
import { enqueueEmail } from '@/lib/server/mail/outbox'
import { staffInvitationEmail } from '@/lib/server/mail/templates'
import { hashToken, newToken } from '@/lib/server/tokens'
import { invitationLink } from './invitation-link'

const EMAIL_TAKEN = 'Un compte existe déjà avec cette adresse e-mail.'

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

/**
 * Invites a staff member: an account without a password, and the e-mail carrying the private
 * link to choose one, written in one transaction (no account without its invitation, no
 * invitation for an account that was not created). The link works for 7 days.
 */
export async function inviteStaffUser(options: {
  actor: StaffActor | null
  values: InviteStaffValues
  now?: Date
}): Promise<FormResult & { userId?: string }> {
  assertCan(options.actor, 'staff.manage')
  const { actor, values } = options
  const now = options.now ?? new Date()
  const db = getDb()
  if (await db.staffUser.findUnique({ where: { email: values.email }, select: { id: true } })) {
    return { ok: false, fieldErrors: { email: EMAIL_TAKEN }, formError: null }
  }
  const token = newToken()
  const expiresAt = invitationExpiry(now)
  const email = staffInvitationEmail({
    name: values.name,
    roleLabel: ROLE_LABELS[values.role],
    link: invitationLink(token),
    expiresAt,
  })
  let userId: string
  try {
    userId = await db.$transaction(async (tx) => {
      const user = await tx.staffUser.create({
        data: {
          email: values.email,
          name: values.name,
          role: values.role,
          invitationTokenHash: hashToken(token),
          invitationExpiresAt: expiresAt,
        },
        select: { id: true },
      })
      await enqueueEmail(tx, { kind: 'STAFF_INVITATION', to: values.email, ...email })
      return user.id
    })
  } catch (error) {
    // Two administrators inviting the same address at once: the second one learns it here.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { email: EMAIL_TAKEN }, formError: null }
    throw error
  }
  afterEmailsQueued([{ to: values.email, ...email }])
  logEvent('info', 'staff.invited', { actorId: actor.userId, userId, role: values.role })
  return { ok: true, userId }
}
