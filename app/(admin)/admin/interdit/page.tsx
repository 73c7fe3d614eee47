import Link from 'next/link'

export default function ForbiddenPage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Accès non autorisé</h1>
      <p className="mt-3">
        Votre rôle ne permet pas d’ouvrir cette page. Si vous en avez besoin, demandez-le à un administrateur.
      </p>
      <p className="mt-6">
        <Link href="/admin">Retour au tableau de bord</Link>
      </p>
    </div>
  )
}
