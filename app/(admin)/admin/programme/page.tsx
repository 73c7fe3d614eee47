import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { formatDate } from '@/lib/format'
import { loadProgrammeEditor, programmeTabs } from './load-programme-editor'

export const metadata: Metadata = { title: 'Programme — espace gestion' }

export default async function ProgrammeOverviewPage() {
  const editor = await loadProgrammeEditor('/admin/programme')
  const parts = [
    {
      href: '/admin/programme/textes',
      title: 'Textes',
      text: 'Intitulé, objectifs, compétences, public, conditions de délivrance, débouchés, mentions.',
    },
    {
      href: '/admin/programme/responsables',
      title: 'Responsables',
      text: `${editor.responsables.data.length} responsable(s) affiché(s) dans les contacts.`,
    },
    {
      href: '/admin/programme/ue',
      title: 'UE et prérequis',
      text: `${editor.ues.data.length} UE au catalogue, avec leurs crédits et leurs prérequis.`,
    },
    {
      href: '/admin/programme/pieces',
      title: 'Pièces à fournir',
      text: `${editor.pieces.data.length} pièces, avec les situations où elles sont demandées.`,
    },
    {
      href: '/admin/programme/centres',
      title: 'Centres',
      text: `${editor.centres.length} centre(s) : adresses, téléphones, horaires d’ouverture.`,
    },
  ]
  return (
    <AdminPage
      title={`${editor.title} (${editor.code})`}
      breadcrumb={[{ href: '/admin', label: 'Espace gestion' }]}
      intro={
        <p>
          Ce que montre la page publique du programme. Chaque enregistrement est visible aussitôt sur{' '}
          <Link href="/">la page publique</Link>. Dernière mise à jour affichée :{' '}
          {formatDate(editor.texts.data.lastUpdatedOn)}. Les dates, UE proposées et tarifs d’une année se
          règlent dans <Link href="/admin/sessions">les sessions</Link>.
        </p>
      }
      tabs={programmeTabs('/admin/programme')}
    >
      <ul className="grid gap-4 sm:grid-cols-2">
        {parts.map((part) => (
          <li key={part.href} className="rounded-lg border border-line p-4">
            <h2 className="text-lg font-semibold">
              <Link href={part.href}>{part.title}</Link>
            </h2>
            <p className="mt-1 text-muted">{part.text}</p>
          </li>
        ))}
      </ul>
    </AdminPage>
  )
}
