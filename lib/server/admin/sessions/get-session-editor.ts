import 'server-only'
import { academicYearLabel } from '@/lib/domain/dates'
import type { UeKind } from '@/lib/domain/programme'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { readSessionSections, type SessionSections } from './session-sections'

export type SessionEditor = SessionSections & {
  /** The programme's UE catalogue, to choose the UEs offered. */
  catalogue: Array<{ code: string; title: string; ects: number; kind: UeKind }>
  dossierCount: number
  nextYear: { label: string; exists: boolean }
}

/** A session with everything its staff pages edit. Null when it does not exist. Administrators only. */
export async function getSessionEditor(options: {
  actor: StaffActor | null
  sessionId: string
}): Promise<SessionEditor | null> {
  const { actor, sessionId } = options
  assertCan(actor, 'programme.edit')
  const db = getDb()
  const sections = await readSessionSections(db, actor, sessionId)
  if (!sections) return null
  const [catalogue, dossierCount, next] = await Promise.all([
    db.ue.findMany({
      where: { programmeId: sections.programmeId },
      orderBy: { code: 'asc' },
      select: { code: true, title: true, ects: true, kind: true },
    }),
    db.dossier.count({ where: { sessionId } }),
    db.academicSession.findUnique({
      where: {
        programmeId_startYear: { programmeId: sections.programmeId, startYear: sections.startYear + 1 },
      },
      select: { id: true },
    }),
  ])
  return {
    ...sections,
    catalogue,
    dossierCount,
    nextYear: { label: academicYearLabel(sections.startYear + 1), exists: next !== null },
  }
}
