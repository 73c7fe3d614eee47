import 'server-only'
import { passwordProblem } from '@/lib/domain/staff'
import type { FormResult } from '@/lib/schemas/staff'
import { hashPassword } from '@/lib/server/auth/secrets'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { assertSignedIn } from './assert-signed-in'
import { checkCurrentPassword } from './check-current-password'

/**
 * A signed-in member changes their password: the current one first, the CNIL rule for the new
 * one. Every other session of the account ends in the same transaction (a device where the old
 * password was used, possibly by someone else, is signed out); this one stays open.
 */
export async function changeOwnPassword(options: {
  actor: StaffActor | null
  currentPassword: string
  newPassword: string
  ip: string
  now?: Date
}): Promise<FormResult & { sessionsEnded?: number }> {
  assertSignedIn(options.actor)
  const { actor } = options
  const now = options.now ?? new Date()
  const db = getDb()
  const current = await checkCurrentPassword(db, {
    userId: actor.userId,
    password: options.currentPassword,
    ip: options.ip,
    now,
  })
  if (!current.ok) return { ok: false, fieldErrors: { currentPassword: current.message }, formError: null }
  const problem = passwordProblem(options.newPassword, actor.email)
  if (problem) return { ok: false, fieldErrors: { password: problem }, formError: null }
  const passwordHash = await hashPassword(options.newPassword)
  const ended = await db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: actor.userId }, data: { passwordHash } })
    const { count } = await tx.staffSession.deleteMany({
      where: { userId: actor.userId, id: { not: actor.sessionId } },
    })
    return count
  })
  logEvent('info', 'staff.password_changed', { userId: actor.userId, sessionsEnded: ended })
  return { ok: true, sessionsEnded: ended }
}
