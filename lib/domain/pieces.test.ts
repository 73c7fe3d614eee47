import { describe, expect, it } from 'vitest'
import { programme2010 } from '@/prisma/seed/cpn42-2010-2011'
import { addDays } from './dates'
import {
  evaluateChecklist,
  isChecklistComplete,
  requiredPieces,
  type ChecklistContext,
  type UploadedPiece,
} from './pieces'
import type { ChoiceAnswers, PriorAnswers, SituationAnswers } from './registration'

const catalogue = programme2010.pieceTypes

const EMPLOYER = {
  name: 'Mission locale Nord',
  address: '1 rue de Paris, 97400 Saint-Denis',
  contactName: 'Mme Grondin',
  contactPhone: null,
  contactEmail: null,
}

const SITUATIONS = {
  employedIndividual: {
    category: 'INDIVIDUAL',
    employmentStatus: 'EMPLOYED',
    employer: EMPLOYER,
    employerCertificateSigned: null,
    jobSeekerId: null,
  },
  jobSeeker: {
    category: 'JOB_SEEKER',
    employmentStatus: 'JOB_SEEKER',
    employer: null,
    employerCertificateSigned: null,
    jobSeekerId: '1234567A',
  },
  fundedSigned: {
    category: 'EMPLOYER_FUNDED',
    employmentStatus: 'EMPLOYED',
    employer: EMPLOYER,
    employerCertificateSigned: true,
    jobSeekerId: null,
  },
  fundedUnsigned: {
    category: 'EMPLOYER_FUNDED',
    employmentStatus: 'EMPLOYED',
    employer: EMPLOYER,
    employerCertificateSigned: false,
    jobSeekerId: null,
  },
  otherIndividual: {
    category: 'INDIVIDUAL',
    employmentStatus: 'OTHER',
    employer: null,
    employerCertificateSigned: null,
    jobSeekerId: null,
  },
} satisfies Record<string, Partial<SituationAnswers>>

function situation(kind: keyof typeof SITUATIONS): SituationAnswers {
  return {
    ...SITUATIONS[kind],
    highestDiploma: 'BAC',
    diplomaTitle: null,
    accessRoute: 'BAC_LEVEL',
    firstRegistration: true,
    baseFeeAlreadyPaid: false,
  }
}

const NO_PRIOR: PriorAnswers = { obtained: [], earlyExperienceReview: false }
const CHOICE: ChoiceAnswers = {
  ues: [{ code: 'PSY001', foad: false }],
  experienceMonths: null,
  experienceInField: null,
}

function context(
  kind: keyof typeof SITUATIONS,
  prior: PriorAnswers = NO_PRIOR,
  choice: ChoiceAnswers = CHOICE,
): ChecklistContext {
  return {
    situation: situation(kind),
    prior,
    choice,
  }
}

// Asked of everyone by the brochure ("Pièces à fournir"), the form itself being filled in online.
const FOR_EVERYONE_BEFORE = ['CV', 'COVER_LETTER', 'DIPLOMAS']
const FOR_EVERYONE_AFTER = ['SOCIAL_SECURITY', 'ID_CARD', 'ID_PHOTO']

const keys = (kind: keyof typeof SITUATIONS, prior?: PriorAnswers, choice?: ChoiceAnswers) =>
  requiredPieces(catalogue, context(kind, prior, choice)).map((requirement) => requirement.key)

describe('requiredPieces with the 2010-2011 catalogue', () => {
  it('asks an employed individual for one proof of employment (either piece) and the payment', () => {
    const requirements = requiredPieces(catalogue, context('employedIndividual'))
    expect(requirements.map((requirement) => requirement.key)).toEqual([
      ...FOR_EVERYONE_BEFORE,
      'EMPLOYMENT_PROOF',
      ...FOR_EVERYONE_AFTER,
      'PAYMENT',
    ])
    const proof = requirements.find((requirement) => requirement.key === 'EMPLOYMENT_PROOF')
    expect(proof?.label).toBe("Attestation d'emploi ou Bulletin de salaire")
    expect(proof?.pieceTypes.map((type) => type.code)).toEqual(['EMPLOYMENT_CERTIFICATE', 'PAY_SLIP'])
    expect(proof?.optional).toBe(false)
  })

  it('never lists the registration form, which is filled in on the portal', () => {
    for (const kind of Object.keys(SITUATIONS) as Array<keyof typeof SITUATIONS>)
      expect(keys(kind)).not.toContain('REGISTRATION_FORM')
  })

  it('asks a job seeker for a France Travail certificate under 15 days old and the payment, no proof of employment', () => {
    const requirements = requiredPieces(catalogue, context('jobSeeker'))
    expect(requirements.map((requirement) => requirement.key)).toEqual([
      ...FOR_EVERYONE_BEFORE,
      'JOB_SEEKER_CERTIFICATE',
      ...FOR_EVERYONE_AFTER,
      'PAYMENT',
    ])
    expect(requirements.find((requirement) => requirement.key === 'JOB_SEEKER_CERTIFICATE')?.maxAgeDays).toBe(
      15,
    )
    expect(requirements.filter((requirement) => requirement.maxAgeDays !== null)).toHaveLength(1)
  })

  it('asks neither proof of employment nor job-seeker certificate from someone in another situation', () => {
    expect(keys('otherIndividual')).toEqual([...FOR_EVERYONE_BEFORE, ...FOR_EVERYONE_AFTER, 'PAYMENT'])
  })

  it('asks an employee funded by a signed certificate for that certificate, with no payment nor caution', () => {
    expect(keys('fundedSigned')).toEqual([
      ...FOR_EVERYONE_BEFORE,
      'EMPLOYMENT_PROOF',
      ...FOR_EVERYONE_AFTER,
      'EMPLOYER_FUNDING_CERTIFICATE',
    ])
  })

  it('adds the caution cheques when the funding certificate will not be signed', () => {
    expect(keys('fundedUnsigned')).toEqual([
      ...FOR_EVERYONE_BEFORE,
      'EMPLOYMENT_PROOF',
      ...FOR_EVERYONE_AFTER,
      'EMPLOYER_FUNDING_CERTIFICATE',
      'CAUTION_CHEQUES',
    ])
  })

  it('asks for the success certificates of UEs obtained in another regional centre', () => {
    const elsewhere: PriorAnswers = {
      obtained: [{ code: 'AST002', place: 'ELSEWHERE', year: 2022 }],
      earlyExperienceReview: false,
    }
    expect(keys('employedIndividual', elsewhere)).toContain('PRIOR_UE_CERTIFICATES')
  })

  it('does not ask for them when the UEs were obtained at La Réunion and are no prerequisite', () => {
    const reunion: PriorAnswers = {
      obtained: [{ code: 'AST004', place: 'REUNION', year: 2022 }],
      earlyExperienceReview: false,
    }
    expect(keys('employedIndividual', reunion)).not.toContain('PRIOR_UE_CERTIFICATES')
  })

  it('does not ask for them when a chosen UE’s prerequisite was obtained at La Réunion (issue 10, item 9)', () => {
    // The centre has its own results; the highest diploma is in « Photocopie des diplômes obtenus ».
    const reunion: PriorAnswers = {
      obtained: [{ code: 'AST004', place: 'REUNION', year: 2022 }],
      earlyExperienceReview: false,
    }
    const ast005: ChoiceAnswers = { ...CHOICE, ues: [{ code: 'AST005', foad: false }] }
    expect(keys('employedIndividual', reunion, ast005)).not.toContain('PRIOR_UE_CERTIFICATES')
  })

  it('says why each conditional piece is asked, naming what was declared', () => {
    const prior: PriorAnswers = {
      obtained: [
        { code: 'AST002', place: 'ELSEWHERE', year: 2022 },
        { code: 'AST004', place: 'REUNION', year: 2023 },
        { code: 'PSY001', place: 'ELSEWHERE', year: 2024 },
      ],
      earlyExperienceReview: false,
    }
    const reasons = Object.fromEntries(
      requiredPieces(catalogue, context('employedIndividual', prior)).map((line) => [line.key, line.reason]),
    )
    expect(reasons).toMatchObject({
      CV: null,
      EMPLOYMENT_PROOF: 'Parce que vous avez déclaré être salarié(e).',
      PRIOR_UE_CERTIFICATES:
        'Parce que vous avez déclaré avoir obtenu AST002 et PSY001 dans un autre centre régional.',
      PAYMENT: 'Parce que vous avez déclaré payer vous-même votre formation.',
    })
    const funded = Object.fromEntries(
      requiredPieces(catalogue, context('fundedUnsigned')).map((line) => [line.key, line.reason]),
    )
    expect(funded.CAUTION_CHEQUES).toBe(
      'Parce que vous avez déclaré que l’attestation de prise en charge ne sera pas signée par votre employeur.',
    )
  })

  it('adds the examen anticipé file as an optional line when it is requested', () => {
    const four: PriorAnswers = {
      obtained: ['AST002', 'AST004', 'TRS001', 'CCE001'].map((code) => ({
        code,
        place: 'REUNION' as const,
        year: 2020,
      })),
      earlyExperienceReview: true,
    }
    const line = requiredPieces(catalogue, context('employedIndividual', four)).find(
      (requirement) => requirement.key === 'EARLY_EXPERIENCE_REVIEW',
    )
    expect(line).toMatchObject({ optional: true, maxAgeDays: null })
    expect(keys('employedIndividual', { ...four, earlyExperienceReview: false })).not.toContain(
      'EARLY_EXPERIENCE_REVIEW',
    )
  })
})

describe('evaluateChecklist and isChecklistComplete', () => {
  const today = '2026-11-26'
  let nextId = 0
  const upload = (pieceTypeCode: string, documentDate: string | null = null): UploadedPiece => ({
    id: `piece-${++nextId}`,
    pieceTypeCode,
    documentDate,
    fileName: `${pieceTypeCode.toLowerCase()}.pdf`,
  })
  const jobSeekerRequirements = requiredPieces(catalogue, context('jobSeeker'))
  /** One upload for every line but the France Travail certificate. */
  const allButCertificate = jobSeekerRequirements
    .filter((requirement) => requirement.key !== 'JOB_SEEKER_CERTIFICATE')
    .map((requirement) => upload(requirement.pieceTypes[0]!.code))
  const certificate = (uploads: UploadedPiece[]) =>
    evaluateChecklist(jobSeekerRequirements, uploads, today).find(
      (item) => item.requirement.key === 'JOB_SEEKER_CERTIFICATE',
    )!

  it('lists every required piece as missing when nothing is uploaded, naming it', () => {
    const items = evaluateChecklist(jobSeekerRequirements, [], today)
    expect(items.map((item) => item.state)).toEqual(jobSeekerRequirements.map(() => 'MISSING'))
    expect(items[0]?.message).toBe('Pièce manquante : Curriculum vitae.')
    expect(isChecklistComplete(items)).toBe(false)
  })

  it('is complete once every piece is provided, the certificate dated 15 days before today', () => {
    const items = evaluateChecklist(
      jobSeekerRequirements,
      [...allButCertificate, upload('JOB_SEEKER_CERTIFICATE', addDays(today, -15))],
      today,
    )
    expect(items.every((item) => item.state === 'PROVIDED' && item.message === null)).toBe(true)
    expect(isChecklistComplete(items)).toBe(true)
  })

  it('refuses a certificate 16 days old, saying it must be under 15 days', () => {
    const uploads = [...allButCertificate, upload('JOB_SEEKER_CERTIFICATE', addDays(today, -16))]
    const item = certificate(uploads)
    expect(item.state).toBe('TOO_OLD')
    expect(item.message).toMatch(/moins de 15 jours/)
    expect(isChecklistComplete(evaluateChecklist(jobSeekerRequirements, uploads, today))).toBe(false)
  })

  it('accepts a certificate dated today', () => {
    expect(certificate([upload('JOB_SEEKER_CERTIFICATE', today)]).state).toBe('PROVIDED')
  })

  it('refuses a certificate dated in the future', () => {
    const item = certificate([upload('JOB_SEEKER_CERTIFICATE', addDays(today, 1))])
    expect(item.state).toBe('FUTURE_DATE')
    expect(item.message).toMatch(/ne peut pas être dans le futur/)
  })

  it('asks for the date of a certificate uploaded without one', () => {
    const uploads = [...allButCertificate, upload('JOB_SEEKER_CERTIFICATE', null)]
    const item = certificate(uploads)
    expect(item.state).toBe('DATE_MISSING')
    expect(item.message).toMatch(/^Indiquez la date du document/)
    expect(isChecklistComplete(evaluateChecklist(jobSeekerRequirements, uploads, today))).toBe(false)
  })

  it('counts calendar days across the end of February', () => {
    // 2026 is a common year: 14 February is 15 days before 1 March.
    const state = (date: string) =>
      evaluateChecklist(jobSeekerRequirements, [upload('JOB_SEEKER_CERTIFICATE', date)], '2026-03-01').find(
        (item) => item.requirement.key === 'JOB_SEEKER_CERTIFICATE',
      )?.state
    expect(state('2026-02-14')).toBe('PROVIDED')
    expect(state('2026-02-13')).toBe('TOO_OLD')
  })

  it('is satisfied by one valid certificate among older ones', () => {
    const item = certificate([
      upload('JOB_SEEKER_CERTIFICATE', addDays(today, -40)),
      upload('JOB_SEEKER_CERTIFICATE', addDays(today, -3)),
    ])
    expect(item.state).toBe('PROVIDED')
    expect(item.uploads).toHaveLength(2)
  })

  it('takes either alternative as the proof of employment', () => {
    const requirements = requiredPieces(catalogue, context('employedIndividual'))
    for (const code of ['EMPLOYMENT_CERTIFICATE', 'PAY_SLIP']) {
      const proof = evaluateChecklist(requirements, [upload(code)], today).find(
        (item) => item.requirement.key === 'EMPLOYMENT_PROOF',
      )
      expect(proof?.state, code).toBe('PROVIDED')
    }
  })

  it('does not count a piece of another type', () => {
    const requirements = requiredPieces(catalogue, context('employedIndividual'))
    const proof = evaluateChecklist(
      requirements,
      [upload('CV'), upload('EMPLOYER_FUNDING_CERTIFICATE')],
      today,
    ).find((item) => item.requirement.key === 'EMPLOYMENT_PROOF')
    expect(proof?.state).toBe('MISSING')
  })

  it('does not block on a missing optional piece', () => {
    const prior: PriorAnswers = {
      obtained: ['AST002', 'AST004', 'TRS001', 'CCE001'].map((code) => ({
        code,
        place: 'REUNION' as const,
        year: 2020,
      })),
      earlyExperienceReview: true,
    }
    const requirements = requiredPieces(catalogue, context('otherIndividual', prior))
    const uploads = requirements
      .filter((requirement) => !requirement.optional)
      .map((requirement) => upload(requirement.pieceTypes[0]!.code))
    const items = evaluateChecklist(requirements, uploads, today)
    const review = items.find((item) => item.requirement.key === 'EARLY_EXPERIENCE_REVIEW')
    expect(review).toMatchObject({ state: 'MISSING', message: null })
    expect(isChecklistComplete(items)).toBe(true)
    expect(isChecklistComplete(evaluateChecklist(requirements, uploads.slice(1), today))).toBe(false)
  })
})
