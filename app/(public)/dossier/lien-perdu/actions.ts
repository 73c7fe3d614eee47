'use server'

import { lostLinkSchema } from '@/lib/schemas/lost-link'
import { recordLinkRequest } from '@/lib/server/access/record-link-request'
import { logEvent } from '@/lib/server/log'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { clientIp } from '@/lib/server/request-context'

export type LostLinkState = {
  status: 'idle' | 'sent' | 'error'
  message: string | null
  fieldErrors: Record<string, string>
  values: { reference: string; email: string }
}

/** Same answer whether or not the dossier exists: the form reveals nothing about who applied. */
const SENT =
  'Si un dossier correspond à cette référence et à cette adresse, un nouveau lien y est envoyé dans quelques minutes. Il fonctionne une fois, pendant 7 jours ; l’accès déjà ouvert sur vos appareils le reste jusqu’à ce que vous l’utilisiez.'

/**
 * « J'ai perdu mon lien »: the request only records the demand and answers; the matching, the new
 * link and its e-mail happen after the response (processLinkRequests), so that neither the words
 * nor the time of the answer say whether a dossier matched, and nothing is revoked.
 */
export async function requestNewLinkAction(_state: LostLinkState, form: FormData): Promise<LostLinkState> {
  // Anything but the form's FormData is a forged request: read as an empty form.
  const field = (name: string) => (form instanceof FormData ? form.get(name) : null)
  const values = { reference: String(field('reference') ?? ''), email: String(field('email') ?? '') }
  const parsed = lostLinkSchema.safeParse({ ...values, website: field('website') ?? undefined })
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {}
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.')] ??= issue.message
    if (fieldErrors.website) return { status: 'sent', message: SENT, fieldErrors: {}, values }
    return { status: 'error', message: null, fieldErrors, values }
  }
  const ip = await clientIp()
  const limit = await hitRateLimit({ rule: RATE_LIMITS.lostLink, subject: ip })
  if (!limit.allowed) {
    logEvent('warn', 'rate_limit.hit', { rule: RATE_LIMITS.lostLink.name, ip, route: '/dossier/lien-perdu' })
    return {
      status: 'error',
      message: 'Trop de demandes depuis votre connexion : réessayez dans une heure.',
      fieldErrors: {},
      values,
    }
  }
  await recordLinkRequest({ kind: 'DOSSIER', reference: parsed.data.reference, email: parsed.data.email })
  logEvent('info', 'dossier.link_requested', { ip })
  return { status: 'sent', message: SENT, fieldErrors: {}, values: { reference: '', email: '' } }
}
