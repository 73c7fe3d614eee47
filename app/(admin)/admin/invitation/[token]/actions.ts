'use server'

import { redirect } from 'next/navigation'
import { choosePasswordSchema, invalid, type FormResult } from '@/lib/schemas/staff'
import { destroyStaffSession, readStaffToken, writeStaffCookie } from '@/lib/server/auth/staff-session'
import { clientIp } from '@/lib/server/request-context'
import { acceptStaffInvitation, INVITATION_INVALID } from '@/lib/server/staff/accept-staff-invitation'
import { getStaffInvitation } from '@/lib/server/staff/get-staff-invitation'

/**
 * The invited member chooses their password; they are then signed in (a new session, replacing
 * whatever session this browser had) and arrive on the dashboard. Public: the private link is the
 * credential.
 */
export async function acceptInvitationAction(token: string, input: unknown): Promise<FormResult> {
  const invitation = await getStaffInvitation({ token: String(token) })
  if (invitation.state !== 'VALID') return { ok: false, fieldErrors: {}, formError: INVITATION_INVALID }
  const parsed = choosePasswordSchema(invitation.email).safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const result = await acceptStaffInvitation({
    token: String(token),
    password: parsed.data.password,
    ip: await clientIp(),
  })
  if (!result.ok) return result
  await destroyStaffSession(await readStaffToken())
  await writeStaffCookie(result.sessionToken)
  redirect('/admin')
}
