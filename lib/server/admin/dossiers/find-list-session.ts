import 'server-only'
import type { TariffCategory } from '@/lib/domain/programme'
import { TARIFF_CATEGORY_LABELS } from '@/lib/pdf/registration-form-text'
import type { DbClient } from '@/lib/server/db'

export type ListSession = {
  id: string
  label: string
  programmeCode: string
  registrationOpen: boolean
  /** The session's own wording of the tariff categories ("Demandeurs d'emploi"…). */
  categoryLabels: Record<TariffCategory, string>
}

/**
 * The session the staff list shows: `sessionId` when it exists, else the newest session open for
 * registration, else the newest session; null when there is no session at all. Authorization is
 * the caller's (every exported data function of this folder checks it first).
 */
export async function findListSession(db: DbClient, sessionId: string | null): Promise<ListSession | null> {
  const select = {
    id: true,
    label: true,
    registrationOpen: true,
    programme: { select: { code: true } },
    categoryRates: { select: { category: true, label: true } },
  } as const
  const row =
    (sessionId ? await db.academicSession.findUnique({ where: { id: sessionId }, select }) : null) ??
    (await db.academicSession.findFirst({
      where: { registrationOpen: true },
      orderBy: { startYear: 'desc' },
      select,
    })) ??
    (await db.academicSession.findFirst({ orderBy: { startYear: 'desc' }, select }))
  if (!row) return null
  return {
    id: row.id,
    label: row.label,
    programmeCode: row.programme.code,
    registrationOpen: row.registrationOpen,
    categoryLabels: {
      ...TARIFF_CATEGORY_LABELS,
      ...Object.fromEntries(row.categoryRates.map((rate) => [rate.category, rate.label])),
    },
  }
}
