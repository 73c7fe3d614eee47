import 'server-only'
import { prerequisiteProblems } from '@/lib/domain/programme-rules'
import {
  refusal,
  STALE_EDIT_MESSAGE,
  toUeCatalogueInput,
  type AdminSaveResult,
  type UeCatalogueEntry,
  type UeCatalogueInput,
} from '@/lib/schemas/programme'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { lockProgramme } from './content-version'
import { recordProgrammeChange, runEdit } from './edit-transaction'
import { readUeCatalogue } from './programme-sections'
import { PROGRAMME_NOT_FOUND } from './update-programme-texts'

const AND = new Intl.ListFormat('fr-FR', { type: 'conjunction' })

/**
 * Saves the programme's UE catalogue and prerequisites: rows with an id are updated, rows without
 * one are added, missing rows are deleted. A UE keeps its code (it is the national catalogue's
 * identifier, and registrations refer to it). A UE offered in a session, or chosen in a dossier,
 * cannot be deleted, nor change kind while offered. Administrators only; audited.
 */
export async function updateUeCatalogue(options: {
  actor: StaffActor | null
  programmeId: string
  expectedVersion: string
  values: { ues: UeCatalogueEntry[] }
}): Promise<AdminSaveResult<UeCatalogueInput>> {
  const { actor, programmeId } = options
  const submitted = options.values.ues
  assertCan(actor, 'programme.edit')
  return runEdit(async (tx) => {
    if (!(await lockProgramme(tx, programmeId))) return refusal(PROGRAMME_NOT_FOUND)
    const current = await readUeCatalogue(tx, actor, programmeId)
    if (current.version !== options.expectedVersion) return refusal(STALE_EDIT_MESSAGE)

    const currentById = new Map(current.data.map((ue) => [ue.id, ue]))
    if (submitted.some((ue) => ue.id !== null && !currentById.has(ue.id))) return refusal(STALE_EDIT_MESSAGE)
    const keptIds = new Set(submitted.flatMap((ue) => (ue.id ? [ue.id] : [])))
    const removed = current.data.filter((ue) => ue.id !== null && !keptIds.has(ue.id))
    const kindChanged = submitted.filter((ue) => ue.id !== null && currentById.get(ue.id)?.kind !== ue.kind)

    const checkedIds = [...removed, ...kindChanged].flatMap((ue) => (ue.id ? [ue.id] : []))
    // One after the other: a transaction is one connection, which runs one query at a time.
    const offerings = await tx.sessionUe.findMany({
      where: { ueId: { in: checkedIds } },
      select: { ueId: true, session: { select: { label: true } } },
      orderBy: { session: { startYear: 'asc' } },
    })
    const chosen = await tx.dossierUe.findMany({
      where: { ueId: { in: checkedIds } },
      select: { ueId: true },
      distinct: ['ueId'],
    })
    const sessionsOf = (id: string | null) =>
      offerings.filter((offering) => offering.ueId === id).map((offering) => offering.session.label)
    const inSessions = (labels: string[]) =>
      labels.length === 1 ? `dans la session ${labels[0]}` : `dans les sessions ${AND.format(labels)}`

    const fieldErrors: Record<string, string> = {}
    submitted.forEach((ue, index) => {
      const existing = ue.id === null ? undefined : currentById.get(ue.id)
      if (existing && existing.code !== ue.code)
        fieldErrors[`ues.${index}.code`] =
          'Le code d’une UE existante ne change pas : ajoutez une nouvelle UE et supprimez celle-ci.'
      const sessions = sessionsOf(ue.id)
      if (existing && existing.kind !== ue.kind && sessions.length > 0)
        fieldErrors[`ues.${index}.kind`] =
          `Cette UE est proposée ${inSessions(sessions)} : retirez-la des sessions avant de changer son type.`
    })
    for (const problem of prerequisiteProblems(submitted))
      fieldErrors[`ues.${problem.index}.prerequisites`] ??= problem.message
    const formErrors = removed.flatMap((ue) => {
      const sessions = sessionsOf(ue.id)
      if (sessions.length > 0)
        return [
          `L’UE ${ue.code} ne peut pas être supprimée : elle est proposée ${inSessions(sessions)}. Retirez-la d’abord ${sessions.length === 1 ? 'de cette session' : 'de ces sessions'}.`,
        ]
      if (chosen.some((choice) => choice.ueId === ue.id))
        return [`L’UE ${ue.code} ne peut pas être supprimée : des dossiers d’inscription la comprennent.`]
      return []
    })
    if (Object.keys(fieldErrors).length > 0 || formErrors.length > 0)
      return refusal(formErrors.length > 0 ? formErrors.join(' ') : null, fieldErrors)

    // Prerequisites are rewritten whole: deleting them first frees the UEs they point to.
    await tx.uePrerequisite.deleteMany({ where: { ue: { programmeId } } })
    await tx.ue.deleteMany({ where: { id: { in: removed.flatMap((ue) => (ue.id ? [ue.id] : [])) } } })
    const idByCode = new Map<string, string>()
    for (const ue of submitted) {
      const data = { title: ue.title, ects: ue.ects, kind: ue.kind, descriptionUrl: ue.descriptionUrl }
      const saved = ue.id
        ? await tx.ue.update({ where: { id: ue.id }, data, select: { id: true } })
        : await tx.ue.create({ data: { ...data, programmeId, code: ue.code }, select: { id: true } })
      idByCode.set(ue.code, saved.id)
    }
    await tx.uePrerequisite.createMany({
      data: submitted.flatMap((ue) =>
        ue.prerequisites.map((code) => ({ ueId: idByCode.get(ue.code)!, requiredUeId: idByCode.get(code)! })),
      ),
    })

    const saved = await readUeCatalogue(tx, actor, programmeId)
    const before = new Map(current.data.map((ue) => [ue.code, JSON.stringify({ ...ue, id: null })]))
    await recordProgrammeChange(tx, {
      actor,
      action: 'UE_CATALOGUE_UPDATED',
      details: {
        programmeId,
        added: submitted.filter((ue) => ue.id === null).map((ue) => ue.code),
        removed: removed.map((ue) => ue.code),
        changed: saved.data
          .filter((ue) => before.has(ue.code) && before.get(ue.code) !== JSON.stringify({ ...ue, id: null }))
          .map((ue) => ue.code),
      },
    })
    return { ok: true, version: saved.version, values: toUeCatalogueInput(saved.data) }
  })
}
