import type { IsoDate } from './domain/dates'

/** French formatting of amounts and days, shared by pages, e-mails and PDFs. */

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 })
const wholeEuros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
})

const plurals = new Intl.PluralRules('fr-FR')

/**
 * "0 fichier déposé", "1 fichier déposé", "2 fichiers déposés": the form Intl.PluralRules gives for
 * French (0 and 1 are singular; "many", for millions, takes the plural).
 */
export function formatCount(count: number, forms: { one: string; other: string }): string {
  return `${count}\u00a0${plurals.select(count) === 'one' ? forms.one : forms.other}`
}

/** "18 €", "5,50 €": whole amounts without decimals, as on the brochure. */
export function formatEuros(cents: number): string {
  return cents % 100 === 0 ? wholeEuros.format(cents / 100) : euros.format(cents / 100)
}

const weekday = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'UTC' })
const monthYear = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' })

function utc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`)
}

/** "vendredi 29 octobre 2010" */
export function formatDateWithWeekday(date: IsoDate): string {
  return `${weekday.format(utc(date))} ${formatDate(date)}`
}

/** "octobre 2010" */
export function formatMonth(date: IsoDate): string {
  return monthYear.format(utc(date))
}

const monthOnly = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' })

/** "1er", "2", … as French writes the day of a date. */
function dayLabel(date: IsoDate): string {
  const day = Number(date.slice(8, 10))
  return day === 1 ? '1er' : String(day)
}

/** "29 octobre 2010", "1er juillet 2011" */
export function formatDate(date: IsoDate): string {
  return `${dayLabel(date)} ${monthOnly.format(utc(date))} ${date.slice(0, 4)}`
}

/** "du 21 au 25 février 2011", "du 29 août au 9 septembre 2011", "du 28 décembre 2026 au 2 janvier 2027" */
export function formatDateRange(from: IsoDate, to: IsoDate): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return `du ${formatDate(from)} au ${formatDate(to)}`
  if (from.slice(5, 7) !== to.slice(5, 7))
    return `du ${dayLabel(from)} ${monthOnly.format(utc(from))} au ${formatDate(to)}`
  return `du ${dayLabel(from)} au ${formatDate(to)}`
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1)
}

/** "0262 42 28 37" for display, from any spacing or dots. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length !== 10) return phone
  return `${digits.slice(0, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)} ${digits.slice(8)}`
}

/** "+262262422837" for tel: links (La Réunion numbers start with 0262 / 0692 / 0693). */
export function phoneHref(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return digits.length === 10 && digits.startsWith('0') ? `tel:+262${digits.slice(1)}` : `tel:${digits}`
}

const PERIOD_FALLBACK = { PROFESSIONAL_EXPERIENCE: 'Expérience professionnelle' } as const

/** "Octobre 2010 à février 2011", or "Expérience professionnelle". */
export function formatPeriod(period: {
  kind: string
  startMonth: IsoDate | null
  endMonth: IsoDate | null
}): string {
  if (!period.startMonth || !period.endMonth) {
    return period.kind in PERIOD_FALLBACK
      ? PERIOD_FALLBACK[period.kind as keyof typeof PERIOD_FALLBACK]
      : 'Période à préciser'
  }
  return capitalize(`${formatMonth(period.startMonth)} à ${formatMonth(period.endMonth)}`)
}

const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']

/** "8h15" from "08:15". */
export function formatTime(time: string): string {
  const [hours, minutes] = time.split(':')
  return `${Number(hours)}h${minutes}`
}

/**
 * Opening hours as the brochure words them: "du lundi au jeudi de 8h15 à 12h30 et de 13h30 à
 * 17h00", "le vendredi de 8h15 à 12h15".
 */
export function formatOpeningHours(
  slots: Array<{ fromDay: number; toDay: number; opensAt: string; closesAt: string }>,
): string[] {
  const groups = new Map<string, typeof slots>()
  for (const slot of slots) {
    const key = `${slot.fromDay}-${slot.toDay}`
    groups.set(key, [...(groups.get(key) ?? []), slot])
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!
    const days =
      first.fromDay === first.toDay
        ? `le ${DAY_NAMES[first.fromDay - 1]}`
        : `du ${DAY_NAMES[first.fromDay - 1]} au ${DAY_NAMES[first.toDay - 1]}`
    const times = group
      .map((slot) => `de ${formatTime(slot.opensAt)} à ${formatTime(slot.closesAt)}`)
      .join(' et ')
    return `${days} ${times}`
  })
}

/** "de l'Europe", "du Conseil Régional", "des communes": French contraction of "de" + article. */
export function withDe(phrase: string): string {
  if (phrase.startsWith('le ')) return `du ${phrase.slice(3)}`
  if (phrase.startsWith('les ')) return `des ${phrase.slice(4)}`
  return `de ${phrase}`
}
