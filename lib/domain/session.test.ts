import { describe, expect, it } from 'vitest'
import { session2010 } from '@/prisma/seed/cpn42-2010-2011'
import { duplicateSession, isPast, isSemesterOpen, openSemesters, sessionTimeline } from './session'

describe('duplicateSession', () => {
  const copy = duplicateSession(session2010, 2026, { registrationOpen: true })

  it('moves every date by whole years', () => {
    expect(copy.label).toBe('2026-2027')
    expect(copy.startYear).toBe(2026)
    expect(copy.semesters[0]).toEqual({
      number: 1,
      registrationDeadline: '2026-10-29',
      startsOn: '2026-09-27',
      pauseOn: '2026-12-17',
      resumeOn: '2027-01-10',
      endsOn: '2027-02-11',
      examStartsOn: '2027-02-21',
      examEndsOn: '2027-02-25',
    })
    expect(copy.semesters[1]?.registrationDeadline).toBe('2027-03-31')
    expect([copy.secondExamStartsOn, copy.secondExamEndsOn]).toEqual(['2027-08-29', '2027-09-09'])
    expect(copy.periods.find((period) => period.kind === 'FULL_YEAR')).toEqual({
      kind: 'FULL_YEAR',
      startMonth: '2026-10-01',
      endMonth: '2027-07-01',
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

  it('moves 29 February to 28 February', () => {
    const leap = { ...session2010, startYear: 2011, secondExamStartsOn: '2012-02-29' }
    expect(duplicateSession(leap, 2012).secondExamStartsOn).toBe('2013-02-28')
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
