import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { UeCatalogueForm } from '@/components/admin/programme/ue-catalogue-form'
import { toUeCatalogueInput } from '@/lib/schemas/programme'
import { loadProgrammeEditor, PROGRAMME_BREADCRUMB, programmeTabs } from '../load-programme-editor'

export const metadata: Metadata = { title: 'UE et prérequis — espace gestion' }

export default async function UeCataloguePage() {
  const editor = await loadProgrammeEditor('/admin/programme/ue')
  return (
    <AdminPage
      title="UE et prérequis"
      breadcrumb={PROGRAMME_BREADCRUMB}
      intro={
        <p>
          Le catalogue des UE du programme. Une UE du catalogue n’est proposée aux candidats que si une
          session la propose : choisissez-les dans <Link href="/admin/sessions">les sessions</Link>. Le code
          d’une UE ne change plus une fois créée ; une UE proposée dans une session ou choisie dans un dossier
          ne peut pas être supprimée.
        </p>
      }
      tabs={programmeTabs('/admin/programme/ue')}
    >
      <UeCatalogueForm
        programmeId={editor.programmeId}
        version={editor.ues.version}
        defaultValues={toUeCatalogueInput(editor.ues.data)}
      />
    </AdminPage>
  )
}
