import 'server-only'
import { redirect } from 'next/navigation'
import { can, type Permission } from '@/lib/domain/staff'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { lookupStaffSession, readStaffToken, type StaffActor } from './staff-session'

export class AccessDenied extends Error {
  constructor(readonly reason: 'SIGNED_OUT' | 'FORBIDDEN') {
    super(
      reason === 'SIGNED_OUT'
        ? 'Votre session a expiré : reconnectez-vous.'
        : 'Vous n’avez pas les droits pour cette action.',
    )
  }
}

/** The signed-in staff member of this request, or null. */
export async function currentStaff(): Promise<StaffActor | null> {
  const lookup = await lookupStaffSession(await readStaffToken())
  return lookup.state === 'ACTIVE' ? lookup.actor : null
}

/**
 * Checks that `actor` holds `permission`; every staff data function calls it first, so that no
 * write happens for someone who may not do it, whoever called the function. A refusal is logged
 * (`access.denied`, with the route and the server action; the log is written in the background
 * since this check is synchronous).
 */
export function assertCan(
  actor: StaffActor | null | undefined,
  permission: Permission,
): asserts actor is StaffActor {
  if (!actor) {
    void logSecurityEvent('warn', 'access.denied', { permission, reason: 'signed_out' })
    throw new AccessDenied('SIGNED_OUT')
  }
  if (!can(actor.role, permission)) {
    void logSecurityEvent('warn', 'access.denied', {
      userId: actor.userId,
      role: actor.role,
      permission,
      reason: 'forbidden',
    })
    throw new AccessDenied('FORBIDDEN')
  }
}

/** For server actions: the current staff member if they hold `permission`, else AccessDenied. */
export async function authorize(permission: Permission): Promise<StaffActor> {
  const actor = await currentStaff()
  assertCan(actor, permission)
  return actor
}

/**
 * For pages: the sign-in page when signed out, the "forbidden" page without the permission (a
 * refusal that is logged; being signed out is not, sessions simply expire).
 */
export async function requireStaffPage(permission: Permission, returnTo?: string): Promise<StaffActor> {
  const actor = await currentStaff()
  if (!actor) redirect(`/admin/connexion${returnTo ? `?retour=${encodeURIComponent(returnTo)}` : ''}`)
  if (!can(actor.role, permission)) {
    await logSecurityEvent('warn', 'access.denied', {
      userId: actor.userId,
      role: actor.role,
      permission,
      reason: 'forbidden',
    })
    redirect('/admin/interdit')
  }
  return actor
}
