import 'server-only'
import { todayIn } from '@/lib/domain/dates'
import {
  draftLastDay,
  nextStep,
  type AnswerStepId,
  type ContactAnswers,
  type PriorAnswers,
  type StepId,
} from '@/lib/domain/registration'
import { checkUeChoice } from '@/lib/domain/ue-choice'
import { SESSION_END_MESSAGES } from '@/lib/domain/access'
import { publicBaseUrl } from '@/lib/env'
import type { Prisma } from '@/lib/generated/prisma/client'
import { withoutUnstorableCharacters } from '@/lib/schemas/fields'
import { fieldErrors, stepSchema, type StepInput } from '@/lib/schemas/registration-steps'
import { getDb } from '@/lib/server/db'
import { issueApplicantLink } from '@/lib/server/access/issue-applicant-link'
import { resumeLinkAllowed } from '@/lib/server/access/resume-link-allowed'
import { afterEmailsQueued } from '@/lib/server/mail/deliver'
import { enqueueEmail } from '@/lib/server/mail/outbox'
import { resumeLinkEmail } from '@/lib/server/mail/templates'
import { draftExpiry } from './create-draft'
import { getDraft, type DraftLookup } from './get-draft'
import { stepContextOf } from './registration-context'

export type StepResult =
  { ok: true; next: StepId } | { ok: false; fieldErrors: Record<string, string>; formError: string | null }

const MAX_STEP_BYTES = 20_000

export const DRAFT_UNAVAILABLE: Record<'SUBMITTED' | 'EXPIRED' | 'NONE', string> = {
  SUBMITTED: 'Ce dossier a déjà été envoyé : suivez-le depuis la page de votre dossier.',
  EXPIRED: 'Ce brouillon a expiré : recommencez votre inscription.',
  NONE: 'Votre inscription en cours est introuvable : ouvrez le lien reçu par e-mail, ou recommencez.',
}

/** What to tell a browser whose draft cannot be used, a session that ended included. */
export function draftUnavailableMessage(lookup: Exclude<DraftLookup, { state: 'ACTIVE' }>): string {
  return lookup.state === 'ENDED' ? SESSION_END_MESSAGES[lookup.reason] : DRAFT_UNAVAILABLE[lookup.state]
}

/** A NUL character, or half of a surrogate pair: text PostgreSQL's jsonb refuses to store. */
function unstorable(text: string): boolean {
  return withoutUnstorableCharacters(text) !== text
}

/**
 * What was typed, as the JSON the draft keeps (the schema's checks are done; unknown keys are kept
 * too, so that the form shows again exactly what it sent), or null when it cannot be stored: a big
 * integer or a cycle (which JSON.stringify refuses), text jsonb refuses, or a `__proto__` key (an
 * own property after JSON.parse, which Prisma's JSON serialisation throws on). The form never
 * sends these; a forged request can.
 */
function storableJson(input: StepInput): string | null {
  let serialized: string | undefined
  try {
    serialized = JSON.stringify(input)
  } catch {
    return null
  }
  if (serialized === undefined) return null
  let storable = true
  JSON.parse(serialized, (key: string, value: unknown) => {
    if (key === '__proto__' || unstorable(key)) storable = false
    if (typeof value === 'string' && unstorable(value)) storable = false
    return value
  })
  return storable ? serialized : null
}

export function resumeLink(token: string): string {
  return `${publicBaseUrl()}/inscription/reprendre/${token}`
}

/**
 * Validates one step with its schema (and, for the UE step, the rules of lib/domain/ue-choice.ts)
 * and saves what was typed in the draft. Nothing is saved when something is invalid.
 */
export async function saveDraftStep(options: {
  token: string
  step: AnswerStepId
  input: StepInput
  /** The client's address, for the per-client limit on resume e-mails. */
  ip?: string | null
  now?: Date
}): Promise<StepResult> {
  const now = options.now ?? new Date()
  const lookup = await getDraft({ token: options.token, now })
  if (lookup.state !== 'ACTIVE')
    return { ok: false, fieldErrors: {}, formError: draftUnavailableMessage(lookup) }
  const { draft } = lookup
  const today = todayIn(now)
  const stepContext = stepContextOf(draft.context, today)
  const parsed = stepSchema(options.step, stepContext).safeParse(options.input)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error), formError: null }
  const serialized = storableJson(options.input)
  if (serialized === null)
    return {
      ok: false,
      fieldErrors: {},
      formError: 'Ce formulaire contient des caractères non pris en charge.',
    }
  if (serialized.length > MAX_STEP_BYTES)
    return { ok: false, fieldErrors: {}, formError: 'Ce formulaire contient trop de texte.' }

  if (options.step === 'ue') {
    const prior = stepSchema('acquis', stepContext).safeParse(draft.raw.acquis ?? {})
    const issues = checkUeChoice({
      session: draft.context.session,
      today,
      prior: prior.success ? (prior.data as PriorAnswers) : { obtained: [], earlyExperienceReview: false },
      choice: parsed.data as Parameters<typeof checkUeChoice>[0]['choice'],
      experience: draft.context.programme,
    })
    if (issues.length > 0) {
      const errors: Record<string, string> = {}
      for (const issue of issues) {
        // Shown under the UE concerned when there is one, else under the whole question.
        const path = issue.code ? `ues.${issue.code}` : issue.field
        errors[path] = errors[path] ? `${errors[path]} ${issue.message}` : issue.message
      }
      return { ok: false, fieldErrors: errors, formError: null }
    }
  }

  const typed = options.step === 'coordonnees' ? (parsed.data as ContactAnswers).email.toLowerCase() : null
  const email = typed ?? draft.email
  const addressChanged = typed !== null && typed !== draft.email?.toLowerCase()
  // A resume link goes to the draft's current address only, within the limits (an address typed
  // 20 times over is not 20 e-mails); when the limit is reached the applicant can still ask one
  // later from the registration page.
  const sendLink =
    addressChanged &&
    typed !== null &&
    (await resumeLinkAllowed({ draftId: draft.id, email: typed, ip: options.ip ?? null }))
  const expiresAt = draftExpiry(now)
  const queued: Array<{ to: string; subject: string; text: string }> = []
  await getDb().$transaction(async (tx) => {
    await tx.draft.update({
      where: { id: draft.id },
      data: {
        answers: { ...draft.raw, [options.step]: JSON.parse(serialized) } as Prisma.InputJsonValue,
        completedSteps: [...new Set([...draft.completedSteps, options.step])],
        email,
        expiresAt,
      },
    })
    if (addressChanged) {
      // The old address (a typo, someone else's) stops receiving working links at once.
      await tx.applicantLink.updateMany({
        where: { draftId: draft.id, usedAt: null, revokedAt: null, email: { not: typed } },
        data: { revokedAt: now },
      })
    }
    if (sendLink && typed) {
      const token = await issueApplicantLink(tx, { kind: 'RESUME', draftId: draft.id, email: typed, now })
      const message = resumeLinkEmail({
        link: resumeLink(token),
        programmeTitle: draft.context.programme.title,
        sessionLabel: draft.context.session.label,
        expiresOn: draftLastDay(expiresAt),
      })
      await enqueueEmail(tx, { kind: 'RESUME_LINK', to: typed, ...message })
      queued.push({ to: typed, ...message })
    }
  })
  afterEmailsQueued(queued)
  return { ok: true, next: nextStep(options.step) ?? 'recapitulatif' }
}
