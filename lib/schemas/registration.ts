import { z } from 'zod'
import { daysBetween, isIsoDate, type IsoDate } from '@/lib/domain/dates'
import { checkNir, normalizeNir } from '@/lib/domain/nir'
import { normalizePhone } from '@/lib/domain/phone'
import { TARIFF_CATEGORIES } from '@/lib/domain/programme'
import {
  ACCESS_ROUTES,
  DIPLOMA_LEVELS,
  EMPLOYMENT_STATUSES,
  type ChoiceAnswers,
  type ContactAnswers,
  type IdentityAnswers,
  type PriorAnswers,
  type SituationAnswers,
} from '@/lib/domain/registration'
import { EVEN_WITH_FIELD_ERRORS, frenchDate, optionalText, requiredText, yesNo } from './fields'

/**
 * One schema per step of the registration form. The browser validates with them (react-hook-form)
 * and the server actions parse with them again: the server never trusts the browser. Schemas that
 * need the date (ages, deadlines) take `today` as an argument.
 */

const NIR_MESSAGES = {
  FORMAT: 'Le numéro de sécurité sociale compte 15 chiffres (13 chiffres et une clé de 2 chiffres).',
  KEY: 'La clé de ce numéro de sécurité sociale ne correspond pas : vérifiez chaque chiffre.',
  BIRTH_MISMATCH: 'Ce numéro ne correspond pas à votre année ou votre mois de naissance : vérifiez-le.',
} as const

export function identitySchema(today: IsoDate) {
  return z
    .object({
      civility: z.enum(['MADAME', 'MONSIEUR'], { error: 'Choisissez Madame ou Monsieur.' }),
      birthName: requiredText('votre nom de naissance', 80),
      usageName: optionalText(80),
      firstNames: requiredText('vos prénoms', 120),
      birthDate: frenchDate('votre date de naissance'),
      birthPlace: requiredText('votre commune de naissance', 80),
      birthCountry: requiredText('votre pays de naissance', 60),
      nationality: requiredText('votre nationalité', 60),
      nir: z
        .string({ error: 'Indiquez votre numéro de sécurité sociale.' })
        .trim()
        .min(1, 'Indiquez votre numéro de sécurité sociale.')
        .superRefine((nir, context) => {
          // Checked on its own so the message shows as soon as the number is typed.
          const problem = checkNir(nir)
          if (problem) context.addIssue({ code: 'custom', message: NIR_MESSAGES[problem] })
        }),
    })
    .superRefine((value, context) => {
      // Run even when fields failed (EVEN_WITH_FIELD_ERRORS): only check what is a real date.
      const birthDate =
        typeof value.birthDate === 'string' && isIsoDate(value.birthDate) ? value.birthDate : undefined
      if (birthDate) {
        const age = Math.floor(daysBetween(birthDate, today) / 365.25)
        if (age < 16) {
          context.addIssue({
            code: 'custom',
            path: ['birthDate'],
            message: 'Vous devez avoir au moins 16 ans pour vous inscrire.',
          })
        }
        if (age > 100)
          context.addIssue({ code: 'custom', path: ['birthDate'], message: 'Vérifiez l’année de naissance.' })
      }
      const nir = typeof value.nir === 'string' ? value.nir : ''
      if (birthDate && checkNir(nir) === null && checkNir(nir, birthDate) === 'BIRTH_MISMATCH') {
        context.addIssue({ code: 'custom', path: ['nir'], message: NIR_MESSAGES.BIRTH_MISMATCH })
      }
    }, EVEN_WITH_FIELD_ERRORS)
    .transform((value): IdentityAnswers => ({ ...value, nir: normalizeNir(value.nir) }))
}

export const contactSchema = z
  .object({
    addressLine1: requiredText('votre adresse', 120),
    addressLine2: optionalText(120),
    postcode: z
      .string({ error: 'Indiquez votre code postal.' })
      .trim()
      .regex(/^\d{5}$/, 'Le code postal compte 5 chiffres (974xx à La Réunion).'),
    town: requiredText('votre commune', 80),
    phone: z
      .string({ error: 'Indiquez un numéro de téléphone.' })
      .trim()
      .min(1, 'Indiquez un numéro de téléphone.')
      .transform((value, context) => {
        const phone = normalizePhone(value)
        if (!phone) {
          context.addIssue({
            code: 'custom',
            message: 'Ce numéro de téléphone n’est pas valide (exemples : 0692 12 34 56, 0262 42 28 37).',
          })
          return z.NEVER
        }
        return phone
      }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).')),
    emailConfirmation: z.string().trim().toLowerCase(),
  })
  .superRefine((value, context) => {
    // Checked even when the phone (or another field) failed: every error of the step at once.
    if (
      typeof value.email === 'string' &&
      typeof value.emailConfirmation === 'string' &&
      value.email !== value.emailConfirmation
    ) {
      context.addIssue({
        code: 'custom',
        path: ['emailConfirmation'],
        message: 'Les deux adresses e-mail ne sont pas identiques.',
      })
    }
  }, EVEN_WITH_FIELD_ERRORS)
  .transform(({ emailConfirmation: _confirmation, ...value }): ContactAnswers => value)

const employerSchema = z.object({
  name: requiredText('le nom de votre employeur', 120),
  address: requiredText('l’adresse de votre employeur', 200),
  contactName: requiredText('le nom d’une personne à contacter chez votre employeur', 120),
  contactPhone: optionalText(30),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => value || null)
    .pipe(z.email('Cette adresse e-mail n’est pas valide.').nullable()),
})

export const situationSchema = z
  .object({
    category: z.enum(TARIFF_CATEGORIES, { error: 'Choisissez votre situation pour la tarification.' }),
    employmentStatus: z.enum(EMPLOYMENT_STATUSES, { error: 'Indiquez votre situation professionnelle.' }),
    // Checked below only for an employee: a form may still carry what was typed before a change.
    employer: z.unknown().optional(),
    employerCertificateSigned: yesNo('Indiquez si l’attestation sera signée par votre employeur.')
      .nullable()
      .optional(),
    jobSeekerId: optionalText(20),
    highestDiploma: z.enum(DIPLOMA_LEVELS, { error: 'Indiquez votre diplôme le plus élevé.' }),
    diplomaTitle: optionalText(160),
    accessRoute: z.enum(ACCESS_ROUTES, { error: 'Indiquez votre voie d’accès.' }),
    firstRegistration: yesNo('Indiquez si c’est votre première inscription à cette formation.'),
    baseFeeAlreadyPaid: yesNo('Indiquez si vous avez déjà payé le droit de base cette année.'),
  })
  .superRefine((value, context) => {
    if (value.category === 'JOB_SEEKER' && value.employmentStatus !== 'JOB_SEEKER') {
      context.addIssue({
        code: 'custom',
        path: ['employmentStatus'],
        message: 'Le tarif demandeur d’emploi est réservé aux demandeurs d’emploi.',
      })
    }
    if (value.category === 'EMPLOYER_FUNDED' && value.employmentStatus !== 'EMPLOYED') {
      context.addIssue({
        code: 'custom',
        path: ['employmentStatus'],
        message: 'La prise en charge par l’employeur suppose d’être salarié(e).',
      })
    }
    if (value.employmentStatus === 'EMPLOYED') {
      const employer = employerSchema.safeParse(value.employer ?? {})
      if (!employer.success) {
        for (const issue of employer.error.issues) {
          context.addIssue({ code: 'custom', path: ['employer', ...issue.path], message: issue.message })
        }
      }
    }
    if (
      value.category === 'EMPLOYER_FUNDED' &&
      (value.employerCertificateSigned === null || value.employerCertificateSigned === undefined)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['employerCertificateSigned'],
        message: 'Indiquez si l’attestation sera signée par votre employeur.',
      })
    }
    if (value.employmentStatus === 'JOB_SEEKER' && !value.jobSeekerId) {
      context.addIssue({
        code: 'custom',
        path: ['jobSeekerId'],
        message: 'Indiquez votre identifiant France Travail (ex-Pôle emploi).',
      })
    }
    // Only for a job seeker: the form may still carry an identifier typed before a change of status.
    if (
      value.employmentStatus === 'JOB_SEEKER' &&
      typeof value.jobSeekerId === 'string' &&
      value.jobSeekerId &&
      !/^[0-9A-Z]{7,11}$/i.test(value.jobSeekerId)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['jobSeekerId'],
        message: 'L’identifiant France Travail compte 7 à 11 chiffres ou lettres, sans espace.',
      })
    }
    // Run even when a field failed (a missing tariff no longer hides the employer's details); the
    // rules above compare values, so a field that failed simply does not match.
  }, EVEN_WITH_FIELD_ERRORS)
  .transform((value): SituationAnswers => ({
    category: value.category,
    employmentStatus: value.employmentStatus,
    employer: value.employmentStatus === 'EMPLOYED' ? employerSchema.parse(value.employer) : null,
    employerCertificateSigned:
      value.category === 'EMPLOYER_FUNDED' ? (value.employerCertificateSigned ?? null) : null,
    jobSeekerId: value.employmentStatus === 'JOB_SEEKER' ? (value.jobSeekerId?.toUpperCase() ?? null) : null,
    highestDiploma: value.highestDiploma,
    diplomaTitle: value.diplomaTitle,
    accessRoute: value.accessRoute,
    firstRegistration: value.firstRegistration,
    baseFeeAlreadyPaid: value.baseFeeAlreadyPaid,
  }))

/**
 * UEs already obtained. The form sends one entry per UE of the catalogue, keyed by code
 * (`obtained.AST004.selected`…); only the ticked ones are kept.
 */
export function priorSchema(options: { catalogue: string[]; minimumForReview: number; currentYear: number }) {
  const catalogue = new Set(options.catalogue)
  const entry = z.object({
    selected: z.boolean().optional(),
    place: z.string().nullable().optional(),
    year: z.union([z.string(), z.number()]).nullable().optional(),
  })
  return z
    .object({
      obtained: z.record(z.string().max(10), entry).default({}),
      earlyExperienceReview: z.boolean().default(false),
    })
    .transform((value, context): PriorAnswers => {
      const obtained: PriorAnswers['obtained'] = []
      for (const [code, ue] of Object.entries(value.obtained)) {
        if (!ue.selected) continue
        if (!catalogue.has(code)) {
          context.addIssue({
            code: 'custom',
            path: ['obtained', code],
            message: `L’UE ${code} ne fait pas partie de la formation.`,
          })
          continue
        }
        if (ue.place !== 'REUNION' && ue.place !== 'ELSEWHERE') {
          context.addIssue({
            code: 'custom',
            path: ['obtained', code, 'place'],
            message: `Indiquez où vous avez obtenu ${code}.`,
          })
          continue
        }
        const year = Number(String(ue.year ?? '').trim())
        if (!Number.isInteger(year) || String(ue.year ?? '').trim() === '') {
          context.addIssue({
            code: 'custom',
            path: ['obtained', code, 'year'],
            message: `Indiquez l’année d’obtention de ${code} (4 chiffres).`,
          })
          continue
        }
        if (year < 1980 || year > options.currentYear) {
          context.addIssue({
            code: 'custom',
            path: ['obtained', code, 'year'],
            message: `L’année d’obtention de ${code} doit être comprise entre 1980 et ${options.currentYear}.`,
          })
          continue
        }
        obtained.push({ code, place: ue.place, year })
      }
      if (value.earlyExperienceReview && obtained.length < options.minimumForReview) {
        context.addIssue({
          code: 'custom',
          path: ['earlyExperienceReview'],
          message: `L’examen anticipé de l’expérience professionnelle peut être demandé à partir de ${options.minimumForReview} UE obtenues.`,
        })
      }
      return { obtained, earlyExperienceReview: value.earlyExperienceReview }
    })
}

/**
 * The UEs chosen, one entry per UE keyed by code (`ues.AST004.selected`, `ues.AST004.foad`). The
 * rules (deadlines, prerequisites, experience…) are in lib/domain/ue-choice.ts.
 */
export const choiceSchema = z
  .object({
    ues: z
      .record(
        z.string().max(10),
        z.object({ selected: z.boolean().optional(), foad: z.boolean().optional() }),
      )
      .default({}),
    // Not a union with '' and null: a union that fails reports « Entrée invalide » instead of the
    // messages below (« 18 mois », « 2,5 »…).
    experienceMonths: z.preprocess(
      (value) => {
        const text = typeof value === 'string' ? value.trim() : value
        return text === '' || text === undefined ? null : text
      },
      z.coerce
        .number({ error: 'Indiquez un nombre de mois.' })
        .int('Indiquez un nombre entier de mois.')
        .min(0, 'Indiquez un nombre de mois positif.')
        .max(600, 'Vérifiez ce nombre de mois.')
        .nullable(),
    ),
    experienceInField: yesNo('Indiquez si votre expérience est dans le domaine du titre.')
      .nullable()
      .optional(),
  })
  .transform((value): ChoiceAnswers => ({
    ues: Object.entries(value.ues)
      .filter(([, ue]) => ue.selected)
      .map(([code, ue]) => ({ code, foad: ue.foad ?? false })),
    experienceMonths: value.experienceMonths,
    experienceInField: value.experienceInField ?? null,
  }))

/** What the applicant confirms on the summary step. */
export const submissionSchema = z.object({
  consent: z.literal(true, {
    error: 'Acceptez le traitement de vos données pour pouvoir envoyer votre dossier.',
  }),
  certify: z.literal(true, {
    error: 'Certifiez l’exactitude des informations pour pouvoir envoyer votre dossier.',
  }),
})

/** Date printed on a piece that must be recent (e.g. the France Travail certificate). */
export const documentDateSchema = frenchDate('la date du document')

/** Start of a registration: the honeypot must stay empty. */
export const startSchema = z.object({
  website: z.string().max(0, 'Formulaire refusé.').optional(),
})
