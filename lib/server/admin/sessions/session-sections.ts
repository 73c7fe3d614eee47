import 'server-only'
import type { Tariff } from '@/lib/domain/programme'
import type { SessionCalendar, SessionOfferings } from '@/lib/schemas/programme'
import { contentVersion } from '@/lib/server/admin/programme/content-version'
import type { Section } from '@/lib/server/admin/programme/programme-sections'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import type { DbClient } from '@/lib/server/db'
import { sessionInclude, toDomainSession } from '@/lib/server/programme/mappers'

export type SessionSections = {
  id: string
  programmeId: string
  label: string
  startYear: number
  generated: boolean
  calendar: Section<SessionCalendar>
  offerings: Section<SessionOfferings>
  tariff: Section<Tariff>
  registration: Section<{ open: boolean }>
}

const section = <Data>(data: Data): Section<Data> => ({ data, version: contentVersion(data) })

/**
 * A session as its four forms edit it (dates, periods and UEs, tariff, registration), each part
 * with its own version: two editors working on different parts do not block each other. Null when
 * the session does not exist.
 */
export async function readSessionSections(
  tx: DbClient,
  actor: StaffActor | null,
  sessionId: string,
): Promise<SessionSections | null> {
  assertCan(actor, 'programme.edit')
  const row = await tx.academicSession.findUnique({ where: { id: sessionId }, include: sessionInclude })
  if (!row) return null
  const session = toDomainSession(row)
  return {
    id: row.id,
    programmeId: row.programmeId,
    label: row.label,
    startYear: row.startYear,
    generated: row.generated,
    calendar: section({
      semesters: session.semesters,
      secondExamStartsOn: session.secondExamStartsOn,
      secondExamEndsOn: session.secondExamEndsOn,
    }),
    offerings: section({
      periods: session.periods,
      ues: session.ues.map((ue) => ({
        ueCode: ue.code,
        periodKind: ue.periodKind,
        recommendedFirst: ue.recommendedFirst,
        foadAvailable: ue.foadAvailable,
      })),
    }),
    tariff: section(session.tariff),
    registration: section({ open: session.registrationOpen }),
  }
}

export const SESSION_NOT_FOUND = 'Cette session n’existe plus : rechargez la page.'
