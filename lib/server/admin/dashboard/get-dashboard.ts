import 'server-only'
import { TARIFF_CATEGORIES, type TariffCategory } from '@/lib/domain/programme'
import { DOSSIER_STATUSES, type StoredDossierStatus } from '@/lib/domain/workflow'
import { TARIFF_CATEGORY_LABELS } from '@/lib/pdf/registration-form-text'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'

const STORED_STATUSES = DOSSIER_STATUSES.filter((status) => status !== 'DRAFT') as StoredDossierStatus[]

export type DashboardSession = { id: string; label: string; programme: string; registrationOpen: boolean }

export type Dashboard = {
  sessions: DashboardSession[]
  session: DashboardSession
  byStatus: Array<{ status: StoredDossierStatus; count: number }>
  byCategory: Array<{ category: TariffCategory; label: string; count: number }>
  /**
   * Every UE offered in the session; a dossier counts once in each UE it registers for. "Open":
   * submitted, under review, incomplete or complete, i.e. not decided yet.
   */
  byUe: Array<{ code: string; title: string; open: number; accepted: number; total: number }>
  recent: Array<{
    id: string
    at: Date
    action: string
    toStatus: StoredDossierStatus | null
    actorType: 'APPLICANT' | 'STAFF' | 'SYSTEM'
    staffName: string | null
    dossier: { id: string; reference: string } | null
  }>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Figures of one session for the dashboard: dossiers per status, per tariff category and per UE,
 * and the latest events of its dossiers. Without a session id (or with an unknown one), the
 * session open for registration, else the latest. Null when there is no session at all.
 */
export async function getDashboard(options: {
  actor: StaffActor | null
  sessionId?: string | null
  recentLimit?: number
}): Promise<Dashboard | null> {
  assertCan(options.actor, 'dossiers.read')
  const db = getDb()
  const sessions = (
    await db.academicSession.findMany({
      select: { id: true, label: true, registrationOpen: true, programme: { select: { code: true } } },
      orderBy: [{ startYear: 'desc' }, { label: 'asc' }],
    })
  ).map((row) => ({
    id: row.id,
    label: row.label,
    programme: row.programme.code,
    registrationOpen: row.registrationOpen,
  }))
  const session =
    sessions.find((candidate) => candidate.id === options.sessionId) ??
    sessions.find((candidate) => candidate.registrationOpen) ??
    sessions[0]
  if (!session) return null

  const [statusGroups, categoryGroups, rates, ueRows, events] = await Promise.all([
    db.dossier.groupBy({ by: ['status'], where: { sessionId: session.id }, _count: { _all: true } }),
    db.dossier.groupBy({ by: ['category'], where: { sessionId: session.id }, _count: { _all: true } }),
    db.categoryRate.findMany({ where: { sessionId: session.id }, select: { category: true, label: true } }),
    db.$queryRaw<Array<{ code: string; title: string; open: number; accepted: number; total: number }>>`
      SELECT u.code, u.title,
        count(r.status) FILTER (WHERE r.status IN ('SUBMITTED', 'UNDER_REVIEW', 'INCOMPLETE', 'COMPLETE'))::int AS open,
        count(r.status) FILTER (WHERE r.status = 'ACCEPTED')::int AS accepted,
        count(r.status)::int AS total
      FROM "SessionUe" su
      JOIN "Ue" u ON u.id = su."ueId"
      LEFT JOIN (
        SELECT du."ueId", d.status FROM "DossierUe" du JOIN "Dossier" d ON d.id = du."dossierId"
        WHERE d."sessionId" = ${session.id}::uuid
      ) r ON r."ueId" = su."ueId"
      WHERE su."sessionId" = ${session.id}::uuid
      GROUP BY u.id, u.code, u.title, su.position
      ORDER BY su.position, u.code`,
    db.auditEvent.findMany({
      where: { dossier: { sessionId: session.id } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.recentLimit ?? 12,
      select: {
        id: true,
        createdAt: true,
        action: true,
        toStatus: true,
        actorType: true,
        actorId: true,
        dossier: { select: { id: true, reference: true } },
      },
    }),
  ])

  const staffIds = [...new Set(events.map((event) => event.actorId).filter((id) => id && UUID.test(id)))]
  const staff = staffIds.length
    ? await db.staffUser.findMany({
        where: { id: { in: staffIds as string[] } },
        select: { id: true, name: true },
      })
    : []
  const perStatus = new Map(statusGroups.map((group) => [group.status, group._count._all]))
  const perCategory = new Map(categoryGroups.map((group) => [group.category, group._count._all]))

  return {
    sessions,
    session,
    byStatus: STORED_STATUSES.map((status) => ({ status, count: perStatus.get(status) ?? 0 })),
    byCategory: TARIFF_CATEGORIES.map((category) => ({
      category,
      label: rates.find((rate) => rate.category === category)?.label ?? TARIFF_CATEGORY_LABELS[category],
      count: perCategory.get(category) ?? 0,
    })),
    byUe: ueRows,
    recent: events.map((event) => ({
      id: event.id,
      at: event.createdAt,
      action: event.action,
      toStatus: event.toStatus,
      actorType: event.actorType,
      staffName: staff.find((member) => member.id === event.actorId)?.name ?? null,
      dossier: event.dossier,
    })),
  }
}
