import 'server-only'
import type { FormResult } from '@/lib/schemas/staff'
import { sealSecret } from '@/lib/server/auth/secrets'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { assertSignedIn } from './assert-signed-in'
import { newTotpSecret } from './totp-enrolment'

/**
 * First step of setting up the second factor: a new secret, stored sealed (AES-GCM) but not yet
 * in force (`totpEnabled` stays false until a code from the app confirms it, so that nobody is
 * locked out by a secret their app never received). A pending secret is kept if there is one:
 * the member may already have scanned it.
 */
export async function startTotpEnrolment(options: { actor: StaffActor | null }): Promise<FormResult> {
  assertSignedIn(options.actor)
  const db = getDb()
  const user = await db.staffUser.findUniqueOrThrow({
    where: { id: options.actor.userId },
    select: { totpEnabled: true, totpSecret: true },
  })
  if (user.totpEnabled)
    return { ok: false, fieldErrors: {}, formError: 'La vérification en deux étapes est déjà activée.' }
  if (user.totpSecret) return { ok: true }
  await db.staffUser.updateMany({
    where: { id: options.actor.userId, totpEnabled: false, totpSecret: null },
    data: { totpSecret: sealSecret(newTotpSecret()) },
  })
  return { ok: true }
}
