'use server'

import { redirect } from 'next/navigation'
import { isIsoDate } from '@/lib/domain/dates'
import { ANSWER_STEPS, firstIncompleteStep, type AnswerStepId } from '@/lib/domain/registration'
import { resumeLinkRequestSchema } from '@/lib/schemas/lost-link'
import { documentDateSchema, startSchema } from '@/lib/schemas/registration'
import type { StepInput } from '@/lib/schemas/registration-steps'
import { exchangeApplicantLink } from '@/lib/server/access/exchange-applicant-link'
import { peekApplicantLink } from '@/lib/server/access/peek-applicant-link'
import { recordLinkRequest } from '@/lib/server/access/record-link-request'
import { isDatabaseUnavailable } from '@/lib/server/database-unavailable'
import { logEvent } from '@/lib/server/log'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { createDraft, draftExpiry } from '@/lib/server/registration/create-draft'
import {
  clearDraftToken,
  readDraftToken,
  writeDossierToken,
  writeDraftToken,
} from '@/lib/server/registration/cookies'
import { removeDraftPiece, setDraftPieceDate } from '@/lib/server/registration/draft-pieces'
import type { RegistrationIssue } from '@/lib/server/registration/evaluate-registration'
import { getDraft } from '@/lib/server/registration/get-draft'
import { saveDraftStep, type StepResult } from '@/lib/server/registration/save-draft-step'
import { submitDraft, type SubmitResult } from '@/lib/server/registration/submit-draft'
import { clientIp } from '@/lib/server/request-context'
import { looksLikeToken } from '@/lib/server/tokens'
import { submissionSchema } from '@/lib/schemas/registration'
import { HOME_PROGRAMME_CODE } from '@/lib/site'

const TOO_MANY = 'Trop de demandes depuis votre connexion : réessayez dans une heure.'
const SERVER_UNAVAILABLE =
  'Le serveur n’a pas répondu à temps. Vos réponses et vos pièces sont conservées : réessayez dans quelques instants (un dossier déjà reçu ne sera pas enregistré deux fois).'

/**
 * "Commencer mon inscription": a new draft, its session token in a cookie, then the first step.
 * A browser that holds a draft already must confirm (its draft then stays reachable by link only).
 */
export async function startRegistrationAction(formData: FormData): Promise<void> {
  if (!(formData instanceof FormData) || formData.get('confirm') !== 'oui') {
    const current = await getDraft({ token: await readDraftToken() })
    if (current.state === 'ACTIVE') redirect('/inscription?erreur=confirmer-nouvelle')
  }
  // Anything but the start form's FormData is a forged request: refused as a filled honeypot is.
  const parsed = startSchema.safeParse({
    website: formData instanceof FormData ? (formData.get('website') ?? undefined) : 'not a form',
  })
  const ip = await clientIp()
  if (!parsed.success) {
    // A bot filled the hidden field: pretend nothing happened.
    await logSecurityEvent('warn', 'registration.honeypot', { ip })
    redirect('/inscription')
  }
  const limit = await hitRateLimit({ rule: RATE_LIMITS.draftCreation, subject: ip })
  if (!limit.allowed) {
    await logSecurityEvent('warn', 'rate_limit.hit', { rule: RATE_LIMITS.draftCreation.name, ip })
    redirect('/inscription?erreur=trop-de-demandes')
  }
  const created = await createDraft({ programmeCode: HOME_PROGRAMME_CODE })
  if (!created.ok) redirect('/inscription?erreur=fermee')
  await writeDraftToken(created.token, draftExpiry(new Date()))
  redirect('/inscription/identite')
}

/**
 * « Continuer » on a resume link's page: the only way a link signs a browser in. A browser that
 * holds another draft is sent back to the page to choose (unless it chose already), so that no
 * request — from another site, a prefetch, a forged form — replaces a draft silently.
 */
export async function openResumeLinkAction(formData: FormData): Promise<void> {
  const field = (name: string) => (formData instanceof FormData ? formData.get(name) : null)
  const token = String(field('token') ?? '')
  const ip = await clientIp()
  const limit = await hitRateLimit({ rule: RATE_LIMITS.applicantAction, subject: ip })
  if (!limit.allowed) {
    await logSecurityEvent('warn', 'rate_limit.hit', { rule: RATE_LIMITS.applicantAction.name, ip })
    redirect('/inscription?erreur=trop-de-demandes')
  }
  if (!looksLikeToken(token)) redirect('/inscription?etat=lien-none')
  if (field('replace') !== 'oui') {
    const current = await getDraft({ token: await readDraftToken() })
    if (current.state === 'ACTIVE') {
      const view = await peekApplicantLink({ token, kind: 'RESUME' })
      if (view.state === 'VALID' && view.targetId !== current.draft.id)
        redirect(`/inscription/reprendre/${token}?choisir`)
    }
  }
  const result = await exchangeApplicantLink({ token, kind: 'RESUME' })
  if (!result.ok) {
    // NONE is a mistyped or guessed link: worth a trace (never the token itself).
    if (result.refusal === 'NONE')
      await logSecurityEvent('warn', 'access.denied', { reason: 'unknown_private_link' })
    redirect(`/inscription?etat=lien-${result.refusal.toLowerCase()}`)
  }
  await writeDraftToken(result.sessionToken, draftExpiry(new Date()))
  logEvent('info', 'access.link_opened', { kind: 'resume', ip })
  redirect(`/inscription/${firstIncompleteStep(result.completedSteps)}`)
}

export type ResumeLinkRequestState = {
  status: 'idle' | 'sent' | 'error'
  message: string | null
  fieldErrors: Record<string, string>
  email: string
}

/** Same answer whether or not a draft matches: the form reveals nothing about who registers. */
const RESUME_LINK_SENT =
  'Si une inscription en cours utilise cette adresse, un nouveau lien y est envoyé dans quelques minutes. Il fonctionne une fois, pendant 7 jours.'

/**
 * « Recevoir un nouveau lien » for a draft whose link is lost or expired: like the dossier's
 * « lien perdu », the request records the demand only; the link is made and mailed after the
 * response, to the draft's current address, within the resume e-mail limits.
 */
export async function requestResumeLinkAction(
  _state: ResumeLinkRequestState,
  form: FormData,
): Promise<ResumeLinkRequestState> {
  const field = (name: string) => (form instanceof FormData ? form.get(name) : null)
  const email = String(field('email') ?? '')
  const parsed = resumeLinkRequestSchema.safeParse({ email, website: field('website') ?? undefined })
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {}
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.')] ??= issue.message
    if (fieldErrors.website) return { status: 'sent', message: RESUME_LINK_SENT, fieldErrors: {}, email }
    return { status: 'error', message: null, fieldErrors, email }
  }
  const ip = await clientIp()
  const limit = await hitRateLimit({ rule: RATE_LIMITS.lostLink, subject: ip })
  if (!limit.allowed) {
    await logSecurityEvent('warn', 'rate_limit.hit', { rule: RATE_LIMITS.lostLink.name, ip })
    return { status: 'error', message: TOO_MANY, fieldErrors: {}, email }
  }
  await recordLinkRequest({ kind: 'RESUME', email: parsed.data.email })
  logEvent('info', 'registration.link_requested', { ip })
  return { status: 'sent', message: RESUME_LINK_SENT, fieldErrors: {}, email: '' }
}

/** Saves one step (validated again here with the same schema the form used). */
export async function saveStepAction(step: AnswerStepId, input: StepInput): Promise<StepResult> {
  if (!ANSWER_STEPS.includes(step) || typeof input !== 'object' || input === null) {
    return { ok: false, fieldErrors: {}, formError: 'Étape inconnue.' }
  }
  const token = await readDraftToken()
  if (!token)
    return {
      ok: false,
      fieldErrors: {},
      formError:
        'Votre inscription en cours est introuvable : ouvrez le lien reçu par e-mail, ou recommencez.',
    }
  const result = await saveDraftStep({ token, step, input, ip: await clientIp() })
  if (result.ok) await writeDraftToken(token, draftExpiry(new Date()))
  return result
}

export async function removeDraftPieceAction(pieceId: string): Promise<{ ok: boolean; message?: string }> {
  const token = await readDraftToken()
  if (!token || typeof pieceId !== 'string')
    return { ok: false, message: 'Votre inscription en cours est introuvable.' }
  return removeDraftPiece({ token, pieceId })
}

export async function setDraftPieceDateAction(
  pieceId: string,
  date: string,
): Promise<{ ok: boolean; message?: string }> {
  const token = await readDraftToken()
  if (!token || typeof pieceId !== 'string')
    return { ok: false, message: 'Votre inscription en cours est introuvable.' }
  const parsed = documentDateSchema.safeParse(date)
  if (!parsed.success || !isIsoDate(parsed.data))
    return { ok: false, message: parsed.error?.issues[0]?.message ?? 'Date invalide.' }
  return setDraftPieceDate({ token, pieceId, documentDate: parsed.data })
}

export type SubmitActionResult = {
  ok: false
  issues: RegistrationIssue[]
  formError: string | null
  fieldErrors: Record<string, string>
}

/** Sends the dossier. On success the applicant lands on the confirmation page. */
export async function submitRegistrationAction(input: {
  consent: unknown
  certify: unknown
}): Promise<SubmitActionResult> {
  const parsed = submissionSchema.safeParse(input)
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {}
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.')] ??= issue.message
    return { ok: false, issues: [], formError: null, fieldErrors }
  }
  const token = await readDraftToken()
  if (!token)
    return {
      ok: false,
      issues: [],
      formError: 'Votre inscription en cours est introuvable.',
      fieldErrors: {},
    }
  const ip = await clientIp()
  let result: SubmitResult
  try {
    const limit = await hitRateLimit({ rule: RATE_LIMITS.submission, subject: ip })
    if (!limit.allowed) {
      await logSecurityEvent('warn', 'rate_limit.hit', { rule: RATE_LIMITS.submission.name, ip })
      return { ok: false, issues: [], formError: TOO_MANY, fieldErrors: {} }
    }
    result = await submitDraft({ token })
  } catch (error) {
    // The submission is one transaction: whatever the moment the database failed, either nothing
    // was written or the whole dossier was (and only its answer was lost). Sending again is safe:
    // it makes the dossier, or finds it and shows the confirmation.
    if (!isDatabaseUnavailable(error)) throw error
    logEvent('error', 'dossier.submit_failed', { reason: 'database_unavailable' })
    return { ok: false, issues: [], formError: SERVER_UNAVAILABLE, fieldErrors: {} }
  }
  if (!result.ok) return { ok: false, issues: result.issues, formError: result.formError, fieldErrors: {} }
  logEvent('info', 'dossier.submitted', { dossierId: result.dossierId, repeated: result.alreadySubmitted })
  if (result.sessionToken) await writeDossierToken(result.sessionToken)
  await clearDraftToken()
  redirect('/dossier/confirmation')
}
