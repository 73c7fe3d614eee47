import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { formatOpeningHours, formatPhone } from '@/lib/format'
import { loadProgrammeEditor, PROGRAMME_BREADCRUMB, programmeTabs } from '../load-programme-editor'

export const metadata: Metadata = { title: 'Centres — espace gestion' }

export default async function CentresPage() {
  const editor = await loadProgrammeEditor('/admin/programme/centres')
  return (
    <AdminPage
      title="Centres"
      breadcrumb={PROGRAMME_BREADCRUMB}
      intro={<p>Les lieux d’accueil du Cnam à La Réunion, tels que la page publique les présente.</p>}
      tabs={programmeTabs('/admin/programme/centres')}
    >
      <ul className="grid gap-4 sm:grid-cols-2">
        {editor.centres.map((centre) => (
          <li key={centre.id} className="rounded-lg border border-line p-4">
            <h2 className="text-lg font-semibold">
              <Link href={`/admin/programme/centres/${centre.id}`}>{centre.data.name}</Link>
            </h2>
            <p className="mt-1">
              {centre.data.street}, {centre.data.postcode} {centre.data.city}
            </p>
            <p className="text-muted">Tél. {formatPhone(centre.data.phone)}</p>
            <p className="text-sm text-muted">
              {centre.data.openingHours.length > 0
                ? formatOpeningHours(centre.data.openingHours).join(' ; ')
                : 'Pas d’horaires indiqués.'}
            </p>
          </li>
        ))}
      </ul>
    </AdminPage>
  )
}
