import { formatDate } from '../format'
import type { IsoDate } from './dates'
import type { AcademicSession, SessionUe } from './programme'
import type { ChoiceAnswers, PriorAnswers } from './registration'
import { isSemesterOpen, semestersOfPeriod } from './session'

/**
 * Which UEs an applicant may register for, and why not: semester deadlines, prerequisites,
 * UEs already obtained, FOAD availability and the professional-experience condition of the
 * reports. Shared by the form (to explain before submitting) and the server (to refuse).
 */

export type ChoiceIssue = { field: string; code?: string; message: string }

/** The semester a UE is registered in: its first teaching semester; null for the reports. */
export function registrationSemester(ue: Pick<SessionUe, 'periodKind'>): 1 | 2 | null {
  return semestersOfPeriod(ue.periodKind)[0] ?? null
}

const SEMESTER_NAMES = { 1: '1er semestre', 2: '2nd semestre' } as const

/** Why a UE cannot be chosen at `today`, or null when it can. */
export function closedReason(session: AcademicSession, ue: SessionUe, today: IsoDate): string | null {
  if (!session.registrationOpen) return `Les inscriptions à la session ${session.label} ne sont pas ouvertes.`
  const semesterNumber = registrationSemester(ue)
  if (semesterNumber === null) {
    return session.semesters.some((semester) => isSemesterOpen(semester, today))
      ? null
      : `Les inscriptions à la session ${session.label} sont closes.`
  }
  const semester = session.semesters.find((candidate) => candidate.number === semesterNumber)
  if (!semester) return `Cette UE n’est pas programmée cette session.`
  if (!isSemesterOpen(semester, today)) {
    return `Inscriptions au ${SEMESTER_NAMES[semesterNumber]} closes depuis le ${formatDate(semester.registrationDeadline)}.`
  }
  return null
}

/**
 * What an applicant can do about a missing prerequisite, today: choose it too only when it can
 * still be chosen in an earlier semester of this session; otherwise declare it obtained, or take
 * it at its next semester (a closed semester is not offered as a way out).
 */
function missingPrerequisiteMessage(
  session: AcademicSession,
  ue: SessionUe,
  required: string,
  requiredUe: SessionUe | undefined,
  today: IsoDate,
): string {
  const declare = `si vous l’avez déjà obtenue, déclarez-la à l’étape « UE déjà obtenues »`
  const intro = `${ue.code} demande d’avoir ${required}`
  if (!requiredUe) return `${intro}, qui n’est pas proposée cette session : ${declare}.`
  const requiredSemester = registrationSemester(requiredUe)
  const earlier = (requiredSemester ?? 3) < (registrationSemester(ue) ?? 0)
  if (earlier && closedReason(session, requiredUe, today) === null && requiredSemester !== null) {
    return `${intro} : choisissez aussi ${required} (${SEMESTER_NAMES[requiredSemester]}), ou, ${declare}.`
  }
  const next = requiredSemester
    ? `au prochain ${SEMESTER_NAMES[requiredSemester]}`
    : 'à une prochaine session'
  return `${intro}, qu’il n’est plus possible de choisir avant ${ue.code} cette session : ${declare} ; sinon, inscrivez-vous à ${required} ${next}, puis à ${ue.code}.`
}

export type ExperienceRule = {
  experienceMonthsRequired: number
  experienceMonthsReduced: number
  internshipMonths: number
}

export function checkUeChoice(options: {
  session: AcademicSession
  today: IsoDate
  prior: PriorAnswers
  choice: ChoiceAnswers
  experience: ExperienceRule
}): ChoiceIssue[] {
  const { session, today, prior, choice, experience } = options
  const issues: ChoiceIssue[] = []
  const byCode = new Map(session.ues.map((ue) => [ue.code, ue]))
  const obtained = new Set(prior.obtained.map((ue) => ue.code))
  const chosen = new Map(choice.ues.map((ue) => [ue.code, ue]))

  if (choice.ues.length === 0) issues.push({ field: 'ues', message: 'Choisissez au moins une UE.' })
  if (chosen.size !== choice.ues.length)
    issues.push({ field: 'ues', message: 'Une même UE est choisie deux fois.' })

  for (const pick of choice.ues) {
    const ue = byCode.get(pick.code)
    if (!ue) {
      issues.push({
        field: 'ues',
        code: pick.code,
        message: `L’UE ${pick.code} n’est pas proposée cette session.`,
      })
      continue
    }
    const closed = closedReason(session, ue, today)
    if (closed) issues.push({ field: 'ues', code: ue.code, message: `${ue.code} : ${closed}` })
    if (obtained.has(ue.code)) {
      issues.push({
        field: 'ues',
        code: ue.code,
        message: `${ue.code} : vous avez déclaré l’avoir déjà obtenue.`,
      })
    }
    if (pick.foad && (!ue.foadAvailable || ue.kind !== 'COURSE')) {
      issues.push({
        field: 'ues',
        code: ue.code,
        message: `${ue.code} n’est pas proposée à distance (FOAD).`,
      })
    }
    for (const required of ue.prerequisites) {
      const requiredUe = byCode.get(required)
      const chosenEarlier =
        chosen.has(required) &&
        requiredUe !== undefined &&
        (registrationSemester(requiredUe) ?? 3) < (registrationSemester(ue) ?? 0)
      if (!obtained.has(required) && !chosenEarlier) {
        issues.push({
          field: 'ues',
          code: ue.code,
          message: missingPrerequisiteMessage(session, ue, required, requiredUe, today),
        })
      }
    }
  }

  const reports = choice.ues
    .map((pick) => byCode.get(pick.code))
    .filter((ue) => ue && ue.kind !== 'COURSE') as SessionUe[]
  if (reports.length > 1) {
    issues.push({ field: 'ues', message: 'Choisissez un seul rapport : UA000S ou UA0003.' })
  }
  if (reports.length > 0) {
    const months = choice.experienceMonths
    if (months === null) {
      issues.push({
        field: 'experienceMonths',
        message: 'Indiquez la durée de votre expérience professionnelle.',
      })
    }
    if (choice.experienceInField === null) {
      issues.push({
        field: 'experienceInField',
        message: 'Indiquez si votre expérience est dans le domaine du titre.',
      })
    }
    for (const report of reports) {
      if (months === null || choice.experienceInField === null) break
      if (
        report.kind === 'ACTIVITY_REPORT' &&
        (!choice.experienceInField || months < experience.experienceMonthsRequired)
      ) {
        issues.push({
          field: 'ues',
          code: report.code,
          message: `${report.code} (rapport d’activité professionnelle) demande ${experience.experienceMonthsRequired / 12} ans d’expérience à temps plein dans le domaine du titre. Avec une expérience plus courte ou hors secteur, choisissez le rapport de stage UA0003.`,
        })
      }
      if (report.kind === 'INTERNSHIP_REPORT' && months < experience.experienceMonthsReduced) {
        issues.push({
          field: 'ues',
          code: report.code,
          message: `${report.code} (rapport de stage) demande au moins ${experience.experienceMonthsReduced} mois d’expérience professionnelle, complétés par un stage de ${experience.internshipMonths} mois dans le secteur du titre.`,
        })
      }
    }
  }
  return issues
}

/** Whether the examen anticipé may be requested: from `minimum` UEs obtained. */
export function canRequestEarlyReview(prior: Pick<PriorAnswers, 'obtained'>, minimum: number): boolean {
  return prior.obtained.length >= minimum
}
