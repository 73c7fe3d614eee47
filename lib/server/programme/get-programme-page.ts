import 'server-only'
import { todayIn } from '@/lib/domain/dates'
import type { AcademicSession, Centre, Programme } from '@/lib/domain/programme'
import type { SessionOrigin } from '@/lib/domain/session'
import { getDb } from '@/lib/server/db'
import {
  centreInclude,
  programmeInclude,
  sessionInclude,
  toDomainCentre,
  toDomainProgramme,
  toDomainSession,
} from './mappers'

export type ProgrammePage = {
  programme: Programme
  session: AcademicSession
  /** Where the session's data come from, and when they last changed. */
  origin: SessionOrigin
  centres: Centre[]
}

/**
 * Everything the public programme page shows: the programme, its current session (the newest one
 * open for registration, else the newest one) and the centres. Null when the programme or its
 * sessions do not exist.
 */
export async function getProgrammePage(options: { programmeCode: string }): Promise<ProgrammePage | null> {
  const db = getDb()
  const programmeRow = await db.programme.findUnique({
    where: { code: options.programmeCode },
    include: programmeInclude,
  })
  if (!programmeRow) return null
  const [sessionRow, centreRows] = await Promise.all([
    db.academicSession.findFirst({
      where: { programmeId: programmeRow.id },
      orderBy: [{ registrationOpen: 'desc' }, { startYear: 'desc' }],
      include: { ...sessionInclude, generatedFrom: { select: { label: true } } },
    }),
    db.centre.findMany({ orderBy: { position: 'asc' }, include: centreInclude }),
  ])
  if (!sessionRow) return null
  return {
    programme: toDomainProgramme(programmeRow),
    session: toDomainSession(sessionRow),
    origin: {
      generatedFrom: sessionRow.generated ? (sessionRow.generatedFrom?.label ?? null) : null,
      changedOn: todayIn(sessionRow.editedAt ?? sessionRow.createdAt),
    },
    centres: centreRows.map(toDomainCentre),
  }
}
