import 'server-only'
import type { Responsable } from '@/lib/domain/programme'
import type {
  CentreData,
  PieceCatalogueEntry,
  ProgrammeTexts,
  UeCatalogueEntry,
} from '@/lib/schemas/programme'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import {
  readCentre,
  readPieceCatalogue,
  readProgrammeTexts,
  readResponsables,
  readUeCatalogue,
  type Section,
} from './programme-sections'

export type ProgrammeEditor = {
  programmeId: string
  code: string
  title: string
  texts: Section<ProgrammeTexts>
  responsables: Section<Responsable[]>
  ues: Section<UeCatalogueEntry[]>
  pieces: Section<PieceCatalogueEntry[]>
  centres: Array<{ id: string; code: string } & Section<CentreData>>
}

/**
 * Everything the staff's programme pages edit, each part with the version its form sends back.
 * Null when the programme does not exist. Administrators only.
 */
export async function getProgrammeEditor(options: {
  actor: StaffActor | null
  programmeCode: string
}): Promise<ProgrammeEditor | null> {
  const { actor } = options
  assertCan(actor, 'programme.edit')
  const db = getDb()
  const programme = await db.programme.findUnique({
    where: { code: options.programmeCode },
    select: { id: true, code: true, title: true },
  })
  if (!programme) return null
  const [texts, responsables, ues, pieces, centreRows] = await Promise.all([
    readProgrammeTexts(db, actor, programme.id),
    readResponsables(db, actor, programme.id),
    readUeCatalogue(db, actor, programme.id),
    readPieceCatalogue(db, actor, programme.id),
    db.centre.findMany({ orderBy: { position: 'asc' }, select: { id: true, code: true } }),
  ])
  if (!texts) return null
  const centres = await Promise.all(
    centreRows.map(async (centre) => {
      const read = await readCentre(db, actor, centre.id)
      return read ? [{ ...centre, ...read }] : []
    }),
  )
  return {
    programmeId: programme.id,
    code: programme.code,
    title: programme.title,
    texts,
    responsables,
    ues,
    pieces,
    centres: centres.flat(),
  }
}
