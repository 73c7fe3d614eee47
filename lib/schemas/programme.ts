import { z } from 'zod'
import { isIsoDate, type IsoDate } from '@/lib/domain/dates'
import {
  PERIOD_KINDS,
  PIECE_CONDITIONS,
  TARIFF_CATEGORIES,
  UE_KINDS,
  type AcademicSession,
  type Centre,
  type PeriodKind,
  type PieceType,
  type Programme,
  type Responsable,
  type Tariff,
  type TariffCategory,
  type UeKind,
} from '@/lib/domain/programme'
import {
  calendarProblems,
  formatEuroInput,
  loneAlternativeGroups,
  offeringProblems,
  openingHoursProblems,
  parseEuroCents,
  periodProblems,
  prerequisiteProblems,
  type FieldProblem,
} from '@/lib/domain/programme-rules'
import { frenchDate, requiredText, text } from './fields'

/**
 * The forms of the staff's programme and session editor. Each form has one schema, used by
 * react-hook-form in the browser and parsed again by its server action. Every value travels as
 * the form holds it (text, booleans), so that a refused form shows again exactly what was typed.
 * Rules that need the database (codes in use, the session's year) are checked again by the data
 * functions, inside their transaction.
 */

// ---------------------------------------------------------------------------------------------
// Results shared by the actions and the forms
// ---------------------------------------------------------------------------------------------

export const STALE_EDIT_MESSAGE =
  'Ces informations ont été modifiées entre-temps par quelqu’un d’autre : rechargez la page.'

export type AdminRefusal = { ok: false; fieldErrors: Record<string, string>; formError: string | null }

/** A saved form: its new version and its values as now stored (new rows have their ids). */
export type AdminSaveResult<Input> = { ok: true; version: string; values: Input } | AdminRefusal

export type DuplicateSessionResult = { ok: true; sessionId: string; label: string } | AdminRefusal

export function refusal(formError: string | null, fieldErrors: Record<string, string> = {}): AdminRefusal {
  return { ok: false, fieldErrors, formError }
}

/** Flattens zod issues into `{ "ues.2.code": "message" }`, the first message of each field. */
export function issuesToFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) errors[issue.path.join('.') || 'root'] ??= issue.message
  return errors
}

function problemsToIssues(problems: FieldProblem[], context: z.RefinementCtx) {
  for (const problem of problems)
    context.addIssue({
      code: 'custom',
      path: problem.path.split('.').map(pathPart),
      message: problem.message,
    })
}

const pathPart = (part: string) => (/^\d+$/.test(part) ? Number(part) : part)

// Zod runs an object's refinements even when one of its fields was refused. The cross-field rules
// below only look at values that parsed, so that a refused field never causes a second, misleading
// message on another field.
const isDay = (value: unknown): value is IsoDate => typeof value === 'string' && isIsoDate(value)
const isDayOrNull = (value: unknown) => value === null || isDay(value)
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value)
const UE_CODE = /^[A-Z0-9]{3,10}$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

// ---------------------------------------------------------------------------------------------
// Field helpers
// ---------------------------------------------------------------------------------------------

/** A text of several lines or paragraphs (paragraphs separated by a blank line). */
function longText(label: string, max = 4000) {
  return text({ error: `Indiquez ${label}.` })
    .transform((value) =>
      value
        .replace(/\r\n?/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .pipe(z.string().min(1, `Indiquez ${label}.`).max(max, `${max} caractères au plus.`))
}

/** A text that may be left empty (null). */
function optionalLongText(max: number) {
  return text()
    .optional()
    .transform((value) => (value ?? '').replace(/\r\n?/g, '\n').trim() || null)
    .pipe(z.string().max(max, `${max} caractères au plus.`).nullable())
}

function optionalLine(max: number) {
  return text()
    .optional()
    .transform((value) => (value ?? '').trim() || null)
    .pipe(z.string().max(max, `${max} caractères au plus.`).nullable())
}

/** A list typed one item per line in a textarea; empty lines are dropped. */
function lineList(label: string, options: { min?: number; maxItems?: number; maxLength?: number } = {}) {
  const { min = 1, maxItems = 30, maxLength = 600 } = options
  return text({ error: `Indiquez ${label}, une par ligne.` }).transform((text, context) => {
    const items = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
    if (items.length < min) {
      context.addIssue({ code: 'custom', message: `Indiquez ${label}, une par ligne.` })
      return z.NEVER
    }
    if (items.length > maxItems) {
      context.addIssue({ code: 'custom', message: `${maxItems} lignes au plus.` })
      return z.NEVER
    }
    const tooLong = items.findIndex((line) => line.length > maxLength)
    if (tooLong >= 0) {
      context.addIssue({
        code: 'custom',
        message: `La ligne ${tooLong + 1} dépasse ${maxLength} caractères : coupez-la en deux lignes.`,
      })
      return z.NEVER
    }
    return items
  })
}

function parseWholeNumber(
  value: string | number | undefined,
  label: string,
  min: number,
  max: number,
  context: z.RefinementCtx,
): number | null {
  const text = String(value ?? '').trim()
  if (text === '') return null
  if (!/^\d+$/.test(text)) {
    context.addIssue({
      code: 'custom',
      message: `Indiquez ${label} en chiffres, sans virgule (par exemple ${min + 1}).`,
    })
    return z.NEVER
  }
  const number = Number(text)
  if (number < min || number > max) {
    context.addIssue({ code: 'custom', message: `Indiquez un nombre entre ${min} et ${max}.` })
    return z.NEVER
  }
  return number
}

/** A whole number typed in a text field. */
function wholeNumber(label: string, min: number, max: number) {
  return z.union([z.string(), z.number()], { error: `Indiquez ${label}.` }).transform((value, context) => {
    const number = parseWholeNumber(value, label, min, max, context)
    if (number === null) {
      context.addIssue({ code: 'custom', message: `Indiquez ${label}.` })
      return z.NEVER
    }
    return number
  })
}

function optionalWholeNumber(label: string, min: number, max: number) {
  return z
    .union([z.string(), z.number()])
    .optional()
    .transform((value, context) => parseWholeNumber(value, label, min, max, context))
}

/** An amount typed in euros ("55", "5,50"), in cents, more than 0 €. */
function euros(label: string) {
  return z.string({ error: `Indiquez ${label}.` }).transform((text, context) => {
    const parsed = parseEuroCents(text)
    if (!parsed.ok) {
      context.addIssue({
        code: 'custom',
        message:
          parsed.problem === 'EMPTY'
            ? `Indiquez ${label}.`
            : parsed.problem === 'DECIMALS'
              ? 'Deux chiffres au plus après la virgule (les centimes).'
              : 'Indiquez un montant en euros, par exemple 55 ou 5,50.',
      })
      return z.NEVER
    }
    if (parsed.cents <= 0) {
      context.addIssue({ code: 'custom', message: 'Le montant doit être supérieur à 0 €.' })
      return z.NEVER
    }
    if (parsed.cents > 10_000_000) {
      context.addIssue({ code: 'custom', message: 'Le montant ne peut pas dépasser 100 000 €.' })
      return z.NEVER
    }
    return parsed.cents
  })
}

/** A day, or null when left empty. */
function optionalDate(label: string) {
  const date = frenchDate(label)
  return z
    .string()
    .optional()
    .transform((value, context): IsoDate | null => {
      const text = (value ?? '').trim()
      if (text === '') return null
      const parsed = date.safeParse(text)
      if (!parsed.success) {
        context.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'Date invalide.' })
        return z.NEVER
      }
      return parsed.data
    })
}

/** A month typed "10/2026" (or "2026-10"), as the ISO date of its first day; null when empty. */
function optionalMonth() {
  return z
    .string()
    .optional()
    .transform((value, context): IsoDate | null => {
      const text = (value ?? '').trim()
      if (text === '') return null
      const french = /^(\d{1,2})\/(\d{4})$/.exec(text)
      const iso = /^(\d{4})-(\d{1,2})$/.exec(text)
      const month = Number(french?.[1] ?? iso?.[2] ?? 0)
      const year = Number(french?.[2] ?? iso?.[1] ?? 0)
      if (month < 1 || month > 12) {
        context.addIssue({
          code: 'custom',
          message: 'Indiquez un mois au format MM/AAAA, par exemple 10/2026.',
        })
        return z.NEVER
      }
      return `${year}-${String(month).padStart(2, '0')}-01`
    })
}

/** "10/2026" for the month of an ISO date. */
export function toMonthInput(date: IsoDate | null): string {
  return date ? `${date.slice(5, 7)}/${date.slice(0, 4)}` : ''
}

const WEB_ADDRESS = 'Indiquez une adresse web complète, commençant par https:// (ou http://).'

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && !/\s/.test(value)
  } catch {
    return false
  }
}

function optionalWebAddress() {
  return optionalLine(300).refine((value) => value === null || isWebAddress(value), WEB_ADDRESS)
}

/** A blank form to download: a document of the portal ("/documents/…") or a web address. */
function optionalDocumentLink() {
  return optionalLine(300).refine(
    (value) => value === null || /^\/[\w\-./]+$/.test(value) || isWebAddress(value),
    'Indiquez l’adresse du modèle : un document du portail (commençant par /documents/) ou une adresse web complète (https://…).',
  )
}

/** The id of an existing row; empty for a row added in the form. */
const rowId = z
  .string()
  .optional()
  .transform((value) => value?.trim() || null)
  .pipe(z.guid('Ligne inconnue : rechargez la page.').nullable())

const booleanField = z.boolean({ error: 'Cochez ou décochez la case.' })

// ---------------------------------------------------------------------------------------------
// Programme texts
// ---------------------------------------------------------------------------------------------

/** Everything of the programme but its code (the portal's address of it) and its lists of rows. */
export type ProgrammeTexts = Omit<Programme, 'code' | 'responsables' | 'pieceTypes'>

export const programmeTextsSchema = z
  .object({
    title: requiredText('l’intitulé de la formation', 200),
    diplomaKind: requiredText('le type de diplôme', 100),
    level: requiredText('le niveau', 20),
    ects: wholeNumber('le nombre de crédits ECTS', 1, 600),
    department: requiredText('le département d’enseignement', 150),
    validationSummary: longText('le texte de validation', 1000),
    rncpRegistrationYears: wholeNumber('la durée d’enregistrement au RNCP', 1, 20),
    rncpDecreeOn: frenchDate('la date de l’arrêté'),
    rncpPublishedOn: frenchDate('la date de publication au Journal officiel'),
    objectives: longText('les objectifs'),
    pedagogicalObjectivesIntro: longText('l’introduction des objectifs pédagogiques', 600),
    pedagogicalObjectives: lineList('les objectifs pédagogiques'),
    competencesIntro: longText('l’introduction des compétences', 600),
    competences: lineList('les compétences'),
    audience: longText('le public visé', 1000),
    accessConditions: lineList('les conditions d’accès'),
    deliveryConditionsIntro: longText('l’introduction des conditions de délivrance', 1000),
    deliveryConditions: lineList('les conditions de délivrance', { maxLength: 1500 }),
    experienceMonthsRequired: wholeNumber('la durée d’expérience exigée', 1, 120),
    experienceMonthsReduced: wholeNumber('la durée d’expérience réduite', 0, 120),
    internshipMonths: wholeNumber('la durée du stage', 0, 36),
    oralDefenceNote: longText('la note sur la soutenance', 1000),
    earlyExperienceReviewNote: longText('la note sur l’examen anticipé', 2000),
    earlyExperienceReviewMinUes: wholeNumber('le nombre d’UE', 0, 50),
    careersSummary: longText('les débouchés', 1000),
    jobTitles: lineList('les métiers'),
    employersIntro: longText('l’introduction des employeurs', 1000),
    employerTypes: lineList('les types d’employeurs', { maxLength: 1000 }),
    withdrawalPeriodDays: wholeNumber('le délai de rétractation', 0, 90),
    terminationClause: longText('la clause de résiliation'),
    disclaimer: longText('l’avertissement', 1000),
    weeklyWorkloadMinHours: wholeNumber('le minimum d’heures', 0, 80),
    weeklyWorkloadMaxHours: wholeNumber('le maximum d’heures', 0, 80),
    recommendedFirstCertificate: requiredText('le certificat', 300),
    financingAdviceNote: longText('la note sur le financement', 1000),
    incompleteDossierWarning: longText('l’avertissement sur les dossiers incomplets', 1000),
    paymentPayee: requiredText('l’ordre des chèques', 100),
    funders: lineList('les financeurs', { min: 0, maxItems: 10, maxLength: 200 }),
    lastUpdatedOn: frenchDate('la date de mise à jour'),
  })
  .superRefine((value, context) => {
    const {
      experienceMonthsReduced,
      experienceMonthsRequired,
      weeklyWorkloadMinHours,
      weeklyWorkloadMaxHours,
    } = value
    if (
      isCount(experienceMonthsReduced) &&
      isCount(experienceMonthsRequired) &&
      experienceMonthsReduced > experienceMonthsRequired
    )
      context.addIssue({
        code: 'custom',
        path: ['experienceMonthsReduced'],
        message: 'L’expérience réduite ne peut pas dépasser l’expérience exigée.',
      })
    if (
      isCount(weeklyWorkloadMaxHours) &&
      isCount(weeklyWorkloadMinHours) &&
      weeklyWorkloadMaxHours < weeklyWorkloadMinHours
    )
      context.addIssue({
        code: 'custom',
        path: ['weeklyWorkloadMaxHours'],
        message: 'Le maximum ne peut pas être inférieur au minimum.',
      })
    if (
      isDay(value.rncpPublishedOn) &&
      isDay(value.rncpDecreeOn) &&
      value.rncpPublishedOn < value.rncpDecreeOn
    )
      context.addIssue({
        code: 'custom',
        path: ['rncpPublishedOn'],
        message: 'La publication au Journal officiel ne peut pas précéder l’arrêté.',
      })
  }) satisfies z.ZodType<ProgrammeTexts, unknown>

/** Every field as its form control holds it: text (lists one item per line, days as AAAA-MM-JJ). */
export type ProgrammeTextsInput = { [Field in keyof ProgrammeTexts]: string }

const LIST_FIELDS = [
  'pedagogicalObjectives',
  'competences',
  'accessConditions',
  'deliveryConditions',
  'jobTitles',
  'employerTypes',
  'funders',
] as const

export function toProgrammeTextsInput(texts: ProgrammeTexts): ProgrammeTextsInput {
  const input: Record<string, string> = {}
  for (const [key, value] of Object.entries(texts))
    input[key] = Array.isArray(value) ? value.join('\n') : String(value)
  for (const key of LIST_FIELDS) input[key] = texts[key].join('\n')
  return input as ProgrammeTextsInput
}

// ---------------------------------------------------------------------------------------------
// Responsables
// ---------------------------------------------------------------------------------------------

export const responsablesSchema = z.object({
  responsables: z
    .array(z.object({ name: requiredText('le nom', 120), role: requiredText('la fonction', 200) }))
    .min(1, 'Indiquez au moins un responsable.')
    .max(10, 'Dix responsables au plus.'),
}) satisfies z.ZodType<{ responsables: Responsable[] }, unknown>

export type ResponsablesInput = { responsables: Array<{ name: string; role: string }> }

export function toResponsablesInput(responsables: Responsable[]): ResponsablesInput {
  return { responsables: responsables.map(({ name, role }) => ({ name, role })) }
}

// ---------------------------------------------------------------------------------------------
// UE catalogue and prerequisites
// ---------------------------------------------------------------------------------------------

export const UE_KIND_LABELS: Record<UeKind, string> = {
  COURSE: 'Cours',
  ACTIVITY_REPORT: 'Rapport d’activité professionnelle',
  INTERNSHIP_REPORT: 'Rapport de stage',
}

export type UeCatalogueEntry = {
  id: string | null
  code: string
  title: string
  ects: number
  kind: UeKind
  descriptionUrl: string | null
  /** Codes of the UEs this one requires. */
  prerequisites: string[]
}

const ueCode = z
  .string({ error: 'Indiquez le code de l’UE.' })
  .trim()
  .toUpperCase()
  .min(1, 'Indiquez le code de l’UE.')
  .regex(UE_CODE, 'Le code d’une UE s’écrit en lettres et chiffres, sans espace (par exemple AST004).')

export const ueCatalogueSchema = z
  .object({
    ues: z
      .array(
        z.object({
          id: rowId,
          code: ueCode,
          title: requiredText('l’intitulé de l’UE', 200),
          ects: wholeNumber('le nombre de crédits ECTS', 1, 120),
          kind: z.enum(UE_KINDS, { error: 'Choisissez le type d’UE.' }),
          descriptionUrl: optionalWebAddress(),
          prerequisites: z
            .string()
            .optional()
            .transform((text) => [
              ...new Set(
                (text ?? '')
                  .toUpperCase()
                  .split(/[\s,;]+/)
                  .filter(Boolean),
              ),
            ]),
        }),
      )
      .min(1, 'Le catalogue doit compter au moins une UE.')
      .max(100, 'Cent UE au plus.'),
  })
  .superRefine((value, context) => {
    const firstIndex = new Map<string, number>()
    value.ues.forEach((ue, index) => {
      if (firstIndex.has(ue.code))
        context.addIssue({
          code: 'custom',
          path: ['ues', index, 'code'],
          message: `Le code ${ue.code} est déjà celui de l’UE n° ${firstIndex.get(ue.code)! + 1}.`,
        })
      else firstIndex.set(ue.code, index)
    })
    if (!value.ues.every((ue) => UE_CODE.test(ue.code))) return
    for (const problem of prerequisiteProblems(value.ues))
      context.addIssue({
        code: 'custom',
        path: ['ues', problem.index, 'prerequisites'],
        message: problem.message,
      })
  }) satisfies z.ZodType<{ ues: UeCatalogueEntry[] }, unknown>

export type UeCatalogueInput = {
  ues: Array<{
    id: string
    code: string
    title: string
    ects: string
    kind: UeKind | ''
    descriptionUrl: string
    prerequisites: string
  }>
}

export function toUeCatalogueInput(entries: UeCatalogueEntry[]): UeCatalogueInput {
  return {
    ues: entries.map((ue) => ({
      id: ue.id ?? '',
      code: ue.code,
      title: ue.title,
      ects: String(ue.ects),
      kind: ue.kind,
      descriptionUrl: ue.descriptionUrl ?? '',
      prerequisites: ue.prerequisites.join(', '),
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Pieces catalogue
// ---------------------------------------------------------------------------------------------

export type PieceCatalogueEntry = Omit<PieceType, 'code'> & { id: string | null; code: string | null }

export const pieceCatalogueSchema = z
  .object({
    pieces: z
      .array(
        z.object({
          id: rowId,
          label: requiredText('l’intitulé de la pièce', 200),
          description: optionalLongText(1000),
          condition: z.enum(PIECE_CONDITIONS, { error: 'Choisissez quand cette pièce est demandée.' }),
          alternativeGroup: optionalLine(60),
          maxAgeDays: optionalWholeNumber('la durée de validité en jours', 1, 3650),
          optional: booleanField,
          templatePath: optionalDocumentLink(),
        }),
      )
      .min(1, 'Le catalogue doit compter au moins une pièce.')
      .max(60, 'Soixante pièces au plus.'),
  })
  .superRefine((value, context) => {
    for (const problem of loneAlternativeGroups(value.pieces))
      context.addIssue({
        code: 'custom',
        path: ['pieces', problem.index, 'alternativeGroup'],
        message: problem.message,
      })
  })

export type PieceCatalogueValues = z.output<typeof pieceCatalogueSchema>

export type PieceCatalogueInput = {
  pieces: Array<{
    id: string
    /** Shown, never sent back as a change: a piece's code is fixed once created. */
    code: string
    label: string
    description: string
    condition: PieceType['condition'] | ''
    alternativeGroup: string
    maxAgeDays: string
    optional: boolean
    templatePath: string
  }>
}

export function toPieceCatalogueInput(entries: PieceCatalogueEntry[]): PieceCatalogueInput {
  return {
    pieces: entries.map((piece) => ({
      id: piece.id ?? '',
      code: piece.code ?? '',
      label: piece.label,
      description: piece.description ?? '',
      condition: piece.condition,
      alternativeGroup: piece.alternativeGroup ?? '',
      maxAgeDays: piece.maxAgeDays === null ? '' : String(piece.maxAgeDays),
      optional: piece.optional,
      templatePath: piece.templatePath ?? '',
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Centres
// ---------------------------------------------------------------------------------------------

export const WEEKDAY_LABELS = [
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
] as const

const PHONE_MESSAGE = 'Indiquez un numéro à 10 chiffres, par exemple 0262 42 28 37.'
const isPhone = (value: string) => /^0\d{9}$/.test(value.replace(/[\s.]/g, ''))

const weekday = z
  .union([z.string(), z.number()], { error: 'Choisissez un jour.' })
  .transform((value, context) => {
    const day = Number(value)
    if (!Number.isInteger(day) || day < 1 || day > 7 || String(value).trim() === '') {
      context.addIssue({ code: 'custom', message: 'Choisissez un jour.' })
      return z.NEVER
    }
    return day
  })

const time = z
  .string({ error: 'Indiquez une heure.' })
  .trim()
  .regex(TIME, 'Indiquez une heure au format HH:MM, par exemple 08:15.')

export type CentreData = Omit<Centre, 'code'>

export const centreSchema = z
  .object({
    name: requiredText('le nom du centre', 150),
    street: requiredText('l’adresse (numéro et rue)', 200),
    addressComplement: optionalLine(200),
    postBox: optionalLine(40),
    postcode: z
      .string({ error: 'Indiquez le code postal.' })
      .trim()
      .regex(/^\d{5}$/, 'Le code postal a 5 chiffres, par exemple 97420.'),
    city: requiredText('la commune', 100),
    cedex: booleanField,
    phone: requiredText('le numéro de téléphone', 30).refine(isPhone, PHONE_MESSAGE),
    fax: optionalLine(30).refine((value) => value === null || isPhone(value), PHONE_MESSAGE),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((value) => value || null)
      .pipe(z.email('Cette adresse e-mail n’est pas valide (exemple : info@cnam.re).').nullable()),
    website: optionalWebAddress(),
    receivesDossiers: booleanField,
    openingHours: z
      .array(z.object({ fromDay: weekday, toDay: weekday, opensAt: time, closesAt: time }))
      .max(14, 'Quatorze créneaux au plus.'),
  })
  .superRefine((value, context) => {
    const parsed = value.openingHours.every(
      (slot) =>
        isCount(slot.fromDay) && isCount(slot.toDay) && TIME.test(slot.opensAt) && TIME.test(slot.closesAt),
    )
    if (parsed) problemsToIssues(openingHoursProblems(value.openingHours), context)
  }) satisfies z.ZodType<CentreData, unknown>

export type CentreInput = {
  name: string
  street: string
  addressComplement: string
  postBox: string
  postcode: string
  city: string
  cedex: boolean
  phone: string
  fax: string
  email: string
  website: string
  receivesDossiers: boolean
  openingHours: Array<{ fromDay: string; toDay: string; opensAt: string; closesAt: string }>
}

export function toCentreInput(centre: CentreData): CentreInput {
  return {
    name: centre.name,
    street: centre.street,
    addressComplement: centre.addressComplement ?? '',
    postBox: centre.postBox ?? '',
    postcode: centre.postcode,
    city: centre.city,
    cedex: centre.cedex,
    phone: centre.phone,
    fax: centre.fax ?? '',
    email: centre.email ?? '',
    website: centre.website ?? '',
    receivesDossiers: centre.receivesDossiers,
    openingHours: centre.openingHours.map((slot) => ({
      fromDay: String(slot.fromDay),
      toDay: String(slot.toDay),
      opensAt: slot.opensAt,
      closesAt: slot.closesAt,
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// Session calendar
// ---------------------------------------------------------------------------------------------

export type SessionCalendar = Pick<AcademicSession, 'semesters' | 'secondExamStartsOn' | 'secondExamEndsOn'>

const semesterNumber = z
  .union([z.number(), z.string()], { error: 'Semestre inconnu : rechargez la page.' })
  .transform((value, context): 1 | 2 => {
    const number = Number(value)
    if (number !== 1 && number !== 2) {
      context.addIssue({ code: 'custom', message: 'Semestre inconnu : rechargez la page.' })
      return z.NEVER
    }
    return number
  })

/**
 * The dates of a session. With the session's start year (the browser knows it; the server checks
 * it again from the database), every date must also fall in the session's two years.
 */
export function sessionCalendarSchema(context: { startYear?: number } = {}) {
  return z
    .object({
      semesters: z
        .array(
          z.object({
            number: semesterNumber,
            registrationDeadline: frenchDate('la date limite d’inscription'),
            startsOn: frenchDate('le début de la formation'),
            pauseOn: optionalDate('l’arrêt des cours'),
            resumeOn: optionalDate('la reprise des cours'),
            endsOn: frenchDate('la fin des cours'),
            examStartsOn: frenchDate('le début de la 1ère session d’examen'),
            examEndsOn: frenchDate('la fin de la 1ère session d’examen'),
          }),
        )
        .min(1)
        .max(2),
      secondExamStartsOn: frenchDate('le début de la 2ème session d’examen'),
      secondExamEndsOn: frenchDate('la fin de la 2ème session d’examen'),
    })
    .superRefine((value, refinement) => {
      const parsed =
        isDay(value.secondExamStartsOn) &&
        isDay(value.secondExamEndsOn) &&
        value.semesters.every(
          (semester) =>
            isDay(semester.registrationDeadline) &&
            isDay(semester.startsOn) &&
            isDayOrNull(semester.pauseOn) &&
            isDayOrNull(semester.resumeOn) &&
            isDay(semester.endsOn) &&
            isDay(semester.examStartsOn) &&
            isDay(semester.examEndsOn),
        )
      if (parsed) problemsToIssues(calendarProblems(value, context), refinement)
    })
}

export type SessionCalendarInput = {
  semesters: Array<{
    number: number
    registrationDeadline: string
    startsOn: string
    pauseOn: string
    resumeOn: string
    endsOn: string
    examStartsOn: string
    examEndsOn: string
  }>
  secondExamStartsOn: string
  secondExamEndsOn: string
}

export function toSessionCalendarInput(calendar: SessionCalendar): SessionCalendarInput {
  return {
    semesters: calendar.semesters.map((semester) => ({
      number: semester.number,
      registrationDeadline: semester.registrationDeadline,
      startsOn: semester.startsOn,
      pauseOn: semester.pauseOn ?? '',
      resumeOn: semester.resumeOn ?? '',
      endsOn: semester.endsOn,
      examStartsOn: semester.examStartsOn,
      examEndsOn: semester.examEndsOn,
    })),
    secondExamStartsOn: calendar.secondExamStartsOn,
    secondExamEndsOn: calendar.secondExamEndsOn,
  }
}

// ---------------------------------------------------------------------------------------------
// Periods and UE offerings of a session
// ---------------------------------------------------------------------------------------------

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  FIRST_SEMESTER: '1er semestre',
  FULL_YEAR: 'Année complète',
  SECOND_SEMESTER: '2nd semestre',
  PROFESSIONAL_EXPERIENCE: 'Expérience professionnelle',
}

export type SessionOfferings = {
  periods: Array<{ kind: PeriodKind; startMonth: IsoDate | null; endMonth: IsoDate | null }>
  ues: Array<{ ueCode: string; periodKind: PeriodKind; recommendedFirst: boolean; foadAvailable: boolean }>
}

/**
 * Which UE is taught in which period of the session. With the programme's catalogue (the browser
 * knows it; the server checks it again), the kinds of the UEs are checked against their periods.
 */
export function sessionOfferingsSchema(context: { catalogue?: Array<{ code: string; kind: UeKind }> } = {}) {
  return z
    .object({
      periods: z
        .array(
          z.object({
            kind: z.enum(PERIOD_KINDS, { error: 'Période inconnue : rechargez la page.' }),
            startMonth: optionalMonth(),
            endMonth: optionalMonth(),
          }),
        )
        .min(1)
        .max(PERIOD_KINDS.length),
      ues: z
        .array(
          z.object({
            ueCode: z
              .string({ error: 'Choisissez une UE.' })
              .trim()
              .toUpperCase()
              .min(1, 'Choisissez une UE.'),
            periodKind: z.enum(PERIOD_KINDS, { error: 'Choisissez la période.' }),
            recommendedFirst: booleanField,
            foadAvailable: booleanField,
          }),
        )
        .max(100, 'Cent UE au plus.'),
    })
    .superRefine((value, refinement) => {
      if (value.periods.every((period) => isDayOrNull(period.startMonth) && isDayOrNull(period.endMonth)))
        problemsToIssues(periodProblems(value.periods), refinement)
      const kinds = new Set(value.periods.map((period) => period.kind))
      if (kinds.size !== value.periods.length)
        refinement.addIssue({
          code: 'custom',
          path: ['periods'],
          message: 'Période en double : rechargez la page.',
        })
      value.ues.forEach((ue, index) => {
        if (!kinds.has(ue.periodKind))
          refinement.addIssue({
            code: 'custom',
            path: ['ues', index, 'periodKind'],
            message: 'Cette période n’existe pas dans la session.',
          })
      })
      const parsed = value.ues.every(
        (ue) => ue.ueCode.length > 0 && (PERIOD_KINDS as readonly string[]).includes(ue.periodKind),
      )
      if (context.catalogue && parsed) {
        const kindOf = new Map(context.catalogue.map((ue) => [ue.code, ue.kind]))
        problemsToIssues(
          offeringProblems(value.ues, (code) => kindOf.get(code)),
          refinement,
        )
      }
    })
}

export type SessionOfferingsInput = {
  periods: Array<{ kind: PeriodKind; startMonth: string; endMonth: string }>
  ues: Array<{
    ueCode: string
    periodKind: PeriodKind | ''
    recommendedFirst: boolean
    foadAvailable: boolean
  }>
}

export function toSessionOfferingsInput(offerings: SessionOfferings): SessionOfferingsInput {
  return {
    periods: offerings.periods.map((period) => ({
      kind: period.kind,
      startMonth: toMonthInput(period.startMonth),
      endMonth: toMonthInput(period.endMonth),
    })),
    ues: offerings.ues.map((ue) => ({ ...ue })),
  }
}

// ---------------------------------------------------------------------------------------------
// Tariff
// ---------------------------------------------------------------------------------------------

export const sessionTariffSchema = z
  .object({
    region: requiredText('la zone où s’appliquent ces tarifs', 60),
    dossierFee: euros('les frais de dossier'),
    baseFee: euros('le droit individuel de base'),
    foadPerUe: euros('le tarif FOAD par UE'),
    reportFollowUp: euros('le suivi du rapport'),
    rates: z.array(
      z.object({
        category: z.enum(TARIFF_CATEGORIES, { error: 'Catégorie inconnue : rechargez la page.' }),
        label: requiredText('le nom de la catégorie', 80),
        perEcts: euros('le tarif par ECTS'),
      }),
    ),
  })
  .superRefine((value, context) => {
    const categories = value.rates.map((rate) => rate.category)
    if (
      categories.length !== TARIFF_CATEGORIES.length ||
      TARIFF_CATEGORIES.some((category) => !categories.includes(category))
    )
      context.addIssue({
        code: 'custom',
        path: ['rates'],
        message: 'Chaque catégorie doit avoir un tarif par ECTS, une seule fois : rechargez la page.',
      })
  })
  .transform((value): Tariff => ({
    region: value.region,
    dossierFeeCents: value.dossierFee,
    baseFeeCents: value.baseFee,
    foadPerUeCents: value.foadPerUe,
    reportFollowUpCents: value.reportFollowUp,
    rates: value.rates.map((rate) => ({
      category: rate.category,
      label: rate.label,
      perEctsCents: rate.perEcts,
    })),
  }))

export type SessionTariffInput = {
  region: string
  dossierFee: string
  baseFee: string
  foadPerUe: string
  reportFollowUp: string
  rates: Array<{ category: Tariff['rates'][number]['category']; label: string; perEcts: string }>
}

/** What each category is called when a session has no rate for it yet. */
const DEFAULT_CATEGORY_LABELS: Record<TariffCategory, string> = {
  JOB_SEEKER: 'Demandeurs d’emploi',
  INDIVIDUAL: 'Individuels payants',
  EMPLOYER_FUNDED: 'Salariés pris en charge',
}

/** The tariff as its form shows it; a category the session has no rate for comes last, to fill in. */
export function toSessionTariffInput(tariff: Tariff): SessionTariffInput {
  const missing = TARIFF_CATEGORIES.filter(
    (category) => !tariff.rates.some((rate) => rate.category === category),
  )
  return {
    region: tariff.region,
    dossierFee: formatEuroInput(tariff.dossierFeeCents),
    baseFee: formatEuroInput(tariff.baseFeeCents),
    foadPerUe: formatEuroInput(tariff.foadPerUeCents),
    reportFollowUp: formatEuroInput(tariff.reportFollowUpCents),
    rates: [
      ...tariff.rates.map((rate) => ({
        category: rate.category,
        label: rate.label,
        perEcts: formatEuroInput(rate.perEctsCents),
      })),
      ...missing.map((category) => ({ category, label: DEFAULT_CATEGORY_LABELS[category], perEcts: '' })),
    ],
  }
}

// ---------------------------------------------------------------------------------------------
// Registration open or closed
// ---------------------------------------------------------------------------------------------

export const sessionRegistrationSchema = z.object({
  open: z.boolean({ error: 'Indiquez s’il faut ouvrir ou fermer les inscriptions.' }),
})

export type SessionRegistrationInput = { open: boolean }

// ---------------------------------------------------------------------------------------------
// What every action receives besides the form's values
// ---------------------------------------------------------------------------------------------

/** The row edited (programme, centre or session), the version the form was loaded with, the values. */
export const editEnvelopeSchema = z.object({
  id: z.guid(),
  version: z.string().min(1).max(128),
  values: z.unknown(),
})

export type EditEnvelope<Input> = { id: string; version: string; values: Input }
