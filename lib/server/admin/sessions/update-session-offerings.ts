import 'server-only'
import { fromIsoDate } from '@/lib/domain/dates'
import { offeringProblems, periodProblems } from '@/lib/domain/programme-rules'
import {
  refusal,
  STALE_EDIT_MESSAGE,
  toSessionOfferingsInput,
  type AdminSaveResult,
  type SessionOfferings,
  type SessionOfferingsInput,
} from '@/lib/schemas/programme'
import { lockProgramme, lockSession } from '@/lib/server/admin/programme/content-version'
import {
  markSessionEdited,
  recordProgrammeChange,
  runEdit,
} from '@/lib/server/admin/programme/edit-transaction'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { readSessionSections, SESSION_NOT_FOUND } from './session-sections'

/**
 * Saves the months of a session's periods and which UEs it offers: in which period, recommended
 * first or not, with FOAD or not, in the order given. A UE chosen in a dossier of the session
 * cannot be withdrawn from it. Administrators only; audited.
 */
export async function updateSessionOfferings(options: {
  actor: StaffActor | null
  sessionId: string
  expectedVersion: string
  values: SessionOfferings
}): Promise<AdminSaveResult<SessionOfferingsInput>> {
  const { actor, sessionId, values } = options
  assertCan(actor, 'programme.edit')
  return runEdit(async (tx) => {
    if (!(await lockSession(tx, sessionId))) return refusal(SESSION_NOT_FOUND)
    const current = await readSessionSections(tx, actor, sessionId)
    if (!current) return refusal(SESSION_NOT_FOUND)
    // The catalogue must not change under us (a UE deleted while we add it to the session).
    await lockProgramme(tx, current.programmeId, 'SHARE')
    if (current.offerings.version !== options.expectedVersion) return refusal(STALE_EDIT_MESSAGE)
    const kinds = (offerings: SessionOfferings) =>
      offerings.periods
        .map((period) => period.kind)
        .sort()
        .join()
    if (kinds(values) !== kinds(current.offerings.data)) return refusal(STALE_EDIT_MESSAGE)

    const catalogue = await tx.ue.findMany({
      where: { programmeId: current.programmeId },
      select: { id: true, code: true, kind: true },
    })
    const byCode = new Map(catalogue.map((ue) => [ue.code, ue]))
    const problems = [
      ...periodProblems(values.periods),
      ...offeringProblems(values.ues, (code) => byCode.get(code)?.kind),
    ]
    const offered = new Set(values.ues.map((ue) => ue.ueCode))
    const withdrawn = current.offerings.data.ues
      .filter((ue) => !offered.has(ue.ueCode))
      .map((ue) => ue.ueCode)
    const chosen = await tx.dossierUe.findMany({
      where: { dossier: { sessionId }, ue: { code: { in: withdrawn } } },
      select: { ue: { select: { code: true } } },
      distinct: ['ueId'],
    })
    if (problems.length > 0 || chosen.length > 0)
      return refusal(
        chosen.length > 0
          ? chosen
              .map(
                (choice) =>
                  `L’UE ${choice.ue.code} ne peut pas être retirée de la session : des dossiers d’inscription la comprennent.`,
              )
              .join(' ')
          : null,
        Object.fromEntries(problems.map((problem) => [problem.path, problem.message])),
      )

    for (const period of values.periods)
      await tx.period.update({
        where: { sessionId_kind: { sessionId, kind: period.kind } },
        data: {
          startMonth: period.startMonth === null ? null : fromIsoDate(period.startMonth),
          endMonth: period.endMonth === null ? null : fromIsoDate(period.endMonth),
        },
      })
    const periods = await tx.period.findMany({ where: { sessionId }, select: { id: true, kind: true } })
    const periodId = new Map(periods.map((period) => [period.kind, period.id]))
    await tx.sessionUe.deleteMany({ where: { sessionId, ue: { code: { in: withdrawn } } } })
    for (const [position, offering] of values.ues.entries()) {
      const ueId = byCode.get(offering.ueCode)!.id
      const data = {
        periodId: periodId.get(offering.periodKind)!,
        recommendedFirst: offering.recommendedFirst,
        foadAvailable: offering.foadAvailable,
        position,
      }
      await tx.sessionUe.upsert({
        where: { sessionId_ueId: { sessionId, ueId } },
        create: { ...data, sessionId, ueId },
        update: data,
      })
    }
    const before = new Set(current.offerings.data.ues.map((ue) => ue.ueCode))
    await markSessionEdited(tx, sessionId)
    await recordProgrammeChange(tx, {
      actor,
      action: 'SESSION_OFFERINGS_UPDATED',
      details: {
        sessionId,
        session: current.label,
        added: values.ues.filter((ue) => !before.has(ue.ueCode)).map((ue) => ue.ueCode),
        withdrawn,
      },
    })
    const saved = await readSessionSections(tx, actor, sessionId)
    if (!saved) return refusal(SESSION_NOT_FOUND)
    return {
      ok: true,
      version: saved.offerings.version,
      values: toSessionOfferingsInput(saved.offerings.data),
    }
  })
}
