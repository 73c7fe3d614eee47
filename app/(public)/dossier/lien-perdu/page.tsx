import type { Metadata } from 'next'
import { LostLinkForm } from '@/components/dossier/lost-link-form'

export const metadata: Metadata = { title: 'Lien de dossier perdu', robots: { index: false } }

export default function LostLinkPage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold">Vous avez perdu le lien de votre dossier ?</h1>
      <p className="mt-3 text-muted">
        Indiquez la référence de votre dossier et l’adresse e-mail que vous y avez donnée : nous vous envoyons
        un nouveau lien personnel. Pour votre sécurité, l’ancien lien cesse alors de fonctionner.
      </p>
      <div className="mt-8">
        <LostLinkForm />
      </div>
    </div>
  )
}
