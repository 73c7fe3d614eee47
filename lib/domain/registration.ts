import { todayIn, type IsoDate } from './dates'
import type { TariffCategory } from './programme'

/**
 * The answers of a registration, step by step. The zod schemas of lib/schemas/registration.ts
 * produce exactly these shapes; the rules below and in ue-choice.ts / pieces.ts work on them.
 */

export const STEPS = [
  'identite',
  'coordonnees',
  'situation',
  'acquis',
  'ue',
  'pieces',
  'recapitulatif',
] as const
export type StepId = (typeof STEPS)[number]

/** The steps whose answers are stored (pieces and summary have their own storage). */
export const ANSWER_STEPS = ['identite', 'coordonnees', 'situation', 'acquis', 'ue'] as const
export type AnswerStepId = (typeof ANSWER_STEPS)[number]

export const STEP_TITLES: Record<StepId, string> = {
  identite: 'Identité',
  coordonnees: 'Coordonnées',
  situation: 'Situation et financement',
  acquis: 'UE déjà obtenues',
  ue: 'Choix des UE',
  pieces: 'Pièces justificatives',
  recapitulatif: 'Récapitulatif et envoi',
}

export type Civility = 'MADAME' | 'MONSIEUR'

export type IdentityAnswers = {
  civility: Civility
  birthName: string
  usageName: string | null
  firstNames: string
  birthDate: IsoDate
  birthPlace: string
  birthCountry: string
  nationality: string
  /** Normalised: 15 characters, no spaces. */
  nir: string
}

export type ContactAnswers = {
  addressLine1: string
  addressLine2: string | null
  postcode: string
  town: string
  /** E.164, e.g. +262692123456. */
  phone: string
  email: string
}

export const EMPLOYMENT_STATUSES = ['EMPLOYED', 'JOB_SEEKER', 'OTHER'] as const
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number]

export const DIPLOMA_LEVELS = ['NONE', 'CAP_BEP', 'BAC', 'BAC_2', 'BAC_3', 'BAC_5', 'DOCTORATE'] as const
export type DiplomaLevel = (typeof DIPLOMA_LEVELS)[number]

export const DIPLOMA_LEVEL_LABELS: Record<DiplomaLevel, string> = {
  NONE: 'Aucun diplôme',
  CAP_BEP: 'CAP, BEP ou équivalent',
  BAC: 'Baccalauréat ou équivalent',
  BAC_2: 'Bac + 2 (BTS, DUT, DEUG…)',
  BAC_3: 'Bac + 3 (licence, licence professionnelle…)',
  BAC_5: 'Bac + 5 (master, diplôme d’ingénieur…)',
  DOCTORATE: 'Doctorat',
}

export const ACCESS_ROUTES = ['BAC_LEVEL', 'VAE'] as const
export type AccessRoute = (typeof ACCESS_ROUTES)[number]

export type Employer = {
  name: string
  address: string
  contactName: string
  contactPhone: string | null
  contactEmail: string | null
}

export type SituationAnswers = {
  category: TariffCategory
  employmentStatus: EmploymentStatus
  /** Required for an employee (funded or not). */
  employer: Employer | null
  /** Employer-funded only: will the funding certificate be signed by the employer? */
  employerCertificateSigned: boolean | null
  /** Job seeker only: France Travail (ex-Pôle emploi) identifier. */
  jobSeekerId: string | null
  highestDiploma: DiplomaLevel
  diplomaTitle: string | null
  accessRoute: AccessRoute
  /** First registration in this programme at the Cnam (dossier fee due). */
  firstRegistration: boolean
  /** The base fee was already paid for this academic year. */
  baseFeeAlreadyPaid: boolean
}

export type ObtainedUe = { code: string; place: 'REUNION' | 'ELSEWHERE'; year: number }

export type PriorAnswers = {
  obtained: ObtainedUe[]
  /** Request for the "examen anticipé de l'expérience professionnelle" (from 4 UEs obtained). */
  earlyExperienceReview: boolean
}

export type ChosenUe = { code: string; foad: boolean }

export type ChoiceAnswers = {
  ues: ChosenUe[]
  /** Months of full-time professional experience, asked when a report is chosen. */
  experienceMonths: number | null
  /** Whether that experience is in the field of the title. */
  experienceInField: boolean | null
}

export type RegistrationAnswers = {
  identite?: IdentityAnswers
  coordonnees?: ContactAnswers
  situation?: SituationAnswers
  acquis?: PriorAnswers
  ue?: ChoiceAnswers
}

/** The answers of every answer step, once all are given. */
export type CompleteAnswers = Required<RegistrationAnswers>

export function hasAllAnswers(answers: RegistrationAnswers): answers is CompleteAnswers {
  return ANSWER_STEPS.every((step) => answers[step] !== undefined)
}

/** The first step still to fill in, for "resume where I stopped". */
export function firstIncompleteStep(completed: readonly string[]): StepId {
  return STEPS.find((step) => step !== 'recapitulatif' && !completed.includes(step)) ?? 'recapitulatif'
}

export function nextStep(step: StepId): StepId | null {
  return STEPS[STEPS.indexOf(step) + 1] ?? null
}

export function previousStep(step: StepId): StepId | null {
  const index = STEPS.indexOf(step)
  return index > 0 ? STEPS[index - 1]! : null
}

/** "Madame Marie-Claire HOARAU": civility, first names, usage name (else birth name) in capitals. */
export function displayName(
  identity: Pick<IdentityAnswers, 'civility' | 'birthName' | 'usageName' | 'firstNames'>,
): string {
  const civility = identity.civility === 'MADAME' ? 'Madame' : 'Monsieur'
  const name = (identity.usageName ?? identity.birthName).toLocaleUpperCase('fr-FR')
  return `${civility} ${identity.firstNames} ${name}`
}

/**
 * The last day a draft expiring at `expiresAt` is kept, in La Réunion's calendar (UTC+4). The
 * expiry is the first instant of the next day there (midnight, 20:00 UTC): the day of the instant
 * just before it. The page and the resume e-mail both print this day (they printed 3 and 2 January
 * for the same draft: one read the expiry in La Réunion, the other its UTC date).
 */
export function draftLastDay(expiresAt: Date): IsoDate {
  return todayIn(new Date(expiresAt.getTime() - 1))
}
