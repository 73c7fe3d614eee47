import 'server-only'
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
 * Deactivates or reactivates an account. Deactivating ends every session of the account in the
 * same transaction: its cookies stop working at once. Nobody deactivates their own account, and
 * the last working administrator cannot be deactivated (checked on locked rows, see
 * lock-admin-seats.ts).
 */
export async function setStaffActive(options: {
  actor: StaffActor | null
  userId: string
  active: boolean
}): Promise<FormResult> {
  assertCan(options.actor, 'staff.manage')
  const { actor, userId, active } = options
  if (!looksLikeUuid(userId)) return { ok: false, fieldErrors: {}, formError: UNKNOWN }
  const outcome = await getDb().$transaction(async (tx) => {
    const { seats, target, actorIsAdmin } = await lockAdminSeats(tx, { userId, actorId: actor.userId })
    if (!target) return { result: { ok: false, fieldErrors: {}, formError: UNKNOWN } as FormResult }
    if (!actorIsAdmin) throw new AccessDenied('FORBIDDEN')
    if (target.active === active) return { result: { ok: true } as FormResult }
    const problem = accountChangeProblem({
      actorId: actor.userId,
      accounts: seats,
      change: { userId, active },
    })
    if (problem)
      return { result: { ok: false, fieldErrors: {}, formError: problem } as FormResult, refused: true }
    await tx.staffUser.update({ where: { id: userId }, data: { active } })
    const ended = active ? 0 : (await tx.staffSession.deleteMany({ where: { userId } })).count
    return { result: { ok: true } as FormResult, changed: true, ended }
  })
  if (outcome.refused) logEvent('warn', 'staff.last_admin_refused', { actorId: actor.userId, userId, active })
  if (outcome.changed) {
    logEvent('info', active ? 'staff.reactivated' : 'staff.deactivated', {
      actorId: actor.userId,
      userId,
      sessionsEnded: outcome.ended,
    })
  }
  return outcome.result
}
