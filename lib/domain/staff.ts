/**
 * Staff roles, what each may do, and the rules of sign-in: password strength after the CNIL's
 * recommendation (length over composition) and the lockout after repeated failures.
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

/** Lockout: 10 failures in 15 minutes, counted per account and per IP address. */
export const LOCKOUT_MAX_FAILURES = 10
export const LOCKOUT_WINDOW_MINUTES = 15

export function isLockedOut(failuresInWindow: { forAccount: number; forIp: number }): boolean {
  return failuresInWindow.forAccount >= LOCKOUT_MAX_FAILURES || failuresInWindow.forIp >= LOCKOUT_MAX_FAILURES
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
