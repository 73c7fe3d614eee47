import type { Metadata } from 'next'
import Link from 'next/link'
import { CountTable } from '@/components/admin/dashboard/count-table'
import { RecentActivity } from '@/components/admin/dashboard/recent-activity'
import { SessionPicker } from '@/components/admin/dashboard/session-picker'
import { UeTable } from '@/components/admin/dashboard/ue-table'
import { Alert } from '@/components/ui/alert'
import { total } from '@/lib/domain/dashboard'
import { STATUS_LABELS } from '@/lib/domain/workflow'
import { dashboardFilterSchema } from '@/lib/schemas/staff'
import { getDashboard } from '@/lib/server/admin/dashboard/get-dashboard'
import { requireStaffPage } from '@/lib/server/auth/authorize'

export const metadata: Metadata = { title: 'Tableau de bord — espace gestion' }

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await requireStaffPage('dossiers.read', '/admin')
  const filter = dashboardFilterSchema.parse(await searchParams)
  const dashboard = await getDashboard({ actor, sessionId: filter.session })
  if (!dashboard) {
    return (
      <div className="mx-auto max-w-7xl px-4 py-8">
        <h1 className="text-2xl font-bold">Tableau de bord</h1>
        <Alert className="mt-6">Aucune session n’est encore enregistrée.</Alert>
      </div>
    )
  }
  const { session } = dashboard
  const dossierList = (status?: string) =>
    `/admin/dossiers?${new URLSearchParams({ ...(status ? { status } : {}), session: session.id })}`
  const count = total(dashboard.byStatus.map((row) => row.count))
  const toProcess = dashboard.byStatus
    .filter((row) => ['SUBMITTED', 'UNDER_REVIEW', 'INCOMPLETE', 'COMPLETE'].includes(row.status))
    .reduce((sum, row) => sum + row.count, 0)

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Tableau de bord</h1>
          <p className="mt-1 text-muted">
            Session {session.programme} {session.label}
            {session.registrationOpen ? ' · inscriptions ouvertes' : ''} : {count}{' '}
            {count > 1 ? 'dossiers' : 'dossier'}, dont {toProcess} à traiter.{' '}
            <Link href={dossierList()}>Voir les dossiers</Link>
          </p>
        </div>
        {dashboard.sessions.length > 1 ? (
          <SessionPicker sessions={dashboard.sessions} current={session.id} />
        ) : null}
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <section aria-label="Dossiers par statut" className="rounded-lg border border-line bg-white p-5">
          <CountTable
            caption="Dossiers par statut"
            heading="Statut"
            rows={dashboard.byStatus.map((row) => ({
              key: row.status,
              label: STATUS_LABELS[row.status],
              count: row.count,
              href: dossierList(row.status),
            }))}
          />
        </section>
        <section aria-label="Dossiers par catégorie" className="rounded-lg border border-line bg-white p-5">
          <CountTable
            caption="Dossiers par catégorie tarifaire"
            heading="Catégorie"
            rows={dashboard.byCategory.map((row) => ({
              key: row.category,
              label: row.label,
              count: row.count,
            }))}
          />
        </section>
        <section
          aria-label="Inscriptions par UE"
          className="rounded-lg border border-line bg-white p-5 lg:col-span-2"
        >
          <UeTable rows={dashboard.byUe} />
        </section>
        <section
          aria-labelledby="activite-recente"
          className="rounded-lg border border-line bg-white p-5 lg:col-span-2"
        >
          <h2 id="activite-recente" className="text-lg font-semibold">
            Activité récente
          </h2>
          <div className="mt-2">
            <RecentActivity events={dashboard.recent} />
          </div>
        </section>
      </div>
    </div>
  )
}
