import { describe, expect, it } from 'vitest'
import { session2010 } from '@/prisma/seed/cpn42-2010-2011'
import { daysBetween } from './dates'
import {
  dataUpdateNotice,
  duplicateSession,
  isPast,
  isSemesterOpen,
  openSemesters,
  sessionTimeline,
} from './session'

describe('duplicateSession', () => {
  const copy = duplicateSession(session2010, 2026, { registrationOpen: true })

  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()
  const allDays = (session: typeof session2010) => [
    ...session.semesters.flatMap((semester) =>
      [
        semester.registrationDeadline,
        semester.startsOn,
        semester.pauseOn,
        semester.resumeOn,
        semester.endsOn,
        semester.examStartsOn,
        semester.examEndsOn,
      ].filter((day): day is string => day !== null),
    ),
    session.secondExamStartsOn,
    session.secondExamEndsOn,
  ]

  it('moves every day by the whole weeks nearest to the years: 835 weeks from 2010 to 2026', () => {
    expect(copy.label).toBe('2026-2027')
    expect(copy.startYear).toBe(2026)
    // Monday 27 September 2010 becomes Monday 28 September 2026 (16 years are 5,844 days; 835 weeks 5,845).
    expect(copy.semesters[0]).toEqual({
      number: 1,
      registrationDeadline: '2026-10-30',
      startsOn: '2026-09-28',
      pauseOn: '2026-12-18',
      resumeOn: '2027-01-11',
      endsOn: '2027-02-12',
      examStartsOn: '2027-02-22',
      examEndsOn: '2027-02-26',
    })
    expect(copy.semesters[1]?.registrationDeadline).toBe('2027-04-01')
    expect([copy.secondExamStartsOn, copy.secondExamEndsOn]).toEqual(['2027-08-30', '2027-09-10'])
  })

  it('keeps the weekday of every day, and no day falls on a Sunday any more', () => {
    const before = allDays(session2010)
    const after = allDays(copy)
    expect(after.map(weekday)).toEqual(before.map(weekday))
    expect(after.filter((day) => weekday(day) === 0)).toEqual([])
  })

  it('moves every day by one same shift, for one year too (52 weeks)', () => {
    const next = duplicateSession(copy, 2027)
    const gaps = allDays(copy).map((day, index) => daysBetween(day, allDays(next)[index]!))
    expect(new Set(gaps)).toEqual(new Set([52 * 7]))
    expect(next.semesters[0]?.startsOn).toBe('2027-09-27')
    expect(allDays(next).map(weekday)).toEqual(allDays(session2010).map(weekday))
  })

  it('moves the periods, which are months, by whole years', () => {
    expect(copy.periods.find((period) => period.kind === 'FULL_YEAR')).toEqual({
      kind: 'FULL_YEAR',
      startMonth: '2026-10-01',
      endMonth: '2027-07-01',
    })
    expect(copy.periods.find((period) => period.kind === 'PROFESSIONAL_EXPERIENCE')).toMatchObject({
      startMonth: null,
      endMonth: null,
    })
  })

  it('keeps UEs and tariffs unchanged and marks the copy as generated', () => {
    expect(copy.ues).toEqual(session2010.ues)
    expect(copy.tariff).toEqual(session2010.tariff)
    expect(copy.generated).toBe(true)
    expect(copy.registrationOpen).toBe(true)
    expect(duplicateSession(session2010, 2027).registrationOpen).toBe(false)
  })

  it('does not share objects with its source', () => {
    copy.ues[0]!.prerequisites.push('XXX')
    copy.tariff.rates[0]!.perEctsCents = 1
    expect(session2010.ues[0]!.prerequisites).toEqual([])
    expect(session2010.tariff.rates[0]!.perEctsCents).toBe(500)
  })

  it('moves 29 February by whole weeks too, to a real day of the same weekday', () => {
    const leap = { ...session2010, startYear: 2011, secondExamStartsOn: '2012-02-29' }
    const moved = duplicateSession(leap, 2012).secondExamStartsOn
    expect(weekday(moved)).toBe(weekday('2012-02-29'))
    expect(moved).toBe('2013-02-27')
  })
})

describe('registration deadlines', () => {
  const semester = { registrationDeadline: '2010-10-29' }
  it('are inclusive', () => {
    expect(isSemesterOpen(semester, '2010-10-29')).toBe(true)
    expect(isSemesterOpen(semester, '2010-10-30')).toBe(false)
  })
  it('leave only the semesters still open, and none when registration is closed', () => {
    const open = { ...session2010, registrationOpen: true }
    expect(openSemesters(open, '2010-11-15').map((s) => s.number)).toEqual([2])
    expect(openSemesters(open, '2010-10-01').map((s) => s.number)).toEqual([1, 2])
    expect(openSemesters(open, '2011-04-01')).toEqual([])
    expect(openSemesters(session2010, '2010-10-01')).toEqual([])
  })
})

describe('sessionTimeline', () => {
  const events = sessionTimeline(session2010)
  it('lists every dated step of the brochure in date order', () => {
    expect(events.map((event) => event.startsOn)).toEqual([
      '2010-09-27',
      '2010-10-29',
      '2010-12-17',
      '2011-01-10',
      '2011-02-11',
      '2011-02-21',
      '2011-02-28',
      '2011-03-31',
      '2011-07-01',
      '2011-07-11',
      '2011-08-29',
    ])
  })
  it('marks an event past once its last day is over', () => {
    const exams = events.find((event) => event.startsOn === '2011-02-21')!
    expect(isPast(exams, '2011-02-25')).toBe(false)
    expect(isPast(exams, '2011-02-26')).toBe(true)
  })
})

describe('dataUpdateNotice', () => {
  const formatDate = (date: string) => date
  it('dates a generated session by its own last change and names its source, not by the brochure', () => {
    const lines = dataUpdateNotice({
      sessionLabel: '2026-2027',
      origin: { generatedFrom: '2010-2011', changedOn: '2026-12-03' },
      textsUpdatedOn: '2010-09-15',
      formatDate,
    })
    expect(lines[0]).toBe(
      'Données de la session 2026-2027 (calendrier, UE, tarifs) mises à jour le 2026-12-03, à partir de la session 2010-2011.',
    )
    expect(lines.join(' ')).not.toContain('Dernière mise à jour de la fiche')
  })
  it('keeps the brochure date for a session typed from it', () => {
    expect(
      dataUpdateNotice({
        sessionLabel: '2010-2011',
        origin: { generatedFrom: null, changedOn: '2026-12-03' },
        textsUpdatedOn: '2010-09-15',
        formatDate,
      }),
    ).toEqual(['Dernière mise à jour de la fiche : 2010-09-15.'])
  })
})
