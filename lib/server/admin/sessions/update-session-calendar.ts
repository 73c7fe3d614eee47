import 'server-only'
import { fromIsoDate } from '@/lib/domain/dates'
import { calendarProblems } from '@/lib/domain/programme-rules'
import {
  refusal,
  STALE_EDIT_MESSAGE,
  toSessionCalendarInput,
  type AdminSaveResult,
  type SessionCalendar,
  type SessionCalendarInput,
} from '@/lib/schemas/programme'
import { lockSession } from '@/lib/server/admin/programme/content-version'
import {
  markSessionEdited,
  recordProgrammeChange,
  runEdit,
} from '@/lib/server/admin/programme/edit-transaction'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { readSessionSections, SESSION_NOT_FOUND } from './session-sections'

const orNull = (date: string | null) => (date === null ? null : fromIsoDate(date))

/**
 * Saves the dates of a session (both semesters and the second exam session), checked against each
 * other and against the session's years. Administrators only; audited.
 */
export async function updateSessionCalendar(options: {
  actor: StaffActor | null
  sessionId: string
  expectedVersion: string
  values: SessionCalendar
}): Promise<AdminSaveResult<SessionCalendarInput>> {
  const { actor, sessionId, values } = options
  assertCan(actor, 'programme.edit')
  return runEdit(async (tx) => {
    if (!(await lockSession(tx, sessionId))) return refusal(SESSION_NOT_FOUND)
    const current = await readSessionSections(tx, actor, sessionId)
    if (!current) return refusal(SESSION_NOT_FOUND)
    if (current.calendar.version !== options.expectedVersion) return refusal(STALE_EDIT_MESSAGE)
    const numbers = (calendar: SessionCalendar) =>
      calendar.semesters.map((semester) => semester.number).join()
    if (numbers(values) !== numbers(current.calendar.data)) return refusal(STALE_EDIT_MESSAGE)
    const problems = calendarProblems(values, { startYear: current.startYear })
    if (problems.length > 0)
      return refusal(null, Object.fromEntries(problems.map((problem) => [problem.path, problem.message])))

    for (const semester of values.semesters)
      await tx.semester.update({
        where: { sessionId_number: { sessionId, number: semester.number } },
        data: {
          registrationDeadline: fromIsoDate(semester.registrationDeadline),
          startsOn: fromIsoDate(semester.startsOn),
          pauseOn: orNull(semester.pauseOn),
          resumeOn: orNull(semester.resumeOn),
          endsOn: fromIsoDate(semester.endsOn),
          examStartsOn: fromIsoDate(semester.examStartsOn),
          examEndsOn: fromIsoDate(semester.examEndsOn),
        },
      })
    await tx.academicSession.update({
      where: { id: sessionId },
      data: {
        secondExamStartsOn: fromIsoDate(values.secondExamStartsOn),
        secondExamEndsOn: fromIsoDate(values.secondExamEndsOn),
      },
    })
    await markSessionEdited(tx, sessionId)
    await recordProgrammeChange(tx, {
      actor,
      action: 'SESSION_CALENDAR_UPDATED',
      details: { sessionId, session: current.label, before: current.calendar.data, after: values },
    })
    const saved = await readSessionSections(tx, actor, sessionId)
    if (!saved) return refusal(SESSION_NOT_FOUND)
    return { ok: true, version: saved.calendar.version, values: toSessionCalendarInput(saved.calendar.data) }
  })
}
