import 'server-only'
import type { StoredDossierStatus } from '@/lib/domain/workflow'
import { FILTERABLE_STATUSES } from '@/lib/schemas/dossier-filters'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'

export type StatusCounts = { total: number; byStatus: Record<StoredDossierStatus, number> }

/** How many dossiers of a session are in each status (the list's status tabs). */
export async function countDossiersByStatus(options: {
  actor: StaffActor | null
  sessionId: string
}): Promise<StatusCounts> {
  assertCan(options.actor, 'dossiers.read')
  const groups = await getDb().dossier.groupBy({
    by: ['status'],
    where: { sessionId: options.sessionId },
    _count: { _all: true },
  })
  const byStatus = Object.fromEntries(FILTERABLE_STATUSES.map((status) => [status, 0])) as Record<
    StoredDossierStatus,
    number
  >
  for (const group of groups) byStatus[group.status] = group._count._all
  return { total: groups.reduce((sum, group) => sum + group._count._all, 0), byStatus }
}
