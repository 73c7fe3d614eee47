import { formatCount } from '../format'
import { daysBetween, type IsoDate } from './dates'
import type { PieceCondition, PieceType } from './programme'
import type { ChoiceAnswers, PriorAnswers, SituationAnswers } from './registration'

/** When each kind of piece is asked for, in the applicant's words (procedure section, checklist). */
export const PIECE_CONDITION_LABELS: Record<PieceCondition, string> = {
  GENERATED: 'Rempli sur ce portail',
  ALWAYS: 'Pour tous',
  EMPLOYED: 'Si vous êtes salarié(e)',
  JOB_SEEKER: "Si vous êtes demandeur(se) d'emploi",
  SELF_PAYING: 'Si vous payez vous-même votre formation',
  EMPLOYER_FUNDED: 'Si votre employeur prend en charge votre formation',
  EMPLOYER_CERTIFICATE_UNSIGNED: "Si l'attestation de prise en charge n'est pas signée par l'employeur",
  UES_OBTAINED_ELSEWHERE: "Si vous avez obtenu des UE dans d'autres centres régionaux",
  EARLY_EXPERIENCE_REVIEW: 'Facultatif, si vous avez obtenu au moins 4 UE',
}

/** One line of the checklist: a piece, or alternatives of which any one will do. */
export type Requirement = {
  /** The alternative group, or the piece type's code. */
  key: string
  label: string
  /** Accepted piece types (one, or the alternatives of a group). */
  pieceTypes: PieceType[]
  optional: boolean
  /** The document must be dated no more than this many days before submission. */
  maxAgeDays: number | null
  /** Why this applicant is asked for it (« Parce que vous avez déclaré… »); null when all are. */
  reason: string | null
}

export type ChecklistContext = {
  situation: SituationAnswers
  prior: PriorAnswers
  choice: ChoiceAnswers
}

/** Whether a catalogue condition applies to this applicant. */
export function conditionApplies(condition: PieceType['condition'], context: ChecklistContext): boolean {
  const { situation, prior } = context
  switch (condition) {
    case 'GENERATED':
      return false
    case 'ALWAYS':
      return true
    case 'EMPLOYED':
      return situation.employmentStatus === 'EMPLOYED'
    case 'JOB_SEEKER':
      return situation.employmentStatus === 'JOB_SEEKER'
    case 'SELF_PAYING':
      return situation.category !== 'EMPLOYER_FUNDED'
    case 'EMPLOYER_FUNDED':
      return situation.category === 'EMPLOYER_FUNDED'
    case 'EMPLOYER_CERTIFICATE_UNSIGNED':
      return situation.category === 'EMPLOYER_FUNDED' && situation.employerCertificateSigned === false
    case 'UES_OBTAINED_ELSEWHERE':
      // Only UEs obtained in another regional centre: this centre has its own results, and the
      // highest diploma is already asked in « Photocopie des diplômes obtenus ».
      return prior.obtained.some((ue) => ue.place === 'ELSEWHERE')
    case 'EARLY_EXPERIENCE_REVIEW':
      return prior.earlyExperienceReview
  }
}

function codeList(codes: string[]): string {
  return new Intl.ListFormat('fr-FR', { type: 'conjunction' }).format(codes)
}

/**
 * Why a piece is asked of this applicant, in the words of what they answered; null for the pieces
 * asked of everyone. Only called for a condition that applies.
 */
export function conditionReason(condition: PieceType['condition'], context: ChecklistContext): string | null {
  const { situation, prior } = context
  switch (condition) {
    case 'GENERATED':
    case 'ALWAYS':
      return null
    case 'EMPLOYED':
      return 'Parce que vous avez déclaré être salarié(e).'
    case 'JOB_SEEKER':
      return 'Parce que vous avez déclaré être demandeur(se) d’emploi.'
    case 'SELF_PAYING':
      return situation.category === 'JOB_SEEKER'
        ? 'Parce que vous avez choisi le tarif demandeur d’emploi : vous réglez vous-même la participation.'
        : 'Parce que vous avez déclaré payer vous-même votre formation.'
    case 'EMPLOYER_FUNDED':
      return 'Parce que vous avez déclaré que votre employeur prend en charge votre formation.'
    case 'EMPLOYER_CERTIFICATE_UNSIGNED':
      return 'Parce que vous avez déclaré que l’attestation de prise en charge ne sera pas signée par votre employeur.'
    case 'UES_OBTAINED_ELSEWHERE': {
      const codes = prior.obtained.filter((ue) => ue.place === 'ELSEWHERE').map((ue) => ue.code)
      return `Parce que vous avez déclaré avoir obtenu ${codeList(codes)} dans un autre centre régional.`
    }
    case 'EARLY_EXPERIENCE_REVIEW':
      return 'Parce que vous avez demandé l’examen anticipé de votre expérience professionnelle.'
  }
}

/**
 * The checklist of pieces for these answers, computed from the catalogue: pieces whose condition
 * applies, alternatives of a group merged into one line, in catalogue order.
 */
export function requiredPieces(catalogue: PieceType[], context: ChecklistContext): Requirement[] {
  const requirements: Requirement[] = []
  for (const pieceType of catalogue) {
    if (!conditionApplies(pieceType.condition, context)) continue
    const key = pieceType.alternativeGroup ?? pieceType.code
    const existing = requirements.find((requirement) => requirement.key === key)
    if (existing) {
      existing.pieceTypes.push(pieceType)
      existing.label = existing.pieceTypes.map((type) => type.label).join(' ou ')
      existing.optional = existing.optional && pieceType.optional
      existing.maxAgeDays = existing.maxAgeDays ?? pieceType.maxAgeDays
      continue
    }
    requirements.push({
      key,
      label: pieceType.label,
      pieceTypes: [pieceType],
      optional: pieceType.optional,
      maxAgeDays: pieceType.maxAgeDays,
      reason: conditionReason(pieceType.condition, context),
    })
  }
  return requirements
}

export type UploadedPiece = {
  id: string
  pieceTypeCode: string
  documentDate: IsoDate | null
  fileName: string
}

export type ChecklistState = 'PROVIDED' | 'MISSING' | 'DATE_MISSING' | 'TOO_OLD' | 'FUTURE_DATE'

export type ChecklistItem = {
  requirement: Requirement
  uploads: UploadedPiece[]
  state: ChecklistState
  message: string | null
}

/** Whether a dated document is recent enough at `today` (the 15-day rule is counted at submission). */
export function documentDateProblem(
  documentDate: IsoDate | null,
  maxAgeDays: number | null,
  today: IsoDate,
): ChecklistState | null {
  if (maxAgeDays === null) return null
  if (!documentDate) return 'DATE_MISSING'
  const age = daysBetween(documentDate, today)
  if (age < 0) return 'FUTURE_DATE'
  if (age > maxAgeDays) return 'TOO_OLD'
  return null
}

/** Each requirement with what was uploaded for it and whether that satisfies it at `today`. */
export function evaluateChecklist(
  requirements: Requirement[],
  uploads: UploadedPiece[],
  today: IsoDate,
): ChecklistItem[] {
  return requirements.map((requirement) => {
    const codes = new Set(requirement.pieceTypes.map((type) => type.code))
    const mine = uploads.filter((upload) => codes.has(upload.pieceTypeCode))
    if (mine.length === 0) {
      return {
        requirement,
        uploads: mine,
        state: 'MISSING',
        message: requirement.optional ? null : `Pièce manquante : ${requirement.label}.`,
      }
    }
    const problems = mine.map((upload) =>
      documentDateProblem(upload.documentDate, requirement.maxAgeDays, today),
    )
    // One valid document is enough; otherwise report the problem of the most recent one.
    if (problems.some((problem) => problem === null))
      return { requirement, uploads: mine, state: 'PROVIDED', message: null }
    const state = problems[problems.length - 1] ?? 'MISSING'
    const messages: Record<Exclude<ChecklistState, 'PROVIDED' | 'MISSING'>, string> = {
      DATE_MISSING: `Indiquez la date du document : ${requirement.label}.`,
      TOO_OLD: `${requirement.label} : le document doit dater de moins de ${requirement.maxAgeDays} jours au moment de l’envoi du dossier.`,
      FUTURE_DATE: `${requirement.label} : la date du document ne peut pas être dans le futur.`,
    }
    return { requirement, uploads: mine, state, message: messages[state as keyof typeof messages] }
  })
}

/** True when nothing required is missing or invalid. */
export function isChecklistComplete(items: ChecklistItem[]): boolean {
  return items.every(
    (item) => item.state === 'PROVIDED' || (item.requirement.optional && item.state === 'MISSING'),
  )
}

/** The pieces step's status line: how many required pieces are still to provide. */
export function piecesToProvideText(missing: number): string {
  return missing === 0
    ? 'Toutes les pièces demandées sont fournies.'
    : `${formatCount(missing, { one: 'pièce encore à fournir', other: 'pièces encore à fournir' })}.`
}

/** "1 fichier déposé", "3 fichiers déposés". */
export function uploadedFilesText(count: number): string {
  return formatCount(count, { one: 'fichier déposé', other: 'fichiers déposés' })
}
