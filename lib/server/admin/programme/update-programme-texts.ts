import 'server-only'
import { fromIsoDate } from '@/lib/domain/dates'
import {
  refusal,
  STALE_EDIT_MESSAGE,
  toProgrammeTextsInput,
  type AdminSaveResult,
  type ProgrammeTexts,
  type ProgrammeTextsInput,
} from '@/lib/schemas/programme'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { lockProgramme } from './content-version'
import { changedFields, recordProgrammeChange, runEdit } from './edit-transaction'
import { readProgrammeTexts } from './programme-sections'

export const PROGRAMME_NOT_FOUND = 'Ce programme n’existe plus : rechargez la page.'

/**
 * Saves the programme's texts (every field but its code), if nobody changed them since the form
 * was loaded (`expectedVersion`). Administrators only; audited.
 */
export async function updateProgrammeTexts(options: {
  actor: StaffActor | null
  programmeId: string
  expectedVersion: string
  values: ProgrammeTexts
}): Promise<AdminSaveResult<ProgrammeTextsInput>> {
  const { actor, programmeId, values } = options
  assertCan(actor, 'programme.edit')
  return runEdit(async (tx) => {
    if (!(await lockProgramme(tx, programmeId))) return refusal(PROGRAMME_NOT_FOUND)
    const current = await readProgrammeTexts(tx, actor, programmeId)
    if (!current) return refusal(PROGRAMME_NOT_FOUND)
    if (current.version !== options.expectedVersion) return refusal(STALE_EDIT_MESSAGE)
    await tx.programme.update({
      where: { id: programmeId },
      data: {
        ...values,
        rncpDecreeOn: fromIsoDate(values.rncpDecreeOn),
        rncpPublishedOn: fromIsoDate(values.rncpPublishedOn),
        lastUpdatedOn: fromIsoDate(values.lastUpdatedOn),
      },
    })
    await recordProgrammeChange(tx, {
      actor,
      action: 'PROGRAMME_TEXTS_UPDATED',
      details: { programmeId, fields: changedFields(current.data, values) },
    })
    const saved = await readProgrammeTexts(tx, actor, programmeId)
    if (!saved) return refusal(PROGRAMME_NOT_FOUND)
    return { ok: true, version: saved.version, values: toProgrammeTextsInput(saved.data) }
  })
}
