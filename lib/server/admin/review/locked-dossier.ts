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

export const STALE_DOSSIER_MESSAGE =
  'Ce dossier a été modifié par quelqu’un d’autre depuis l’ouverture de cette page : rechargez-la pour voir ses changements, puis recommencez.'

/** Locks a dossier's row for the rest of the transaction, so that two decisions on it run one after the other. */
export async function lockDossier(tx: DbClient, dossierId: string): Promise<LockedDossier | null> {
  const [row] = await tx.$queryRaw<LockedDossier[]>`
    SELECT id, status, version, reference, email, "sessionId", "anonymisedAt" FROM "Dossier" WHERE id = ${dossierId}::uuid FOR UPDATE`
  return row ?? null
}
