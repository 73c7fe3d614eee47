import { describe, expect, it } from 'vitest'
import {
  addMonths,
  anonymisedReference,
  confirmsReference,
  isRetentionOver,
  purgeDay,
  retentionLastDay,
  sessionEndDay,
} from './retention'

// The 2026-2027 session as generated from the brochure: second exams end on 10 September 2027.
const SESSION = {
  secondExamEndsOn: '2027-09-10',
  semesters: [
    { endsOn: '2027-02-27', examEndsOn: '2027-03-06' },
    { endsOn: '2027-06-26', examEndsOn: '2027-07-03' },
  ],
}

describe('addMonths', () => {
  it('keeps the day of the month, across years', () => {
    expect(addMonths('2027-09-10', 24)).toBe('2029-09-10')
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15')
  })
  it('turns a day the target month lacks into its last day', () => {
    expect(addMonths('2027-08-31', 1)).toBe('2027-09-30')
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29')
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28')
  })
})

describe('the end of a session and its retention period', () => {
  it('ends on the last day of the second exam session', () => {
    expect(sessionEndDay(SESSION)).toBe('2027-09-10')
  })
  it('ends later when a semester was typed ending after the second exams', () => {
    expect(
      sessionEndDay({
        ...SESSION,
        semesters: [...SESSION.semesters, { endsOn: '2027-06-26', examEndsOn: '2027-10-02' }],
      }),
    ).toBe('2027-10-02')
  })
  it('keeps the data through the last day of the period, and not one day more', () => {
    expect(retentionLastDay(SESSION, 24)).toBe('2029-09-10')
    expect(purgeDay(SESSION, 24)).toBe('2029-09-11')
    expect(isRetentionOver(SESSION, 24, '2029-09-10')).toBe(false)
    expect(isRetentionOver(SESSION, 24, '2029-09-11')).toBe(true)
    expect(isRetentionOver(SESSION, 1, '2027-10-11')).toBe(true)
    expect(isRetentionOver(SESSION, 1, '2027-10-10')).toBe(false)
  })
})

describe('erasure confirmation', () => {
  it('accepts the reference typed in any case, with stray spaces', () => {
    expect(confirmsReference(' cpn42-2026-00042 ', 'CPN42-2026-00042')).toBe(true)
    expect(confirmsReference('CPN42-2026-00043', 'CPN42-2026-00042')).toBe(false)
    expect(confirmsReference('', 'CPN42-2026-00042')).toBe(false)
  })
  it('gives an anonymised dossier a reference that says nothing about the applicant', () => {
    expect(anonymisedReference('0195f0a4-0000-7000-8000-000000000000')).toBe(
      'ANONYME-0195f0a4-0000-7000-8000-000000000000',
    )
  })
})
