import 'server-only'
import { addYears, fromIsoDate } from '@/lib/domain/dates'
import type { AcademicSession } from '@/lib/domain/programme'
import { duplicateSession } from '@/lib/domain/session'
import type { DbClient } from '@/lib/server/db'
import { sessionInclude, toDomainSession } from '@/lib/server/programme/mappers'

const orNull = (date: string | null) => (date === null ? null : fromIsoDate(date))

/** The days of a session that duplicateSession computes, to compare two versions. */
function calendarOf(session: AcademicSession) {
  return JSON.stringify({
    semesters: session.semesters,
    periods: session.periods,
    secondExam: [session.secondExamStartsOn, session.secondExamEndsOn],
  })
}

/**
 * The dates the first duplicateSession gave a copy: every day moved by whole years. Kept only to
 * recognise a copy nobody touched since.
 */
function wholeYearCopy(source: AcademicSession, targetStartYear: number): AcademicSession {
  const years = targetStartYear - source.startYear
  const shift = (date: string | null) => (date === null ? null : addYears(date, years))
  return {
    ...source,
    semesters: source.semesters.map((semester) => ({
      ...semester,
      registrationDeadline: addYears(semester.registrationDeadline, years),
      startsOn: addYears(semester.startsOn, years),
      pauseOn: shift(semester.pauseOn),
      resumeOn: shift(semester.resumeOn),
      endsOn: addYears(semester.endsOn, years),
      examStartsOn: addYears(semester.examStartsOn, years),
      examEndsOn: addYears(semester.examEndsOn, years),
    })),
    periods: source.periods.map((period) => ({
      ...period,
      startMonth: shift(period.startMonth),
      endMonth: shift(period.endMonth),
    })),
    secondExamStartsOn: addYears(source.secondExamStartsOn, years),
    secondExamEndsOn: addYears(source.secondExamEndsOn, years),
  }
}

/**
 * Gives every generated session that staff never edited (`editedAt` null) the dates
 * duplicateSession computes today from its source: sessions generated before it kept weekdays had
 * their courses and exams on Sundays. Only a session whose days are still exactly that old whole-year
 * copy of its source is changed: one staff edited (through the staff area, which sets `editedAt`,
 * or by hand in SQL) is left alone. Idempotent: running it again changes nothing. Oldest first, so
 * that a copy of a copy follows its corrected source. Call it inside a transaction. Returns the
 * labels of the sessions whose dates changed.
 */
export async function recomputeGeneratedSessions(tx: DbClient): Promise<string[]> {
  const generated = await tx.academicSession.findMany({
    where: { generated: true, editedAt: null, generatedFromId: { not: null } },
    orderBy: { startYear: 'asc' },
    select: { id: true, generatedFromId: true },
  })
  const changed: string[] = []
  // A source's days before this run corrected them: what its copies were made from.
  const before = new Map<string, AcademicSession>()
  for (const { id, generatedFromId } of generated) {
    const [sourceRow, row] = await Promise.all([
      tx.academicSession.findUniqueOrThrow({ where: { id: generatedFromId! }, include: sessionInclude }),
      tx.academicSession.findUniqueOrThrow({ where: { id }, include: sessionInclude }),
    ])
    const current = toDomainSession(row)
    before.set(id, current)
    const source = toDomainSession(sourceRow)
    const expected = duplicateSession(source, current.startYear)
    if (calendarOf(expected) === calendarOf(current)) continue
    const untouched = wholeYearCopy(before.get(generatedFromId!) ?? source, current.startYear)
    if (calendarOf(untouched) !== calendarOf(current)) continue
    for (const semester of expected.semesters) {
      await tx.semester.updateMany({
        where: { sessionId: id, number: semester.number },
        data: {
          registrationDeadline: fromIsoDate(semester.registrationDeadline),
          startsOn: fromIsoDate(semester.startsOn),
          pauseOn: orNull(semester.pauseOn),
          resumeOn: orNull(semester.resumeOn),
          endsOn: fromIsoDate(semester.endsOn),
          examStartsOn: fromIsoDate(semester.examStartsOn),
          examEndsOn: fromIsoDate(semester.examEndsOn),
        },
      })
    }
    for (const period of expected.periods) {
      await tx.period.updateMany({
        where: { sessionId: id, kind: period.kind },
        data: { startMonth: orNull(period.startMonth), endMonth: orNull(period.endMonth) },
      })
    }
    await tx.academicSession.update({
      where: { id },
      data: {
        secondExamStartsOn: fromIsoDate(expected.secondExamStartsOn),
        secondExamEndsOn: fromIsoDate(expected.secondExamEndsOn),
      },
    })
    changed.push(current.label)
  }
  return changed
}
