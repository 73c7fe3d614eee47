/**
 * Staff roles, what each may do, and the rules of sign-in: password strength after the CNIL's
 * recommendation (length over composition) and the throttling of repeated failures.
 */

export const STAFF_ROLES = ['ADMIN', 'GESTIONNAIRE', 'LECTURE'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const ROLE_LABELS: Record<StaffRole, string> = {
  ADMIN: 'Administrateur',
  GESTIONNAIRE: 'Gestionnaire',
  LECTURE: 'Lecture seule',
}

export type Permission =
  | 'dossiers.read'
  | 'dossiers.decide'
  | 'dossiers.export'
  /**
   * Every piece of a dossier at once (the ZIP): a copy of the whole file, as an export of the list
   * is. Viewing or downloading one piece stays a reviewer's right (`dossiers.read`): reviewing is
   * looking at pieces.
   */
  | 'pieces.export'
  | 'programme.edit'
  | 'staff.manage'
  | 'outbox.read'
  /**
   * Answering an applicant's RGPD request: the export of everything held about them, and the
   * erasure of their dossier. Admins only: the export holds every internal note, the erasure cannot
   * be undone and removes the evidence of a decision, and such requests are rare and handled by
   * the people accountable for the processing, not in daily review.
   */
  | 'rgpd.requests'

const GRANTS: Record<StaffRole, readonly Permission[]> = {
  LECTURE: ['dossiers.read', 'outbox.read'],
  GESTIONNAIRE: ['dossiers.read', 'dossiers.decide', 'dossiers.export', 'pieces.export', 'outbox.read'],
  ADMIN: [
    'dossiers.read',
    'dossiers.decide',
    'dossiers.export',
    'pieces.export',
    'outbox.read',
    'programme.edit',
    'staff.manage',
    'rgpd.requests',
  ],
}

/**
 * The permission of each staff route that returns piece content: the same as the action that
 * would export it. Each is audited; the two exports of many files start from a same-origin POST.
 */
export const PIECE_CONTENT_PERMISSIONS = {
  /** One piece, previewed or downloaded. */
  piece: 'dossiers.read',
  /** The printable form as PDF (it embeds the identity photo). */
  form: 'dossiers.read',
  /** Every current piece, as a ZIP. */
  piecesZip: 'pieces.export',
  /** Everything held about the applicant, as a ZIP (RGPD request). */
  personalData: 'rgpd.requests',
} as const satisfies Record<string, Permission>

export function can(role: StaffRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission)
}

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128
/** CNIL (délibération 2022-100): a password alone must carry at least 80 bits of entropy. */
export const PASSWORD_MIN_ENTROPY_BITS = 80

/** Size of the alphabet a password draws from, by the kinds of characters it uses. */
function alphabetSize(password: string): number {
  let size = 0
  if (/[a-z]/.test(password)) size += 26
  if (/[A-Z]/.test(password)) size += 26
  if (/[0-9]/.test(password)) size += 10
  if (/[^a-zA-Z0-9]/.test(password)) size += 33
  return size
}

/** Entropy as the CNIL counts it: length × log2(alphabet). */
export function passwordEntropyBits(password: string): number {
  const size = alphabetSize(password)
  return size === 0 ? 0 : [...password].length * Math.log2(size)
}

/**
 * Why a password is refused, or null. Length counts more than composition: 12 characters of
 * four kinds, 14 of three, 17 lowercase letters… all reach 80 bits. A password made of one
 * repeated character or containing the e-mail's name is refused whatever its length.
 */
export function passwordProblem(password: string, email?: string): string | null {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH)
    return `Choisissez un mot de passe d’au moins ${PASSWORD_MIN_LENGTH} caractères.`
  if (length > PASSWORD_MAX_LENGTH) return `${PASSWORD_MAX_LENGTH} caractères au plus.`
  if (new Set(password.toLowerCase()).size <= 3) return 'Ce mot de passe répète trop les mêmes caractères.'
  const localPart = email?.split('@')[0]?.toLowerCase()
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    return 'Le mot de passe ne doit pas contenir votre adresse e-mail.'
  }
  if (passwordEntropyBits(password) < PASSWORD_MIN_ENTROPY_BITS) {
    return 'Mot de passe trop facile à deviner : allongez-le (une phrase de plusieurs mots convient) ou mêlez majuscules, chiffres et caractères spéciaux.'
  }
  return null
}

/**
 * Sign-in throttling. No stranger may lock an account (OWASP ASVS 5.0 6.1.1 / 6.3.1: the limits
 * must "prevent malicious account lockout"), so nothing here refuses an account to everyone:
 *
 * - a client (an address) may fail 10 times in 15 minutes on one account, and 30 times on any
 *   accounts, then that client alone is refused until its oldest failure leaves the window;
 * - an account that failed 5 times in 15 minutes (from anywhere) is paced: a client that already
 *   failed 3 times on it may try again only 1, 2, 4, then at most 5 seconds after the account's
 *   last failure (NIST SP 800-63B §5.2.2's "wait … that increases as the account approaches its
 *   maximum", kept to seconds); a client with fewer failures on it, such as the owner's, is never
 *   made to wait.
 *
 * Only checked attempts count: a refused one is not a failure, so it cannot extend anything.
 */
export const SIGN_IN_WINDOW_MINUTES = 15
export const MAX_FAILURES_PER_ACCOUNT_AND_CLIENT = 10
export const MAX_FAILURES_PER_CLIENT = 30
export const ACCOUNT_PACE_FROM_FAILURES = 5
export const ACCOUNT_PACE_FROM_CLIENT_FAILURES = 3
export const ACCOUNT_PACE_MAX_SECONDS = 5

export type SignInFailures = {
  /** The newest failures of this client on this account in the window (at most the limit's number). */
  accountAndClient: readonly Date[]
  /** The newest failures of this client on any account in the window (at most the limit's number). */
  client: readonly Date[]
  /** The account's failures in the window, from every client: how many, and the newest. */
  account: { count: number; last: Date | null }
}

export type SignInThrottle =
  { allowed: true } | { allowed: false; limit: 'CLIENT' | 'ACCOUNT_PACE'; retryAfterSeconds: number }

/** Seconds between two checks of an account that failed `failures` times in the window. */
export function accountPaceSeconds(failures: number): number {
  if (failures < ACCOUNT_PACE_FROM_FAILURES) return 0
  return Math.min(ACCOUNT_PACE_MAX_SECONDS, 2 ** (failures - ACCOUNT_PACE_FROM_FAILURES))
}

/** When the `max`-th newest failure leaves the window, or null while fewer than `max` failed. */
function limitEnds(newestFirst: readonly Date[], max: number): number | null {
  const oldestCounted = [...newestFirst].sort((a, b) => b.getTime() - a.getTime())[max - 1]
  return oldestCounted ? oldestCounted.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000 : null
}

/** Whether a sign-in attempt may be checked now, and otherwise for how long it is refused. */
export function signInThrottle(failures: SignInFailures, now: Date): SignInThrottle {
  const clientLimitEnds = Math.max(
    limitEnds(failures.accountAndClient, MAX_FAILURES_PER_ACCOUNT_AND_CLIENT) ?? 0,
    limitEnds(failures.client, MAX_FAILURES_PER_CLIENT) ?? 0,
  )
  if (clientLimitEnds > now.getTime()) {
    return {
      allowed: false,
      limit: 'CLIENT',
      retryAfterSeconds: Math.ceil((clientLimitEnds - now.getTime()) / 1000),
    }
  }
  const paced =
    failures.accountAndClient.length >= ACCOUNT_PACE_FROM_CLIENT_FAILURES && failures.account.last !== null
  const paceEnds = paced
    ? failures.account.last!.getTime() + accountPaceSeconds(failures.account.count) * 1000
    : 0
  if (paceEnds > now.getTime()) {
    return {
      allowed: false,
      limit: 'ACCOUNT_PACE',
      retryAfterSeconds: Math.ceil((paceEnds - now.getTime()) / 1000),
    }
  }
  return { allowed: true }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count > 1 ? 's' : ''}`
}

/**
 * What the sign-in form says when an attempt is refused. It names the client or the account's
 * pace, never whether the account exists: the counts are kept for any e-mail typed.
 */
export function signInThrottleMessage(refusal: Exclude<SignInThrottle, { allowed: true }>): string {
  if (refusal.limit === 'ACCOUNT_PACE') {
    return `Trop de tentatives sur ce compte : réessayez dans ${plural(refusal.retryAfterSeconds, 'seconde')}.`
  }
  return `Trop de tentatives depuis cette connexion : réessayez dans ${plural(Math.ceil(refusal.retryAfterSeconds / 60), 'minute')}.`
}

/** Session lifetimes: idle (no activity) and absolute (since sign-in). */
export const SESSION_IDLE_MINUTES = 30
export const SESSION_ABSOLUTE_HOURS = 10

export function sessionExpired(
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date },
  now: Date,
): 'IDLE' | 'ABSOLUTE' | null {
  if (now >= session.expiresAt) return 'ABSOLUTE'
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000) return 'IDLE'
  return null
}
