import 'server-only'
import type { StaffRole } from '@/lib/domain/staff'
import { accountChangeProblem } from '@/lib/domain/staff-accounts'
import type { FormResult } from '@/lib/schemas/staff'
import { AccessDenied, assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { lockAdminSeats } from './lock-admin-seats'
import { looksLikeUuid } from './looks-like-uuid'

const UNKNOWN = 'Ce compte n’existe pas.'

/**
 * Gives an account another role. Refused when it would leave no working administrator: the rule
 * is checked on locked rows, in the transaction that writes the change (see lock-admin-seats.ts).
 * The new role applies at the account's next request: sessions read the role each time.
 */
export async function changeStaffRole(options: {
  actor: StaffActor | null
  userId: string
  role: StaffRole
}): Promise<FormResult> {
  assertCan(options.actor, 'staff.manage')
  const { actor, userId, role } = options
  if (!looksLikeUuid(userId)) return { ok: false, fieldErrors: {}, formError: UNKNOWN }
  const outcome = await getDb().$transaction(async (tx) => {
    const { seats, target, actorIsAdmin } = await lockAdminSeats(tx, { userId, actorId: actor.userId })
    if (!target) return { result: { ok: false, fieldErrors: {}, formError: UNKNOWN } as FormResult }
    if (!actorIsAdmin) throw new AccessDenied('FORBIDDEN')
    if (target.role === role) return { result: { ok: true } as FormResult }
    const problem = accountChangeProblem({ actorId: actor.userId, accounts: seats, change: { userId, role } })
    if (problem) {
      return {
        result: { ok: false, fieldErrors: { role: problem }, formError: null } as FormResult,
        refused: true,
      }
    }
    await tx.staffUser.update({ where: { id: userId }, data: { role } })
    return { result: { ok: true } as FormResult, from: target.role }
  })
  if (outcome.refused) logEvent('warn', 'staff.last_admin_refused', { actorId: actor.userId, userId, role })
  if (outcome.from)
    logEvent('info', 'staff.role_changed', { actorId: actor.userId, userId, from: outcome.from, to: role })
  return outcome.result
}
