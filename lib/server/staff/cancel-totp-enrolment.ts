import 'server-only'
import type { FormResult } from '@/lib/schemas/staff'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { assertSignedIn } from './assert-signed-in'

/** Abandons a second factor being set up (never one in force: that needs the password). */
export async function cancelTotpEnrolment(options: { actor: StaffActor | null }): Promise<FormResult> {
  assertSignedIn(options.actor)
  await getDb().staffUser.updateMany({
    where: { id: options.actor.userId, totpEnabled: false },
    data: { totpSecret: null },
  })
  return { ok: true }
}
