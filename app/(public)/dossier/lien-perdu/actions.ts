'use server'

import { lostLinkSchema } from '@/lib/schemas/lost-link'
import { renewAccessLink } from '@/lib/server/dossiers/renew-access-link'
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
  'Si un dossier correspond à cette référence et à cette adresse, un nouveau lien vient d’y être envoyé. L’ancien lien ne fonctionne plus.'

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
  const { renewed } = await renewAccessLink({ reference: parsed.data.reference, email: parsed.data.email })
  logEvent('info', 'dossier.link_requested', { ip, matched: renewed })
  return { status: 'sent', message: SENT, fieldErrors: {}, values: { reference: '', email: '' } }
}
