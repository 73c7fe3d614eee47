import 'server-only'
import { getDb } from '@/lib/server/db'
import { hashToken, looksLikeToken } from '@/lib/server/tokens'

export type StaffInvitation = { state: 'VALID'; name: string; email: string } | { state: 'INVALID' }

/**
 * The invitation behind a private link, for the page where its owner chooses a password. The
 * link is the only credential here: an unknown, used, expired link or a deactivated account all
 * read the same.
 */
export async function getStaffInvitation(options: { token: string; now?: Date }): Promise<StaffInvitation> {
  if (!looksLikeToken(options.token)) return { state: 'INVALID' }
  const now = options.now ?? new Date()
  const user = await getDb().staffUser.findUnique({
    where: { invitationTokenHash: hashToken(options.token) },
    select: { name: true, email: true, active: true, passwordHash: true, invitationExpiresAt: true },
  })
  if (!user || !user.active || user.passwordHash !== null) return { state: 'INVALID' }
  if (!user.invitationExpiresAt || user.invitationExpiresAt <= now) return { state: 'INVALID' }
  return { state: 'VALID', name: user.name, email: user.email }
}
