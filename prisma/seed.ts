/**
 * Loads the 2010-2011 brochure of CPN42 and opens the current academic year from it.
 *
 * Idempotent and non-destructive: it only creates what is missing (identified by natural keys:
 * programme code, UE code, centre code, session label), so running it twice changes nothing and it
 * never overwrites what staff edited. `npm start` runs it on an empty database; `npm run db:seed`
 * runs it on demand.
 */
import { academicStartYear, fromIsoDate, todayIn } from '../lib/domain/dates'
import { duplicateSession } from '../lib/domain/session'
import type { PrismaClient } from '../lib/generated/prisma/client'
import { createSession } from '../lib/server/sessions/create-session'
import { recomputeGeneratedSessions } from '../lib/server/sessions/recompute-generated-sessions'
import { centres, programme2010, session2010 } from './seed/cpn42-2010-2011'

/** Serialises concurrent seeds (several instances starting on an empty database). */
const SEED_LOCK_KEY = 4_242_2011

export type SeedReport = { created: string[] }

export async function seed(db: PrismaClient, options: { now?: Date } = {}): Promise<SeedReport> {
  const today = todayIn(options.now ?? new Date())
  const created: string[] = []
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`

      let programme = await tx.programme.findUnique({
        where: { code: programme2010.code },
        select: { id: true },
      })
      if (!programme) {
        const { responsables, pieceTypes, ...fields } = programme2010
        programme = await tx.programme.create({
          data: {
            ...fields,
            rncpDecreeOn: fromIsoDate(fields.rncpDecreeOn),
            rncpPublishedOn: fromIsoDate(fields.rncpPublishedOn),
            lastUpdatedOn: fromIsoDate(fields.lastUpdatedOn),
            responsables: {
              create: responsables.map((responsable, position) => ({ ...responsable, position })),
            },
            pieceTypes: { create: pieceTypes.map((pieceType, position) => ({ ...pieceType, position })) },
          },
          select: { id: true },
        })
        created.push(`programme ${programme2010.code}`)
      }
      const programmeId = programme.id

      const existingUes = await tx.ue.findMany({ where: { programmeId }, select: { code: true } })
      const known = new Set(existingUes.map((ue) => ue.code))
      const missingUes = session2010.ues.filter((ue) => !known.has(ue.code))
      if (missingUes.length > 0) {
        await tx.ue.createMany({
          data: missingUes.map((ue) => ({
            programmeId,
            code: ue.code,
            title: ue.title,
            ects: ue.ects,
            kind: ue.kind,
            descriptionUrl: ue.descriptionUrl,
          })),
        })
        created.push(`UEs ${missingUes.map((ue) => ue.code).join(', ')}`)
        const ids = new Map(
          (await tx.ue.findMany({ where: { programmeId }, select: { id: true, code: true } })).map((ue) => [
            ue.code,
            ue.id,
          ]),
        )
        const prerequisites = missingUes.flatMap((ue) =>
          ue.prerequisites.map((required) => ({ ueId: ids.get(ue.code)!, requiredUeId: ids.get(required)! })),
        )
        if (prerequisites.length > 0) await tx.uePrerequisite.createMany({ data: prerequisites })
      }

      for (const [position, centre] of centres.entries()) {
        const exists = await tx.centre.findUnique({ where: { code: centre.code }, select: { id: true } })
        if (exists) continue
        const { openingHours, ...fields } = centre
        await tx.centre.create({ data: { ...fields, position, openingHours: { create: openingHours } } })
        created.push(`centre ${centre.code}`)
      }

      let archive = await tx.academicSession.findUnique({
        where: { programmeId_label: { programmeId, label: session2010.label } },
        select: { id: true },
      })
      if (!archive) {
        archive = await createSession(tx, { programmeId, session: session2010 })
        created.push(`session ${session2010.label}`)
      }

      // So that a newcomer can apply today: the current academic year, generated from the brochure.
      const currentYear = academicStartYear(today)
      const current = await tx.academicSession.findUnique({
        where: { programmeId_startYear: { programmeId, startYear: currentYear } },
        select: { id: true },
      })
      if (!current) {
        const session = duplicateSession(session2010, currentYear, { registrationOpen: true })
        await createSession(tx, { programmeId, session, generatedFromId: archive.id })
        created.push(`session ${session.label} (generated)`)
      }

      for (const label of await recomputeGeneratedSessions(tx))
        created.push(`session ${label} (dates recomputed)`)
    },
    { timeout: 60_000, maxWait: 30_000 },
  )
  return { created }
}

/**
 * What every start does on a database already seeded: the generated sessions staff never edited
 * get the dates duplicateSession computes now (see recomputeGeneratedSessions). Idempotent.
 */
export async function refreshGeneratedSessions(db: PrismaClient): Promise<string[]> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`
      return recomputeGeneratedSessions(tx)
    },
    { timeout: 60_000, maxWait: 30_000 },
  )
}
