import 'server-only'
import { toIsoDate } from '@/lib/domain/dates'
import type { UploadedPiece } from '@/lib/domain/pieces'
import type { RawAnswers } from '@/lib/schemas/registration-steps'
import { getDb } from '@/lib/server/db'
import { hashToken, looksLikeToken } from '@/lib/server/tokens'
import { getRegistrationContext, type RegistrationContext } from './registration-context'

export type DraftView = {
  id: string
  raw: RawAnswers
  completedSteps: string[]
  email: string | null
  expiresAt: Date
  uploads: Array<UploadedPiece & { mimeType: string; sizeBytes: number }>
  context: RegistrationContext
}

export type DraftLookup =
  { state: 'ACTIVE'; draft: DraftView } | { state: 'SUBMITTED' } | { state: 'EXPIRED' } | { state: 'NONE' }

/** The draft behind a private token: active, already submitted, expired, or unknown. */
export async function getDraft(options: {
  token: string | undefined | null
  now?: Date
}): Promise<DraftLookup> {
  if (!looksLikeToken(options.token)) return { state: 'NONE' }
  const now = options.now ?? new Date()
  const row = await getDb().draft.findUnique({
    where: { tokenHash: hashToken(options.token) },
    select: {
      id: true,
      sessionId: true,
      answers: true,
      completedSteps: true,
      email: true,
      expiresAt: true,
      submittedAt: true,
      pieces: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          pieceTypeCode: true,
          documentDate: true,
          file: { select: { originalName: true, mimeType: true, sizeBytes: true } },
        },
      },
    },
  })
  if (!row) return { state: 'NONE' }
  if (row.submittedAt) return { state: 'SUBMITTED' }
  if (row.expiresAt <= now) return { state: 'EXPIRED' }
  const context = await getRegistrationContext({ sessionId: row.sessionId })
  if (!context) return { state: 'NONE' }
  return {
    state: 'ACTIVE',
    draft: {
      id: row.id,
      raw: (row.answers ?? {}) as RawAnswers,
      completedSteps: row.completedSteps,
      email: row.email,
      expiresAt: row.expiresAt,
      uploads: row.pieces.map((piece) => ({
        id: piece.id,
        pieceTypeCode: piece.pieceTypeCode,
        documentDate: piece.documentDate ? toIsoDate(piece.documentDate) : null,
        fileName: piece.file.originalName,
        mimeType: piece.file.mimeType,
        sizeBytes: piece.file.sizeBytes,
      })),
      context,
    },
  }
}
