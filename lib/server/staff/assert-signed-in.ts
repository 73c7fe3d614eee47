import 'server-only'
import { AccessDenied } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { logSecurityEvent } from '@/lib/server/log-security-event'

/**
 * For what every staff member may do on their own account (no permission needed, only a
 * signed-in session): refuses when there is no actor.
 */
export function assertSignedIn(actor: StaffActor | null | undefined): asserts actor is StaffActor {
  if (actor) return
  void logSecurityEvent('warn', 'access.denied', { permission: 'own-account', reason: 'signed_out' })
  throw new AccessDenied('SIGNED_OUT')
}
