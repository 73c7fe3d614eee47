import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { nirKey } from '@/lib/domain/nir'
import { session2010 } from '@/prisma/seed/cpn42-2010-2011'
import {
  choiceSchema,
  contactSchema,
  documentDateSchema,
  identitySchema,
  priorSchema,
  situationSchema,
  startSchema,
  submissionSchema,
} from './registration'
import { stepSchema } from './registration-steps'

const TODAY = '2026-11-26'

/** A NIR whose key is right: woman born in `yyyy-mm`, in La Réunion (974), commune 11, order 005. */
function nirFor(birthDate: string): string {
  const body = `2${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}97411005`
  return `${body}${String(nirKey(body)).padStart(2, '0')}`
}

/** The issues of a failed parse as { path: message }, so a test names the field it expects. */
function issuesOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input)
  expect(result.success, 'the input should be refused').toBe(false)
  const issues: Record<string, string> = {}
  for (const issue of result.error?.issues ?? []) issues[issue.path.join('.')] ??= issue.message
  return issues
}

describe('identitySchema', () => {
  const schema = identitySchema(TODAY)
  const valid = {
    civility: 'MADAME',
    birthName: '  Payet ',
    usageName: '',
    firstNames: 'Marie-Claire',
    birthDate: '12/09/1984',
    birthPlace: 'Saint-Denis',
    birthCountry: 'France',
    nationality: 'Française',
    nir: nirFor('1984-09-12').replace(
      /^(\d)(\d{2})(\d{2})(\d{2})(\d{3})(\d{3})(\d{2})$/,
      '$1 $2 $3 $4 $5 $6 $7',
    ),
  }

  it('gives the stored answers: trimmed text, empty usage name as null, ISO date, NIR without spaces', () => {
    expect(schema.parse(valid)).toEqual({
      civility: 'MADAME',
      birthName: 'Payet',
      usageName: null,
      firstNames: 'Marie-Claire',
      birthDate: '1984-09-12',
      birthPlace: 'Saint-Denis',
      birthCountry: 'France',
      nationality: 'Française',
      nir: nirFor('1984-09-12'),
    })
  })

  it('asks for each missing field, in French, on its own path', () => {
    const issues = issuesOf(schema, { nir: '' })
    expect(issues).toMatchObject({
      civility: 'Choisissez Madame ou Monsieur.',
      birthName: 'Indiquez votre nom de naissance.',
      firstNames: 'Indiquez vos prénoms.',
      birthDate: 'Indiquez votre date de naissance.',
      birthPlace: 'Indiquez votre commune de naissance.',
      nir: 'Indiquez votre numéro de sécurité sociale.',
    })
    expect(issues).not.toHaveProperty('usageName')
  })

  it('refuses a date that does not exist', () => {
    expect(issuesOf(schema, { ...valid, birthDate: '31/02/1984' }).birthDate).toMatch(
      /date réelle, au format JJ\/MM\/AAAA/,
    )
  })

  it('refuses a NIR with a wrong key, saying so', () => {
    const good = nirFor('1984-09-12')
    const wrongKey = `${good.slice(0, 13)}${String((Number(good.slice(13)) % 97) + 1).padStart(2, '0')}`
    const issues = issuesOf(schema, { ...valid, nir: wrongKey })
    expect(Object.keys(issues)).toEqual(['nir'])
    expect(issues.nir).toContain('clé')
  })

  it('refuses a NIR of the wrong length', () => {
    expect(issuesOf(schema, { ...valid, nir: '2 84 09 97 411 005' }).nir).toContain('15 chiffres')
  })

  it('refuses a NIR whose key is right but whose birth month is not the applicant’s', () => {
    const issues = issuesOf(schema, { ...valid, birthDate: '12/10/1984' })
    expect(Object.keys(issues)).toEqual(['nir'])
    expect(issues.nir).toMatch(/ne correspond pas à votre année ou votre mois de naissance/)
  })

  it('refuses a NIR whose birth year is not the applicant’s', () => {
    expect(issuesOf(schema, { ...valid, birthDate: '12/09/1985' }).nir).toMatch(/année ou votre mois/)
  })

  it('does not also report a birth mismatch when the key is already wrong', () => {
    const good = nirFor('1984-09-12')
    const wrongKey = `${good.slice(0, 13)}${String((Number(good.slice(13)) % 97) + 1).padStart(2, '0')}`
    const result = schema.safeParse({ ...valid, nir: wrongKey, birthDate: '12/10/1984' })
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([expect.stringContaining('clé')])
  })

  it('refuses an applicant under 16 on the day before the 16th birthday, accepts on the birthday', () => {
    const dayBefore = identitySchema('2026-11-25')
    const young = { ...valid, birthDate: '26/11/2010', nir: nirFor('2010-11-26') }
    expect(issuesOf(dayBefore, young)).toEqual({
      birthDate: 'Vous devez avoir au moins 16 ans pour vous inscrire.',
    })
    expect(identitySchema('2026-11-26').safeParse(young).success).toBe(true)
  })

  it('depends on the `today` it is given, not on the clock', () => {
    const young = { ...valid, birthDate: '26/11/2010', nir: nirFor('2010-11-26') }
    expect(identitySchema('2030-01-01').safeParse(young).success).toBe(true)
    expect(identitySchema('2020-01-01').safeParse(young).success).toBe(false)
  })
})

describe('every error of a step at once (issue 10, item 6)', () => {
  it('identity: the age rule is reported with a missing civility', () => {
    const issues = issuesOf(identitySchema(TODAY), {
      birthName: 'Payet',
      firstNames: 'Marie',
      birthDate: '01/01/2020',
      birthPlace: 'Saint-Denis',
      birthCountry: 'France',
      nationality: 'Française',
      nir: nirFor('2020-01-01'),
    })
    expect(issues).toMatchObject({
      civility: 'Choisissez Madame ou Monsieur.',
      birthDate: 'Vous devez avoir au moins 16 ans pour vous inscrire.',
    })
  })

  it('identity: a missing NIR with a missing civility does not stop the other rules', () => {
    const issues = issuesOf(identitySchema(TODAY), { birthDate: '01/01/2020' })
    expect(issues).toMatchObject({ birthDate: 'Vous devez avoir au moins 16 ans pour vous inscrire.' })
  })

  it('identity: a NIR whose sex digit differs from the civility is accepted (a note, not a refusal)', () => {
    const man = nirFor('1984-09-12').replace(/^2/, '1')
    const body = man.slice(0, 13)
    const nir = `${body}${String(nirKey(body)).padStart(2, '0')}`
    const parsed = identitySchema(TODAY).parse({
      civility: 'MADAME',
      birthName: 'Payet',
      firstNames: 'Marie',
      birthDate: '12/09/1984',
      birthPlace: 'Saint-Denis',
      birthCountry: 'France',
      nationality: 'Française',
      nir,
    })
    expect(parsed).toMatchObject({ civility: 'MADAME', nir })
  })

  it('contact: a wrong phone and different e-mail addresses are reported together', () => {
    const issues = issuesOf(contactSchema, {
      addressLine1: '12 rue des Flamboyants',
      postcode: '97400',
      town: 'Saint-Denis',
      phone: '12',
      email: 'marie@example.re',
      emailConfirmation: 'marie@exemple.re',
    })
    expect(Object.keys(issues).sort()).toEqual(['emailConfirmation', 'phone'])
    expect(issues.emailConfirmation).toBe('Les deux adresses e-mail ne sont pas identiques.')
  })

  it('situation: a missing tariff does not hide the employer’s missing details', () => {
    const issues = issuesOf(situationSchema, {
      employmentStatus: 'EMPLOYED',
      employer: {},
      highestDiploma: 'BAC',
      accessRoute: 'BAC_LEVEL',
      firstRegistration: 'oui',
      baseFeeAlreadyPaid: 'non',
    })
    expect(issues).toMatchObject({
      category: 'Choisissez votre situation pour la tarification.',
      'employer.name': 'Indiquez le nom de votre employeur.',
    })
  })

  it('situation: a missing answer does not hide the job-seeker identifier rule', () => {
    const issues = issuesOf(situationSchema, {
      category: 'JOB_SEEKER',
      employmentStatus: 'JOB_SEEKER',
      highestDiploma: 'BAC',
      accessRoute: 'BAC_LEVEL',
      baseFeeAlreadyPaid: 'non',
    })
    expect(Object.keys(issues).sort()).toEqual(['firstRegistration', 'jobSeekerId'])
  })
})

describe('contactSchema', () => {
  const valid = {
    addressLine1: '12 rue des Flamboyants',
    addressLine2: '',
    postcode: '97400',
    town: 'Saint-Denis',
    phone: '0692 12 34 56',
    email: ' Marie-Claire.Hoarau@Example.RE ',
    emailConfirmation: 'marie-claire.hoarau@example.re',
  }

  it('gives the stored answers: lower-case e-mail, E.164 phone, no confirmation field', () => {
    expect(contactSchema.parse(valid)).toEqual({
      addressLine1: '12 rue des Flamboyants',
      addressLine2: null,
      postcode: '97400',
      town: 'Saint-Denis',
      phone: '+262692123456',
      email: 'marie-claire.hoarau@example.re',
    })
  })

  it.each([
    ['0262 42 28 37', '+262262422837'],
    ['0692123456', '+262692123456'],
    ['+262 692 12 34 56', '+262692123456'],
    ['06 12 34 56 78', '+33612345678'],
  ])('accepts the phone number « %s » as %s', (phone, e164) => {
    expect(contactSchema.parse({ ...valid, phone }).phone).toBe(e164)
  })

  it.each(['0262', '12345'])('refuses the phone number « %s »', (phone) => {
    expect(issuesOf(contactSchema, { ...valid, phone })).toEqual({
      phone: expect.stringContaining('Ce numéro de téléphone n’est pas valide'),
    })
  })

  it('asks for a phone number when none is given', () => {
    expect(issuesOf(contactSchema, { ...valid, phone: ' ' }).phone).toBe('Indiquez un numéro de téléphone.')
  })

  it.each(['9740', '974000', '97 40', 'ABCDE', ''])('refuses the postcode « %s »', (postcode) => {
    expect(issuesOf(contactSchema, { ...valid, postcode })).toEqual({
      postcode: 'Le code postal compte 5 chiffres (974xx à La Réunion).',
    })
  })

  it('refuses a confirmation that differs from the e-mail, on the confirmation field', () => {
    expect(
      issuesOf(contactSchema, { ...valid, emailConfirmation: 'marie-claire.hoareau@example.re' }),
    ).toEqual({ emailConfirmation: 'Les deux adresses e-mail ne sont pas identiques.' })
  })

  it('refuses an address that is not an e-mail address', () => {
    const issues = issuesOf(contactSchema, {
      ...valid,
      email: 'marie-claire.example.re',
      emailConfirmation: 'marie-claire.example.re',
    })
    expect(issues.email).toMatch(/n’est pas valide/)
  })
})

describe('situationSchema', () => {
  const employer = {
    name: 'Mission locale Nord',
    address: '1 rue de Paris, 97400 Saint-Denis',
    contactName: 'Mme Grondin',
    contactPhone: '',
    contactEmail: '',
  }
  const employed = {
    category: 'INDIVIDUAL',
    employmentStatus: 'EMPLOYED',
    employer,
    highestDiploma: 'BAC',
    diplomaTitle: '',
    accessRoute: 'BAC_LEVEL',
    firstRegistration: 'oui',
    baseFeeAlreadyPaid: 'non',
  }
  const jobSeeker = {
    ...employed,
    category: 'JOB_SEEKER',
    employmentStatus: 'JOB_SEEKER',
    employer: undefined,
    jobSeekerId: '1234567a',
  }

  it('gives the stored answers of an employed individual', () => {
    expect(situationSchema.parse(employed)).toEqual({
      category: 'INDIVIDUAL',
      employmentStatus: 'EMPLOYED',
      employer: {
        name: 'Mission locale Nord',
        address: '1 rue de Paris, 97400 Saint-Denis',
        contactName: 'Mme Grondin',
        contactPhone: null,
        contactEmail: null,
      },
      employerCertificateSigned: null,
      jobSeekerId: null,
      highestDiploma: 'BAC',
      diplomaTitle: null,
      accessRoute: 'BAC_LEVEL',
      firstRegistration: true,
      baseFeeAlreadyPaid: false,
    })
  })

  it('asks for every choice when nothing is answered', () => {
    expect(issuesOf(situationSchema, {})).toMatchObject({
      category: 'Choisissez votre situation pour la tarification.',
      employmentStatus: 'Indiquez votre situation professionnelle.',
      highestDiploma: 'Indiquez votre diplôme le plus élevé.',
      accessRoute: 'Indiquez votre voie d’accès.',
      firstRegistration: 'Indiquez si c’est votre première inscription à cette formation.',
      baseFeeAlreadyPaid: 'Indiquez si vous avez déjà payé le droit de base cette année.',
    })
  })

  it('refuses the job-seeker tariff to an employee', () => {
    expect(issuesOf(situationSchema, { ...employed, category: 'JOB_SEEKER' })).toEqual({
      employmentStatus: 'Le tarif demandeur d’emploi est réservé aux demandeurs d’emploi.',
    })
  })

  it('refuses employer funding to someone who is not employed', () => {
    const issues = issuesOf(situationSchema, {
      ...employed,
      category: 'EMPLOYER_FUNDED',
      employmentStatus: 'OTHER',
      employerCertificateSigned: 'oui',
    })
    expect(issues).toEqual({
      employmentStatus: 'La prise en charge par l’employeur suppose d’être salarié(e).',
    })
  })

  it('asks an employer-funded employee whether the certificate will be signed, and keeps the answer', () => {
    const funded = { ...employed, category: 'EMPLOYER_FUNDED' }
    expect(issuesOf(situationSchema, funded)).toEqual({
      employerCertificateSigned: 'Indiquez si l’attestation sera signée par votre employeur.',
    })
    expect(
      situationSchema.parse({ ...funded, employerCertificateSigned: 'oui' }).employerCertificateSigned,
    ).toBe(true)
    expect(
      situationSchema.parse({ ...funded, employerCertificateSigned: 'non' }).employerCertificateSigned,
    ).toBe(false)
  })

  it('forgets the certificate answer when the tariff is no longer employer funding', () => {
    expect(
      situationSchema.parse({ ...employed, employerCertificateSigned: 'non' }).employerCertificateSigned,
    ).toBe(null)
  })

  it('requires the employer’s name, address and contact from an employee, on their own paths', () => {
    const expected = {
      'employer.name': 'Indiquez le nom de votre employeur.',
      'employer.address': 'Indiquez l’adresse de votre employeur.',
      'employer.contactName': 'Indiquez le nom d’une personne à contacter chez votre employeur.',
    }
    expect(issuesOf(situationSchema, { ...employed, employer: undefined })).toEqual(expected)
    expect(
      issuesOf(situationSchema, {
        ...employed,
        employer: { name: ' ', address: '', contactName: '', contactPhone: '', contactEmail: '' },
      }),
    ).toEqual(expected)
  })

  it('refuses an employer contact e-mail that is not one', () => {
    expect(
      issuesOf(situationSchema, { ...employed, employer: { ...employer, contactEmail: 'grondin@' } }),
    ).toEqual({ 'employer.contactEmail': 'Cette adresse e-mail n’est pas valide.' })
  })

  it('ignores what is left of the employer fields once the applicant is no longer an employee', () => {
    const result = situationSchema.safeParse({
      ...employed,
      employmentStatus: 'OTHER',
      employer: { name: '', address: '', contactName: '', contactPhone: '', contactEmail: 'not-an-email' },
    })
    expect(result.error?.issues ?? []).toEqual([])
    expect(result.data?.employer).toBeNull()
  })

  it('requires the France Travail identifier from a job seeker and stores it in capitals', () => {
    expect(issuesOf(situationSchema, { ...jobSeeker, jobSeekerId: '' })).toEqual({
      jobSeekerId: 'Indiquez votre identifiant France Travail (ex-Pôle emploi).',
    })
    const parsed = situationSchema.parse(jobSeeker)
    expect(parsed).toMatchObject({ employmentStatus: 'JOB_SEEKER', jobSeekerId: '1234567A', employer: null })
  })

  it.each(['123456', '123456789012', '1234 567A', '12345-67'])(
    'refuses the France Travail identifier « %s »',
    (jobSeekerId) => {
      expect(issuesOf(situationSchema, { ...jobSeeker, jobSeekerId })).toEqual({
        jobSeekerId: 'L’identifiant France Travail compte 7 à 11 chiffres ou lettres, sans espace.',
      })
    },
  )

  it('ignores a France Travail identifier left over once the applicant is no longer a job seeker', () => {
    const result = situationSchema.safeParse({ ...employed, jobSeekerId: '12 3' })
    expect(result.error?.issues ?? []).toEqual([])
    expect(result.data?.jobSeekerId).toBeNull()
  })
})

describe('priorSchema', () => {
  const catalogue = session2010.ues.map((ue) => ue.code)
  const schema = priorSchema({ catalogue, minimumForReview: 4, currentYear: 2026 })
  const obtained = (place: string, year: string | number) => ({ selected: true, place, year })

  it('keeps the ticked UEs only, with the year as a number', () => {
    expect(
      schema.parse({
        obtained: {
          AST004: obtained('REUNION', ' 2019 '),
          AST002: { selected: false, place: 'ELSEWHERE', year: 'abcd' },
          TRS001: obtained('ELSEWHERE', 2024),
        },
      }),
    ).toEqual({
      obtained: [
        { code: 'AST004', place: 'REUNION', year: 2019 },
        { code: 'TRS001', place: 'ELSEWHERE', year: 2024 },
      ],
      earlyExperienceReview: false,
    })
  })

  it('accepts an empty step (no UE obtained)', () => {
    expect(schema.parse({})).toEqual({ obtained: [], earlyExperienceReview: false })
  })

  it('refuses a UE that is not in the programme', () => {
    expect(issuesOf(schema, { obtained: { XYZ999: obtained('REUNION', 2019) } })).toEqual({
      'obtained.XYZ999': 'L’UE XYZ999 ne fait pas partie de la formation.',
    })
  })

  it('asks where a ticked UE was obtained', () => {
    expect(issuesOf(schema, { obtained: { AST004: { selected: true, year: '2019' } } })).toEqual({
      'obtained.AST004.place': 'Indiquez où vous avez obtenu AST004.',
    })
  })

  it.each(['', '  ', 'deux mille', null])('asks for the year of a ticked UE when it is « %s »', (year) => {
    expect(issuesOf(schema, { obtained: { AST004: obtained('REUNION', year as string) } })).toEqual({
      'obtained.AST004.year': 'Indiquez l’année d’obtention de AST004 (4 chiffres).',
    })
  })

  it('refuses a year in the future or before 1980, and accepts the current year', () => {
    const message = 'L’année d’obtention de AST004 doit être comprise entre 1980 et 2026.'
    expect(issuesOf(schema, { obtained: { AST004: obtained('REUNION', '2027') } })).toEqual({
      'obtained.AST004.year': message,
    })
    expect(issuesOf(schema, { obtained: { AST004: obtained('REUNION', '1979') } })).toEqual({
      'obtained.AST004.year': message,
    })
    expect(schema.parse({ obtained: { AST004: obtained('REUNION', '2026') } }).obtained).toEqual([
      { code: 'AST004', place: 'REUNION', year: 2026 },
    ])
  })

  it('takes the current year from the step context’s `today`', () => {
    const context = { today: '2031-01-15', catalogue, minimumForReview: 4 }
    expect(
      stepSchema('acquis', context).safeParse({ obtained: { AST004: obtained('REUNION', '2031') } }).success,
    ).toBe(true)
  })

  it('refuses the examen anticipé with fewer than 4 UEs obtained, accepts it with 4', () => {
    const three = {
      AST002: obtained('REUNION', 2020),
      AST004: obtained('REUNION', 2020),
      TRS001: obtained('ELSEWHERE', 2021),
    }
    expect(issuesOf(schema, { obtained: three, earlyExperienceReview: true })).toEqual({
      earlyExperienceReview:
        'L’examen anticipé de l’expérience professionnelle peut être demandé à partir de 4 UE obtenues.',
    })
    const four = { ...three, CCE001: obtained('REUNION', 2022) }
    const parsed = schema.parse({ obtained: four, earlyExperienceReview: true })
    expect(parsed.earlyExperienceReview).toBe(true)
    expect(parsed.obtained).toHaveLength(4)
  })
})

describe('choiceSchema', () => {
  it('turns the ticked UEs of the form into a list, FOAD false unless ticked', () => {
    expect(
      choiceSchema.parse({
        ues: {
          TET099: { selected: true, foad: true },
          AST002: { selected: false, foad: true },
          PSY001: { selected: true },
        },
        experienceMonths: '',
      }),
    ).toEqual({
      ues: [
        { code: 'TET099', foad: true },
        { code: 'PSY001', foad: false },
      ],
      experienceMonths: null,
      experienceInField: null,
    })
  })

  it('reads the experience as a whole number of months and the in-field answer as a boolean', () => {
    expect(
      choiceSchema.parse({
        ues: { UA0003: { selected: true } },
        experienceMonths: '30',
        experienceInField: 'non',
      }),
    ).toMatchObject({ experienceMonths: 30, experienceInField: false })
    expect(choiceSchema.parse({ experienceMonths: null }).experienceMonths).toBeNull()
    expect(choiceSchema.parse({}).experienceMonths).toBeNull()
  })

  it('reads a blank answer as no answer, not as 0 months', () => {
    expect(choiceSchema.parse({ experienceMonths: '  ' }).experienceMonths).toBeNull()
    expect(choiceSchema.parse({ experienceMonths: ' 0 ' }).experienceMonths).toBe(0)
  })

  it.each([
    ['-3', /positif/],
    ['2.5', /entier/],
    ['700', /Vérifiez ce nombre de mois/],
    ['18 mois', /^Indiquez un nombre de mois\.$/],
    ['2,5', /^Indiquez un nombre de mois\.$/],
  ])('refuses « %s » months of experience', (experienceMonths, message) => {
    const issues = issuesOf(choiceSchema, { experienceMonths })
    expect(Object.keys(issues)).toEqual(['experienceMonths'])
    expect(issues.experienceMonths).toMatch(message)
  })
})

describe('submissionSchema', () => {
  it('accepts consent and certification both given', () => {
    expect(submissionSchema.parse({ consent: true, certify: true })).toEqual({ consent: true, certify: true })
  })

  it('names what is missing', () => {
    expect(issuesOf(submissionSchema, { consent: false })).toEqual({
      consent: 'Acceptez le traitement de vos données pour pouvoir envoyer votre dossier.',
      certify: 'Certifiez l’exactitude des informations pour pouvoir envoyer votre dossier.',
    })
    expect(Object.keys(issuesOf(submissionSchema, { consent: true, certify: 'true' }))).toEqual(['certify'])
  })
})

describe('documentDateSchema', () => {
  it.each([
    ['03/11/2026', '2026-11-03'],
    ['3/1/2026', '2026-01-03'],
    ['03.11.2026', '2026-11-03'],
    ['2026-11-03', '2026-11-03'],
  ])('reads « %s » as %s', (input, iso) => {
    expect(documentDateSchema.parse(input)).toBe(iso)
  })

  it.each(['31/02/2026', '11/2026', '2026-13-01', 'hier'])('refuses « %s »', (input) => {
    expect(issuesOf(documentDateSchema, input)).toEqual({
      '': 'La date du document doit être une date réelle, au format JJ/MM/AAAA.',
    })
  })

  it('asks for the date when it is empty', () => {
    expect(issuesOf(documentDateSchema, ' ')).toEqual({ '': 'Indiquez la date du document.' })
  })
})

describe('startSchema (honeypot)', () => {
  it('lets a person start: the hidden field is empty or absent', () => {
    expect(startSchema.safeParse({}).success).toBe(true)
    expect(startSchema.safeParse({ website: '' }).success).toBe(true)
  })

  it('refuses a form whose hidden field was filled in', () => {
    expect(issuesOf(startSchema, { website: 'https://spam.example' })).toEqual({
      website: 'Formulaire refusé.',
    })
  })
})
