import 'server-only'
import { PIECE_CONTENT_PERMISSIONS } from '@/lib/domain/staff'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { fileStore } from '@/lib/server/files/file-store'

/** Records that staff downloaded a dossier's registration form as a PDF (it shows the photo). */
export async function recordFormPdfRead(options: { actor: StaffActor; dossierId: string }): Promise<void> {
  await getDb().auditEvent.create({
    data: {
      dossierId: options.dossierId,
      actorType: 'STAFF',
      actorId: options.actor.userId,
      action: 'FORM_PDF_READ',
    },
  })
}

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
  /** How the content is shown, for the audit trail; a ZIP's files are recorded by its export. */
  disposition: 'preview' | 'download' | 'zip'
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
  // Who saw which piece, in the audit trail (not the dossier's history: lib/domain/review.ts).
  if (options.disposition !== 'zip')
    await db.auditEvent.create({
      data: {
        dossierId: options.dossierId,
        actorType: 'STAFF',
        actorId: options.actor?.userId ?? null,
        action: 'PIECE_READ',
        pieceId: options.pieceId,
        details: { disposition: options.disposition },
      },
    })
  const stamp = piece.createdAt.toISOString().slice(0, 10)
  return {
    bytes: file.bytes,
    mimeType: file.mimeType,
    downloadName: `${piece.dossier.reference}-${piece.pieceTypeCode.toLowerCase().replace(/_/g, '-')}-${stamp}.${EXTENSIONS[file.mimeType] ?? 'bin'}`,
  }
}
