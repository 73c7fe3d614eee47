import 'server-only'
import { todayIn, toIsoDate, type IsoDate } from '@/lib/domain/dates'
import { pdfActiveContentOf, type PdfActiveContent } from '@/lib/domain/piece-warnings'
import { documentDateProblem, requiredPieces, type Requirement } from '@/lib/domain/pieces'
import type { AcademicSession, Programme } from '@/lib/domain/programme'
import type { CompleteAnswers } from '@/lib/domain/registration'
import type { DossierRow } from './dossier-include'

export type DossierPieceView = {
  id: string
  pieceTypeCode: string
  status: DossierRow['pieces'][number]['status']
  decisionReason: string | null
  documentDate: IsoDate | null
  fileName: string
  mimeType: string
  sizeBytes: number
  /** What the PDF carries that a reader may run or open (the staff piece card warns of it). */
  activeContent: PdfActiveContent[]
  createdAt: Date
}

export type DossierChecklistItem = {
  requirement: Requirement
  /** Current files (superseded ones excluded). */
  pieces: DossierPieceView[]
  state: 'MISSING' | 'PROVIDED' | 'ACCEPTED' | 'REJECTED' | 'TOO_OLD' | 'DATE_MISSING' | 'FUTURE_DATE'
}

export function pieceViews(row: Pick<DossierRow, 'pieces'>): DossierPieceView[] {
  return row.pieces.map((piece) => ({
    id: piece.id,
    pieceTypeCode: piece.pieceTypeCode,
    status: piece.status,
    decisionReason: piece.decisionReason,
    documentDate: piece.documentDate ? toIsoDate(piece.documentDate) : null,
    fileName: piece.file.originalName,
    mimeType: piece.file.mimeType,
    sizeBytes: piece.file.sizeBytes,
    activeContent: pdfActiveContentOf(piece.file.pdfActiveContent),
    createdAt: piece.createdAt,
  }))
}

/**
 * The checklist of a submitted dossier: requirements computed from its answers, each with its
 * current files and state (a rejected file makes the line REJECTED until a new one is sent; the
 * 15-day rule is counted on the day of submission).
 */
export function dossierChecklist(options: {
  programme: Programme
  session: AcademicSession
  answers: CompleteAnswers
  pieces: DossierPieceView[]
  submittedOn: IsoDate
}): DossierChecklistItem[] {
  const { programme, answers } = options
  const requirements = requiredPieces(programme.pieceTypes, {
    situation: answers.situation,
    prior: answers.acquis,
    choice: answers.ue,
  })
  return requirements.map((requirement) => {
    const codes = new Set(requirement.pieceTypes.map((type) => type.code))
    const pieces = options.pieces.filter(
      (piece) => codes.has(piece.pieceTypeCode) && piece.status !== 'SUPERSEDED',
    )
    let state: DossierChecklistItem['state'] = 'MISSING'
    if (pieces.some((piece) => piece.status === 'ACCEPTED')) state = 'ACCEPTED'
    else if (pieces.length > 0 && pieces.every((piece) => piece.status === 'REJECTED')) state = 'REJECTED'
    else if (pieces.length > 0) {
      const problem = pieces
        .filter((piece) => piece.status === 'PENDING')
        .map((piece) => {
          // Counted at submission, or at the upload for a piece sent again afterwards.
          const countedOn = [options.submittedOn, todayIn(piece.createdAt)].sort().at(-1)!
          return documentDateProblem(piece.documentDate, requirement.maxAgeDays, countedOn)
        })
      state = problem.includes(null) ? 'PROVIDED' : (problem[0] ?? 'PROVIDED')
    }
    return { requirement, pieces, state }
  })
}
