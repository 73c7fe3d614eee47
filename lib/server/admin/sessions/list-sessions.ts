import 'server-only'
import { academicYearLabel } from '@/lib/domain/dates'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'

export type SessionListItem = {
  id: string
  label: string
  startYear: number
  registrationOpen: boolean
  generated: boolean
  generatedFrom: string | null
  ueCount: number
  dossierCount: number
  nextYear: { label: string; exists: boolean }
}

/** The programme's sessions, newest first. Administrators only. */
export async function listSessions(options: {
  actor: StaffActor | null
  programmeCode: string
}): Promise<SessionListItem[]> {
  assertCan(options.actor, 'programme.edit')
  const rows = await getDb().academicSession.findMany({
    where: { programme: { code: options.programmeCode } },
    orderBy: { startYear: 'desc' },
    select: {
      id: true,
      label: true,
      startYear: true,
      registrationOpen: true,
      generated: true,
      generatedFrom: { select: { label: true } },
      _count: { select: { ues: true, dossiers: true } },
    },
  })
  const years = new Set(rows.map((row) => row.startYear))
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    startYear: row.startYear,
    registrationOpen: row.registrationOpen,
    generated: row.generated,
    generatedFrom: row.generatedFrom?.label ?? null,
    ueCount: row._count.ues,
    dossierCount: row._count.dossiers,
    nextYear: { label: academicYearLabel(row.startYear + 1), exists: years.has(row.startYear + 1) },
  }))
}
