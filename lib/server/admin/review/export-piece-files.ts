import 'server-only'
import { PIECE_CONTENT_PERMISSIONS } from '@/lib/domain/staff'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'

/**
 * Every current piece of a dossier, for the ZIP (read one at a time by the caller), for staff who
 * may export pieces; the export is recorded in the dossier's history in the same transaction that
 * lists the files. null when the dossier does not exist.
 */
export async function exportPieceFiles(options: {
  actor: StaffActor | null
  dossierId: string
  now?: Date
}): Promise<{ reference: string; pieceIds: string[] } | null> {
  assertCan(options.actor, PIECE_CONTENT_PERMISSIONS.piecesZip)
  const actor = options.actor
  if (!/^[0-9a-f-]{36}$/i.test(options.dossierId)) return null
  const listed = await getDb().$transaction(async (tx) => {
    const dossier = await tx.dossier.findUnique({
      where: { id: options.dossierId },
      select: {
        id: true,
        reference: true,
        pieces: {
          where: { status: { not: 'SUPERSEDED' } },
          orderBy: { createdAt: 'asc' },
          select: { id: true },
        },
      },
    })
    if (!dossier) return null
    await tx.auditEvent.create({
      data: {
        dossierId: dossier.id,
        actorType: 'STAFF',
        actorId: actor.userId,
        action: 'PIECES_EXPORTED',
        details: { files: dossier.pieces.length },
        createdAt: options.now ?? new Date(),
      },
    })
    return { reference: dossier.reference, pieceIds: dossier.pieces.map((piece) => piece.id) }
  })
  if (listed)
    logEvent('info', 'dossier.pieces_exported', { userId: actor.userId, dossierId: options.dossierId })
  return listed
}
