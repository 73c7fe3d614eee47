import 'server-only'
import { accountState, INVITATION_VALID_DAYS, type AccountState } from '@/lib/domain/staff-accounts'
import { SESSION_IDLE_MINUTES, type StaffRole } from '@/lib/domain/staff'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { looksLikeUuid } from './looks-like-uuid'

export type StaffAccountDetail = {
  id: string
  name: string
  email: string
  role: StaffRole
  state: AccountState
  totpEnabled: boolean
  lastSignInAt: Date | null
  createdAt: Date
  invitationExpiresAt: Date | null
  /** Sessions still open (not expired), whatever the device. */
  openSessions: number
  isSelf: boolean
  invitationValidDays: number
}

/** One staff account, for its management page; null when there is none with this id. */
export async function getStaffUser(options: {
  actor: StaffActor | null
  userId: string
  now?: Date
}): Promise<StaffAccountDetail | null> {
  assertCan(options.actor, 'staff.manage')
  const now = options.now ?? new Date()
  if (!looksLikeUuid(options.userId)) return null
  const row = await getDb().staffUser.findUnique({
    where: { id: options.userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      passwordHash: true,
      invitationExpiresAt: true,
      totpEnabled: true,
      lastSignInAt: true,
      createdAt: true,
      _count: {
        select: {
          sessions: {
            where: {
              expiresAt: { gt: now },
              lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000) },
              pendingSecondFactor: false,
            },
          },
        },
      },
    },
  })
  if (!row) return null
  const hasPassword = row.passwordHash !== null
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    state: accountState({ ...row, hasPassword }, now),
    totpEnabled: row.totpEnabled,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
    invitationExpiresAt: hasPassword ? null : row.invitationExpiresAt,
    openSessions: row._count.sessions,
    isSelf: row.id === options.actor.userId,
    invitationValidDays: INVITATION_VALID_DAYS,
  }
}
