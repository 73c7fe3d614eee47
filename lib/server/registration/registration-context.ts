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
  db: DbClient,
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

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const item of Object.values(value)) deepFreeze(item)
  }
  return value
}

/**
 * Contexts this process has read, under the revision of the programme's data they were read at.
 * Every step of every draft, each submission and each dossier page needs one: reading it costs
 * about fifteen queries (bench/submission.ts found them half of a submission's statements),
 * checking the revision one. The revision changes with every write to those tables (database
 * triggers, migration 20261126233145_programme_data_revision), so a staff edit made through any
 * instance is seen at once by all. Only the current revision's entries are kept; they are frozen,
 * being shared by every request.
 */
const cache = { revision: null as string | null, contexts: new Map<string, RegistrationContext | null>() }

async function cachedLoad(
  key: string,
  where: Parameters<typeof load>[0],
  db: DbClient = getDb(),
): Promise<RegistrationContext | null> {
  // Read before the data: an entry is never older than the revision it is filed under.
  const current = await db.programmeDataRevision.findUnique({ where: { id: 1 }, select: { revision: true } })
  if (!current) return load(where, db)
  if (cache.revision !== current.revision) {
    cache.revision = current.revision
    cache.contexts.clear()
  }
  if (cache.contexts.has(key)) return cache.contexts.get(key) ?? null
  const context = deepFreeze(await load(where, db))
  // Another request may have seen a newer revision meanwhile: file only under the one read.
  if (cache.revision === current.revision) cache.contexts.set(key, context)
  return context
}

/** The newest session of `programmeCode` open to registration, or null. */
export function getOpenRegistration(options: { programmeCode: string }): Promise<RegistrationContext | null> {
  return cachedLoad(`open:${options.programmeCode}`, {
    programme: { code: options.programmeCode },
    registrationOpen: true,
  })
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
  return cachedLoad(`session:${options.sessionId}`, { id: options.sessionId }, options.db)
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
