import type { StaffRole } from './staff'

/**
 * Rules of the staff accounts an administrator manages: invitations, the state shown in the list,
 * and the rule that the staff area always keeps an administrator who can sign in.
 */

/** An invitation link works for 7 days; after that an administrator sends a new one. */
export const INVITATION_VALID_DAYS = 7

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 3_600_000)
}

export type AccountState = 'ACTIVE' | 'INVITED' | 'INVITATION_EXPIRED' | 'DEACTIVATED'

export const ACCOUNT_STATE_LABELS: Record<AccountState, string> = {
  ACTIVE: 'Actif',
  INVITED: 'Invitation envoyée',
  INVITATION_EXPIRED: 'Invitation expirée',
  DEACTIVATED: 'Désactivé',
}

/** An account without a password is still waiting for its owner to accept the invitation. */
export function accountState(
  account: { active: boolean; hasPassword: boolean; invitationExpiresAt: Date | null },
  now: Date,
): AccountState {
  if (!account.active) return 'DEACTIVATED'
  if (account.hasPassword) return 'ACTIVE'
  return account.invitationExpiresAt && account.invitationExpiresAt > now ? 'INVITED' : 'INVITATION_EXPIRED'
}

/** What the last-admin rule needs to know of an account. */
export type AdminSeat = { id: string; role: StaffRole; active: boolean; hasPassword: boolean }

/**
 * An administrator who can act today: active, and with a password (an invited administrator who
 * never chose one cannot sign in, so they do not keep the staff area manageable).
 */
export function isWorkingAdmin(seat: AdminSeat): boolean {
  return seat.role === 'ADMIN' && seat.active && seat.hasPassword
}

export type AccountChange = { userId: string; role?: StaffRole; active?: boolean }

export const LAST_ADMIN_DEMOTION =
  'C’est le dernier administrateur actif : nommez d’abord un autre administrateur, puis changez ce rôle.'
export const LAST_ADMIN_DEACTIVATION =
  'C’est le dernier administrateur actif : nommez d’abord un autre administrateur, puis désactivez ce compte.'
export const SELF_DEACTIVATION =
  'Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.'

/**
 * Why `change`, made by `actorId`, is refused, or null. `accounts` must hold every working
 * administrator and the changed account. Nobody deactivates their own account (they would lock
 * themselves out mid-action), and no change may leave the staff area without a working
 * administrator: demoting or deactivating the last one is refused.
 */
export function accountChangeProblem(options: {
  actorId: string
  accounts: readonly AdminSeat[]
  change: AccountChange
}): string | null {
  const { accounts, change } = options
  if (change.active === false && change.userId === options.actorId) return SELF_DEACTIVATION
  const target = accounts.find((account) => account.id === change.userId)
  if (!target || !isWorkingAdmin(target)) return null
  const after = accounts.map((account) =>
    account.id === change.userId
      ? { ...account, role: change.role ?? account.role, active: change.active ?? account.active }
      : account,
  )
  if (after.some(isWorkingAdmin)) return null
  return change.active === false ? LAST_ADMIN_DEACTIVATION : LAST_ADMIN_DEMOTION
}

/** What each role may do, in the words of the staff who choose it. */
export const ROLE_DESCRIPTIONS: Record<StaffRole, string> = {
  ADMIN: 'Tout, y compris les comptes du personnel, le programme et les sessions.',
  GESTIONNAIRE: 'Examine les dossiers, demande des pièces, décide et exporte.',
  LECTURE: 'Consulte les dossiers et les courriels, sans rien modifier.',
}
