// Applicants have no accounts: a private link mailed to them is an invitation to sign in, and the
// browser that accepts it gets a session of its own. The rules and the words of that exchange.
// (docs/decisions/007-applicant-links-and-sessions.md says why these figures.)

/** A link works once, within this many days of being sent. */
export const LINK_TTL_DAYS = 7
/** A session ends after this many days without a request. */
export const SESSION_IDLE_DAYS = 30
/** Resume e-mails per hour: per draft, per address and per client. */
export const RESUME_EMAILS_PER_HOUR = 5

const DAY_MS = 86_400_000

export function linkExpiry(now: Date): Date {
  return new Date(now.getTime() + LINK_TTL_DAYS * DAY_MS)
}

export function sessionIsIdle(seenAt: Date, now: Date): boolean {
  return now.getTime() - seenAt.getTime() >= SESSION_IDLE_DAYS * DAY_MS
}

/** `marie.hoarau@example.re` → `m•••@e•••.re`: enough to recognise one's own address, not to read it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return '•••'
  const local = email.slice(0, at)
  const domain = email.slice(at + 1)
  const dot = domain.lastIndexOf('.')
  const host = dot > 0 ? domain.slice(0, dot) : domain
  const tld = dot > 0 ? domain.slice(dot) : ''
  return `${local.charAt(0)}•••@${host.charAt(0)}•••${tld}`
}

/** Why a session ended, told to the browser that still holds it. */
export type SessionEndReason = 'OPENED_ELSEWHERE' | 'SUBMITTED' | 'IDLE' | 'MIGRATED'

export const SESSION_END_MESSAGES: Record<SessionEndReason, string> = {
  OPENED_ELSEWHERE:
    'Votre session a été fermée sur cet appareil parce que le lien personnel a été ouvert sur un autre appareil. Pour continuer ici, demandez un nouveau lien : il sera envoyé à l’adresse e-mail du dossier.',
  SUBMITTED:
    'Ce dossier a été envoyé : l’inscription en cours est fermée. Suivez votre dossier avec le lien reçu dans l’e-mail de confirmation, ou demandez un nouveau lien.',
  IDLE: `Votre session a pris fin après ${SESSION_IDLE_DAYS} jours sans visite. Pour continuer, demandez un nouveau lien : il sera envoyé à l’adresse e-mail du dossier.`,
  MIGRATED:
    'Pour mieux protéger vos données, l’accès au portail a changé : ouvrez le lien reçu par e-mail (il fonctionne une fois) ou demandez un nouveau lien.',
}

/** Why a link does not open anything. */
export type LinkRefusal = 'USED' | 'EXPIRED' | 'REVOKED' | 'NONE'

export const LINK_REFUSED_MESSAGES: Record<LinkRefusal, string> = {
  USED: 'Ce lien a déjà servi : chaque lien personnel ne fonctionne qu’une fois. Demandez-en un nouveau, il sera envoyé à l’adresse e-mail du dossier.',
  EXPIRED: `Ce lien a expiré : un lien personnel fonctionne ${LINK_TTL_DAYS} jours. Demandez-en un nouveau, il sera envoyé à l’adresse e-mail du dossier.`,
  REVOKED:
    'Ce lien ne fonctionne plus : l’adresse e-mail a été changée depuis, ou le dossier a été envoyé. Demandez un nouveau lien.',
  NONE: 'Ce lien ne correspond à aucune inscription ni à aucun dossier. Vérifiez qu’il est complet, ou demandez un nouveau lien.',
}
