import 'server-only'
import { accountState, type AccountState } from '@/lib/domain/staff-accounts'
import type { StaffRole } from '@/lib/domain/staff'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'

export type StaffAccountSummary = {
  id: string
  name: string
  email: string
  role: StaffRole
  state: AccountState
  totpEnabled: boolean
  lastSignInAt: Date | null
}

/** Every staff account, for the accounts page: administrators first, then by name. */
export async function listStaffUsers(options: {
  actor: StaffActor | null
  now?: Date
}): Promise<StaffAccountSummary[]> {
  assertCan(options.actor, 'staff.manage')
  const now = options.now ?? new Date()
  const rows = await getDb().staffUser.findMany({
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
    },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
  })
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    state: accountState({ ...row, hasPassword: row.passwordHash !== null }, now),
    totpEnabled: row.totpEnabled,
    lastSignInAt: row.lastSignInAt,
  }))
}
