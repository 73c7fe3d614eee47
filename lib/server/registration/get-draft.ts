import 'server-only'
import { toIsoDate } from '@/lib/domain/dates'
import type { UploadedPiece } from '@/lib/domain/pieces'
import type { RawAnswers } from '@/lib/schemas/registration-steps'
import { sessionIsIdle, type SessionEndReason } from '@/lib/domain/access'
import { recordSessionEnd, sessionEndReason } from '@/lib/server/access/applicant-sessions'
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
  | { state: 'ACTIVE'; draft: DraftView }
  | { state: 'SUBMITTED' }
  | { state: 'EXPIRED' }
  | { state: 'NONE' }
  | { state: 'ENDED'; reason: SessionEndReason }

/** A session's last-seen time is written at most this often (not at every request). */
const SEEN_RESOLUTION_MS = 3_600_000

/**
 * The draft behind a browser's session token (its cookie; never a link's token): active, already
 * submitted, expired, unknown, or a session that ended (another device opened a link, idle for
 * SESSION_IDLE_DAYS…), with the reason to tell.
 */
export async function getDraft(options: {
  token: string | undefined | null
  now?: Date
}): Promise<DraftLookup> {
  if (!looksLikeToken(options.token)) return { state: 'NONE' }
  const now = options.now ?? new Date()
  const tokenHash = hashToken(options.token)
  const db = getDb()
  const row = await db.draft.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      sessionSeenAt: true,
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
  if (!row) {
    const reason = await sessionEndReason(options.token)
    return reason ? { state: 'ENDED', reason } : { state: 'NONE' }
  }
  if (row.submittedAt) return { state: 'SUBMITTED' }
  if (row.expiresAt <= now) return { state: 'EXPIRED' }
  if (sessionIsIdle(row.sessionSeenAt, now)) {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "Draft" SET "tokenHash" = NULL WHERE id = ${row.id}::uuid AND "tokenHash" = ${tokenHash}`
      await recordSessionEnd(tx, { tokenHash, reason: 'IDLE', now })
    })
    return { state: 'ENDED', reason: 'IDLE' }
  }
  if (now.getTime() - row.sessionSeenAt.getTime() > SEEN_RESOLUTION_MS)
    await db.$executeRaw`UPDATE "Draft" SET "sessionSeenAt" = ${now} WHERE id = ${row.id}::uuid AND "tokenHash" = ${tokenHash}`
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
