import type { Metadata } from 'next'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { ResponsablesForm } from '@/components/admin/programme/responsables-form'
import { toResponsablesInput } from '@/lib/schemas/programme'
import { loadProgrammeEditor, PROGRAMME_BREADCRUMB, programmeTabs } from '../load-programme-editor'

export const metadata: Metadata = { title: 'Responsables — espace gestion' }

export default async function ResponsablesPage() {
  const editor = await loadProgrammeEditor('/admin/programme/responsables')
  return (
    <AdminPage
      title="Responsables"
      breadcrumb={PROGRAMME_BREADCRUMB}
      intro={<p>Affichés dans les contacts de la page publique, dans cet ordre.</p>}
      tabs={programmeTabs('/admin/programme/responsables')}
    >
      <ResponsablesForm
        programmeId={editor.programmeId}
        version={editor.responsables.version}
        defaultValues={toResponsablesInput(editor.responsables.data)}
      />
    </AdminPage>
  )
}
