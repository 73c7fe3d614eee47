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
