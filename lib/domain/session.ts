import { academicYearLabel, addDays, addYears, weeksNearestToYears, type IsoDate } from './dates'
import type { AcademicSession, Period, Semester } from './programme'

/**
 * Copies a session to another academic year. Every day moves by one same whole number of weeks,
 * the nearest to the whole-year shift measured at the session's first day: a Monday stays a
 * Monday, and the gaps between dates stay exactly what they were (a plain whole-year shift put 6
 * of the 11 dates of 2026-2027 on a Sunday). The days drift by a day or two a year against the
 * calendar when copies are chained; staff correct the dates they need. The periods are months
 * ("octobre à février") and move by whole years. The UEs and tariffs stay as they are, and the
 * copy is marked as generated. The seed uses it to open the current year from the 2010-2011
 * brochure; staff use it to prepare next year's session.
 */
export function duplicateSession(
  source: AcademicSession,
  targetStartYear: number,
  options: { registrationOpen?: boolean } = {},
): AcademicSession {
  const years = targetStartYear - source.startYear
  const days = 7 * weeksNearestToYears(firstDayOf(source), years)
  const shift = (date: IsoDate) => addDays(date, days)
  const shiftOrNull = (date: IsoDate | null) => (date === null ? null : shift(date))
  const shiftMonth = (date: IsoDate | null) => (date === null ? null : addYears(date, years))
  return {
    label: academicYearLabel(targetStartYear),
    startYear: targetStartYear,
    registrationOpen: options.registrationOpen ?? false,
    generated: true,
    semesters: source.semesters.map((semester) => ({
      number: semester.number,
      registrationDeadline: shift(semester.registrationDeadline),
      startsOn: shift(semester.startsOn),
      pauseOn: shiftOrNull(semester.pauseOn),
      resumeOn: shiftOrNull(semester.resumeOn),
      endsOn: shift(semester.endsOn),
      examStartsOn: shift(semester.examStartsOn),
      examEndsOn: shift(semester.examEndsOn),
    })),
    periods: source.periods.map((period) => ({
      kind: period.kind,
      startMonth: shiftMonth(period.startMonth),
      endMonth: shiftMonth(period.endMonth),
    })),
    ues: source.ues.map((ue) => ({ ...ue, prerequisites: [...ue.prerequisites] })),
    tariff: { ...source.tariff, rates: source.tariff.rates.map((rate) => ({ ...rate })) },
    secondExamStartsOn: shift(source.secondExamStartsOn),
    secondExamEndsOn: shift(source.secondExamEndsOn),
  }
}

/** Where a session's data come from: the session it was generated from, and its last change. */
export type SessionOrigin = {
  /** Label of the session it was copied from; null when typed in (from a brochure). */
  generatedFrom: string | null
  /** The day (La Réunion) its calendar, UEs or tariff last changed, or it was created. */
  changedOn: IsoDate
}

/**
 * What the programme page says about the date of its data. The brochure's own date (« fiche du
 * 15 septembre 2010 ») belongs to the texts: for a generated session it must not read as the date
 * of a calendar that did not exist then.
 */
export function dataUpdateNotice(options: {
  sessionLabel: string
  origin: SessionOrigin
  textsUpdatedOn: IsoDate
  formatDate: (date: IsoDate) => string
}): string[] {
  const { sessionLabel, origin, textsUpdatedOn, formatDate } = options
  if (origin.generatedFrom === null)
    return [`Dernière mise à jour de la fiche : ${formatDate(textsUpdatedOn)}.`]
  return [
    `Données de la session ${sessionLabel} (calendrier, UE, tarifs) mises à jour le ${formatDate(origin.changedOn)}, à partir de la session ${origin.generatedFrom}.`,
    `Textes de présentation : fiche mise à jour le ${formatDate(textsUpdatedOn)}.`,
  ]
}

/** The earliest day of a session's calendar (the start of its first semester, in practice). */
function firstDayOf(session: AcademicSession): IsoDate {
  const days = session.semesters.flatMap((semester) => [semester.registrationDeadline, semester.startsOn])
  return days.reduce((first, day) => (day < first ? day : first), session.secondExamStartsOn)
}

/** Registration for a semester is possible up to its deadline day included. */
export function isSemesterOpen(semester: Pick<Semester, 'registrationDeadline'>, today: IsoDate): boolean {
  return today <= semester.registrationDeadline
}

/** The semesters one can still register for at `today` (none when registration is closed). */
export function openSemesters(session: AcademicSession, today: IsoDate): Semester[] {
  if (!session.registrationOpen) return []
  return session.semesters.filter((semester) => isSemesterOpen(semester, today))
}

/** Which semesters a period's UEs are taught in. */
export function semestersOfPeriod(kind: Period['kind']): Array<1 | 2> {
  switch (kind) {
    case 'FIRST_SEMESTER':
      return [1]
    case 'SECOND_SEMESTER':
      return [2]
    case 'FULL_YEAR':
      // Starts in the first semester: one registers for it with the first semester.
      return [1, 2]
    case 'PROFESSIONAL_EXPERIENCE':
      return []
  }
}

export type TimelineEventKind = 'REGISTRATION_DEADLINE' | 'COURSES' | 'BREAK' | 'EXAMS'

export type TimelineEvent = {
  kind: TimelineEventKind
  label: string
  startsOn: IsoDate
  /** Last day of a multi-day event. */
  endsOn: IsoDate | null
  semester: 1 | 2 | null
}

const ORDINAL = { 1: '1er semestre', 2: '2nd semestre' } as const

/** The session's calendar as dated events, in date order, as printed in "Déroulement de la formation". */
export function sessionTimeline(
  session: Pick<AcademicSession, 'semesters' | 'secondExamStartsOn' | 'secondExamEndsOn'>,
): TimelineEvent[] {
  const events: TimelineEvent[] = []
  for (const semester of session.semesters) {
    const name = ORDINAL[semester.number]
    events.push({
      kind: 'REGISTRATION_DEADLINE',
      label: `Date limite d'inscription au ${name}`,
      startsOn: semester.registrationDeadline,
      endsOn: null,
      semester: semester.number,
    })
    if (semester.pauseOn && semester.resumeOn) {
      events.push({
        kind: 'COURSES',
        label: `Début de la formation (${name})`,
        startsOn: semester.startsOn,
        endsOn: null,
        semester: semester.number,
      })
      events.push({
        kind: 'BREAK',
        label: 'Arrêt des cours',
        startsOn: semester.pauseOn,
        endsOn: null,
        semester: semester.number,
      })
      events.push({
        kind: 'COURSES',
        label: 'Reprise des cours',
        startsOn: semester.resumeOn,
        endsOn: null,
        semester: semester.number,
      })
    } else {
      events.push({
        kind: 'COURSES',
        label: `Début de la formation (${name})`,
        startsOn: semester.startsOn,
        endsOn: null,
        semester: semester.number,
      })
    }
    events.push({
      kind: 'COURSES',
      label: `Fin des cours (${name})`,
      startsOn: semester.endsOn,
      endsOn: null,
      semester: semester.number,
    })
    events.push({
      kind: 'EXAMS',
      label: `1ère session d'examen pour les UE du ${name}`,
      startsOn: semester.examStartsOn,
      endsOn: semester.examEndsOn,
      semester: semester.number,
    })
  }
  events.push({
    kind: 'EXAMS',
    label: "2ème session d'examen pour toutes les UE",
    startsOn: session.secondExamStartsOn,
    endsOn: session.secondExamEndsOn,
    semester: null,
  })
  return events.sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0))
}

/** An event is past once its last day is over. */
export function isPast(event: Pick<TimelineEvent, 'startsOn' | 'endsOn'>, today: IsoDate): boolean {
  return (event.endsOn ?? event.startsOn) < today
}
