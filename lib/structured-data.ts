import type { IsoDate } from './domain/dates'
import { computeFees } from './domain/fees'
import type { AcademicSession, Centre, Programme } from './domain/programme'
import { openSemesters } from './domain/session'

const DAY_URIS = [
  'https://schema.org/Monday',
  'https://schema.org/Tuesday',
  'https://schema.org/Wednesday',
  'https://schema.org/Thursday',
  'https://schema.org/Friday',
  'https://schema.org/Saturday',
  'https://schema.org/Sunday',
]

/**
 * schema.org description of the programme for search engines: an EducationalOccupationalProgram
 * that is also a Course, offered by the regional centre, with its UEs as courses.
 */
export function programmeStructuredData(options: {
  programme: Programme
  session: AcademicSession
  centres: Centre[]
  today: IsoDate
  url: string
}): Record<string, unknown> {
  const { programme, session, centres, today, url } = options
  const main = centres.find((centre) => centre.receivesDossiers) ?? centres[0]
  const nextDeadline = openSemesters(session, today)[0]?.registrationDeadline
  const firstSemester = session.semesters.find((semester) => semester.number === 1)
  const lastSemester = session.semesters.find((semester) => semester.number === 2) ?? firstSemester
  const provider = main
    ? {
        '@type': 'EducationalOrganization',
        name: main.name,
        url: main.website ?? undefined,
        email: main.email ?? undefined,
        telephone: main.phone,
        address: {
          '@type': 'PostalAddress',
          streetAddress: [main.street, main.addressComplement, main.postBox].filter(Boolean).join(', '),
          postalCode: main.postcode,
          addressLocality: main.city,
          addressRegion: 'La Réunion',
          addressCountry: 'FR',
        },
        openingHoursSpecification: main.openingHours.map((slot) => ({
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: DAY_URIS.slice(slot.fromDay - 1, slot.toDay),
          opens: slot.opensAt,
          closes: slot.closesAt,
        })),
      }
    : undefined
  const offers = session.tariff.rates.map((rate) => ({
    '@type': 'Offer',
    category: rate.label,
    priceCurrency: 'EUR',
    price: (
      computeFees(session.tariff, { category: rate.category, ues: [], firstRegistration: true }).totalCents /
      100
    ).toFixed(2),
    description: `Frais de dossier et droit de base, puis ${rate.perEctsCents / 100} € par ECTS`,
  }))
  return {
    '@context': 'https://schema.org',
    '@type': ['EducationalOccupationalProgram', 'Course'],
    '@id': `${url}#formation`,
    url,
    name: programme.title,
    courseCode: programme.code,
    description: programme.objectives.split(/\n{2,}/)[0],
    educationalCredentialAwarded: `${programme.diplomaKind} de niveau ${programme.level} (RNCP)`,
    numberOfCredits: programme.ects,
    occupationalCategory: programme.careersSummary.replace(/\.$/, ''),
    programPrerequisites: programme.accessConditions.join(', '),
    inLanguage: 'fr',
    provider,
    offers,
    applicationDeadline: nextDeadline,
    startDate: firstSemester?.startsOn,
    endDate: lastSemester?.endsOn,
    hasCourse: session.ues.map((ue) => ({
      '@type': 'Course',
      courseCode: ue.code,
      name: ue.title,
      numberOfCredits: ue.ects,
      ...(ue.descriptionUrl ? { url: ue.descriptionUrl } : {}),
      ...(ue.prerequisites.length > 0 ? { coursePrerequisites: ue.prerequisites.join(', ') } : {}),
    })),
  }
}
