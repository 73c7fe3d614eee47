import 'server-only'
import type { FormResult } from '@/lib/schemas/staff'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { assertSignedIn } from './assert-signed-in'
import { checkCurrentPassword } from './check-current-password'

/** Turns the second factor off, after the current password; the secret is erased. */
export async function disableTotp(options: {
  actor: StaffActor | null
  currentPassword: string
  ip: string
  now?: Date
}): Promise<FormResult> {
  assertSignedIn(options.actor)
  const { actor } = options
  const db = getDb()
  const current = await checkCurrentPassword(db, {
    userId: actor.userId,
    password: options.currentPassword,
    ip: options.ip,
    now: options.now ?? new Date(),
  })
  if (!current.ok) return { ok: false, fieldErrors: { currentPassword: current.message }, formError: null }
  await db.staffUser.update({
    where: { id: actor.userId },
    data: { totpEnabled: false, totpSecret: null },
  })
  logEvent('info', 'staff.totp_disabled', { userId: actor.userId })
  return { ok: true }
}
