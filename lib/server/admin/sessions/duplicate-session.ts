import 'server-only'
import { academicYearLabel } from '@/lib/domain/dates'
import { duplicateSession } from '@/lib/domain/session'
import { Prisma } from '@/lib/generated/prisma/client'
import { refusal, type DuplicateSessionResult } from '@/lib/schemas/programme'
import { lockProgramme } from '@/lib/server/admin/programme/content-version'
import { recordProgrammeChange, runEdit } from '@/lib/server/admin/programme/edit-transaction'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { sessionInclude, toDomainSession } from '@/lib/server/programme/mappers'
import { createSession } from '@/lib/server/sessions/create-session'
import { SESSION_NOT_FOUND } from './session-sections'

const alreadyExists = (startYear: number) =>
  `La session ${academicYearLabel(startYear)} existe déjà : modifiez-la plutôt que d’en créer une autre.`

/**
 * Prepares next year's session from `sessionId` with duplicateSession (the function the seed uses):
 * every date one year later, the same periods, UEs and tariff, registration closed. Refused when
 * that year already exists. The whole session is written in one transaction. Administrators only;
 * audited.
 */
export async function duplicateSessionToNextYear(options: {
  actor: StaffActor | null
  sessionId: string
}): Promise<DuplicateSessionResult> {
  const { actor, sessionId } = options
  assertCan(actor, 'programme.edit')
  let targetYear: number | null = null
  try {
    return await runEdit(async (tx): Promise<DuplicateSessionResult> => {
      const source = await tx.academicSession.findUnique({
        where: { id: sessionId },
        include: sessionInclude,
      })
      if (!source) return refusal(SESSION_NOT_FOUND)
      // One duplication of the programme at a time: the "already exists" check then holds.
      await lockProgramme(tx, source.programmeId)
      targetYear = source.startYear + 1
      const existing = await tx.academicSession.findUnique({
        where: { programmeId_startYear: { programmeId: source.programmeId, startYear: targetYear } },
        select: { id: true },
      })
      if (existing) return refusal(alreadyExists(targetYear))
      const copy = duplicateSession(toDomainSession(source), targetYear)
      const created = await createSession(tx, {
        programmeId: source.programmeId,
        session: copy,
        generatedFromId: source.id,
      })
      await recordProgrammeChange(tx, {
        actor,
        action: 'SESSION_DUPLICATED',
        details: { sessionId: created.id, session: copy.label, from: source.label },
      })
      return { ok: true, sessionId: created.id, label: copy.label }
    })
  } catch (error) {
    // The seed creates the current year without taking the programme's lock: the unique key still refuses.
    if (
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === 'P2002' &&
      targetYear !== null
    )
      return refusal(alreadyExists(targetYear))
    throw error
  }
}
