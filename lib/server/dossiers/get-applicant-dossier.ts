import 'server-only'
import { todayIn } from '@/lib/domain/dates'
import type { FeeLine } from '@/lib/domain/fees'
import type { CompleteAnswers } from '@/lib/domain/registration'
import { canWithdraw, withdrawalDeadline, type StoredDossierStatus } from '@/lib/domain/workflow'
import { getDb } from '@/lib/server/db'
import {
  getRegistrationContext,
  type RegistrationContext,
} from '@/lib/server/registration/registration-context'
import { resolveDossierSession } from '@/lib/server/access/resolve-dossier-session'
import {
  dossierChecklist,
  pieceViews,
  type DossierChecklistItem,
  type DossierPieceView,
} from './dossier-checklist'
import { dossierInclude } from './dossier-include'

export type ApplicantDossier = {
  id: string
  reference: string
  status: StoredDossierStatus
  submittedAt: Date
  totalCents: number
  feeLines: FeeLine[]
  answers: CompleteAnswers
  pieces: DossierPieceView[]
  checklist: DossierChecklistItem[]
  messages: Array<{ id: string; body: string; requestedPieceCodes: string[]; createdAt: Date }>
  history: Array<{ action: string; toStatus: StoredDossierStatus | null; createdAt: Date }>
  context: RegistrationContext
  withdrawal: { possible: boolean; deadline: string }
  /** Piece types staff asked for again and that still have no new file. */
  outstandingRequests: string[]
}

/** Piece types requested by staff (latest request) that have no pending or accepted file since. */
export function outstandingRequests(row: {
  messages: Array<{ requestedPieceCodes: string[]; createdAt: Date }>
  pieces: Array<{ pieceTypeCode: string; status: string; createdAt: Date }>
}): string[] {
  const request = [...row.messages].reverse().find((message) => message.requestedPieceCodes.length > 0)
  if (!request) return []
  return request.requestedPieceCodes.filter(
    (code) =>
      !row.pieces.some(
        (piece) =>
          piece.pieceTypeCode === code &&
          piece.createdAt >= request.createdAt &&
          piece.status !== 'SUPERSEDED' &&
          piece.status !== 'REJECTED',
      ),
  )
}

/** The dossier behind a session cookie, as its applicant sees it; null for none (or an ended one). */
export async function getApplicantDossier(options: {
  token: string | undefined | null
  now?: Date
}): Promise<ApplicantDossier | null> {
  const now = options.now ?? new Date()
  const session = await resolveDossierSession({ token: options.token, now })
  if (!session.dossierId) return null
  const row = await getDb().dossier.findUnique({
    where: { id: session.dossierId },
    include: dossierInclude,
  })
  if (!row) return null
  const context = await getRegistrationContext({ sessionId: row.sessionId })
  if (!context) return null
  const answers = row.answers as unknown as CompleteAnswers
  const pieces = pieceViews(row)
  const days = context.programme.withdrawalPeriodDays
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    submittedAt: row.submittedAt,
    totalCents: row.totalCents,
    feeLines: row.feeLines as unknown as FeeLine[],
    answers,
    pieces,
    checklist: dossierChecklist({
      programme: context.programme,
      session: context.session,
      answers,
      pieces,
      submittedOn: todayIn(row.submittedAt),
    }),
    messages: row.messages.map(({ id, body, requestedPieceCodes, createdAt }) => ({
      id,
      body,
      requestedPieceCodes,
      createdAt,
    })),
    history: row.events
      .filter((event) => event.toStatus !== null)
      .map(({ action, toStatus, createdAt }) => ({ action, toStatus, createdAt })),
    context,
    withdrawal: {
      possible: canWithdraw({ status: row.status, submittedAt: row.submittedAt, now, days }),
      deadline: withdrawalDeadline(row.submittedAt, days),
    },
    outstandingRequests: row.status === 'INCOMPLETE' ? outstandingRequests(row) : [],
  }
}
