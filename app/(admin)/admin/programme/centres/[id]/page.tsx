import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { CentreForm } from '@/components/admin/programme/centre-form'
import { toCentreInput } from '@/lib/schemas/programme'
import { loadProgrammeEditor, PROGRAMME_BREADCRUMB, programmeTabs } from '../../load-programme-editor'

export const metadata: Metadata = { title: 'Centre — espace gestion' }

export default async function CentrePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const editor = await loadProgrammeEditor(`/admin/programme/centres/${id}`)
  const centre = editor.centres.find((candidate) => candidate.id === id)
  if (!centre) notFound()
  return (
    <AdminPage
      title={centre.data.name}
      breadcrumb={[...PROGRAMME_BREADCRUMB, { href: '/admin/programme/centres', label: 'Centres' }]}
      tabs={programmeTabs('/admin/programme/centres')}
    >
      <CentreForm centreId={centre.id} version={centre.version} defaultValues={toCentreInput(centre.data)} />
    </AdminPage>
  )
}
