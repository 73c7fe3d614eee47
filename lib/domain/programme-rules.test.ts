import { describe, expect, it } from 'vitest'
import { session2010 } from '@/prisma/seed/cpn42-2010-2011'
import {
  calendarProblems,
  findPrerequisiteCycle,
  formatEuroInput,
  loneAlternativeGroups,
  offeringProblems,
  openingHoursProblems,
  parseEuroCents,
  periodProblems,
  pieceCodeFromLabel,
  prerequisiteProblems,
  type CalendarDates,
} from './programme-rules'
import { duplicateSession } from './session'

describe('parseEuroCents', () => {
  it.each([
    ['55', 5500],
    ['55,00', 5500],
    ['5,5', 550],
    ['5,50', 550],
    ['0,99', 99],
    ['55.25', 5525],
    ['1 234,56', 123456],
    ['1\u202f234,56 €', 123456],
    [' 18 € ', 1800],
    ['55,', 5500],
    ['-5', -500],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseEuroCents(text)).toEqual({ ok: true, cents })
  })

  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['abc', 'FORMAT'],
    ['55 euros', 'FORMAT'],
    [',50', 'FORMAT'],
    ['1.234,56', 'FORMAT'],
    ['12,345', 'DECIMALS'],
    ['99999999999999999999', 'FORMAT'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(parseEuroCents(text)).toEqual({ ok: false, problem })
  })

  it('formats cents back for editing, and the two round-trip', () => {
    expect(formatEuroInput(5500)).toBe('55,00')
    expect(formatEuroInput(550)).toBe('5,50')
    expect(formatEuroInput(7)).toBe('0,07')
    for (const cents of [1, 99, 100, 1800, 12500, 123456])
      expect(parseEuroCents(formatEuroInput(cents))).toEqual({ ok: true, cents })
  })
})

describe('findPrerequisiteCycle', () => {
  it('finds none in the brochure catalogue (AST005 requires AST004)', () => {
    expect(
      findPrerequisiteCycle(
        new Map([
          ['AST005', ['AST004']],
          ['AST004', []],
        ]),
      ),
    ).toBeNull()
  })

  it('finds a direct cycle', () => {
    expect(
      findPrerequisiteCycle(
        new Map([
          ['AST004', ['AST005']],
          ['AST005', ['AST004']],
        ]),
      ),
    ).toEqual(['AST004', 'AST005', 'AST004'])
  })

  it('finds an indirect cycle and only its members', () => {
    const cycle = findPrerequisiteCycle(
      new Map([
        ['A', ['B']],
        ['B', ['C']],
        ['C', ['D']],
        ['D', ['B']],
      ]),
    )
    expect(cycle).toEqual(['B', 'C', 'D', 'B'])
  })

  it('sees a UE requiring itself as a cycle', () => {
    expect(findPrerequisiteCycle(new Map([['A', ['A']]]))).toEqual(['A', 'A'])
  })

  it('is not fooled by a diamond (two paths to the same UE)', () => {
    expect(
      findPrerequisiteCycle(
        new Map([
          ['D', ['B', 'C']],
          ['B', ['A']],
          ['C', ['A']],
          ['A', []],
        ]),
      ),
    ).toBeNull()
  })
})

describe('prerequisiteProblems', () => {
  it('accepts the brochure catalogue', () => {
    expect(prerequisiteProblems(session2010.ues)).toEqual([])
  })

  it('refuses a UE that requires itself', () => {
    expect(prerequisiteProblems([{ code: 'AST004', prerequisites: ['AST004'] }])).toEqual([
      { index: 0, message: 'Une UE ne peut pas être son propre prérequis.' },
    ])
  })

  it('refuses codes that are not in the catalogue', () => {
    expect(prerequisiteProblems([{ code: 'AST005', prerequisites: ['AST004', 'XYZ001'] }])).toEqual([
      { index: 0, message: 'AST004, XYZ001 ne sont pas des UE du catalogue.' },
    ])
  })

  it('tells every UE of a cycle, and no other', () => {
    const problems = prerequisiteProblems([
      { code: 'AST004', prerequisites: ['AST005'] },
      { code: 'AST005', prerequisites: ['AST004'] },
      { code: 'PSY001', prerequisites: ['AST004'] },
    ])
    expect(problems.map((problem) => problem.index)).toEqual([0, 1])
    expect(problems[0]?.message).toContain('AST004 → AST005 → AST004')
  })
})

const calendar2010: CalendarDates = session2010
const withSemester = (index: number, change: Partial<CalendarDates['semesters'][number]>): CalendarDates => ({
  ...calendar2010,
  semesters: calendar2010.semesters.map((semester, at) =>
    at === index ? { ...semester, ...change } : semester,
  ),
})

describe('calendarProblems', () => {
  it('accepts the brochure calendar and its copies to later years', () => {
    expect(calendarProblems(calendar2010, { startYear: 2010 })).toEqual([])
    expect(calendarProblems(duplicateSession(session2010, 2026), { startYear: 2026 })).toEqual([])
  })

  it('refuses courses that end before they start', () => {
    expect(calendarProblems(withSemester(0, { endsOn: '2010-09-01' }))).toContainEqual({
      path: 'semesters.0.endsOn',
      message: 'La fin des cours doit être après le début de la formation.',
    })
  })

  it('refuses a registration deadline after the end of the semester’s courses', () => {
    expect(calendarProblems(withSemester(1, { registrationDeadline: '2011-07-02' }))).toEqual([
      {
        path: 'semesters.1.registrationDeadline',
        message: 'La date limite d’inscription ne peut pas être après la fin des cours du semestre.',
      },
    ])
    // The last day of the courses is still a valid deadline.
    expect(calendarProblems(withSemester(1, { registrationDeadline: '2011-07-01' }))).toEqual([])
  })

  it('wants the break inside the courses, with both of its days', () => {
    expect(calendarProblems(withSemester(0, { resumeOn: null }))).toEqual([
      {
        path: 'semesters.0.resumeOn',
        message: 'Indiquez la reprise des cours, ou effacez l’arrêt des cours s’il n’y a pas de pause.',
      },
    ])
    expect(calendarProblems(withSemester(0, { pauseOn: '2011-01-12' }))).toEqual([
      { path: 'semesters.0.resumeOn', message: 'La reprise des cours doit être après l’arrêt des cours.' },
    ])
    expect(calendarProblems(withSemester(0, { resumeOn: '2011-03-01' }))).toContainEqual({
      path: 'semesters.0.resumeOn',
      message: 'La reprise des cours doit être avant la fin des cours.',
    })
    expect(calendarProblems(withSemester(0, { pauseOn: '2010-09-01' }))).toContainEqual({
      path: 'semesters.0.pauseOn',
      message: 'L’arrêt des cours doit être après le début de la formation.',
    })
    // No break at all is fine (the 2nd semester has none).
    expect(calendarProblems(withSemester(0, { pauseOn: null, resumeOn: null }))).toEqual([])
  })

  it('refuses exams before the end of the courses, or ending before they start', () => {
    expect(calendarProblems(withSemester(0, { examStartsOn: '2011-02-10' }))).toEqual([
      {
        path: 'semesters.0.examStartsOn',
        message: 'La 1ère session d’examen ne peut pas commencer avant la fin des cours.',
      },
    ])
    expect(calendarProblems(withSemester(0, { examEndsOn: '2011-02-20' }))).toEqual([
      {
        path: 'semesters.0.examEndsOn',
        message: 'La fin de la session d’examen ne peut pas être avant son début.',
      },
    ])
  })

  it('wants the 2nd semester after the 1st, and the 2nd exam session after the first ones', () => {
    expect(calendarProblems(withSemester(1, { startsOn: '2011-02-11' }))).toContainEqual({
      path: 'semesters.1.startsOn',
      message: 'Le 2nd semestre doit commencer après la fin des cours du 1er semestre.',
    })
    expect(calendarProblems({ ...calendar2010, secondExamStartsOn: '2011-07-15' })).toEqual([
      {
        path: 'secondExamStartsOn',
        message: 'La 2ème session d’examen doit commencer après la fin des 1ères sessions d’examen.',
      },
    ])
    expect(calendarProblems({ ...calendar2010, secondExamEndsOn: '2011-08-28' })).toEqual([
      {
        path: 'secondExamEndsOn',
        message: 'La fin de la 2ème session d’examen ne peut pas être avant son début.',
      },
    ])
  })

  it('catches a date typed in another year than the session’s, and reports one message per field', () => {
    const problems = calendarProblems(withSemester(1, { endsOn: '2061-07-01' }), { startYear: 2010 })
    expect(problems.filter((problem) => problem.path === 'semesters.1.endsOn')).toEqual([
      {
        path: 'semesters.1.endsOn',
        message: 'Cette date doit tomber en 2010 ou en 2011, les années de la session 2010-2011.',
      },
    ])
  })
})

describe('periodProblems', () => {
  it('wants both months or neither, in order', () => {
    expect(
      periodProblems([
        { startMonth: '2010-10-01', endMonth: '2011-02-01' },
        { startMonth: null, endMonth: null },
        { startMonth: '2010-10-01', endMonth: null },
        { startMonth: null, endMonth: '2011-02-01' },
        { startMonth: '2011-03-01', endMonth: '2011-02-01' },
      ]),
    ).toEqual([
      { path: 'periods.2.endMonth', message: 'Indiquez aussi le dernier mois.' },
      { path: 'periods.3.startMonth', message: 'Indiquez aussi le premier mois.' },
      { path: 'periods.4.endMonth', message: 'Le dernier mois ne peut pas être avant le premier.' },
    ])
  })
})

describe('offeringProblems', () => {
  const kinds = new Map(session2010.ues.map((ue) => [ue.code, ue.kind]))
  const kindOf = (code: string) => kinds.get(code)

  it('accepts the brochure’s offerings', () => {
    expect(
      offeringProblems(
        session2010.ues.map((ue) => ({ ...ue, ueCode: ue.code })),
        kindOf,
      ),
    ).toEqual([])
  })

  it('refuses a UE twice, an unknown UE, a course without teaching period, a report in a semester, FOAD for a report', () => {
    expect(
      offeringProblems(
        [
          { ueCode: 'AST002', periodKind: 'FIRST_SEMESTER', foadAvailable: true },
          { ueCode: 'AST002', periodKind: 'SECOND_SEMESTER', foadAvailable: false },
          { ueCode: 'NOPE01', periodKind: 'FIRST_SEMESTER', foadAvailable: false },
          { ueCode: 'PSY001', periodKind: 'PROFESSIONAL_EXPERIENCE', foadAvailable: false },
          { ueCode: 'UA000S', periodKind: 'FULL_YEAR', foadAvailable: true },
        ],
        kindOf,
      ),
    ).toEqual([
      { path: 'ues.1.ueCode', message: 'Cette UE est déjà proposée dans cette session.' },
      { path: 'ues.2.ueCode', message: 'Cette UE n’est pas dans le catalogue du programme.' },
      {
        path: 'ues.3.periodKind',
        message: 'Un cours se rattache à une période d’enseignement, pas à l’expérience professionnelle.',
      },
      {
        path: 'ues.4.periodKind',
        message: 'Un rapport se rattache à la période « Expérience professionnelle ».',
      },
      { path: 'ues.4.foadAvailable', message: 'La FOAD ne concerne que les cours.' },
    ])
  })
})

describe('openingHoursProblems', () => {
  it('accepts the brochure’s hours of Le Port', () => {
    expect(
      openingHoursProblems([
        { fromDay: 1, toDay: 4, opensAt: '08:15', closesAt: '12:30' },
        { fromDay: 1, toDay: 4, opensAt: '13:30', closesAt: '17:00' },
        { fromDay: 5, toDay: 5, opensAt: '08:15', closesAt: '12:15' },
      ]),
    ).toEqual([])
  })

  it('refuses reversed days or hours, and overlapping slots', () => {
    expect(
      openingHoursProblems([
        { fromDay: 4, toDay: 1, opensAt: '08:15', closesAt: '12:30' },
        { fromDay: 1, toDay: 1, opensAt: '14:00', closesAt: '13:00' },
        { fromDay: 1, toDay: 4, opensAt: '08:00', closesAt: '12:00' },
        { fromDay: 3, toDay: 5, opensAt: '11:00', closesAt: '13:00' },
      ]),
    ).toEqual([
      { path: 'openingHours.0.toDay', message: 'Le dernier jour ne peut pas être avant le premier.' },
      {
        path: 'openingHours.1.closesAt',
        message: 'L’heure de fermeture doit être après l’heure d’ouverture.',
      },
      { path: 'openingHours.3.opensAt', message: 'Ce créneau chevauche le créneau n° 3 un même jour.' },
    ])
  })
})

describe('pieceCodeFromLabel', () => {
  it('makes a stable code from the label, unique in the catalogue', () => {
    expect(pieceCodeFromLabel('Attestation de la CAF', new Set())).toBe('ATTESTATION_DE_LA_CAF')
    expect(pieceCodeFromLabel("Photocopie de l'acte de naissance", new Set())).toBe(
      'PHOTOCOPIE_DE_L_ACTE_DE_NAISSANCE',
    )
    expect(pieceCodeFromLabel('Curriculum vitae', new Set(['CURRICULUM_VITAE']))).toBe('CURRICULUM_VITAE_2')
    expect(pieceCodeFromLabel('« » !', new Set())).toBe('PIECE')
    expect(pieceCodeFromLabel('x'.repeat(80), new Set())).toHaveLength(40)
  })
})

describe('loneAlternativeGroups', () => {
  it('flags a group that only one piece has', () => {
    expect(
      loneAlternativeGroups([
        { alternativeGroup: 'EMPLOYMENT_PROOF' },
        { alternativeGroup: 'EMPLOYMENT_PROOF' },
        { alternativeGroup: null },
        { alternativeGroup: 'EMPLOYMENT_PROF' },
      ]).map((problem) => problem.index),
    ).toEqual([3])
  })
})
