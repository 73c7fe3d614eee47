import { describe, expect, it } from 'vitest'
import { programme2010, session2010 } from '@/prisma/seed/cpn42-2010-2011'
import type { ChoiceAnswers, PriorAnswers } from './registration'
import { duplicateSession } from './session'
import { canRequestEarlyReview, checkUeChoice } from './ue-choice'

// The 2010-2011 brochure moved to 2026-2027: 1st semester deadline 29 October 2026, 2nd 31 March 2027.
const session = duplicateSession(session2010, 2026, { registrationOpen: true })
const experience = programme2010

const BEFORE_BOTH_DEADLINES = '2026-10-01'
const NO_PRIOR: PriorAnswers = { obtained: [], earlyExperienceReview: false }

function choice(codes: Array<string | [string, boolean]>, rest: Partial<ChoiceAnswers> = {}): ChoiceAnswers {
  return {
    ues: codes.map((code) =>
      typeof code === 'string' ? { code, foad: false } : { code: code[0], foad: code[1] },
    ),
    experienceMonths: null,
    experienceInField: null,
    ...rest,
  }
}

function obtained(...codes: string[]): PriorAnswers {
  return {
    obtained: codes.map((code) => ({ code, place: 'REUNION', year: 2024 })),
    earlyExperienceReview: false,
  }
}

function messages(options: {
  choice: ChoiceAnswers
  today?: string
  prior?: PriorAnswers
  registrationOpen?: boolean
}): string[] {
  return checkUeChoice({
    session:
      options.registrationOpen === false
        ? duplicateSession(session2010, 2026, { registrationOpen: false })
        : session,
    today: options.today ?? BEFORE_BOTH_DEADLINES,
    prior: options.prior ?? NO_PRIOR,
    choice: options.choice,
    experience,
  }).map((issue) => issue.message)
}

// 2026-2027 is 2010-2011 moved by 835 weeks: its deadlines are Friday 30 October and Thursday 1 April.
describe('checkUeChoice: semester deadlines', () => {
  it('accepts a 1st-semester UE up to 30 October 2026 included', () => {
    expect(messages({ choice: choice(['AST002']), today: '2026-10-30' })).toEqual([])
  })

  it('refuses it from 31 October, giving the deadline', () => {
    expect(messages({ choice: choice(['AST002']), today: '2026-10-31' })).toEqual([
      'AST002 : Inscriptions au 1er semestre closes depuis le 30 octobre 2026.',
    ])
  })

  it('closes a full-year UE with the 1st semester, since it starts then', () => {
    expect(messages({ choice: choice(['TET003']), today: '2026-10-31' })).toEqual([
      expect.stringContaining('30 octobre 2026'),
    ])
  })

  it('keeps the 2nd semester open after the 1st closes, until 1 April 2027 included', () => {
    expect(messages({ choice: choice(['PSY001']), today: '2026-10-31' })).toEqual([])
    expect(messages({ choice: choice(['PSY001']), today: '2027-04-01' })).toEqual([])
    expect(messages({ choice: choice(['PSY001']), today: '2027-04-02' })).toEqual([
      'PSY001 : Inscriptions au 2nd semestre closes depuis le 1er avril 2027.',
    ])
  })

  it('accepts a report while a semester is open, refuses it once both are closed', () => {
    const report = choice(['UA0003'], { experienceMonths: 18, experienceInField: false })
    expect(messages({ choice: report, today: '2027-04-01' })).toEqual([])
    expect(messages({ choice: report, today: '2027-04-02' })).toEqual([
      'UA0003 : Les inscriptions à la session 2026-2027 sont closes.',
    ])
  })

  it('refuses every UE, reports included, while registration is not open', () => {
    const all = choice(['AST002', 'PSY001', 'UA0003'], { experienceMonths: 30, experienceInField: true })
    const refused = messages({ choice: all, registrationOpen: false })
    expect(refused).toEqual([
      'AST002 : Les inscriptions à la session 2026-2027 ne sont pas ouvertes.',
      'PSY001 : Les inscriptions à la session 2026-2027 ne sont pas ouvertes.',
      'UA0003 : Les inscriptions à la session 2026-2027 ne sont pas ouvertes.',
    ])
  })
})

describe('checkUeChoice: what may be chosen', () => {
  it('asks for at least one UE', () => {
    expect(messages({ choice: choice([]) })).toEqual(['Choisissez au moins une UE.'])
  })

  it('refuses the same UE twice', () => {
    expect(messages({ choice: choice(['PSY001', 'PSY001']) })).toContain('Une même UE est choisie deux fois.')
  })

  it('refuses a UE that is not in the session', () => {
    expect(messages({ choice: choice(['XYZ999']) })).toEqual([
      'L’UE XYZ999 n’est pas proposée cette session.',
    ])
  })

  it('refuses a UE declared as already obtained', () => {
    expect(messages({ choice: choice(['PSY001']), prior: obtained('PSY001') })).toEqual([
      'PSY001 : vous avez déclaré l’avoir déjà obtenue.',
    ])
  })

  it('accepts FOAD for a course, refuses it for a report', () => {
    expect(messages({ choice: choice([['PSY001', true]]) })).toEqual([])
    expect(
      messages({ choice: choice([['UA0003', true]], { experienceMonths: 18, experienceInField: true }) }),
    ).toEqual(['UA0003 n’est pas proposée à distance (FOAD).'])
  })

  it('refuses FOAD for a course the session does not offer at a distance', () => {
    const noFoad = {
      ...session,
      ues: session.ues.map((ue) => (ue.code === 'PSY001' ? { ...ue, foadAvailable: false } : ue)),
    }
    const issues = checkUeChoice({
      session: noFoad,
      today: BEFORE_BOTH_DEADLINES,
      prior: NO_PRIOR,
      choice: choice([['PSY001', true]]),
      experience,
    })
    expect(issues.map((issue) => issue.message)).toEqual(['PSY001 n’est pas proposée à distance (FOAD).'])
  })
})

describe('checkUeChoice: prerequisites', () => {
  const missing =
    'AST005 demande d’avoir AST004 : choisissez aussi AST004 (1er semestre), ou, si vous l’avez déjà obtenue, déclarez-la à l’étape « UE déjà obtenues ».'
  const tooLate = (semester: string) =>
    `AST005 demande d’avoir AST004, qu’il n’est plus possible de choisir avant AST005 cette session : si vous l’avez déjà obtenue, déclarez-la à l’étape « UE déjà obtenues » ; sinon, inscrivez-vous à AST004 au prochain ${semester}, puis à AST005.`

  it('refuses AST005 alone: it requires AST004', () => {
    const issues = checkUeChoice({
      session,
      today: BEFORE_BOTH_DEADLINES,
      prior: NO_PRIOR,
      choice: choice(['AST005']),
      experience,
    })
    expect(issues).toEqual([{ field: 'ues', code: 'AST005', message: missing }])
  })

  it('accepts AST005 when AST004 is chosen in the 1st semester', () => {
    expect(messages({ choice: choice(['AST004', 'AST005']) })).toEqual([])
  })

  it('accepts AST005 when AST004 was obtained', () => {
    expect(messages({ choice: choice(['AST005']), prior: obtained('AST004'), today: '2026-11-26' })).toEqual(
      [],
    )
  })

  it('does not count AST004 chosen in the same semester as AST005', () => {
    // A session where AST004 is moved to the 2nd semester: it is no longer "earlier".
    const sameSemester = {
      ...session,
      ues: session.ues.map((ue) =>
        ue.code === 'AST004' ? { ...ue, periodKind: 'SECOND_SEMESTER' as const } : ue,
      ),
    }
    const issues = checkUeChoice({
      session: sameSemester,
      today: BEFORE_BOTH_DEADLINES,
      prior: NO_PRIOR,
      choice: choice(['AST004', 'AST005']),
      experience,
    })
    expect(issues.map((issue) => issue.message)).toEqual([tooLate('2nd semestre')])
  })

  it('once the 1st semester is closed, does not offer AST004 as a choice but what is still possible', () => {
    const [message] = messages({ choice: choice(['AST005']), today: '2026-10-31' })
    expect(message).toBe(tooLate('1er semestre'))
    expect(message).not.toContain('choisissez')
  })
})

describe('checkUeChoice: reports and professional experience', () => {
  it('accepts the activity report UA000S with 24 months in the field', () => {
    expect(
      messages({ choice: choice(['UA000S'], { experienceMonths: 24, experienceInField: true }) }),
    ).toEqual([])
  })

  it('refuses UA000S with 23 months, or with experience outside the field, pointing to UA0003', () => {
    for (const answers of [
      { experienceMonths: 23, experienceInField: true },
      { experienceMonths: 60, experienceInField: false },
    ]) {
      const refused = messages({ choice: choice(['UA000S'], answers) })
      expect(refused).toHaveLength(1)
      expect(refused[0]).toMatch(/^UA000S .*2 ans d’expérience.*UA0003/)
    }
  })

  it('accepts the internship report UA0003 from 18 months, in the field or not', () => {
    for (const experienceInField of [true, false])
      expect(messages({ choice: choice(['UA0003'], { experienceMonths: 18, experienceInField }) })).toEqual(
        [],
      )
  })

  it('refuses UA0003 with 17 months', () => {
    const refused = messages({
      choice: choice(['UA0003'], { experienceMonths: 17, experienceInField: true }),
    })
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatch(/^UA0003 .*au moins 18 mois.*stage de 3 mois/)
  })

  it('refuses both reports at once', () => {
    expect(
      messages({ choice: choice(['UA000S', 'UA0003'], { experienceMonths: 30, experienceInField: true }) }),
    ).toEqual(['Choisissez un seul rapport : UA000S ou UA0003.'])
  })

  it('asks for the experience answers when a report is chosen, on their own fields', () => {
    const issues = checkUeChoice({
      session,
      today: BEFORE_BOTH_DEADLINES,
      prior: NO_PRIOR,
      choice: choice(['UA0003']),
      experience,
    })
    expect(issues).toEqual([
      { field: 'experienceMonths', message: 'Indiquez la durée de votre expérience professionnelle.' },
      { field: 'experienceInField', message: 'Indiquez si votre expérience est dans le domaine du titre.' },
    ])
  })

  it('does not ask about experience when only courses are chosen', () => {
    expect(messages({ choice: choice(['PSY001', 'TET099']) })).toEqual([])
  })
})

describe('canRequestEarlyReview', () => {
  it('allows the examen anticipé from 4 UEs obtained', () => {
    expect(canRequestEarlyReview(obtained('AST002', 'AST004', 'TRS001'), 4)).toBe(false)
    expect(canRequestEarlyReview(obtained('AST002', 'AST004', 'TRS001', 'CCE001'), 4)).toBe(true)
    expect(canRequestEarlyReview(NO_PRIOR, programme2010.earlyExperienceReviewMinUes)).toBe(false)
  })
})
