import type { Metadata } from 'next'
import Link from 'next/link'
import { ChoosePasswordForm } from '@/components/admin/accounts/choose-password-form'
import { Alert } from '@/components/ui/alert'
import { INVITATION_VALID_DAYS } from '@/lib/domain/staff-accounts'
import { getStaffInvitation } from '@/lib/server/staff/get-staff-invitation'

// The address holds a private token: never sent to another site, never indexed.
export const metadata: Metadata = {
  title: 'Activer mon compte — espace gestion',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const invitation = await getStaffInvitation({ token })
  return (
    <div className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-bold">Activer mon compte</h1>
      {invitation.state === 'VALID' ? (
        <>
          <p className="mt-2 text-muted">
            Bonjour {invitation.name}, choisissez le mot de passe de votre compte{' '}
            <strong className="break-all text-ink">{invitation.email}</strong> sur l’espace gestion des
            inscriptions.
          </p>
          <div className="mt-8">
            <ChoosePasswordForm token={token} email={invitation.email} />
          </div>
        </>
      ) : (
        <Alert tone="warning" className="mt-6" title="Ce lien n’est plus valable">
          Il a déjà servi, il a expiré (au bout de {INVITATION_VALID_DAYS} jours) ou une nouvelle invitation
          l’a remplacé. Demandez une nouvelle invitation à un administrateur. Si vous avez déjà choisi votre
          mot de passe, <Link href="/admin/connexion">connectez-vous</Link>.
        </Alert>
      )}
    </div>
  )
}
