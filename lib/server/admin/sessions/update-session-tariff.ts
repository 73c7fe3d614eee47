import 'server-only'
import type { Tariff } from '@/lib/domain/programme'
import {
  refusal,
  STALE_EDIT_MESSAGE,
  toSessionTariffInput,
  type AdminSaveResult,
  type SessionTariffInput,
} from '@/lib/schemas/programme'
import { lockSession } from '@/lib/server/admin/programme/content-version'
import {
  markSessionEdited,
  recordProgrammeChange,
  runEdit,
} from '@/lib/server/admin/programme/edit-transaction'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { readSessionSections, SESSION_NOT_FOUND } from './session-sections'

/**
 * Saves a session's fees: fixed fees and the per-ECTS rate of each category, in cents. Dossiers
 * already submitted keep the fees computed at their submission. Administrators only; audited with
 * the amounts before and after.
 */
export async function updateSessionTariff(options: {
  actor: StaffActor | null
  sessionId: string
  expectedVersion: string
  values: Tariff
}): Promise<AdminSaveResult<SessionTariffInput>> {
  const { actor, sessionId, values } = options
  assertCan(actor, 'programme.edit')
  return runEdit(async (tx) => {
    if (!(await lockSession(tx, sessionId))) return refusal(SESSION_NOT_FOUND)
    const current = await readSessionSections(tx, actor, sessionId)
    if (!current) return refusal(SESSION_NOT_FOUND)
    if (current.tariff.version !== options.expectedVersion) return refusal(STALE_EDIT_MESSAGE)
    const { rates, ...fees } = values
    await tx.sessionTariff.upsert({ where: { sessionId }, create: { ...fees, sessionId }, update: fees })
    for (const [position, rate] of rates.entries())
      await tx.categoryRate.upsert({
        where: { sessionId_category: { sessionId, category: rate.category } },
        create: { ...rate, sessionId, position },
        update: { label: rate.label, perEctsCents: rate.perEctsCents, position },
      })
    await markSessionEdited(tx, sessionId)
    await recordProgrammeChange(tx, {
      actor,
      action: 'SESSION_TARIFF_UPDATED',
      details: { sessionId, session: current.label, before: current.tariff.data, after: values },
    })
    const saved = await readSessionSections(tx, actor, sessionId)
    if (!saved) return refusal(SESSION_NOT_FOUND)
    return { ok: true, version: saved.tariff.version, values: toSessionTariffInput(saved.tariff.data) }
  })
}
