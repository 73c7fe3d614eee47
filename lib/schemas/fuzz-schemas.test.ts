// Property-based tests of every schema of lib/schemas/: fed junk and near-valid input, a schema never
// throws (safeParse answers), and what it accepts has the shape the domain expects — trimmed texts
// within their limits, real days, the cross-field rules of lib/domain — and, for the staff editors,
// reads back to the same values through its form. Schemas are found in the folder: a new exported
// schema is fuzzed with junk at once, and a new schema factory fails the inventory until declared.
//
// No database is used, so it runs in the unit project beside the schemas; `npm run test:fuzz` runs it
// with the database fuzz tests (tests/integration/fuzz-*), with 1,000 inputs per property.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { isIsoDate } from '@/lib/domain/dates'
import { checkNir, normalizeNir } from '@/lib/domain/nir'
import { EMAIL_STATUSES } from '@/lib/domain/outbox'
import { PERIOD_KINDS, PIECE_CONDITIONS, TARIFF_CATEGORIES, UE_KINDS } from '@/lib/domain/programme'
import {
  calendarProblems,
  loneAlternativeGroups,
  offeringProblems,
  openingHoursProblems,
  periodProblems,
  prerequisiteProblems,
} from '@/lib/domain/programme-rules'
import { ACCESS_ROUTES, ANSWER_STEPS, DIPLOMA_LEVELS, EMPLOYMENT_STATUSES } from '@/lib/domain/registration'
import { duplicateSession } from '@/lib/domain/session'
import { passwordProblem, STAFF_ROLES } from '@/lib/domain/staff'
import {
  COMPLETENESS,
  DOSSIER_SORTS,
  dossierListParams,
  FILTERABLE_STATUSES,
  parseDossierFilters,
  SEARCH_MAX_LENGTH,
} from '@/lib/schemas/dossier-filters'
import { frenchDate, optionalText, requiredText, text, yesNo } from '@/lib/schemas/fields'
import { lostLinkSchema } from '@/lib/schemas/lost-link'
import {
  centreSchema,
  editEnvelopeSchema,
  pieceCatalogueSchema,
  programmeTextsSchema,
  responsablesSchema,
  sessionCalendarSchema,
  sessionOfferingsSchema,
  sessionRegistrationSchema,
  sessionTariffSchema,
  toCentreInput,
  toPieceCatalogueInput,
  toProgrammeTextsInput,
  toResponsablesInput,
  toSessionCalendarInput,
  toSessionOfferingsInput,
  toSessionTariffInput,
  toUeCatalogueInput,
  ueCatalogueSchema,
} from '@/lib/schemas/programme'
import {
  choiceSchema,
  contactSchema,
  documentDateSchema,
  identitySchema,
  priorSchema,
  situationSchema,
  startSchema,
  submissionSchema,
} from '@/lib/schemas/registration'
import {
  fieldErrors,
  parseAnswers,
  parseStep,
  stepSchema,
  type RawAnswers,
  type StepContext,
} from '@/lib/schemas/registration-steps'
import {
  eurosSchema,
  messageSchema,
  paymentSchema,
  pieceDecisionSchema,
  requestPiecesSchema,
  transitionSchema,
} from '@/lib/schemas/review'
import {
  accountIdSchema,
  changePasswordSchema,
  changeRoleSchema,
  choosePasswordSchema,
  dashboardFilterSchema,
  disableTotpSchema,
  inviteStaffSchema,
  outboxFilterSchema,
  retryEmailSchema,
  setActiveSchema,
  totpCodeSchema,
} from '@/lib/schemas/staff'
import { centres, programme2010, session2010 } from '@/prisma/seed/cpn42-2010-2011'
import { assertNoPollution, FUZZ_TIMEOUT, fuzzOptions, inputNear, junk } from '@/tests/support/fuzz'
import { answers } from '@/tests/support/registration'

vi.setConfig({ testTimeout: FUZZ_TIMEOUT })

// ---------------------------------------------------------------------------------------------
// The domain shapes: what an accepted input must have become
// ---------------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const day = z.string().refine(isIsoDate, 'not a real day')
const trimmed = (value: string) => value === value.trim()
/** A required line: trimmed, not empty, at most `max` characters. */
const line = (max: number) => z.string().min(1).max(max).refine(trimmed, 'not trimmed')
const optionalLine = (max: number) => line(max).nullable()
const email = z.email().refine((value) => value === value.toLowerCase().trim(), 'not lower case')
const uuid = z.string().regex(UUID)
const count = (min: number, max: number) => z.number().int().min(min).max(max)
const webAddress = z.string().refine((value) => /^https?:\/\/\S+$/.test(value), 'not a web address')

/** Fails with the shape's issues (and the value) when `value` is not of `shape`. */
function expectShape(shape: z.ZodType, value: unknown) {
  const checked = shape.safeParse(value)
  if (!checked.success)
    throw new Error(`Accepted a value of the wrong shape: ${JSON.stringify(checked.error.issues)}`)
}

const TODAY = '2026-11-26'
const CONTEXT: StepContext = {
  today: TODAY,
  catalogue: session2010.ues.map((ue) => ue.code),
  minimumForReview: 4,
}

const identityShape = z
  .strictObject({
    civility: z.enum(['MADAME', 'MONSIEUR']),
    birthName: line(80),
    usageName: optionalLine(80),
    firstNames: line(120),
    birthDate: day,
    birthPlace: line(80),
    birthCountry: line(60),
    nationality: line(60),
    nir: z.string().refine((nir) => nir === normalizeNir(nir) && checkNir(nir) === null, 'not a valid NIR'),
  })
  .refine((value) => checkNir(value.nir, value.birthDate) === null, 'NIR and birth date disagree')
  .refine((value) => {
    const age = (Date.parse(TODAY) - Date.parse(value.birthDate)) / (365.25 * 86_400_000)
    return age >= 16 && age < 101.01
  }, 'age out of 16-100')

const contactShape = z.strictObject({
  addressLine1: line(120),
  addressLine2: optionalLine(120),
  postcode: z.string().regex(/^\d{5}$/),
  town: line(80),
  phone: z.string().regex(/^\+\d{8,15}$/),
  email,
})

const employerShape = z.strictObject({
  name: line(120),
  address: line(200),
  contactName: line(120),
  contactPhone: optionalLine(30),
  contactEmail: email.nullable(),
})

const situationShape = z
  .strictObject({
    category: z.enum(TARIFF_CATEGORIES),
    employmentStatus: z.enum(EMPLOYMENT_STATUSES),
    employer: employerShape.nullable(),
    employerCertificateSigned: z.boolean().nullable(),
    jobSeekerId: z
      .string()
      .regex(/^[0-9A-Z]{7,11}$/)
      .nullable(),
    highestDiploma: z.enum(DIPLOMA_LEVELS),
    diplomaTitle: optionalLine(160),
    accessRoute: z.enum(ACCESS_ROUTES),
    firstRegistration: z.boolean(),
    baseFeeAlreadyPaid: z.boolean(),
  })
  .refine((value) => (value.employer !== null) === (value.employmentStatus === 'EMPLOYED'), 'employer')
  .refine(
    (value) => (value.jobSeekerId !== null) === (value.employmentStatus === 'JOB_SEEKER'),
    'job seeker id',
  )
  .refine(
    (value) => value.category !== 'JOB_SEEKER' || value.employmentStatus === 'JOB_SEEKER',
    'job seeker rate',
  )
  .refine((value) => value.category !== 'EMPLOYER_FUNDED' || value.employmentStatus === 'EMPLOYED', 'funding')
  .refine(
    (value) => (value.employerCertificateSigned !== null) === (value.category === 'EMPLOYER_FUNDED'),
    'employer certificate',
  )

const unique = (codes: string[]) => new Set(codes).size === codes.length

const priorShape = z
  .strictObject({
    obtained: z.array(
      z.strictObject({
        code: z.enum(CONTEXT.catalogue as [string, ...string[]]),
        place: z.enum(['REUNION', 'ELSEWHERE']),
        year: count(1980, 2026),
      }),
    ),
    earlyExperienceReview: z.boolean(),
  })
  .refine((value) => unique(value.obtained.map((ue) => ue.code)), 'a UE twice')
  .refine(
    (value) => !value.earlyExperienceReview || value.obtained.length >= CONTEXT.minimumForReview,
    'review',
  )

const choiceShape = z
  .strictObject({
    ues: z.array(z.strictObject({ code: z.string().max(10), foad: z.boolean() })),
    experienceMonths: count(0, 600).nullable(),
    experienceInField: z.boolean().nullable(),
  })
  .refine((value) => unique(value.ues.map((ue) => ue.code)), 'a UE twice')

const STEP_SHAPES = {
  identite: identityShape,
  coordonnees: contactShape,
  situation: situationShape,
  acquis: priorShape,
  ue: choiceShape,
} as const

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

/**
 * For `schema`: whatever arrives near `valid` (and pure junk), safeParse answers without throwing,
 * and an accepted value satisfies `check`. `valid` itself is tried first and must be accepted, so
 * that the accepting side is always checked.
 */
function fuzzSchema(schema: z.ZodType, valid: unknown, check: (output: unknown) => void) {
  let accepted = 0
  fc.assert(
    fc.property(inputNear(valid), (input) => {
      const result = schema.safeParse(input)
      if (result.success) {
        accepted += 1
        check(result.data)
      } else {
        expect(result.error.issues.length).toBeGreaterThan(0)
        for (const issue of result.error.issues) expect(typeof issue.message).toBe('string')
      }
      assertNoPollution()
    }),
    { ...fuzzOptions(), examples: [[valid]] },
  )
  expect(accepted, 'inputs accepted').toBeGreaterThan(0)
}

/** Shape check, then the same value shown by its form and sent back untouched must read the same. */
function shapeAndRoundTrip<T>(shape: z.ZodType, schema: z.ZodType, toInput: (value: T) => unknown) {
  return (output: unknown) => {
    expectShape(shape, output)
    expect(schema.parse(toInput(output as T))).toEqual(output)
  }
}

describe('registration schemas', () => {
  const valid = answers()

  it('identitySchema', () => {
    fuzzSchema(identitySchema(TODAY), valid.identite, (output) => expectShape(identityShape, output))
  })
  it('contactSchema', () => {
    fuzzSchema(contactSchema, valid.coordonnees, (output) => expectShape(contactShape, output))
  })
  it('situationSchema, for an employee, a job seeker and an employer-funded applicant', () => {
    const check = (output: unknown) => expectShape(situationShape, output)
    fuzzSchema(situationSchema, valid.situation, check)
    fuzzSchema(
      situationSchema,
      { ...valid.situation, category: 'JOB_SEEKER', employmentStatus: 'JOB_SEEKER', jobSeekerId: '1234567A' },
      check,
    )
    fuzzSchema(
      situationSchema,
      { ...valid.situation, category: 'EMPLOYER_FUNDED', employerCertificateSigned: 'oui' },
      check,
    )
  })
  it('priorSchema', () => {
    fuzzSchema(
      priorSchema({ catalogue: CONTEXT.catalogue, minimumForReview: 4, currentYear: 2026 }),
      {
        obtained: {
          AST004: { selected: true, place: 'REUNION', year: '2019' },
          PSY001: { selected: true, place: 'ELSEWHERE', year: 2020 },
          DRS101: { selected: false },
        },
        earlyExperienceReview: false,
      },
      (output) => expectShape(priorShape, output),
    )
  })
  it('choiceSchema', () => {
    fuzzSchema(choiceSchema, { ...valid.ue, experienceMonths: ' 18 ', experienceInField: 'oui' }, (output) =>
      expectShape(choiceShape, output),
    )
  })
  it('submissionSchema, startSchema, documentDateSchema', () => {
    fuzzSchema(submissionSchema, { consent: true, certify: true }, (output) =>
      expectShape(z.strictObject({ consent: z.literal(true), certify: z.literal(true) }), output),
    )
    fuzzSchema(startSchema, { website: '' }, (output) =>
      expectShape(z.strictObject({ website: z.literal('').optional() }), output),
    )
    fuzzSchema(documentDateSchema, '02/11/2026', (output) => expectShape(day, output))
  })
  it('stepSchema, parseAnswers and parseStep read any stored answers without throwing', () => {
    const raw = fc.dictionary(
      fc.constantFrom(...ANSWER_STEPS, '__proto__', 'autre'),
      fc.oneof(junk, ...ANSWER_STEPS.map((step) => inputNear(valid[step]))),
    )
    fc.assert(
      fc.property(raw, (stored) => {
        const { answers: parsed, issues } = parseAnswers(stored as RawAnswers, CONTEXT)
        for (const step of ANSWER_STEPS) {
          const output = (parsed as Record<string, unknown>)[step]
          if (output !== undefined) expectShape(STEP_SHAPES[step], output)
          const one = parseStep(step, (stored as RawAnswers)[step], CONTEXT)
          if (one !== null) expectShape(STEP_SHAPES[step], one)
          expect(one !== null).toBe(output !== undefined)
        }
        for (const issue of issues) expect(ANSWER_STEPS).toContain(issue.step)
        assertNoPollution()
      }),
      { ...fuzzOptions(), examples: [[valid]] },
    )
  })
})

describe('review schemas', () => {
  const ids = {
    dossierId: '0196e1a4-0000-7000-8000-000000000001',
    pieceId: '0196e1a4-0000-7000-8000-000000000002',
  }

  it('pieceDecisionSchema', () => {
    fuzzSchema(
      pieceDecisionSchema,
      { ...ids, decision: 'REJECTED', reason: ' Illisible ', seenStatus: 'PENDING' },
      (output) =>
        expectShape(
          z.strictObject({
            dossierId: uuid,
            pieceId: uuid,
            decision: z.enum(['ACCEPTED', 'REJECTED']),
            reason: optionalLine(500),
            seenStatus: z.enum(['PENDING', 'ACCEPTED', 'REJECTED', 'SUPERSEDED']),
          }),
          output,
        ),
    )
  })
  it('transitionSchema and requestPiecesSchema', () => {
    fuzzSchema(
      transitionSchema,
      { dossierId: ids.dossierId, name: 'REFUSE', reason: 'Prérequis', expectedVersion: '3' },
      (output) =>
        expectShape(
          z.strictObject({
            dossierId: uuid,
            name: z.enum([
              'START_REVIEW',
              'PIECES_RESUBMITTED',
              'MARK_COMPLETE',
              'REOPEN_REVIEW',
              'ACCEPT',
              'REFUSE',
              'CLOSE',
            ]),
            reason: optionalLine(2000),
            expectedVersion: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
          }),
          output,
        ),
    )
    fuzzSchema(
      requestPiecesSchema,
      { dossierId: ids.dossierId, pieceTypeCodes: ['CV', 'ID_CARD'], message: ' Merci ', expectedVersion: 2 },
      (output) =>
        expectShape(
          z.strictObject({
            dossierId: uuid,
            pieceTypeCodes: z.array(z.string().regex(/^[A-Z_]{2,40}$/)).max(30),
            message: z.string().max(4000).refine(trimmed),
            expectedVersion: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
          }),
          output,
        ),
    )
  })
  it('messageSchema, eurosSchema and paymentSchema', () => {
    fuzzSchema(messageSchema, { dossierId: ids.dossierId, body: ' Bonjour ' }, (output) =>
      expectShape(z.strictObject({ dossierId: uuid, body: z.string().max(4000).refine(trimmed) }), output),
    )
    fuzzSchema(eurosSchema, '1 234,50 €', (output) => expectShape(count(1, 10_000_000), output))
    fuzzSchema(
      paymentSchema,
      {
        dossierId: ids.dossierId,
        kind: 'CHEQUE',
        amount: '118',
        receivedOn: '02/11/2026',
        reference: 'CHQ 1',
      },
      (output) =>
        expectShape(
          z.strictObject({
            dossierId: uuid,
            kind: z.enum(['CHEQUE', 'TRANSFER', 'EMPLOYER_CERTIFICATE', 'CAUTION_CHEQUES']),
            amount: count(1, 10_000_000),
            receivedOn: day,
            reference: optionalLine(80),
          }),
          output,
        ),
    )
  })
})

describe('staff and applicant account schemas', () => {
  const userId = '0196e1a4-0000-7000-8000-000000000003'
  const staffEmail = 'marie.payet@lecnam.net'
  const password = 'Cirque-de-Mafate-2027!'

  it('inviteStaffSchema, changeRoleSchema, setActiveSchema, accountIdSchema', () => {
    fuzzSchema(
      inviteStaffSchema,
      { name: ' Marie Payet ', email: ' Marie.Payet@lecnam.net ', role: 'GESTIONNAIRE' },
      (output) =>
        expectShape(
          z.strictObject({ name: line(120), email: email.max(200), role: z.enum(STAFF_ROLES) }),
          output,
        ),
    )
    fuzzSchema(changeRoleSchema, { userId, role: 'LECTURE' }, (output) =>
      expectShape(z.strictObject({ userId: uuid, role: z.enum(STAFF_ROLES) }), output),
    )
    fuzzSchema(setActiveSchema, { userId, active: false }, (output) =>
      expectShape(z.strictObject({ userId: uuid, active: z.boolean() }), output),
    )
    fuzzSchema(accountIdSchema, { userId }, (output) => expectShape(z.strictObject({ userId: uuid }), output))
  })
  it('choosePasswordSchema and changePasswordSchema keep the CNIL rule', () => {
    fuzzSchema(choosePasswordSchema(staffEmail), { password, confirmation: password }, (output) => {
      const value = output as { password: string; confirmation: string }
      expect(passwordProblem(value.password, staffEmail)).toBeNull()
      expect(value.confirmation).toBe(value.password)
    })
    fuzzSchema(
      changePasswordSchema(staffEmail),
      { currentPassword: 'Ancien-Mot-De-Passe-1', password, confirmation: password },
      (output) => {
        const value = output as { currentPassword: string; password: string; confirmation: string }
        expect(passwordProblem(value.password, staffEmail)).toBeNull()
        expect(value.confirmation).toBe(value.password)
        expect(value.password).not.toBe(value.currentPassword)
        expect(value.currentPassword.length).toBeGreaterThan(0)
      },
    )
  })
  it('totpCodeSchema, disableTotpSchema, retryEmailSchema', () => {
    fuzzSchema(totpCodeSchema, { code: '123 456' }, (output) =>
      expectShape(z.strictObject({ code: z.string().regex(/^\d{6}$/) }), output),
    )
    fuzzSchema(disableTotpSchema, { currentPassword: password }, (output) =>
      expectShape(z.strictObject({ currentPassword: z.string().min(1).max(1000) }), output),
    )
    fuzzSchema(retryEmailSchema, { emailId: userId }, (output) =>
      expectShape(z.strictObject({ emailId: uuid }), output),
    )
  })
  it('outboxFilterSchema and dashboardFilterSchema fall back instead of refusing', () => {
    fuzzSchema(
      outboxFilterSchema,
      { statut: 'FAILED', type: 'RESUME_LINK', destinataire: ' payet ', page: '2' },
      (output) =>
        expectShape(
          z.strictObject({
            statut: z.enum(EMAIL_STATUSES).optional(),
            type: z
              .string()
              .regex(/^[A-Z_]{1,40}$/)
              .optional(),
            destinataire: z.string().max(200).refine(trimmed).optional(),
            page: count(1, 10_000),
          }),
          output,
        ),
    )
    fuzzSchema(dashboardFilterSchema, { session: userId }, (output) =>
      expectShape(z.strictObject({ session: uuid.optional() }), output),
    )
  })
  it('lostLinkSchema', () => {
    fuzzSchema(
      lostLinkSchema,
      { reference: ' cpn42-2026-00042 ', email: 'Marie@Example.re', website: '' },
      (output) =>
        expectShape(
          z.strictObject({
            reference: z.string().regex(/^[A-Z0-9]{2,10}-\d{4}-\d{5,}$/),
            email,
            website: z.literal('').optional(),
          }),
          output,
        ),
    )
  })
})

describe('programme and session editor schemas', () => {
  const { code: _code, responsables, pieceTypes, ...texts } = programme2010
  const session = duplicateSession(session2010, 2026)

  it('programmeTextsSchema', () => {
    const textFields = Object.entries(texts).filter(([, value]) => typeof value === 'string')
    fuzzSchema(
      programmeTextsSchema,
      toProgrammeTextsInput(texts),
      shapeAndRoundTrip(
        z
          .looseObject({})
          .refine((value: Record<string, unknown>) =>
            textFields.every(([name]) => {
              const field = value[name]
              return typeof field === 'string' && field.length > 0 && trimmed(field)
            }),
          )
          .refine((value: Record<string, unknown>) =>
            [
              'pedagogicalObjectives',
              'competences',
              'accessConditions',
              'deliveryConditions',
              'jobTitles',
              'employerTypes',
              'funders',
            ].every(
              (name) =>
                Array.isArray(value[name]) &&
                (value[name] as unknown[]).every(
                  (item) => typeof item === 'string' && item.length > 0 && trimmed(item),
                ),
            ),
          )
          .refine((value: Record<string, unknown>) =>
            ['rncpDecreeOn', 'rncpPublishedOn', 'lastUpdatedOn'].every((name) =>
              isIsoDate(value[name] as string),
            ),
          )
          .refine(
            (value: Record<string, unknown>) =>
              (value.experienceMonthsReduced as number) <= (value.experienceMonthsRequired as number) &&
              (value.weeklyWorkloadMinHours as number) <= (value.weeklyWorkloadMaxHours as number) &&
              (value.rncpDecreeOn as string) <= (value.rncpPublishedOn as string),
          ),
        programmeTextsSchema,
        toProgrammeTextsInput,
      ),
    )
  })

  it('responsablesSchema', () => {
    fuzzSchema(
      responsablesSchema,
      toResponsablesInput(responsables),
      shapeAndRoundTrip(
        z.strictObject({
          responsables: z
            .array(z.strictObject({ name: line(120), role: line(200) }))
            .min(1)
            .max(10),
        }),
        responsablesSchema,
        (value: { responsables: typeof responsables }) => toResponsablesInput(value.responsables),
      ),
    )
  })

  it('ueCatalogueSchema', () => {
    const ues = session2010.ues.map((ue) => ({
      id: null,
      code: ue.code,
      title: ue.title,
      ects: ue.ects,
      kind: ue.kind,
      descriptionUrl: ue.descriptionUrl,
      prerequisites: ue.prerequisites,
    }))
    fuzzSchema(
      ueCatalogueSchema,
      toUeCatalogueInput(ues),
      shapeAndRoundTrip(
        z
          .strictObject({
            ues: z
              .array(
                z.strictObject({
                  id: uuid.nullable(),
                  code: z.string().regex(/^[A-Z0-9]{3,10}$/),
                  title: line(200),
                  ects: count(1, 120),
                  kind: z.enum(UE_KINDS),
                  descriptionUrl: webAddress.max(300).nullable(),
                  prerequisites: z.array(z.string().min(1)).refine(unique),
                }),
              )
              .min(1)
              .max(100),
          })
          .refine((value) => unique(value.ues.map((ue) => ue.code)), 'a code twice')
          .refine((value) => prerequisiteProblems(value.ues).length === 0, 'prerequisite problems'),
        ueCatalogueSchema,
        (value: { ues: typeof ues }) => toUeCatalogueInput(value.ues),
      ),
    )
  })

  it('pieceCatalogueSchema', () => {
    const pieces = pieceTypes.map((piece) => ({ ...piece, id: null }))
    fuzzSchema(
      pieceCatalogueSchema,
      toPieceCatalogueInput(pieces),
      shapeAndRoundTrip(
        z
          .strictObject({
            pieces: z
              .array(
                z.strictObject({
                  id: uuid.nullable(),
                  label: line(200),
                  description: z.string().min(1).max(1000).refine(trimmed).nullable(),
                  condition: z.enum(PIECE_CONDITIONS),
                  alternativeGroup: optionalLine(60),
                  maxAgeDays: count(1, 3650).nullable(),
                  optional: z.boolean(),
                  templatePath: z.string().min(1).max(300).nullable(),
                }),
              )
              .min(1)
              .max(60),
          })
          .refine((value) => loneAlternativeGroups(value.pieces).length === 0, 'a lone alternative group'),
        pieceCatalogueSchema,
        (value: { pieces: Array<Omit<(typeof pieces)[number], 'code'>> }) =>
          toPieceCatalogueInput(value.pieces.map((piece) => ({ ...piece, code: null }))),
      ),
    )
  })

  it('centreSchema', () => {
    const { code: _centreCode, ...centre } = centres[0]!
    const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    fuzzSchema(
      centreSchema,
      toCentreInput(centre),
      shapeAndRoundTrip(
        z
          .strictObject({
            name: line(150),
            street: line(200),
            addressComplement: optionalLine(200),
            postBox: optionalLine(40),
            postcode: z.string().regex(/^\d{5}$/),
            city: line(100),
            cedex: z.boolean(),
            phone: line(30),
            fax: optionalLine(30),
            email: email.nullable(),
            website: webAddress.max(300).nullable(),
            receivesDossiers: z.boolean(),
            openingHours: z
              .array(
                z.strictObject({ fromDay: count(1, 7), toDay: count(1, 7), opensAt: time, closesAt: time }),
              )
              .max(14),
          })
          .refine((value) => openingHoursProblems(value.openingHours).length === 0, 'opening hours problems'),
        centreSchema,
        toCentreInput,
      ),
    )
  })

  it('sessionCalendarSchema', () => {
    const calendar = {
      semesters: session.semesters,
      secondExamStartsOn: session.secondExamStartsOn,
      secondExamEndsOn: session.secondExamEndsOn,
    }
    const schema = sessionCalendarSchema({ startYear: 2026 })
    fuzzSchema(
      schema,
      toSessionCalendarInput(calendar),
      shapeAndRoundTrip(
        z
          .strictObject({
            semesters: z
              .array(
                z.strictObject({
                  number: z.union([z.literal(1), z.literal(2)]),
                  registrationDeadline: day,
                  startsOn: day,
                  pauseOn: day.nullable(),
                  resumeOn: day.nullable(),
                  endsOn: day,
                  examStartsOn: day,
                  examEndsOn: day,
                }),
              )
              .min(1)
              .max(2),
            secondExamStartsOn: day,
            secondExamEndsOn: day,
          })
          .refine(
            (value) =>
              calendarProblems(value as Parameters<typeof calendarProblems>[0], { startYear: 2026 })
                .length === 0,
            'calendar problems',
          ),
        schema,
        toSessionCalendarInput,
      ),
    )
  })

  it('sessionOfferingsSchema', () => {
    const offerings = {
      periods: session.periods,
      ues: session.ues.map((ue) => ({
        ueCode: ue.code,
        periodKind: ue.periodKind,
        recommendedFirst: ue.recommendedFirst,
        foadAvailable: ue.foadAvailable,
      })),
    }
    const schema = sessionOfferingsSchema({ catalogue: session.ues })
    const kindOf = new Map(session.ues.map((ue) => [ue.code, ue.kind]))
    const month = day.refine((value) => value.endsWith('-01'), 'not a first of month')
    fuzzSchema(
      schema,
      toSessionOfferingsInput(offerings),
      shapeAndRoundTrip(
        z
          .strictObject({
            periods: z
              .array(
                z.strictObject({
                  kind: z.enum(PERIOD_KINDS),
                  startMonth: month.nullable(),
                  endMonth: month.nullable(),
                }),
              )
              .min(1)
              .max(PERIOD_KINDS.length),
            ues: z
              .array(
                z.strictObject({
                  ueCode: z
                    .string()
                    .min(1)
                    .refine((code) => code === code.trim().toUpperCase()),
                  periodKind: z.enum(PERIOD_KINDS),
                  recommendedFirst: z.boolean(),
                  foadAvailable: z.boolean(),
                }),
              )
              .max(100),
          })
          .refine((value) => unique(value.periods.map((period) => period.kind)), 'a period twice')
          .refine((value) =>
            value.ues.every((ue) => value.periods.some((period) => period.kind === ue.periodKind)),
          )
          .refine((value) => periodProblems(value.periods).length === 0, 'period problems')
          .refine(
            (value) => offeringProblems(value.ues, (code) => kindOf.get(code)).length === 0,
            'offering problems',
          ),
        schema,
        toSessionOfferingsInput,
      ),
    )
  })

  it('sessionTariffSchema', () => {
    const cents = count(1, 10_000_000)
    fuzzSchema(
      sessionTariffSchema,
      toSessionTariffInput(session.tariff),
      shapeAndRoundTrip(
        z
          .strictObject({
            region: line(60),
            dossierFeeCents: cents,
            baseFeeCents: cents,
            foadPerUeCents: cents,
            reportFollowUpCents: cents,
            rates: z.array(
              z.strictObject({ category: z.enum(TARIFF_CATEGORIES), label: line(80), perEctsCents: cents }),
            ),
          })
          .refine(
            (value) =>
              value.rates.length === TARIFF_CATEGORIES.length &&
              TARIFF_CATEGORIES.every((category) => value.rates.some((rate) => rate.category === category)),
            'each category once',
          ),
        sessionTariffSchema,
        toSessionTariffInput,
      ),
    )
  })

  it('sessionRegistrationSchema and editEnvelopeSchema', () => {
    fuzzSchema(sessionRegistrationSchema, { open: true }, (output) =>
      expectShape(z.strictObject({ open: z.boolean() }), output),
    )
    fuzzSchema(
      editEnvelopeSchema,
      { id: '0196e1a4-0000-7000-8000-000000000004', version: 'abc', values: { x: 1 } },
      (output) => {
        expectShape(z.looseObject({ id: z.guid(), version: z.string().min(1).max(128) }), output)
        expect(Object.keys(output as object).sort()).toEqual(expect.arrayContaining(['id', 'version']))
      },
    )
  })
})

describe('the staff dossier list’s filters', () => {
  const valid = {
    session: '0196E1A4-0000-7000-8000-000000000005',
    statut: 'SUBMITTED',
    categorie: 'INDIVIDUAL',
    ue: 'ast004',
    semestre: '2',
    completude: 'complet',
    du: '2026-11-30',
    au: '2026-11-01',
    q: '  Payet   Marie ',
    tri: 'nom',
    ordre: 'desc',
    apres: '0196e1a4-0000-7000-8000-000000000006',
    avant: '0196e1a4-0000-7000-8000-000000000007',
  }
  const filtersShape = z
    .strictObject({
      sessionId: z
        .string()
        .regex(/^[0-9a-f-]{36}$/)
        .nullable(),
      status: z.enum(FILTERABLE_STATUSES).nullable(),
      category: z.enum(TARIFF_CATEGORIES).nullable(),
      ueCode: z
        .string()
        .regex(/^[A-Z0-9]{2,12}$/)
        .nullable(),
      semester: z.union([z.literal(1), z.literal(2)]).nullable(),
      completeness: z.enum(COMPLETENESS).nullable(),
      submittedFrom: day.nullable(),
      submittedTo: day.nullable(),
      query: z
        .string()
        .max(SEARCH_MAX_LENGTH)
        .refine((query) => trimmed(query) && !/\s\s/.test(query)),
      sort: z.enum(DOSSIER_SORTS),
      order: z.enum(['asc', 'desc']),
      after: z
        .string()
        .regex(/^[0-9a-f-]{36}$/)
        .nullable(),
      before: z
        .string()
        .regex(/^[0-9a-f-]{36}$/)
        .nullable(),
    })
    .refine((value) => !value.submittedFrom || !value.submittedTo || value.submittedFrom <= value.submittedTo)
    .refine((value) => !(value.after && value.before), 'two cursors')

  it('parseDossierFilters never throws, and a link made from its filters reads back the same', () => {
    const params = fc.oneof(
      inputNear(valid),
      fc.dictionary(fc.constantFrom(...Object.keys(valid), 'autre'), fc.oneof(junk, fc.array(fc.string()))),
    )
    fc.assert(
      fc.property(params, (raw) => {
        // Search params always come as a plain record (or URLSearchParams): the function's type.
        const plain =
          raw !== null &&
          typeof raw === 'object' &&
          [Object.prototype, null].includes(Object.getPrototypeOf(raw))
        if (!plain) return
        const filters = parseDossierFilters(raw as Record<string, string>)
        expectShape(filtersShape, filters)
        // A URL carries UTF-8: half of a surrogate pair (no one types one) comes back as U+FFFD.
        const query = filters.query.replace(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
          '\ufffd',
        )
        expect(
          parseDossierFilters(dossierListParams(filters, { after: filters.after, before: filters.before })),
        ).toEqual({ ...filters, query })
        assertNoPollution()
      }),
      { ...fuzzOptions(), examples: [[valid]] },
    )
  })
})

/** Half of a surrogate pair without its other half (String.prototype.isWellFormed is ES2024). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

describe('field helpers', () => {
  it('requiredText, optionalText, yesNo and frenchDate', () => {
    fuzzSchema(requiredText('le nom', 20), ' Payet ', (output) => expectShape(line(20), output))
    fuzzSchema(optionalText(20), ' Hoarau ', (output) => expectShape(optionalLine(20), output))
    fuzzSchema(yesNo('Oui ou non ?'), 'oui', (output) => expectShape(z.boolean(), output))
    fuzzSchema(frenchDate('la date'), '1/2/2026', (output) => expectShape(day, output))
  })

  it('text keeps every string PostgreSQL can store as it is, and makes any other one storable', () => {
    // Any UTF-16 code units; NUL and the two halves of 🌋 often, alone or paired.
    const codeUnits = fc.string({
      unit: fc.oneof(
        fc.constantFrom('\u0000', '\ud83c', '\udf0b', '\ud83c\udf0b', 'é'),
        fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
      ),
    })
    fc.assert(
      fc.property(codeUnits, (input) => {
        const output = text().parse(input)
        expect(output).not.toMatch(/\u0000/)
        expect(output).not.toMatch(LONE_SURROGATE)
        if (!input.includes('\u0000') && !LONE_SURROGATE.test(input)) expect(output).toBe(input)
      }),
      fuzzOptions(),
    )
  })

  it('fieldErrors flattens any refusal into messages by field', () => {
    fc.assert(
      fc.property(inputNear(answers().situation), (input) => {
        const result = stepSchema('situation', CONTEXT).safeParse(input)
        if (result.success) return
        const errors = fieldErrors(result.error)
        expect(Object.keys(errors).length).toBeGreaterThan(0)
        for (const message of Object.values(errors)) expect(typeof message).toBe('string')
      }),
      fuzzOptions(),
    )
  })
})

// ---------------------------------------------------------------------------------------------
// The inventory: every schema of the folder is fuzzed
// ---------------------------------------------------------------------------------------------

/** Schema factories (functions returning a schema), with the arguments their callers pass. */
const FACTORIES: Record<string, () => z.ZodType[]> = {
  identitySchema: () => [identitySchema(TODAY)],
  priorSchema: () => [priorSchema({ catalogue: CONTEXT.catalogue, minimumForReview: 4, currentYear: 2026 })],
  choosePasswordSchema: () => [choosePasswordSchema(), choosePasswordSchema('marie.payet@lecnam.net')],
  changePasswordSchema: () => [changePasswordSchema(), changePasswordSchema('marie.payet@lecnam.net')],
  sessionCalendarSchema: () => [sessionCalendarSchema(), sessionCalendarSchema({ startYear: 2026 })],
  sessionOfferingsSchema: () => [
    sessionOfferingsSchema(),
    sessionOfferingsSchema({ catalogue: session2010.ues }),
  ],
  stepSchema: () => ANSWER_STEPS.map((step) => stepSchema(step, CONTEXT)),
  requiredText: () => [requiredText('le nom'), requiredText('le nom', 3)],
  optionalText: () => [optionalText(), optionalText(3)],
  yesNo: () => [yesNo('Oui ou non ?')],
  frenchDate: () => [frenchDate('la date')],
  text: () => [text(), text({ error: 'Indiquez le nom.' })],
}

/** Exported functions that build no schema (mappers, messages, links). */
const NOT_SCHEMAS =
  /^(to[A-Z]|issues|invalid|refusal|fieldErrors|parse|has|dossierList|dossierExport|without)/

describe('every schema of lib/schemas', () => {
  it('is fuzzed: none throws on junk, whatever its arguments', async () => {
    const folder = path.resolve('lib/schemas')
    const schemas: Array<{ name: string; schema: z.ZodType }> = []
    const undeclared: string[] = []
    for (const file of readdirSync(folder).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
    )) {
      const exported = (await import(path.join(folder, file))) as Record<string, unknown>
      for (const [name, value] of Object.entries(exported)) {
        if (value instanceof z.ZodType) schemas.push({ name: `${file}:${name}`, schema: value })
        else if (typeof value === 'function' && !NOT_SCHEMAS.test(name)) {
          const factory = FACTORIES[name]
          if (!factory) undeclared.push(`${file}:${name}`)
          else
            factory().forEach((schema, index) => schemas.push({ name: `${file}:${name}#${index}`, schema }))
        }
      }
    }
    expect(
      undeclared,
      'exported functions of lib/schemas that are neither declared factories nor helpers',
    ).toEqual([])
    expect(schemas.length).toBeGreaterThan(40)
    for (const { name, schema } of schemas) {
      fc.assert(
        fc.property(junk, (input) => {
          const result = schema.safeParse(input)
          expect(typeof result.success, name).toBe('boolean')
          assertNoPollution()
        }),
        fuzzOptions(),
      )
    }
  })
})
