import 'server-only'
import { toIsoDate } from '@/lib/domain/dates'
import type { AcademicSession, Centre, Programme } from '@/lib/domain/programme'
import type { Prisma } from '@/lib/generated/prisma/client'

/** The relations a session needs to become a domain AcademicSession. */
export const sessionInclude = {
  semesters: { orderBy: { number: 'asc' } },
  periods: { orderBy: { position: 'asc' } },
  ues: {
    orderBy: { position: 'asc' },
    include: {
      period: { select: { kind: true } },
      ue: { include: { prerequisites: { include: { requiredUe: { select: { code: true } } } } } },
    },
  },
  tariff: true,
  categoryRates: { orderBy: { position: 'asc' } },
} satisfies Prisma.AcademicSessionInclude

export type SessionRow = Prisma.AcademicSessionGetPayload<{ include: typeof sessionInclude }>

const isoOrNull = (date: Date | null) => (date === null ? null : toIsoDate(date))

export function toDomainSession(row: SessionRow): AcademicSession {
  if (!row.tariff) throw new Error(`Session ${row.label} has no tariff`)
  return {
    label: row.label,
    startYear: row.startYear,
    registrationOpen: row.registrationOpen,
    generated: row.generated,
    semesters: row.semesters.map((semester) => ({
      number: semester.number === 2 ? 2 : 1,
      registrationDeadline: toIsoDate(semester.registrationDeadline),
      startsOn: toIsoDate(semester.startsOn),
      pauseOn: isoOrNull(semester.pauseOn),
      resumeOn: isoOrNull(semester.resumeOn),
      endsOn: toIsoDate(semester.endsOn),
      examStartsOn: toIsoDate(semester.examStartsOn),
      examEndsOn: toIsoDate(semester.examEndsOn),
    })),
    periods: row.periods.map((period) => ({
      kind: period.kind,
      startMonth: isoOrNull(period.startMonth),
      endMonth: isoOrNull(period.endMonth),
    })),
    ues: row.ues.map((offering) => ({
      code: offering.ue.code,
      title: offering.ue.title,
      ects: offering.ue.ects,
      kind: offering.ue.kind,
      periodKind: offering.period.kind,
      recommendedFirst: offering.recommendedFirst,
      foadAvailable: offering.foadAvailable,
      prerequisites: offering.ue.prerequisites.map((prerequisite) => prerequisite.requiredUe.code).sort(),
      descriptionUrl: offering.ue.descriptionUrl,
    })),
    tariff: {
      region: row.tariff.region,
      dossierFeeCents: row.tariff.dossierFeeCents,
      baseFeeCents: row.tariff.baseFeeCents,
      foadPerUeCents: row.tariff.foadPerUeCents,
      reportFollowUpCents: row.tariff.reportFollowUpCents,
      rates: row.categoryRates.map((rate) => ({
        category: rate.category,
        label: rate.label,
        perEctsCents: rate.perEctsCents,
      })),
    },
    secondExamStartsOn: toIsoDate(row.secondExamStartsOn),
    secondExamEndsOn: toIsoDate(row.secondExamEndsOn),
  }
}

export const programmeInclude = {
  responsables: { orderBy: { position: 'asc' } },
  pieceTypes: { orderBy: { position: 'asc' } },
} satisfies Prisma.ProgrammeInclude

export type ProgrammeRow = Prisma.ProgrammeGetPayload<{ include: typeof programmeInclude }>

export function toDomainProgramme(row: ProgrammeRow): Programme {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, responsables, pieceTypes, ...fields } = row
  return {
    ...fields,
    rncpDecreeOn: toIsoDate(row.rncpDecreeOn),
    rncpPublishedOn: toIsoDate(row.rncpPublishedOn),
    lastUpdatedOn: toIsoDate(row.lastUpdatedOn),
    responsables: responsables.map(({ name, role }) => ({ name, role })),
    pieceTypes: pieceTypes.map(
      ({ code, label, description, condition, alternativeGroup, maxAgeDays, optional, templatePath }) => ({
        code,
        label,
        description,
        condition,
        alternativeGroup,
        maxAgeDays,
        optional,
        templatePath,
      }),
    ),
  }
}

export const centreInclude = {
  openingHours: { orderBy: [{ fromDay: 'asc' }, { opensAt: 'asc' }] },
} satisfies Prisma.CentreInclude

export type CentreRow = Prisma.CentreGetPayload<{ include: typeof centreInclude }>

export function toDomainCentre(row: CentreRow): Centre {
  const { id: _id, position: _position, openingHours, ...fields } = row
  return {
    ...fields,
    openingHours: openingHours.map(({ fromDay, toDay, opensAt, closesAt }) => ({
      fromDay,
      toDay,
      opensAt,
      closesAt,
    })),
  }
}
