import { todayIn } from '@/lib/domain/dates'
import { paymentInstructions, type FeeLine } from '@/lib/domain/fees'
import type { TariffCategory } from '@/lib/domain/programme'
import type { FormSectionWords, RegistrationFormData } from '@/lib/domain/registration-form'
import { formatNir } from '@/lib/domain/nir'
import {
  DIPLOMA_LEVEL_LABELS,
  type AccessRoute,
  type Civility,
  type EmploymentStatus,
  type ObtainedUe,
} from '@/lib/domain/registration'
import { displayPhone } from '@/lib/domain/phone'
import { formatDate, formatEuros } from '@/lib/format'

/**
 * The French wording of the printable registration form, shared by its two renderings (the PDF of
 * lib/pdf/registration-form.tsx and the HTML of components/dossier/registration-form-print.tsx) so
 * that both always say the same thing. Pure: no React, no Node.
 */

export const INSTITUTION = 'Conservatoire national des arts et métiers — Centre régional de La Réunion'
export const FORM_TITLE = 'Dossier d’inscription'
export const QR_CAPTION = 'Réservé à l’administration'
export const QR_ALT = 'QR code réservé à l’administration : ouvre ce dossier dans l’espace de gestion du Cnam'
export const CERTIFICATION = 'Je certifie l’exactitude des informations ci-dessus.'
export const SIGNATURE_CAPTION = 'Signature du candidat'
export const PHOTO_CAPTION = 'Photo d’identité'

export const CIVILITY_LABELS: Record<Civility, string> = { MADAME: 'Madame', MONSIEUR: 'Monsieur' }

export const TARIFF_CATEGORY_LABELS: Record<TariffCategory, string> = {
  JOB_SEEKER: 'Demandeur d’emploi',
  INDIVIDUAL: 'Individuel payant',
  EMPLOYER_FUNDED: 'Salarié pris en charge par l’employeur',
}

export const EMPLOYMENT_STATUS_LABELS: Record<EmploymentStatus, string> = {
  EMPLOYED: 'Salarié(e)',
  JOB_SEEKER: 'Demandeur(se) d’emploi',
  OTHER: 'Autre situation',
}

export const ACCESS_ROUTE_LABELS: Record<AccessRoute, string> = { BAC_LEVEL: 'Niveau bac', VAE: 'VAE' }

export const OBTAINED_PLACE_LABELS: Record<ObtainedUe['place'], string> = {
  REUNION: 'Centre de La Réunion',
  ELSEWHERE: 'Autre centre régional',
}

export type ChecklistLineState = RegistrationFormData['checklist'][number]['state']

export const CHECKLIST_STATE_LABELS: Record<ChecklistLineState, string> = {
  PROVIDED: 'Fournie',
  MISSING: 'Manquante',
  ACCEPTED: 'Conforme',
  REJECTED: 'Non conforme',
  TOO_OLD: 'À revoir',
  DATE_MISSING: 'À revoir',
  FUTURE_DATE: 'À revoir',
}

/** How each state is shown: the colour is a hint only, the word always says it. */
export type StateTone = 'neutral' | 'success' | 'danger' | 'warning'

export const CHECKLIST_STATE_TONES: Record<ChecklistLineState, StateTone> = {
  PROVIDED: 'neutral',
  MISSING: 'danger',
  ACCEPTED: 'success',
  REJECTED: 'danger',
  TOO_OLD: 'warning',
  DATE_MISSING: 'warning',
  FUTURE_DATE: 'warning',
}

export function yesNo(value: boolean): string {
  return value ? 'Oui' : 'Non'
}

/** "Titre professionnel de niveau III — 120 crédits ECTS" */
export function programmeQualification(programme: RegistrationFormData['programme']): string {
  return `${programme.diplomaKind} de niveau ${programme.level} — ${programme.ects} crédits ECTS`
}

/** The day the dossier was submitted, in La Réunion. */
export function submittedOn(submittedAt: Date): string {
  return formatDate(todayIn(submittedAt))
}

export function highestDiplomaLabel(situation: RegistrationFormData['situation']): string {
  const level = DIPLOMA_LEVEL_LABELS[situation.highestDiploma]
  return situation.diplomaTitle ? `${level} : ${situation.diplomaTitle}` : level
}

/** "Mme Sylvie GRONDIN · 0262 20 10 10 · rh@mission-locale.re", contact parts that are known. */
export function employerContact(
  employer: NonNullable<RegistrationFormData['situation']['employer']>,
): string {
  return [
    employer.contactName,
    employer.contactPhone && displayPhone(employer.contactPhone),
    employer.contactEmail,
  ]
    .filter(Boolean)
    .join(' · ')
}

export function employerCertificateLabel(signed: boolean | null): string | null {
  if (signed === null) return null
  return signed ? 'Signée par l’employeur' : 'Non signée par l’employeur : chèques de caution joints'
}

/** "1er" / "2nd" (as the brochure names the semesters) / "—" for a report */
export function semesterLabel(semester: 1 | 2 | null): string {
  if (semester === null) return '—'
  return semester === 1 ? '1er' : '2nd'
}

export function totalEcts(ues: RegistrationFormData['ues']): number {
  return ues.reduce((sum, ue) => sum + ue.ects, 0)
}

/** "30 mois, dans le domaine du titre", or null when no report was chosen. */
export function experienceLabel(experience: RegistrationFormData['experience']): string | null {
  if (experience.months === null) return null
  const months = `${experience.months} mois`
  if (experience.inField === null) return months
  return `${months}, ${experience.inField ? 'dans le domaine du titre' : 'hors du domaine du titre'}`
}

/** "6 ECTS × 55 €", "1 UE × 200 €", "Forfait". */
export function feeBasisLabel(line: FeeLine): string {
  const { quantity, unitCents, unit } = line.basis
  if (unit === 'FORFAIT') return 'Forfait'
  return `${quantity} ${unit} × ${formatEuros(unitCents)}`
}

/**
 * What the applicant joins to the dossier to pay: the sentences of lib/domain/fees.ts, which the
 * summary step, the dossier page and the confirmation e-mail also print.
 */
export function formPaymentInstructions(
  data: Pick<RegistrationFormData, 'fees' | 'cautionCents' | 'programme'>,
): string[] {
  return paymentInstructions({
    category: data.fees.category,
    totalCents: data.fees.totalCents,
    cautionCents: data.cautionCents,
    payee: data.programme.paymentPayee,
    formatEuros,
  })
}

export function withdrawalSentence(days: number): string {
  return `Vous disposez d’un délai de rétractation de ${days} jours après le dépôt de votre dossier.`
}

/** "Fait à …………, le 5 octobre 2026" */
export function placeAndDate(printedOn: RegistrationFormData['printedOn']): string {
  return `Fait à …………………………, le ${formatDate(printedOn)}`
}

/** Paragraphs of a clause stored with blank lines between them. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
}

export const SECTION_TITLES = {
  identity: 'Identité du candidat',
  contact: 'Coordonnées',
  situation: 'Situation et financement',
  prior: 'UE déjà obtenues',
  ues: 'UE choisies',
  fees: 'Participation aux frais de formation',
  pieces: 'Pièces justificatives',
  withdrawal: 'Rétractation et résiliation',
  signature: 'Certification et signature',
} as const

/** The words formSections (lib/domain/registration-form.ts) names the fields with. */
export const FORM_SECTION_WORDS: FormSectionWords = {
  sectionTitles: SECTION_TITLES,
  civility: (civility) => CIVILITY_LABELS[civility],
  category: (category) => TARIFF_CATEGORY_LABELS[category],
  employmentStatus: (status) => EMPLOYMENT_STATUS_LABELS[status],
  accessRoute: (route) => ACCESS_ROUTE_LABELS[route],
  highestDiploma: highestDiplomaLabel,
  employerContact,
  employerCertificate: employerCertificateLabel,
  yesNo,
  date: formatDate,
  nir: formatNir,
  phone: displayPhone,
}
