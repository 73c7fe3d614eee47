import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { SessionOfferingsForm } from '@/components/admin/programme/session-offerings-form'
import { toSessionOfferingsInput } from '@/lib/schemas/programme'
import { loadSessionEditor, sessionBreadcrumb, sessionTabs } from '../../load-session-editor'

export const metadata: Metadata = { title: 'Périodes et UE de la session — espace gestion' }

export default async function SessionOfferingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const session = await loadSessionEditor(id, `/admin/sessions/${id}/ue`)
  return (
    <AdminPage
      title={`Périodes et UE de la session ${session.label}`}
      breadcrumb={[
        ...sessionBreadcrumb(),
        { href: `/admin/sessions/${id}`, label: `Session ${session.label}` },
      ]}
      intro={
        <p>
          Les UE se choisissent dans <Link href="/admin/programme/ue">le catalogue du programme</Link>. Une UE
          choisie dans un dossier de cette session ne peut pas en être retirée.
        </p>
      }
      tabs={sessionTabs(session.id, '/ue')}
    >
      <SessionOfferingsForm
        sessionId={session.id}
        version={session.offerings.version}
        defaultValues={toSessionOfferingsInput(session.offerings.data)}
        catalogue={session.catalogue}
      />
    </AdminPage>
  )
}
