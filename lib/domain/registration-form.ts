import type { IsoDate } from './dates'
import type { FeeBreakdown } from './fees'
import type { ChecklistState } from './pieces'
import type { ContactAnswers, IdentityAnswers, PriorAnswers, SituationAnswers } from './registration'
import type { DossierStatus } from './workflow'

/**
 * Everything the printable registration form shows (print page and PDF), as plain data. Built by
 * lib/server from a dossier; rendered by components/dossier/registration-form-print.tsx (HTML,
 * printed on A4 by the browser) and lib/pdf/registration-form.tsx (PDF made on the server).
 */
export type RegistrationFormData = {
  reference: string
  status: DossierStatus
  submittedAt: Date
  programme: {
    code: string
    title: string
    diplomaKind: string
    level: string
    ects: number
    paymentPayee: string
    withdrawalPeriodDays: number
    terminationClause: string
  }
  session: { label: string }
  /** Where the dossier is received (the regional centre). */
  centre: {
    name: string
    addressLines: string[]
    phone: string
    email: string | null
    openingHours: string[]
  }
  identity: IdentityAnswers
  contact: ContactAnswers
  situation: SituationAnswers
  prior: PriorAnswers
  /** Chosen UEs with what the form prints for each. */
  ues: Array<{
    code: string
    title: string
    ects: number
    periodLabel: string
    semester: 1 | 2 | null
    foad: boolean
  }>
  experience: { months: number | null; inField: boolean | null }
  fees: FeeBreakdown
  /** Amount of the caution cheques, when the employer's certificate will not be signed. */
  cautionCents: number | null
  checklist: Array<{ label: string; state: ChecklistState | 'ACCEPTED' | 'REJECTED'; files: string[] }>
  /** The applicant's ID photo (JPEG or PNG bytes), when one was uploaded as an image. */
  photo: { mimeType: 'image/jpeg' | 'image/png'; bytes: Uint8Array } | null
  /** Link encoded in the QR code: opens this dossier in the staff area. */
  staffUrl: string
  /** Day the form is printed (La Réunion), for "Fait à …, le …". */
  printedOn: IsoDate
}

/** One labelled value of the form. `null` is what the applicant did not give (printed « — »). */
export type FormField = {
  label: string
  /** Several strings are several lines (an address). */
  value: string | string[] | null
  /** Width on its line, in sixths of the form's width. */
  span: 2 | 3 | 4 | 6
  strong?: boolean
  /** Never cut across two lines (a phone number). */
  nowrap?: boolean
  /** Digits in columns (a social security number). */
  tabular?: boolean
}

/** A numbered section of labelled fields, line by line, as both renderings draw it. */
export type FormSection = {
  id: 'identite' | 'coordonnees' | 'situation'
  number: number
  title: string
  lines: FormField[][]
}

/**
 * The wording that both renderings need to name the form's fields, passed in so that this module
 * stays free of the words' home (lib/pdf/registration-form-text.ts today) and of formatting code.
 */
export type FormSectionWords = {
  sectionTitles: { identity: string; contact: string; situation: string }
  civility: (civility: IdentityAnswers['civility']) => string
  category: (category: SituationAnswers['category']) => string
  employmentStatus: (status: SituationAnswers['employmentStatus']) => string
  accessRoute: (route: SituationAnswers['accessRoute']) => string
  highestDiploma: (situation: SituationAnswers) => string
  employerContact: (employer: NonNullable<SituationAnswers['employer']>) => string
  employerCertificate: (signed: boolean | null) => string | null
  yesNo: (value: boolean) => string
  date: (date: IsoDate) => string
  nir: (nir: string) => string
  phone: (phone: string) => string
}

const upper = (name: string) => name.toLocaleUpperCase('fr-FR')

/**
 * The labelled fields of the registration form (identity, contact, situation), once: the HTML
 * print page and the PDF both map over these sections, so that they always show the same fields
 * under the same labels. The tables (UEs, fees, pieces) follow in each rendering.
 */
export function formSections(data: RegistrationFormData, words: FormSectionWords): FormSection[] {
  const { identity, contact, situation } = data
  const certificate = words.employerCertificate(situation.employerCertificateSigned)
  const situationLines: FormField[][] = [
    [
      { label: 'Catégorie tarifaire', value: words.category(situation.category), span: 3, strong: true },
      {
        label: 'Situation professionnelle',
        value: words.employmentStatus(situation.employmentStatus),
        span: 3,
      },
    ],
  ]
  if (situation.employer) {
    situationLines.push(
      [
        { label: 'Employeur', value: situation.employer.name, span: 3 },
        { label: 'Adresse de l’employeur', value: situation.employer.address, span: 3 },
      ],
      [{ label: 'Contact chez l’employeur', value: words.employerContact(situation.employer), span: 6 }],
    )
  }
  if (certificate)
    situationLines.push([{ label: 'Attestation de prise en charge', value: certificate, span: 6 }])
  if (situation.jobSeekerId) {
    situationLines.push([{ label: 'Identifiant France Travail', value: situation.jobSeekerId, span: 6 }])
  }
  situationLines.push(
    [{ label: 'Diplôme le plus élevé', value: words.highestDiploma(situation), span: 6 }],
    [
      { label: 'Voie d’accès', value: words.accessRoute(situation.accessRoute), span: 3 },
      {
        label: 'Première inscription dans cette formation',
        value: words.yesNo(situation.firstRegistration),
        span: 3,
      },
    ],
  )
  return [
    {
      id: 'identite',
      number: 1,
      title: words.sectionTitles.identity,
      lines: [
        [
          { label: 'Civilité', value: words.civility(identity.civility), span: 2 },
          { label: 'Nom de naissance', value: upper(identity.birthName), span: 4, strong: true },
        ],
        [
          {
            label: 'Nom d’usage',
            value: identity.usageName ? upper(identity.usageName) : null,
            span: 6,
            strong: true,
          },
        ],
        [{ label: 'Prénoms', value: identity.firstNames, span: 6, strong: true }],
        [
          { label: 'Date de naissance', value: words.date(identity.birthDate), span: 2 },
          { label: 'Lieu de naissance', value: identity.birthPlace, span: 4 },
        ],
        [
          { label: 'Pays de naissance', value: identity.birthCountry, span: 3 },
          { label: 'Nationalité', value: identity.nationality, span: 3 },
        ],
        [
          {
            label: 'N° de sécurité sociale',
            value: words.nir(identity.nir),
            span: 6,
            strong: true,
            tabular: true,
          },
        ],
      ],
    },
    {
      id: 'coordonnees',
      number: 2,
      title: words.sectionTitles.contact,
      lines: [
        [
          {
            label: 'Adresse',
            value: [contact.addressLine1, contact.addressLine2].filter((line): line is string => !!line),
            span: 6,
          },
        ],
        [
          { label: 'Code postal', value: contact.postcode, span: 2 },
          { label: 'Commune', value: contact.town, span: 4 },
        ],
        [
          { label: 'Téléphone', value: words.phone(contact.phone), span: 2, nowrap: true },
          { label: 'Courriel', value: contact.email, span: 4 },
        ],
      ],
    },
    { id: 'situation', number: 3, title: words.sectionTitles.situation, lines: situationLines },
  ]
}
