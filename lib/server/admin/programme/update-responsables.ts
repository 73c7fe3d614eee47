import 'server-only'
import type { Responsable } from '@/lib/domain/programme'
import {
  refusal,
  STALE_EDIT_MESSAGE,
  toResponsablesInput,
  type AdminSaveResult,
  type ResponsablesInput,
} from '@/lib/schemas/programme'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { lockProgramme } from './content-version'
import { recordProgrammeChange, runEdit } from './edit-transaction'
import { readResponsables } from './programme-sections'
import { PROGRAMME_NOT_FOUND } from './update-programme-texts'

/** Replaces the programme's responsables by `responsables`, in this order. Administrators only. */
export async function updateResponsables(options: {
  actor: StaffActor | null
  programmeId: string
  expectedVersion: string
  values: { responsables: Responsable[] }
}): Promise<AdminSaveResult<ResponsablesInput>> {
  const { actor, programmeId } = options
  assertCan(actor, 'programme.edit')
  return runEdit(async (tx) => {
    if (!(await lockProgramme(tx, programmeId))) return refusal(PROGRAMME_NOT_FOUND)
    const current = await readResponsables(tx, actor, programmeId)
    if (current.version !== options.expectedVersion) return refusal(STALE_EDIT_MESSAGE)
    await tx.responsable.deleteMany({ where: { programmeId } })
    await tx.responsable.createMany({
      data: options.values.responsables.map(({ name, role }, position) => ({
        programmeId,
        name,
        role,
        position,
      })),
    })
    await recordProgrammeChange(tx, {
      actor,
      action: 'RESPONSABLES_UPDATED',
      details: { programmeId, before: current.data, after: options.values.responsables },
    })
    const saved = await readResponsables(tx, actor, programmeId)
    return { ok: true, version: saved.version, values: toResponsablesInput(saved.data) }
  })
}
