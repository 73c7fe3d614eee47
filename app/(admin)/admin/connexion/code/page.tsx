import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SecondFactorForm } from '@/components/admin/second-factor-form'
import { lookupStaffSession, readStaffToken } from '@/lib/server/auth/staff-session'

export const metadata: Metadata = { title: 'Code de vérification — espace gestion', robots: { index: false } }

export default async function SecondFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ retour?: string }>
}) {
  const { retour } = await searchParams
  const lookup = await lookupStaffSession(await readStaffToken())
  if (lookup.state === 'ACTIVE') redirect('/admin')
  if (lookup.state === 'NONE') redirect('/admin/connexion')
  return (
    <div className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-bold">Vérification en deux étapes</h1>
      <p className="mt-2 text-muted">Saisissez le code de votre application d’authentification.</p>
      <div className="mt-8">
        <SecondFactorForm returnTo={retour} />
      </div>
    </div>
  )
}
