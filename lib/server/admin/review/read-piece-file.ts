import 'server-only'
import { PIECE_CONTENT_PERMISSIONS } from '@/lib/domain/staff'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { fileStore } from '@/lib/server/files/file-store'

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
}

/**
 * A piece's bytes for staff, with a generated file name (reference, piece type, rank): the
 * applicant's own file name never reaches a Content-Disposition header.
 */
export async function readPieceFile(options: {
  actor: StaffActor | null
  dossierId: string
  pieceId: string
}) {
  assertCan(options.actor, PIECE_CONTENT_PERMISSIONS.piece)
  const db = getDb()
  const piece = await db.piece.findFirst({
    where: { id: options.pieceId, dossierId: options.dossierId },
    select: { fileId: true, pieceTypeCode: true, createdAt: true, dossier: { select: { reference: true } } },
  })
  if (!piece) return null
  const file = await fileStore.read(db, piece.fileId)
  if (!file) return null
  const stamp = piece.createdAt.toISOString().slice(0, 10)
  return {
    bytes: file.bytes,
    mimeType: file.mimeType,
    downloadName: `${piece.dossier.reference}-${piece.pieceTypeCode.toLowerCase().replace(/_/g, '-')}-${stamp}.${EXTENSIONS[file.mimeType] ?? 'bin'}`,
  }
}
