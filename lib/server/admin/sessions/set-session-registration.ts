import 'server-only'
import {
  refusal,
  STALE_EDIT_MESSAGE,
  type AdminSaveResult,
  type SessionRegistrationInput,
} from '@/lib/schemas/programme'
import { lockSession } from '@/lib/server/admin/programme/content-version'
import { recordProgrammeChange, runEdit } from '@/lib/server/admin/programme/edit-transaction'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { readSessionSections, SESSION_NOT_FOUND } from './session-sections'

/**
 * Opens or closes online registration for a session. Refused as stale when someone else opened or
 * closed it since the page was loaded. Administrators only; audited.
 */
export async function setSessionRegistration(options: {
  actor: StaffActor | null
  sessionId: string
  expectedVersion: string
  values: SessionRegistrationInput
}): Promise<AdminSaveResult<SessionRegistrationInput>> {
  const { actor, sessionId } = options
  const { open } = options.values
  assertCan(actor, 'programme.edit')
  return runEdit(async (tx) => {
    if (!(await lockSession(tx, sessionId))) return refusal(SESSION_NOT_FOUND)
    const current = await readSessionSections(tx, actor, sessionId)
    if (!current) return refusal(SESSION_NOT_FOUND)
    if (current.registration.version !== options.expectedVersion) return refusal(STALE_EDIT_MESSAGE)
    await tx.academicSession.update({ where: { id: sessionId }, data: { registrationOpen: open } })
    await recordProgrammeChange(tx, {
      actor,
      action: open ? 'SESSION_REGISTRATION_OPENED' : 'SESSION_REGISTRATION_CLOSED',
      details: { sessionId, session: current.label },
    })
    const saved = await readSessionSections(tx, actor, sessionId)
    if (!saved) return refusal(SESSION_NOT_FOUND)
    return { ok: true, version: saved.registration.version, values: saved.registration.data }
  })
}
