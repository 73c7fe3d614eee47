import 'server-only'
import type { AdminSeat } from '@/lib/domain/staff-accounts'
import type { DbClient } from '@/lib/server/db'

type SeatRow = { id: string; role: AdminSeat['role']; active: boolean; hasPassword: boolean }

/**
 * Inside a transaction: locks every active administrator's row, then the changed account's, and
 * returns them for the last-admin rule. The lock makes concurrent changes of administrators run
 * one after the other, so that two administrators demoting each other at the same moment cannot
 * both succeed: the second waits, then reads the first one's committed change (PostgreSQL
 * re-checks a locked row that changed meanwhile, and skips it if it no longer matches). Rows are
 * always locked in the same order (administrators by id, then the target), so two such
 * transactions cannot deadlock.
 */
export async function lockAdminSeats(
  tx: DbClient,
  options: { userId: string; actorId: string },
): Promise<{ seats: AdminSeat[]; target: AdminSeat | null; actorIsAdmin: boolean }> {
  const admins = await tx.$queryRaw<SeatRow[]>`
    SELECT id::text AS id, role::text AS role, active, ("passwordHash" IS NOT NULL) AS "hasPassword"
    FROM "StaffUser" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`
  const [target] = await tx.$queryRaw<SeatRow[]>`
    SELECT id::text AS id, role::text AS role, active, ("passwordHash" IS NOT NULL) AS "hasPassword"
    FROM "StaffUser" WHERE id = ${options.userId}::uuid FOR UPDATE`
  const seats = admins.filter((admin) => admin.id !== target?.id)
  return {
    seats: target ? [...seats, target] : seats,
    target: target ?? null,
    // The actor may have lost the role since their request began (another administrator demoted
    // or deactivated them a moment ago): the locked rows are the truth.
    actorIsAdmin: admins.some((admin) => admin.id === options.actorId),
  }
}
