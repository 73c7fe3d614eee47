import 'server-only'
import { fromIsoDate, type IsoDate } from '@/lib/domain/dates'
import { fileStore } from '@/lib/server/files/file-store'
import type { InspectedUpload } from '@/lib/server/files/inspect-upload'
import { getDb } from '@/lib/server/db'
import { looksLikeUuid } from '@/lib/server/staff/looks-like-uuid'
import { getDraft } from './get-draft'
import { draftUnavailableMessage } from './save-draft-step'

/** A piece type may have several files (e.g. several diplomas), up to this many. */
export const MAX_FILES_PER_PIECE = 5
export const MAX_FILES_PER_DRAFT = 40

const PIECE_GONE = 'Ce fichier n’existe plus.'

export type PieceResult = { ok: true; pieceId: string } | { ok: false; message: string }

/**
 * Attaches an inspected file to a draft for one piece type of the programme's catalogue. The file
 * and its link are written in one transaction.
 */
export async function addDraftPiece(options: {
  token: string
  pieceTypeCode: string
  upload: Extract<InspectedUpload, { ok: true }>
  documentDate: IsoDate | null
  now?: Date
}): Promise<PieceResult> {
  const lookup = await getDraft({ token: options.token, now: options.now })
  if (lookup.state !== 'ACTIVE') return { ok: false, message: draftUnavailableMessage(lookup) }
  const { draft } = lookup
  const pieceType = draft.context.programme.pieceTypes.find((type) => type.code === options.pieceTypeCode)
  if (!pieceType || pieceType.condition === 'GENERATED')
    return { ok: false, message: 'Ce type de pièce n’existe pas.' }
  if (
    draft.uploads.filter((upload) => upload.pieceTypeCode === pieceType.code).length >= MAX_FILES_PER_PIECE
  ) {
    return {
      ok: false,
      message: `${MAX_FILES_PER_PIECE} fichiers au plus pour « ${pieceType.label} » : supprimez-en un avant d’en ajouter.`,
    }
  }
  if (draft.uploads.length >= MAX_FILES_PER_DRAFT)
    return { ok: false, message: 'Votre dossier contient déjà trop de fichiers.' }
  const pieceId = await getDb().$transaction(async (tx) => {
    const fileId = await fileStore.put(tx, {
      bytes: options.upload.bytes,
      mimeType: options.upload.mimeType,
      sizeBytes: options.upload.sizeBytes,
      sha256: options.upload.sha256,
      originalName: options.upload.safeName,
      activeContent: options.upload.activeContent,
    })
    const piece = await tx.draftPiece.create({
      data: {
        draftId: draft.id,
        pieceTypeCode: pieceType.code,
        fileId,
        documentDate: options.documentDate ? fromIsoDate(options.documentDate) : null,
      },
      select: { id: true },
    })
    return piece.id
  })
  return { ok: true, pieceId }
}

/** Removes one of the draft's files (and its bytes). */
export async function removeDraftPiece(options: {
  token: string
  pieceId: string
  now?: Date
}): Promise<{ ok: boolean; message?: string }> {
  const lookup = await getDraft({ token: options.token, now: options.now })
  if (lookup.state !== 'ACTIVE') return { ok: false, message: draftUnavailableMessage(lookup) }
  // The id comes from the request: anything but a UUID would fail the query's ::uuid cast.
  if (!looksLikeUuid(options.pieceId)) return { ok: false, message: PIECE_GONE }
  const piece = await getDb().draftPiece.findFirst({
    where: { id: options.pieceId, draftId: lookup.draft.id },
    select: { fileId: true },
  })
  if (!piece) return { ok: false, message: PIECE_GONE }
  await getDb().$transaction(async (tx) => {
    // Deleting the file deletes its draft piece (cascade).
    await fileStore.remove(tx, piece.fileId)
  })
  return { ok: true }
}

/** Sets the date printed on a file of the draft (for pieces that must be recent). */
export async function setDraftPieceDate(options: {
  token: string
  pieceId: string
  documentDate: IsoDate
  now?: Date
}): Promise<{ ok: boolean; message?: string }> {
  const lookup = await getDraft({ token: options.token, now: options.now })
  if (lookup.state !== 'ACTIVE') return { ok: false, message: draftUnavailableMessage(lookup) }
  if (!looksLikeUuid(options.pieceId)) return { ok: false, message: PIECE_GONE }
  const { count } = await getDb().draftPiece.updateMany({
    where: { id: options.pieceId, draftId: lookup.draft.id },
    data: { documentDate: fromIsoDate(options.documentDate) },
  })
  return count === 1 ? { ok: true } : { ok: false, message: PIECE_GONE }
}
