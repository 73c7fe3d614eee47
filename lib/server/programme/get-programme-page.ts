import 'server-only'
import type { AcademicSession, Centre, Programme } from '@/lib/domain/programme'
import { getDb } from '@/lib/server/db'
import {
  centreInclude,
  programmeInclude,
  sessionInclude,
  toDomainCentre,
  toDomainProgramme,
  toDomainSession,
} from './mappers'

export type ProgrammePage = { programme: Programme; session: AcademicSession; centres: Centre[] }

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
      include: sessionInclude,
    }),
    db.centre.findMany({ orderBy: { position: 'asc' }, include: centreInclude }),
  ])
  if (!sessionRow) return null
  return {
    programme: toDomainProgramme(programmeRow),
    session: toDomainSession(sessionRow),
    centres: centreRows.map(toDomainCentre),
  }
}
