import 'server-only'
import { toIsoDate } from '@/lib/domain/dates'
import type { Responsable } from '@/lib/domain/programme'
import type {
  CentreData,
  PieceCatalogueEntry,
  ProgrammeTexts,
  UeCatalogueEntry,
} from '@/lib/schemas/programme'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import type { DbClient } from '@/lib/server/db'
import { contentVersion } from './content-version'

/**
 * What each programme form edits, read as stored, with its version (see content-version.ts). The
 * page reads a section to fill its form; the save reads it again, inside its transaction and after
 * the row lock, to compare versions and to return the saved values.
 */
export type Section<Data> = { data: Data; version: string }

function section<Data>(data: Data): Section<Data> {
  return { data, version: contentVersion(data) }
}

export async function readProgrammeTexts(
  tx: DbClient,
  actor: StaffActor | null,
  programmeId: string,
): Promise<Section<ProgrammeTexts> | null> {
  assertCan(actor, 'programme.edit')
  const row = await tx.programme.findUnique({ where: { id: programmeId } })
  if (!row) return null
  const { id: _id, code: _code, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = row
  return section({
    ...fields,
    rncpDecreeOn: toIsoDate(row.rncpDecreeOn),
    rncpPublishedOn: toIsoDate(row.rncpPublishedOn),
    lastUpdatedOn: toIsoDate(row.lastUpdatedOn),
  })
}

export async function readResponsables(
  tx: DbClient,
  actor: StaffActor | null,
  programmeId: string,
): Promise<Section<Responsable[]>> {
  assertCan(actor, 'programme.edit')
  const rows = await tx.responsable.findMany({
    where: { programmeId },
    orderBy: { position: 'asc' },
    select: { name: true, role: true },
  })
  return section(rows)
}

/** The programme's UEs by code, each with the codes of the UEs it requires. */
export async function readUeCatalogue(
  tx: DbClient,
  actor: StaffActor | null,
  programmeId: string,
): Promise<Section<UeCatalogueEntry[]>> {
  assertCan(actor, 'programme.edit')
  const rows = await tx.ue.findMany({
    where: { programmeId },
    orderBy: { code: 'asc' },
    select: {
      id: true,
      code: true,
      title: true,
      ects: true,
      kind: true,
      descriptionUrl: true,
      prerequisites: { select: { requiredUe: { select: { code: true } } } },
    },
  })
  return section(
    rows.map(({ prerequisites, ...ue }) => ({
      ...ue,
      prerequisites: prerequisites.map((prerequisite) => prerequisite.requiredUe.code).sort(),
    })),
  )
}

export async function readPieceCatalogue(
  tx: DbClient,
  actor: StaffActor | null,
  programmeId: string,
): Promise<Section<PieceCatalogueEntry[]>> {
  assertCan(actor, 'programme.edit')
  const rows = await tx.pieceType.findMany({
    where: { programmeId },
    orderBy: { position: 'asc' },
    select: {
      id: true,
      code: true,
      label: true,
      description: true,
      condition: true,
      alternativeGroup: true,
      maxAgeDays: true,
      optional: true,
      templatePath: true,
    },
  })
  return section(rows)
}

export async function readCentre(
  tx: DbClient,
  actor: StaffActor | null,
  centreId: string,
): Promise<Section<CentreData> | null> {
  assertCan(actor, 'programme.edit')
  const row = await tx.centre.findUnique({
    where: { id: centreId },
    select: {
      name: true,
      street: true,
      addressComplement: true,
      postBox: true,
      postcode: true,
      city: true,
      cedex: true,
      phone: true,
      fax: true,
      email: true,
      website: true,
      receivesDossiers: true,
      openingHours: {
        orderBy: [{ fromDay: 'asc' }, { opensAt: 'asc' }],
        select: { fromDay: true, toDay: true, opensAt: true, closesAt: true },
      },
    },
  })
  return row ? section(row) : null
}
