import 'server-only'
import type { AcademicSession, Centre, Programme } from '@/lib/domain/programme'
import type { StepContext } from '@/lib/schemas/registration-steps'
import { getDb, type DbClient } from '@/lib/server/db'
import {
  centreInclude,
  programmeInclude,
  sessionInclude,
  toDomainCentre,
  toDomainProgramme,
  toDomainSession,
} from '../programme/mappers'

/** A session open to registration, with its programme and the centres. */
export type RegistrationContext = {
  sessionId: string
  programmeId: string
  session: AcademicSession
  programme: Programme
  centres: Centre[]
}

async function load(
  where: { id: string } | { programme: { code: string }; registrationOpen: true },
  db: DbClient = getDb(),
): Promise<RegistrationContext | null> {
  const row = await db.academicSession.findFirst({
    where,
    orderBy: { startYear: 'desc' },
    include: { ...sessionInclude, programme: { include: programmeInclude } },
  })
  if (!row) return null
  const centres = await db.centre.findMany({ orderBy: { position: 'asc' }, include: centreInclude })
  return {
    sessionId: row.id,
    programmeId: row.programmeId,
    session: toDomainSession(row),
    programme: toDomainProgramme(row.programme),
    centres: centres.map(toDomainCentre),
  }
}

/** The newest session of `programmeCode` open to registration, or null. */
export function getOpenRegistration(options: { programmeCode: string }): Promise<RegistrationContext | null> {
  return load({ programme: { code: options.programmeCode }, registrationOpen: true })
}

/**
 * The session `sessionId` with its programme and the centres. Inside a transaction, pass its client
 * as `db`: read through the pool instead, each call would need up to three more connections while
 * the transaction holds one, and enough simultaneous transactions would wait on each other for
 * connections until they all time out.
 */
export function getRegistrationContext(options: {
  sessionId: string
  db?: DbClient
}): Promise<RegistrationContext | null> {
  return load({ id: options.sessionId }, options.db)
}

export function stepContextOf(context: RegistrationContext, today: string): StepContext {
  return {
    today,
    catalogue: context.session.ues.map((ue) => ue.code),
    minimumForReview: context.programme.earlyExperienceReviewMinUes,
  }
}

/** The centre that receives dossiers (the regional centre). */
export function receivingCentre(context: Pick<RegistrationContext, 'centres'>): Centre | null {
  return context.centres.find((centre) => centre.receivesDossiers) ?? context.centres[0] ?? null
}
