import 'server-only'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { fileStore } from '@/lib/server/files/file-store'

/**
 * The bytes of one file of a dossier (a piece, or a file left in its draft), for the RGPD export.
 * Null when the file does not belong to that dossier, or is gone (erased meanwhile).
 */
export async function readApplicantFile(options: {
  actor: StaffActor | null
  dossierId: string
  fileId: string
}): Promise<Uint8Array | null> {
  assertCan(options.actor, 'rgpd.requests')
  const db = getDb()
  const belongs = await db.storedFile.count({
    where: {
      id: options.fileId,
      OR: [
        { piece: { dossierId: options.dossierId } },
        { draftPiece: { draft: { dossier: { id: options.dossierId } } } },
      ],
    },
  })
  if (belongs === 0) return null
  return (await fileStore.read(db, options.fileId))?.bytes ?? null
}
