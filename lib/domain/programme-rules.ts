import { addYears, type IsoDate } from './dates'
import type { AcademicSession, PeriodKind, UeKind } from './programme'

/**
 * Rules of the staff's programme and session editor: the checks a form runs in the browser and the
 * server runs again before writing. Pure functions: no database, no framework.
 */

/** A problem found in a form's values: `path` is the field ("semesters.0.endsOn"), as zod paths are. */
export type FieldProblem = { path: string; message: string }

// ---------------------------------------------------------------------------------------------
// Amounts typed in euros
// ---------------------------------------------------------------------------------------------

export type EuroParse = { ok: true; cents: number } | { ok: false; problem: 'EMPTY' | 'FORMAT' | 'DECIMALS' }

/**
 * An amount typed in euros, as the French write it ("55", "5,50", "1 234,56 €"), in cents. A dot
 * is accepted as the decimal separator too; spaces (also non-breaking ones) are thousands
 * separators. Negative amounts parse: whether they are allowed is the caller's rule.
 */
export function parseEuroCents(text: string): EuroParse {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '')
  if (compact === '') return { ok: false, problem: 'EMPTY' }
  const match = /^(-?)(\d+)(?:[,.](\d*))?$/.exec(compact)
  if (!match) return { ok: false, problem: 'FORMAT' }
  const [, sign, whole, decimals = ''] = match
  if (decimals.length > 2) return { ok: false, problem: 'DECIMALS' }
  const cents = Number(whole) * 100 + Number(decimals.padEnd(2, '0'))
  if (!Number.isSafeInteger(cents)) return { ok: false, problem: 'FORMAT' }
  return { ok: true, cents: sign === '-' ? -cents : cents }
}

/** Cents as a form shows them for editing: "55,00", "5,50". */
export function formatEuroInput(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const absolute = Math.abs(cents)
  return `${sign}${Math.trunc(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`
}

// ---------------------------------------------------------------------------------------------
// UE prerequisites
// ---------------------------------------------------------------------------------------------

/**
 * A cycle in the "requires" relation, as the list of codes walked (first code repeated at the
 * end: AST004 → AST005 → AST004), or null. A UE requiring itself is a cycle of one.
 */
export function findPrerequisiteCycle(requires: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'VISITING' | 'DONE'>()
  const stack: string[] = []

  const visit = (code: string): string[] | null => {
    state.set(code, 'VISITING')
    stack.push(code)
    for (const required of requires.get(code) ?? []) {
      const seen = state.get(required)
      if (seen === 'VISITING') return [...stack.slice(stack.indexOf(required)), required]
      if (seen === undefined) {
        const cycle = visit(required)
        if (cycle) return cycle
      }
    }
    stack.pop()
    state.set(code, 'DONE')
    return null
  }

  // Sorted so that the same catalogue always reports the same cycle.
  for (const code of [...requires.keys()].sort()) {
    if (state.has(code)) continue
    const cycle = visit(code)
    if (cycle) return cycle
  }
  return null
}

/**
 * Problems of the prerequisites of a catalogue, per UE (by its index in `ues`): a UE requiring
 * itself, a code that is not in the catalogue, and cycles (every UE of the cycle is told).
 */
export function prerequisiteProblems(
  ues: ReadonlyArray<{ code: string; prerequisites: readonly string[] }>,
): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = []
  const known = new Set(ues.map((ue) => ue.code))
  ues.forEach((ue, index) => {
    if (ue.prerequisites.includes(ue.code)) {
      problems.push({ index, message: 'Une UE ne peut pas être son propre prérequis.' })
      return
    }
    const unknown = ue.prerequisites.filter((code) => !known.has(code))
    if (unknown.length > 0)
      problems.push({
        index,
        message:
          unknown.length === 1
            ? `${unknown[0]} n’est pas une UE du catalogue.`
            : `${unknown.join(', ')} ne sont pas des UE du catalogue.`,
      })
  })
  if (problems.length > 0) return problems
  const cycle = findPrerequisiteCycle(new Map(ues.map((ue) => [ue.code, ue.prerequisites])))
  if (cycle) {
    const message = `Ces prérequis tournent en rond : ${cycle.join(' → ')}. Une UE ne peut pas exiger, même indirectement, une UE qui l’exige.`
    ues.forEach((ue, index) => {
      if (cycle.includes(ue.code)) problems.push({ index, message })
    })
  }
  return problems
}

// ---------------------------------------------------------------------------------------------
// Session calendar
// ---------------------------------------------------------------------------------------------

export type CalendarDates = Pick<AcademicSession, 'semesters' | 'secondExamStartsOn' | 'secondExamEndsOn'>

const SEMESTER_NAMES = { 1: '1er semestre', 2: '2nd semestre' } as const

/**
 * Whether the dates of a session follow each other as a year of teaching does: in each semester
 * the registration deadline is not after the end of the courses, the break lies inside the
 * courses, the first exam session does not start before the courses end and ends after it starts;
 * the 2nd semester starts after the 1st ends; the second exam session comes after every first
 * one. With `startYear`, every date must also fall in the two calendar years of the session (a
 * typed "2062" is caught). One message per field at most, the first rule broken.
 */
export function calendarProblems(
  calendar: CalendarDates,
  options: { startYear?: number } = {},
): FieldProblem[] {
  const problems: FieldProblem[] = []
  const flagged = new Set<string>()
  const add = (path: string, message: string) => {
    if (flagged.has(path)) return
    flagged.add(path)
    problems.push({ path, message })
  }

  if (options.startYear !== undefined) {
    const first = `${options.startYear}-01-01`
    const last = addYears(`${options.startYear}-12-31`, 1)
    const message = `Cette date doit tomber en ${options.startYear} ou en ${options.startYear + 1}, les années de la session ${options.startYear}-${options.startYear + 1}.`
    const check = (path: string, date: IsoDate | null) => {
      if (date !== null && (date < first || date > last)) add(path, message)
    }
    calendar.semesters.forEach((semester, index) => {
      for (const field of [
        'registrationDeadline',
        'startsOn',
        'pauseOn',
        'resumeOn',
        'endsOn',
        'examStartsOn',
        'examEndsOn',
      ] as const)
        check(`semesters.${index}.${field}`, semester[field])
    })
    check('secondExamStartsOn', calendar.secondExamStartsOn)
    check('secondExamEndsOn', calendar.secondExamEndsOn)
  }

  calendar.semesters.forEach((semester, index) => {
    const at = (field: string) => `semesters.${index}.${field}`
    if (semester.endsOn <= semester.startsOn)
      add(at('endsOn'), 'La fin des cours doit être après le début de la formation.')
    if (semester.pauseOn !== null && semester.resumeOn === null)
      add(
        at('resumeOn'),
        'Indiquez la reprise des cours, ou effacez l’arrêt des cours s’il n’y a pas de pause.',
      )
    if (semester.resumeOn !== null && semester.pauseOn === null)
      add(
        at('pauseOn'),
        'Indiquez l’arrêt des cours, ou effacez la reprise des cours s’il n’y a pas de pause.',
      )
    if (semester.pauseOn !== null && semester.resumeOn !== null) {
      if (semester.pauseOn <= semester.startsOn)
        add(at('pauseOn'), 'L’arrêt des cours doit être après le début de la formation.')
      if (semester.resumeOn <= semester.pauseOn)
        add(at('resumeOn'), 'La reprise des cours doit être après l’arrêt des cours.')
      else if (semester.resumeOn >= semester.endsOn)
        add(at('resumeOn'), 'La reprise des cours doit être avant la fin des cours.')
    }
    if (semester.registrationDeadline > semester.endsOn)
      add(
        at('registrationDeadline'),
        'La date limite d’inscription ne peut pas être après la fin des cours du semestre.',
      )
    if (semester.examStartsOn < semester.endsOn)
      add(at('examStartsOn'), 'La 1ère session d’examen ne peut pas commencer avant la fin des cours.')
    if (semester.examEndsOn < semester.examStartsOn)
      add(at('examEndsOn'), 'La fin de la session d’examen ne peut pas être avant son début.')
  })

  for (let index = 1; index < calendar.semesters.length; index += 1) {
    const previous = calendar.semesters[index - 1]!
    const semester = calendar.semesters[index]!
    if (semester.startsOn <= previous.endsOn)
      add(
        `semesters.${index}.startsOn`,
        `Le ${SEMESTER_NAMES[semester.number]} doit commencer après la fin des cours du ${SEMESTER_NAMES[previous.number]}.`,
      )
  }

  const lastFirstExam = calendar.semesters.reduce<IsoDate | null>(
    (latest, semester) => (latest === null || semester.examEndsOn > latest ? semester.examEndsOn : latest),
    null,
  )
  if (lastFirstExam !== null && calendar.secondExamStartsOn <= lastFirstExam)
    add(
      'secondExamStartsOn',
      'La 2ème session d’examen doit commencer après la fin des 1ères sessions d’examen.',
    )
  if (calendar.secondExamEndsOn < calendar.secondExamStartsOn)
    add('secondExamEndsOn', 'La fin de la 2ème session d’examen ne peut pas être avant son début.')
  return problems
}

/** A teaching period's months: both or neither, the last not before the first. */
export function periodProblems(
  periods: ReadonlyArray<{ startMonth: IsoDate | null; endMonth: IsoDate | null }>,
): FieldProblem[] {
  const problems: FieldProblem[] = []
  periods.forEach((period, index) => {
    if (period.startMonth !== null && period.endMonth === null)
      problems.push({ path: `periods.${index}.endMonth`, message: 'Indiquez aussi le dernier mois.' })
    else if (period.startMonth === null && period.endMonth !== null)
      problems.push({ path: `periods.${index}.startMonth`, message: 'Indiquez aussi le premier mois.' })
    else if (period.startMonth !== null && period.endMonth !== null && period.endMonth < period.startMonth)
      problems.push({
        path: `periods.${index}.endMonth`,
        message: 'Le dernier mois ne peut pas être avant le premier.',
      })
  })
  return problems
}

// ---------------------------------------------------------------------------------------------
// UE offerings of a session
// ---------------------------------------------------------------------------------------------

/**
 * Problems of a session's UE offerings: a UE offered twice, a course placed in the "professional
 * experience" period (it would belong to no semester, so nobody could register for it), a report
 * placed in a teaching period, FOAD offered for a report (reports are billed by their follow-up
 * fee, never at a distance). `kindOf` gives the catalogue kind of a code (undefined: unknown UE).
 */
export function offeringProblems(
  offerings: ReadonlyArray<{ ueCode: string; periodKind: PeriodKind; foadAvailable: boolean }>,
  kindOf: (code: string) => UeKind | undefined,
): FieldProblem[] {
  const problems: FieldProblem[] = []
  const seen = new Set<string>()
  offerings.forEach((offering, index) => {
    const at = (field: string) => `ues.${index}.${field}`
    const kind = kindOf(offering.ueCode)
    if (kind === undefined) {
      problems.push({ path: at('ueCode'), message: 'Cette UE n’est pas dans le catalogue du programme.' })
      return
    }
    if (seen.has(offering.ueCode)) {
      problems.push({ path: at('ueCode'), message: 'Cette UE est déjà proposée dans cette session.' })
      return
    }
    seen.add(offering.ueCode)
    const isReport = kind !== 'COURSE'
    if (!isReport && offering.periodKind === 'PROFESSIONAL_EXPERIENCE')
      problems.push({
        path: at('periodKind'),
        message: 'Un cours se rattache à une période d’enseignement, pas à l’expérience professionnelle.',
      })
    if (isReport && offering.periodKind !== 'PROFESSIONAL_EXPERIENCE')
      problems.push({
        path: at('periodKind'),
        message: 'Un rapport se rattache à la période « Expérience professionnelle ».',
      })
    if (isReport && offering.foadAvailable)
      problems.push({ path: at('foadAvailable'), message: 'La FOAD ne concerne que les cours.' })
  })
  return problems
}

// ---------------------------------------------------------------------------------------------
// Opening hours of a centre
// ---------------------------------------------------------------------------------------------

export type OpeningSlotInput = { fromDay: number; toDay: number; opensAt: string; closesAt: string }

/**
 * Problems of a centre's opening slots: the last day before the first, closing before opening,
 * and two slots that overlap on a common day (which includes the same slot given twice).
 */
export function openingHoursProblems(slots: readonly OpeningSlotInput[]): FieldProblem[] {
  const problems: FieldProblem[] = []
  const valid: Array<{ index: number; slot: OpeningSlotInput }> = []
  slots.forEach((slot, index) => {
    const at = (field: string) => `openingHours.${index}.${field}`
    let ok = true
    if (slot.toDay < slot.fromDay) {
      problems.push({ path: at('toDay'), message: 'Le dernier jour ne peut pas être avant le premier.' })
      ok = false
    }
    if (slot.closesAt <= slot.opensAt) {
      problems.push({
        path: at('closesAt'),
        message: 'L’heure de fermeture doit être après l’heure d’ouverture.',
      })
      ok = false
    }
    if (!ok) return
    const clash = valid.find(
      ({ slot: other }) =>
        slot.fromDay <= other.toDay &&
        other.fromDay <= slot.toDay &&
        slot.opensAt < other.closesAt &&
        other.opensAt < slot.closesAt,
    )
    if (clash)
      problems.push({
        path: at('opensAt'),
        message: `Ce créneau chevauche le créneau n° ${clash.index + 1} un même jour.`,
      })
    else valid.push({ index, slot })
  })
  return problems
}

// ---------------------------------------------------------------------------------------------
// Pieces catalogue
// ---------------------------------------------------------------------------------------------

/**
 * The code of a new piece type, from its label ("Attestation de la CAF" → "ATTESTATION_DE_LA_CAF"),
 * made unique among `taken`. Codes are what uploads refer to, so they never change afterwards.
 */
export function pieceCodeFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40)
      .replace(/_+$/, '') || 'PIECE'
  if (!taken.has(base)) return base
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}_${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * Alternative groups given to a single piece: an alternative needs at least two pieces, so a lone
 * group is most likely a typo in one of the names.
 */
export function loneAlternativeGroups(
  pieces: ReadonlyArray<{ alternativeGroup: string | null }>,
): Array<{ index: number; message: string }> {
  const counts = new Map<string, number>()
  for (const piece of pieces)
    if (piece.alternativeGroup)
      counts.set(piece.alternativeGroup, (counts.get(piece.alternativeGroup) ?? 0) + 1)
  return pieces.flatMap((piece, index) =>
    piece.alternativeGroup && counts.get(piece.alternativeGroup) === 1
      ? [
          {
            index,
            message:
              'Aucune autre pièce n’a ce groupe : une alternative réunit au moins deux pièces portant exactement le même nom de groupe.',
          },
        ]
      : [],
  )
}
