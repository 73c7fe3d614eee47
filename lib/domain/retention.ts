import { addDays, type IsoDate } from './dates'

/**
 * How long applicants' personal data are kept (RGPD, storage limitation): the dossiers of a session
 * are kept while the session runs, then for `DOSSIER_RETENTION_MONTHS` after its end; the day after,
 * the nightly `dossiers:purge` anonymises them. These rules decide which sessions are due.
 */

/** Moves a day by whole months; the 31st becomes the last day of a shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.toISOString().slice(0, 10)
}

/** The days of a session's calendar that can mark its end. */
export type SessionCalendarEnd = {
  /** Last day of the second exam session: normally the end of the session. */
  secondExamEndsOn: IsoDate
  semesters: Array<{ endsOn: IsoDate; examEndsOn: IsoDate }>
}

/**
 * The last day of a session: its second exam session's last day, or a later day of its calendar if
 * staff typed one (a semester or its first exams ending after the second exams would be a typing
 * error, but the data must not go before the session is really over).
 */
export function sessionEndDay(session: SessionCalendarEnd): IsoDate {
  const days = [
    session.secondExamEndsOn,
    ...session.semesters.flatMap((semester) => [semester.endsOn, semester.examEndsOn]),
  ]
  return days.reduce((latest, day) => (day > latest ? day : latest))
}

/** The last day the dossiers of a session are kept: `retentionMonths` after its end, inclusive. */
export function retentionLastDay(session: SessionCalendarEnd, retentionMonths: number): IsoDate {
  return addMonths(sessionEndDay(session), retentionMonths)
}

/** The first day on which the dossiers of a session are anonymised. */
export function purgeDay(session: SessionCalendarEnd, retentionMonths: number): IsoDate {
  return addDays(retentionLastDay(session, retentionMonths), 1)
}

/** Whether, on `today` (La Réunion's calendar), the session's personal data must be gone. */
export function isRetentionOver(
  session: SessionCalendarEnd,
  retentionMonths: number,
  today: IsoDate,
): boolean {
  return today >= purgeDay(session, retentionMonths)
}

/**
 * The values that replace an applicant's personal data in an anonymised dossier (the columns cannot
 * be null). `reference` is replaced too: it is printed on the applicant's e-mails and papers, so it
 * would tie the row back to them.
 */
export const ANONYMISED_DOSSIER = {
  birthName: '',
  usageName: null,
  firstNames: '',
  birthDate: '1900-01-01',
  email: '',
  phone: '',
} as const

export function anonymisedReference(dossierId: string): string {
  return `ANONYME-${dossierId}`
}

/** Reference the applicant must type to confirm an erasure: spaces and case do not matter. */
export function confirmsReference(typed: string, reference: string): boolean {
  return typed.replace(/\s+/g, '').toUpperCase() === reference.toUpperCase()
}
