import { describe, expect, it } from 'vitest'
import { academicStartYear, addDays, addYears, daysBetween, isIsoDate, todayIn } from './dates'

describe('todayIn', () => {
  it('gives the calendar day of La Réunion (UTC+4), not of the server', () => {
    // 29 October 2026, 20:30 UTC is already 30 October at 00:30 in La Réunion.
    expect(todayIn(new Date('2026-10-29T20:30:00Z'))).toBe('2026-10-30')
    expect(todayIn(new Date('2026-10-29T19:59:59Z'))).toBe('2026-10-29')
  })

  it('gives each time zone its own day, whichever was asked first', () => {
    const now = new Date('2026-10-29T22:30:00Z')
    expect(todayIn(now)).toBe('2026-10-30')
    expect(todayIn(now, 'Europe/Paris')).toBe('2026-10-29')
    expect(todayIn(now, 'Pacific/Kiritimati')).toBe('2026-10-30')
    expect(todayIn(now, 'Pacific/Pago_Pago')).toBe('2026-10-29')
    expect(todayIn(now)).toBe('2026-10-30')
  })
})

describe('addYears', () => {
  it('keeps day and month', () => {
    expect(addYears('2010-10-29', 16)).toBe('2026-10-29')
  })
  it('turns 29 February into 28 February in a common year', () => {
    expect(addYears('2012-02-29', 1)).toBe('2013-02-28')
    expect(addYears('2012-02-29', 4)).toBe('2016-02-29')
  })
})

describe('day arithmetic', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04')
    expect(daysBetween('2026-11-01', '2026-11-16')).toBe(15)
    expect(daysBetween('2026-11-16', '2026-11-01')).toBe(-15)
  })
  it('accepts only real days', () => {
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('26-02-01')).toBe(false)
  })
})

describe('academicStartYear', () => {
  it('switches to the next academic year on 1 August', () => {
    expect(academicStartYear('2026-07-31')).toBe(2025)
    expect(academicStartYear('2026-08-01')).toBe(2026)
    expect(academicStartYear('2027-03-31')).toBe(2026)
  })
})
