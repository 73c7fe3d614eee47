import 'server-only'
import {
  refusal,
  STALE_EDIT_MESSAGE,
  toCentreInput,
  type AdminSaveResult,
  type CentreData,
  type CentreInput,
} from '@/lib/schemas/programme'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { lockCentre } from './content-version'
import { changedFields, recordProgrammeChange, runEdit } from './edit-transaction'
import { readCentre } from './programme-sections'

const CENTRE_NOT_FOUND = 'Ce centre n’existe plus : rechargez la page.'

/** Saves a centre's address, contacts and opening hours (replaced whole). Administrators only; audited. */
export async function updateCentre(options: {
  actor: StaffActor | null
  centreId: string
  expectedVersion: string
  values: CentreData
}): Promise<AdminSaveResult<CentreInput>> {
  const { actor, centreId } = options
  assertCan(actor, 'programme.edit')
  return runEdit(async (tx) => {
    if (!(await lockCentre(tx, centreId))) return refusal(CENTRE_NOT_FOUND)
    const current = await readCentre(tx, actor, centreId)
    if (!current) return refusal(CENTRE_NOT_FOUND)
    if (current.version !== options.expectedVersion) return refusal(STALE_EDIT_MESSAGE)
    const { openingHours, ...fields } = options.values
    await tx.centre.update({ where: { id: centreId }, data: fields })
    await tx.openingHours.deleteMany({ where: { centreId } })
    await tx.openingHours.createMany({ data: openingHours.map((slot) => ({ ...slot, centreId })) })
    await recordProgrammeChange(tx, {
      actor,
      action: 'CENTRE_UPDATED',
      details: { centreId, fields: changedFields(current.data, options.values) },
    })
    const saved = await readCentre(tx, actor, centreId)
    if (!saved) return refusal(CENTRE_NOT_FOUND)
    return { ok: true, version: saved.version, values: toCentreInput(saved.data) }
  })
}
