import 'server-only'
import { TARIFF_CATEGORIES, type TariffCategory } from '@/lib/domain/programme'
import { registrationSemester } from '@/lib/domain/ue-choice'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { findListSession, type ListSession } from './find-list-session'

export type DossierListOptions = {
  /** The session shown (see findListSession); null when no session exists yet. */
  session: ListSession | null
  sessions: Array<{ id: string; label: string; programmeCode: string; registrationOpen: boolean }>
  /** The UEs the session offers, in the brochure's order. */
  ues: Array<{ code: string; title: string; semester: 1 | 2 | null }>
  categories: Array<{ value: TariffCategory; label: string }>
}

/** What the filters of the staff dossier list offer: sessions, the chosen session's UEs, categories. */
export async function getDossierListOptions(options: {
  actor: StaffActor | null
  sessionId: string | null
}): Promise<DossierListOptions> {
  assertCan(options.actor, 'dossiers.read')
  const db = getDb()
  const [session, sessions] = await Promise.all([
    findListSession(db, options.sessionId),
    db.academicSession.findMany({
      orderBy: [{ startYear: 'desc' }, { label: 'asc' }],
      select: { id: true, label: true, registrationOpen: true, programme: { select: { code: true } } },
    }),
  ])
  const offers = session
    ? await db.sessionUe.findMany({
        where: { sessionId: session.id },
        orderBy: { position: 'asc' },
        select: { ue: { select: { code: true, title: true } }, period: { select: { kind: true } } },
      })
    : []
  return {
    session,
    sessions: sessions.map((row) => ({
      id: row.id,
      label: row.label,
      programmeCode: row.programme.code,
      registrationOpen: row.registrationOpen,
    })),
    ues: offers.map((offer) => ({
      code: offer.ue.code,
      title: offer.ue.title,
      semester: registrationSemester({ periodKind: offer.period.kind }),
    })),
    categories: session
      ? TARIFF_CATEGORIES.map((category) => ({ value: category, label: session.categoryLabels[category] }))
      : [],
  }
}
