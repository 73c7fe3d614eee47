import type { z } from 'zod'
import type { IsoDate } from '@/lib/domain/dates'
import type { AnswerStepId, RegistrationAnswers } from '@/lib/domain/registration'
import { choiceSchema, contactSchema, identitySchema, priorSchema, situationSchema } from './registration'

/** What the step schemas need to know besides the answers. */
export type StepContext = {
  today: IsoDate
  /** Codes of the programme's UEs. */
  catalogue: string[]
  /** UEs obtained from which the examen anticipé may be requested (4). */
  minimumForReview: number
}

/** The schema of an answer step. Its input is what the form sends; its output the stored answers. */
export function stepSchema(step: AnswerStepId, context: StepContext) {
  switch (step) {
    case 'identite':
      return identitySchema(context.today)
    case 'coordonnees':
      return contactSchema
    case 'situation':
      return situationSchema
    case 'acquis':
      return priorSchema({
        catalogue: context.catalogue,
        minimumForReview: context.minimumForReview,
        currentYear: Number(context.today.slice(0, 4)),
      })
    case 'ue':
      return choiceSchema
  }
}

export type StepInput = Record<string, unknown>
/** What the browser sent for each step, kept as typed so the form can show it again. */
export type RawAnswers = Partial<Record<AnswerStepId, StepInput>>

export type FieldIssue = { step: AnswerStepId; path: string; message: string }

/** Parses every stored step again (with today's date and rules); returns the answers and issues. */
export function parseAnswers(
  raw: RawAnswers,
  context: StepContext,
): { answers: RegistrationAnswers; issues: FieldIssue[] } {
  const answers: RegistrationAnswers = {}
  const issues: FieldIssue[] = []
  for (const step of ['identite', 'coordonnees', 'situation', 'acquis', 'ue'] as const) {
    const input = raw[step]
    if (input === undefined) continue
    const result = stepSchema(step, context).safeParse(input)
    if (result.success) {
      ;(answers as Record<string, unknown>)[step] = result.data
    } else {
      for (const issue of result.error.issues)
        issues.push({ step, path: issue.path.join('.'), message: issue.message })
    }
  }
  return { answers, issues }
}

/** Flattens zod issues into `{ "employer.name": "message" }` for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.join('.') || 'root'
    errors[path] ??= issue.message
  }
  return errors
}

/** The stored answer type of each step. */
export type StepOutputs = Required<RegistrationAnswers>

/** Parses one step's stored input; null when it is missing or no longer valid. */
export function parseStep<S extends AnswerStepId>(
  step: S,
  input: StepInput | undefined,
  context: StepContext,
): StepOutputs[S] | null {
  if (input === undefined) return null
  const result = stepSchema(step, context).safeParse(input)
  return result.success ? (result.data as StepOutputs[S]) : null
}
