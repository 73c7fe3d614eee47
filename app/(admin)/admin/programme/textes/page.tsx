import type { Metadata } from 'next'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { ProgrammeTextsForm } from '@/components/admin/programme/programme-texts-form'
import { toProgrammeTextsInput } from '@/lib/schemas/programme'
import { loadProgrammeEditor, PROGRAMME_BREADCRUMB, programmeTabs } from '../load-programme-editor'

export const metadata: Metadata = { title: 'Textes du programme — espace gestion' }

export default async function ProgrammeTextsPage() {
  const editor = await loadProgrammeEditor('/admin/programme/textes')
  return (
    <AdminPage
      title="Textes du programme"
      breadcrumb={PROGRAMME_BREADCRUMB}
      intro={
        <p>
          Le code du programme ({editor.code}) ne se modifie pas : c’est l’adresse du programme sur le
          portail.
        </p>
      }
      tabs={programmeTabs('/admin/programme/textes')}
    >
      <ProgrammeTextsForm
        programmeId={editor.programmeId}
        version={editor.texts.version}
        defaultValues={toProgrammeTextsInput(editor.texts.data)}
      />
    </AdminPage>
  )
}
