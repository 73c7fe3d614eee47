import type { Metadata } from 'next'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { PieceCatalogueForm } from '@/components/admin/programme/piece-catalogue-form'
import { toPieceCatalogueInput } from '@/lib/schemas/programme'
import { loadProgrammeEditor, PROGRAMME_BREADCRUMB, programmeTabs } from '../load-programme-editor'

export const metadata: Metadata = { title: 'Pièces à fournir — espace gestion' }

export default async function PieceCataloguePage() {
  const editor = await loadProgrammeEditor('/admin/programme/pieces')
  return (
    <AdminPage
      title="Pièces à fournir"
      breadcrumb={PROGRAMME_BREADCRUMB}
      intro={
        <p>
          La liste des pièces, dans l’ordre où les candidats la voient. Chaque candidat ne se voit demander
          que les pièces qui correspondent à sa situation. Une pièce déjà déposée dans un dossier ne peut pas
          être supprimée : rendez-la facultative.
        </p>
      }
      tabs={programmeTabs('/admin/programme/pieces')}
    >
      <PieceCatalogueForm
        programmeId={editor.programmeId}
        version={editor.pieces.version}
        defaultValues={toPieceCatalogueInput(editor.pieces.data)}
      />
    </AdminPage>
  )
}
