import type { IsoDate } from './dates'

/**
 * The programme as the public page, the registration form and the staff area see it: plain data,
 * independent of the database. lib/server/programme builds it from the database.
 */

export const TARIFF_CATEGORIES = ['JOB_SEEKER', 'INDIVIDUAL', 'EMPLOYER_FUNDED'] as const
export type TariffCategory = (typeof TARIFF_CATEGORIES)[number]

export const UE_KINDS = ['COURSE', 'ACTIVITY_REPORT', 'INTERNSHIP_REPORT'] as const
export type UeKind = (typeof UE_KINDS)[number]

export const PERIOD_KINDS = [
  'FIRST_SEMESTER',
  'FULL_YEAR',
  'SECOND_SEMESTER',
  'PROFESSIONAL_EXPERIENCE',
] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

export const PIECE_CONDITIONS = [
  'GENERATED',
  'ALWAYS',
  'EMPLOYED',
  'JOB_SEEKER',
  'SELF_PAYING',
  'EMPLOYER_FUNDED',
  'EMPLOYER_CERTIFICATE_UNSIGNED',
  'UES_OBTAINED_ELSEWHERE',
  'EARLY_EXPERIENCE_REVIEW',
] as const
export type PieceCondition = (typeof PIECE_CONDITIONS)[number]

export type CategoryRate = { category: TariffCategory; label: string; perEctsCents: number }

export type Tariff = {
  region: string
  dossierFeeCents: number
  baseFeeCents: number
  foadPerUeCents: number
  reportFollowUpCents: number
  rates: CategoryRate[]
}

export type Semester = {
  number: 1 | 2
  registrationDeadline: IsoDate
  startsOn: IsoDate
  pauseOn: IsoDate | null
  resumeOn: IsoDate | null
  endsOn: IsoDate
  examStartsOn: IsoDate
  examEndsOn: IsoDate
}

export type Period = { kind: PeriodKind; startMonth: IsoDate | null; endMonth: IsoDate | null }

export type SessionUe = {
  code: string
  title: string
  ects: number
  kind: UeKind
  periodKind: PeriodKind
  recommendedFirst: boolean
  foadAvailable: boolean
  /** Codes of the UEs this one requires. */
  prerequisites: string[]
  descriptionUrl: string | null
}

export type AcademicSession = {
  label: string
  startYear: number
  registrationOpen: boolean
  generated: boolean
  semesters: Semester[]
  periods: Period[]
  ues: SessionUe[]
  tariff: Tariff
  secondExamStartsOn: IsoDate
  secondExamEndsOn: IsoDate
}

export type PieceType = {
  code: string
  label: string
  description: string | null
  condition: PieceCondition
  alternativeGroup: string | null
  maxAgeDays: number | null
  optional: boolean
  templatePath: string | null
}

export type OpeningSlot = { fromDay: number; toDay: number; opensAt: string; closesAt: string }

export type Centre = {
  code: string
  name: string
  street: string
  addressComplement: string | null
  postBox: string | null
  postcode: string
  city: string
  cedex: boolean
  phone: string
  fax: string | null
  email: string | null
  website: string | null
  receivesDossiers: boolean
  openingHours: OpeningSlot[]
}

export type Responsable = { name: string; role: string }

export type Programme = {
  code: string
  title: string
  diplomaKind: string
  level: string
  ects: number
  department: string
  validationSummary: string
  rncpRegistrationYears: number
  rncpDecreeOn: IsoDate
  rncpPublishedOn: IsoDate
  objectives: string
  pedagogicalObjectivesIntro: string
  pedagogicalObjectives: string[]
  competencesIntro: string
  competences: string[]
  audience: string
  accessConditions: string[]
  deliveryConditionsIntro: string
  deliveryConditions: string[]
  experienceMonthsRequired: number
  experienceMonthsReduced: number
  internshipMonths: number
  oralDefenceNote: string
  earlyExperienceReviewNote: string
  earlyExperienceReviewMinUes: number
  careersSummary: string
  jobTitles: string[]
  employersIntro: string
  employerTypes: string[]
  withdrawalPeriodDays: number
  terminationClause: string
  disclaimer: string
  weeklyWorkloadMinHours: number
  weeklyWorkloadMaxHours: number
  recommendedFirstCertificate: string
  financingAdviceNote: string
  incompleteDossierWarning: string
  paymentPayee: string
  funders: string[]
  lastUpdatedOn: IsoDate
  responsables: Responsable[]
  pieceTypes: PieceType[]
}
