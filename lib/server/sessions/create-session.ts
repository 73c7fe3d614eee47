import 'server-only'
import { fromIsoDate } from '@/lib/domain/dates'
import type { AcademicSession } from '@/lib/domain/programme'
import type { DbClient } from '@/lib/server/db'

/**
 * Stores a whole session (semesters, periods, UE offerings, tariff, rates) for the programme
 * `programmeId`. UEs must already exist in the programme's catalogue. Call it inside a
 * transaction: a session is written whole or not at all.
 */
export async function createSession(
  tx: DbClient,
  options: { programmeId: string; session: AcademicSession; generatedFromId?: string | null },
): Promise<{ id: string }> {
  const { programmeId, session } = options
  const created = await tx.academicSession.create({
    data: {
      programmeId,
      label: session.label,
      startYear: session.startYear,
      registrationOpen: session.registrationOpen,
      generated: session.generated,
      generatedFromId: options.generatedFromId ?? null,
      secondExamStartsOn: fromIsoDate(session.secondExamStartsOn),
      secondExamEndsOn: fromIsoDate(session.secondExamEndsOn),
      semesters: {
        create: session.semesters.map((semester) => ({
          number: semester.number,
          registrationDeadline: fromIsoDate(semester.registrationDeadline),
          startsOn: fromIsoDate(semester.startsOn),
          pauseOn: semester.pauseOn ? fromIsoDate(semester.pauseOn) : null,
          resumeOn: semester.resumeOn ? fromIsoDate(semester.resumeOn) : null,
          endsOn: fromIsoDate(semester.endsOn),
          examStartsOn: fromIsoDate(semester.examStartsOn),
          examEndsOn: fromIsoDate(semester.examEndsOn),
        })),
      },
      periods: {
        create: session.periods.map((period, position) => ({
          kind: period.kind,
          startMonth: period.startMonth ? fromIsoDate(period.startMonth) : null,
          endMonth: period.endMonth ? fromIsoDate(period.endMonth) : null,
          position,
        })),
      },
      tariff: {
        create: {
          region: session.tariff.region,
          dossierFeeCents: session.tariff.dossierFeeCents,
          baseFeeCents: session.tariff.baseFeeCents,
          foadPerUeCents: session.tariff.foadPerUeCents,
          reportFollowUpCents: session.tariff.reportFollowUpCents,
        },
      },
      categoryRates: {
        create: session.tariff.rates.map((rate, position) => ({
          category: rate.category,
          label: rate.label,
          perEctsCents: rate.perEctsCents,
          position,
        })),
      },
    },
    select: { id: true, periods: { select: { id: true, kind: true } } },
  })
  const ues = await tx.ue.findMany({
    where: { programmeId, code: { in: session.ues.map((ue) => ue.code) } },
    select: { id: true, code: true },
  })
  const ueIdByCode = new Map(ues.map((ue) => [ue.code, ue.id]))
  const periodIdByKind = new Map(created.periods.map((period) => [period.kind, period.id]))
  await tx.sessionUe.createMany({
    data: session.ues.map((ue, position) => {
      const ueId = ueIdByCode.get(ue.code)
      const periodId = periodIdByKind.get(ue.periodKind)
      if (!ueId) throw new Error(`UE ${ue.code} is not in the programme's catalogue`)
      if (!periodId) throw new Error(`Session ${session.label} has no period ${ue.periodKind} for ${ue.code}`)
      return {
        sessionId: created.id,
        ueId,
        periodId,
        recommendedFirst: ue.recommendedFirst,
        foadAvailable: ue.foadAvailable,
        position,
      }
    }),
  })
  return { id: created.id }
}
