import type { Metadata } from 'next'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { SessionTariffForm } from '@/components/admin/programme/session-tariff-form'
import { toSessionTariffInput } from '@/lib/schemas/programme'
import { loadSessionEditor, sessionBreadcrumb, sessionTabs } from '../../load-session-editor'

export const metadata: Metadata = { title: 'Tarifs de la session — espace gestion' }

export default async function SessionTariffPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const session = await loadSessionEditor(id, `/admin/sessions/${id}/tarifs`)
  return (
    <AdminPage
      title={`Tarifs de la session ${session.label}`}
      breadcrumb={[
        ...sessionBreadcrumb(),
        { href: `/admin/sessions/${id}`, label: `Session ${session.label}` },
      ]}
      intro={
        <p>
          Montants en euros, avec une virgule pour les centimes. Les dossiers déjà déposés gardent les
          montants calculés à leur dépôt.
        </p>
      }
      tabs={sessionTabs(session.id, '/tarifs')}
    >
      <SessionTariffForm
        sessionId={session.id}
        version={session.tariff.version}
        defaultValues={toSessionTariffInput(session.tariff.data)}
      />
    </AdminPage>
  )
}
