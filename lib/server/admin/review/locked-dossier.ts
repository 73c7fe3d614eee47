import 'server-only'
import type { StoredDossierStatus } from '@/lib/domain/workflow'
import type { DbClient } from '@/lib/server/db'

export class ReviewConflict extends Error {}

export type LockedDossier = {
  id: string
  status: StoredDossierStatus
  version: number
  reference: string
  email: string
  sessionId: string
  /** Set once the retention period ended: the dossier can no longer change. */
  anonymisedAt: Date | null
}

/**
 * Locks a dossier's row for the rest of the transaction, so that two decisions on it run one
 * after the other, and checks that it is still the version the reviewer was looking at.
 */
export async function lockDossier(
  tx: DbClient,
  dossierId: string,
  expectedVersion?: number,
): Promise<LockedDossier | null> {
  const [row] = await tx.$queryRaw<LockedDossier[]>`
    SELECT id, status, version, reference, email, "sessionId", "anonymisedAt" FROM "Dossier" WHERE id = ${dossierId}::uuid FOR UPDATE`
  if (!row) return null
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new ReviewConflict(
      'Ce dossier a été modifié par quelqu’un d’autre depuis l’ouverture de cette page : rechargez-la pour voir ses changements, puis recommencez.',
    )
  }
  return row
}
