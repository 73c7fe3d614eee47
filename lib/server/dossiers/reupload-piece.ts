import 'server-only'
import { fromIsoDate, type IsoDate } from '@/lib/domain/dates'
import { transition } from '@/lib/domain/workflow'
import type { InspectedUpload } from '@/lib/server/files/inspect-upload'
import { fileStore } from '@/lib/server/files/file-store'
import { SESSION_END_MESSAGES } from '@/lib/domain/access'
import { resolveDossierSession } from '@/lib/server/access/resolve-dossier-session'
import { getDb } from '@/lib/server/db'
import { hashToken, looksLikeToken } from '@/lib/server/tokens'
import { outstandingRequests } from './get-applicant-dossier'

export type ReuploadResult = { ok: true; backToReview: boolean } | { ok: false; message: string }

/**
 * The applicant sends again a piece that staff asked for. The new file replaces the rejected ones
 * of that type (kept as SUPERSEDED for the record); once every requested piece has a new file the
 * dossier goes back to review. File, pieces, status and audit events in one transaction.
 */
export async function reuploadPiece(options: {
  token: string
  pieceTypeCode: string
  upload: Extract<InspectedUpload, { ok: true }>
  documentDate: IsoDate | null
  now?: Date
}): Promise<ReuploadResult> {
  if (!looksLikeToken(options.token)) return { ok: false, message: 'Dossier introuvable.' }
  // An ended session (a link opened on another device, 30 idle days) is told why.
  const session = await resolveDossierSession({ token: options.token, now: options.now })
  if (!session.dossierId)
    return {
      ok: false,
      message: session.ended ? SESSION_END_MESSAGES[session.ended] : 'Dossier introuvable.',
    }
  return getDb().$transaction(async (tx): Promise<ReuploadResult> => {
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "Dossier" WHERE "accessTokenHash" = ${hashToken(options.token)} FOR UPDATE`
    if (!locked) return { ok: false, message: 'Dossier introuvable.' }
    const dossier = await tx.dossier.findUniqueOrThrow({
      where: { id: locked.id },
      select: {
        id: true,
        status: true,
        messages: { select: { requestedPieceCodes: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
        pieces: { select: { id: true, pieceTypeCode: true, status: true, createdAt: true } },
      },
    })
    if (dossier.status !== 'INCOMPLETE') {
      return {
        ok: false,
        message: 'Votre dossier n’attend pas de pièce : il n’est pas possible d’en envoyer une nouvelle.',
      }
    }
    if (!outstandingRequests(dossier).includes(options.pieceTypeCode)) {
      return { ok: false, message: 'Cette pièce ne vous a pas été demandée.' }
    }
    const now = options.now ?? new Date()
    const fileId = await fileStore.put(tx, {
      bytes: options.upload.bytes,
      mimeType: options.upload.mimeType,
      sizeBytes: options.upload.sizeBytes,
      sha256: options.upload.sha256,
      originalName: options.upload.safeName,
      activeContent: options.upload.activeContent,
    })
    await tx.piece.updateMany({
      where: { dossierId: dossier.id, pieceTypeCode: options.pieceTypeCode, status: 'REJECTED' },
      data: { status: 'SUPERSEDED' },
    })
    const piece = await tx.piece.create({
      data: {
        dossierId: dossier.id,
        pieceTypeCode: options.pieceTypeCode,
        fileId,
        documentDate: options.documentDate ? fromIsoDate(options.documentDate) : null,
        createdAt: now,
      },
      select: { id: true },
    })
    await tx.auditEvent.create({
      data: {
        dossierId: dossier.id,
        actorType: 'APPLICANT',
        action: 'PIECE_UPLOADED',
        pieceId: piece.id,
        details: { pieceTypeCode: options.pieceTypeCode },
      },
    })
    const remaining = outstandingRequests({
      messages: dossier.messages,
      pieces: [
        ...dossier.pieces.filter((other) => other.pieceTypeCode !== options.pieceTypeCode),
        { pieceTypeCode: options.pieceTypeCode, status: 'PENDING', createdAt: now },
      ],
    })
    let backToReview = false
    if (remaining.length === 0) {
      const move = transition('INCOMPLETE', 'PIECES_RESUBMITTED', { actor: 'APPLICANT' })
      if (move.ok) {
        await tx.dossier.update({
          where: { id: dossier.id },
          data: { status: 'UNDER_REVIEW', version: { increment: 1 } },
        })
        await tx.auditEvent.create({
          data: {
            dossierId: dossier.id,
            actorType: 'APPLICANT',
            action: 'PIECES_RESUBMITTED',
            fromStatus: 'INCOMPLETE',
            toStatus: 'UNDER_REVIEW',
          },
        })
        backToReview = true
      }
    } else {
      await tx.dossier.update({ where: { id: dossier.id }, data: { version: { increment: 1 } } })
    }
    return { ok: true, backToReview }
  })
}
