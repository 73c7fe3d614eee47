import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/admin/sign-in-form'
import { Alert } from '@/components/ui/alert'
import { currentStaff } from '@/lib/server/auth/authorize'

export const metadata: Metadata = { title: 'Connexion — espace gestion', robots: { index: false } }

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ retour?: string; deconnecte?: string; bloque?: string }>
}) {
  const { retour, deconnecte, bloque } = await searchParams
  if (await currentStaff()) redirect(retour?.startsWith('/admin') ? retour : '/admin')
  return (
    <div className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-bold">Espace gestion des inscriptions</h1>
      <p className="mt-2 text-muted">Réservé au personnel du Cnam de La Réunion.</p>
      <div className="mt-8 space-y-4">
        {deconnecte ? (
          <Alert tone="success" role="status">
            Vous êtes déconnecté(e).
          </Alert>
        ) : null}
        {bloque ? (
          <Alert tone="error" role="alert">
            Trop de tentatives de code : connectez-vous à nouveau dans quelques minutes.
          </Alert>
        ) : null}
        {retour && !deconnecte ? <Alert tone="info">Connectez-vous pour continuer.</Alert> : null}
        <SignInForm returnTo={retour} />
      </div>
    </div>
  )
}
