'use server'

import { revalidatePath } from 'next/cache'
import {
  changePasswordSchema,
  disableTotpSchema,
  invalid,
  totpCodeSchema,
  type FormResult,
} from '@/lib/schemas/staff'
import { currentStaff } from '@/lib/server/auth/authorize'
import { clientIp } from '@/lib/server/request-context'
import { assertSignedIn } from '@/lib/server/staff/assert-signed-in'
import { cancelTotpEnrolment } from '@/lib/server/staff/cancel-totp-enrolment'
import { changeOwnPassword } from '@/lib/server/staff/change-own-password'
import { confirmTotpEnrolment } from '@/lib/server/staff/confirm-totp-enrolment'
import { disableTotp } from '@/lib/server/staff/disable-totp'
import { startTotpEnrolment } from '@/lib/server/staff/start-totp-enrolment'
import { withAccessCheck } from '@/lib/server/staff/with-access-check'

// Every signed-in staff member may manage their own account: no permission, only a session.

/** "1 autre session", "2 autres sessions". */
function sessionsEnded(count: number | undefined): string {
  if (!count) return ''
  return count === 1 ? ' Votre autre session a été fermée.' : ` Vos ${count} autres sessions ont été fermées.`
}

export async function changeOwnPasswordAction(input: unknown): Promise<FormResult> {
  return withAccessCheck(async () => {
    const actor = await currentStaff()
    assertSignedIn(actor)
    const parsed = changePasswordSchema(actor.email).safeParse(input)
    if (!parsed.success) return invalid(parsed.error)
    const result = await changeOwnPassword({
      actor,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.password,
      ip: await clientIp(),
    })
    if (!result.ok) return result
    return { ok: true, message: `Mot de passe changé.${sessionsEnded(result.sessionsEnded)}` }
  })
}

/** Shows a new secret and its QR code; the second factor is not in force until confirmed. */
export async function startTotpAction(): Promise<FormResult> {
  return withAccessCheck(async () => {
    const result = await startTotpEnrolment({ actor: await currentStaff() })
    if (result.ok) revalidatePath('/admin/compte')
    return result
  })
}

export async function cancelTotpAction(): Promise<FormResult> {
  return withAccessCheck(async () => {
    const result = await cancelTotpEnrolment({ actor: await currentStaff() })
    if (result.ok) revalidatePath('/admin/compte')
    return result
  })
}

export async function confirmTotpAction(input: unknown): Promise<FormResult> {
  return withAccessCheck(async () => {
    const actor = await currentStaff()
    assertSignedIn(actor)
    const parsed = totpCodeSchema.safeParse(input)
    if (!parsed.success) return invalid(parsed.error)
    const result = await confirmTotpEnrolment({ actor, code: parsed.data.code })
    if (!result.ok) return result
    revalidatePath('/admin/compte')
    return {
      ok: true,
      message: `Vérification en deux étapes activée : votre code sera demandé à chaque connexion.${sessionsEnded(result.sessionsEnded)}`,
    }
  })
}

export async function disableTotpAction(input: unknown): Promise<FormResult> {
  return withAccessCheck(async () => {
    const actor = await currentStaff()
    assertSignedIn(actor)
    const parsed = disableTotpSchema.safeParse(input)
    if (!parsed.success) return invalid(parsed.error)
    const result = await disableTotp({
      actor,
      currentPassword: parsed.data.currentPassword,
      ip: await clientIp(),
    })
    if (!result.ok) return result
    revalidatePath('/admin/compte')
    return { ok: true, message: 'Vérification en deux étapes désactivée.' }
  })
}
