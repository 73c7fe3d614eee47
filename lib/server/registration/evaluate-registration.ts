import 'server-only'
import type { IsoDate } from '@/lib/domain/dates'
import { registrationFees, type FeeBreakdown } from '@/lib/domain/fees'
import {
  evaluateChecklist,
  isChecklistComplete,
  requiredPieces,
  type ChecklistItem,
  type UploadedPiece,
} from '@/lib/domain/pieces'
import {
  hasAllAnswers,
  type AnswerStepId,
  type CompleteAnswers,
  type RegistrationAnswers,
  type StepId,
} from '@/lib/domain/registration'
import { checkUeChoice } from '@/lib/domain/ue-choice'
import { parseAnswers, type RawAnswers } from '@/lib/schemas/registration-steps'
import { stepContextOf, type RegistrationContext } from './registration-context'

export type RegistrationIssue = { step: StepId; message: string }

export type RegistrationEvaluation = {
  answers: RegistrationAnswers
  complete: CompleteAnswers | null
  issues: RegistrationIssue[]
  fees: FeeBreakdown | null
  cautionCents: number | null
  checklist: ChecklistItem[]
}

const MISSING_STEP: Record<AnswerStepId, string> = {
  identite: 'Votre identité n’est pas renseignée.',
  coordonnees: 'Vos coordonnées ne sont pas renseignées.',
  situation: 'Votre situation et votre financement ne sont pas renseignés.',
  acquis: 'Indiquez si vous avez déjà obtenu des UE (même si aucune).',
  ue: 'Vous n’avez pas choisi d’UE.',
}

/**
 * Everything a registration needs to be submitted, computed again from what was typed, with the
 * rules and the date of `today`: each step parsed by its schema, the UE rules, the fees, the
 * checklist of pieces with the 15-day rule. `issues` names every missing or invalid item with the
 * step where to fix it; empty means the dossier can be submitted.
 */
export function evaluateRegistration(options: {
  raw: RawAnswers
  context: RegistrationContext
  uploads: UploadedPiece[]
  today: IsoDate
}): RegistrationEvaluation {
  const { raw, context, uploads, today } = options
  const { answers, issues: fieldIssues } = parseAnswers(raw, stepContextOf(context, today))
  const issues: RegistrationIssue[] = fieldIssues.map((issue) => ({
    step: issue.step,
    message: issue.message,
  }))
  for (const step of ['identite', 'coordonnees', 'situation', 'acquis', 'ue'] as const) {
    if (raw[step] === undefined) issues.push({ step, message: MISSING_STEP[step] })
  }
  if (!hasAllAnswers(answers)) {
    return { answers, complete: null, issues, fees: null, cautionCents: null, checklist: [] }
  }
  const { programme, session } = context
  for (const issue of checkUeChoice({
    session,
    today,
    prior: answers.acquis,
    choice: answers.ue,
    experience: programme,
  })) {
    issues.push({ step: 'ue', message: issue.message })
  }
  const { fees, cautionCents } = registrationFees(session, answers)
  const requirements = requiredPieces(programme.pieceTypes, {
    situation: answers.situation,
    prior: answers.acquis,
    choice: answers.ue,
  })
  const checklist = evaluateChecklist(requirements, uploads, today)
  for (const item of checklist)
    if (item.message && !item.requirement.optional) issues.push({ step: 'pieces', message: item.message })
  if (!isChecklistComplete(checklist) && !issues.some((issue) => issue.step === 'pieces')) {
    issues.push({ step: 'pieces', message: 'La liste des pièces n’est pas complète.' })
  }
  return { answers, complete: answers, issues, fees, cautionCents, checklist }
}
