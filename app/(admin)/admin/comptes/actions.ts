'use server'

import { revalidatePath } from 'next/cache'
import {
  accountIdSchema,
  changeRoleSchema,
  invalid,
  inviteStaffSchema,
  setActiveSchema,
  type FormResult,
} from '@/lib/schemas/staff'
import { authorize } from '@/lib/server/auth/authorize'
import { changeStaffRole } from '@/lib/server/staff/change-staff-role'
import { inviteStaffUser } from '@/lib/server/staff/invite-staff-user'
import { resendStaffInvitation } from '@/lib/server/staff/resend-staff-invitation'
import { setStaffActive } from '@/lib/server/staff/set-staff-active'
import { withAccessCheck } from '@/lib/server/staff/with-access-check'

/** Invites a staff member: an account without a password and the e-mail with its private link. */
export async function inviteStaffAction(input: unknown): Promise<FormResult & { userId?: string }> {
  return withAccessCheck(async () => {
    const parsed = inviteStaffSchema.safeParse(input)
    if (!parsed.success) return invalid(parsed.error)
    const actor = await authorize('staff.manage')
    const result = await inviteStaffUser({ actor, values: parsed.data })
    if (result.ok) revalidatePath('/admin/comptes')
    return result
  })
}

export async function changeStaffRoleAction(input: unknown): Promise<FormResult> {
  return withAccessCheck(async () => {
    const parsed = changeRoleSchema.safeParse(input)
    if (!parsed.success) return invalid(parsed.error)
    const actor = await authorize('staff.manage')
    const result = await changeStaffRole({ actor, ...parsed.data })
    if (result.ok) {
      revalidatePath('/admin/comptes')
      return { ok: true, message: 'Rôle enregistré.' }
    }
    return result
  })
}

/** Deactivates (ending the account's sessions at once) or reactivates an account. */
export async function setStaffActiveAction(input: unknown): Promise<FormResult> {
  return withAccessCheck(async () => {
    const parsed = setActiveSchema.safeParse(input)
    if (!parsed.success) return invalid(parsed.error)
    const actor = await authorize('staff.manage')
    const result = await setStaffActive({ actor, ...parsed.data })
    if (result.ok) {
      revalidatePath('/admin/comptes')
      return {
        ok: true,
        message: parsed.data.active
          ? 'Compte réactivé.'
          : 'Compte désactivé : ses sessions sont fermées et il ne peut plus se connecter.',
      }
    }
    return result
  })
}

export async function resendInvitationAction(input: unknown): Promise<FormResult> {
  return withAccessCheck(async () => {
    const parsed = accountIdSchema.safeParse(input)
    if (!parsed.success) return invalid(parsed.error)
    const actor = await authorize('staff.manage')
    const result = await resendStaffInvitation({ actor, userId: parsed.data.userId })
    if (result.ok) revalidatePath('/admin/comptes')
    return result
  })
}
