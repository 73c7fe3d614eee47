/**
 * Calendar days of La Réunion. Deadlines, course days and exam days are days, not instants: they
 * are carried as ISO strings ("2010-10-29") so that no time zone can move them by a day.
 */
export type IsoDate = string

/** La Réunion is UTC+4 all year; deadlines are "inclus" in its local calendar. */
export const REUNION_TIME_ZONE = 'Indian/Reunion'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(value: string): value is IsoDate {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function parts(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date)
  if (!match) throw new RangeError(`Not an ISO date: ${date}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/**
 * One formatter per time zone: building an Intl.DateTimeFormat costs about as much as a database
 * round trip (a CPU profile of the submission benchmark found 2 ms of each submission here), and
 * todayIn runs for every piece of every checklist.
 */
const dayFormatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar day it is at `now` in `timeZone` (La Réunion by default). */
export function todayIn(now: Date, timeZone: string = REUNION_TIME_ZONE): IsoDate {
  let formatter = dayFormatters.get(timeZone)
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    dayFormatters.set(timeZone, formatter)
  }
  return formatter.format(now)
}

/** Moves a day by whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = parts(date)
  const targetYear = year + years
  const lastDay = new Date(Date.UTC(targetYear, month, 0)).getUTCDate()
  return toIsoDate(new Date(Date.UTC(targetYear, month - 1, Math.min(day, lastDay))))
}

/**
 * The whole number of weeks nearest to a shift of `years` whole years from `reference` (835 weeks
 * from 27 September 2010 to 2026, 52 for one year): moving days by it keeps their weekday.
 */
export function weeksNearestToYears(reference: IsoDate, years: number): number {
  return Math.round(daysBetween(reference, addYears(reference, years)) / 7)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = parts(date)
  return toIsoDate(new Date(Date.UTC(year, month - 1, day + days)))
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parts(from)
  const [y2, m2, d2] = parts(to)
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000)
}

/** The UTC-midnight Date PostgreSQL's `date` columns round-trip through, as an ISO day. */
export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10)
}

/** The Date to store an ISO day in a `@db.Date` column. */
export function fromIsoDate(date: IsoDate): Date {
  const [year, month, day] = parts(date)
  return new Date(Date.UTC(year, month - 1, day))
}

export function yearOf(date: IsoDate): number {
  return parts(date)[0]
}

/**
 * The academic year running at `today`: from August on, registrations are for the year that starts
 * in September (2026-2027 from 1 August 2026).
 */
export function academicStartYear(today: IsoDate): number {
  const [year, month] = parts(today)
  return month >= 8 ? year : year - 1
}

export function academicYearLabel(startYear: number): string {
  return `${startYear}-${startYear + 1}`
}
