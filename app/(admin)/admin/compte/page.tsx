import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { startTotpAction } from '@/app/(admin)/admin/compte/actions'
import { ActionButton } from '@/components/admin/accounts/action-button'
import { ChangePasswordForm } from '@/components/admin/accounts/change-password-form'
import { formatDateTime } from '@/components/admin/accounts/date-time'
import { TotpDisableForm } from '@/components/admin/accounts/totp-disable-form'
import { TotpEnrolmentPanel } from '@/components/admin/accounts/totp-enrolment-panel'
import { Alert } from '@/components/ui/alert'
import { ROLE_LABELS } from '@/lib/domain/staff'
import { currentStaff } from '@/lib/server/auth/authorize'
import { getOwnAccount } from '@/lib/server/staff/get-own-account'

export const metadata: Metadata = { title: 'Mon compte — espace gestion' }

const TOTP_NOTICES: Record<string, { tone: 'success' | 'info'; text: string }> = {
  activee: {
    tone: 'success',
    text: 'Vérification en deux étapes activée : votre code sera demandé à chaque connexion. Vos éventuelles autres sessions ont été fermées.',
  },
  desactivee: { tone: 'info', text: 'Vérification en deux étapes désactivée.' },
}

export default async function OwnAccountPage({
  searchParams,
}: {
  searchParams: Promise<{ 'double-authentification'?: string }>
}) {
  // Every signed-in member has an account page: no permission, only a session.
  const actor = await currentStaff()
  if (!actor) redirect('/admin/connexion?retour=%2Fadmin%2Fcompte')
  const account = await getOwnAccount({ actor })
  const notice = TOTP_NOTICES[(await searchParams)['double-authentification'] ?? '']

  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">Mon compte</h1>
      <dl className="mt-6 grid gap-x-6 gap-y-3 rounded-lg border border-line bg-white p-6 sm:grid-cols-[14rem_1fr]">
        <dt className="font-medium">Nom</dt>
        <dd>{account.name}</dd>
        <dt className="font-medium">Adresse e-mail</dt>
        <dd className="break-all">{account.email}</dd>
        <dt className="font-medium">Rôle</dt>
        <dd>{ROLE_LABELS[account.role]}</dd>
        <dt className="font-medium">Dernière connexion</dt>
        <dd>{account.lastSignInAt ? formatDateTime(account.lastSignInAt) : '—'}</dd>
        <dt className="font-medium">Autres sessions ouvertes</dt>
        <dd>{account.otherSessions}</dd>
      </dl>

      <section aria-labelledby="mot-de-passe" className="mt-10">
        <h2 id="mot-de-passe" className="text-xl font-semibold">
          Changer mon mot de passe
        </h2>
        <p className="mt-1 text-muted">
          Vos autres sessions (autres appareils ou navigateurs) seront fermées.
        </p>
        <div className="mt-4 rounded-lg border border-line bg-white p-6">
          <ChangePasswordForm email={account.email} />
        </div>
      </section>

      <section aria-labelledby="double-authentification" className="mt-10">
        <h2 id="double-authentification" className="text-xl font-semibold">
          Vérification en deux étapes
        </h2>
        {notice ? (
          <Alert tone={notice.tone} role="status" className="mt-4">
            {notice.text}
          </Alert>
        ) : null}
        {account.totpEnabled ? (
          <div className="mt-4 space-y-4">
            <p>
              <strong>Activée.</strong> À chaque connexion, après votre mot de passe, le code de votre
              application d’authentification vous est demandé.
            </p>
            <TotpDisableForm />
          </div>
        ) : account.totpEnrolment ? (
          <div className="mt-4">
            <TotpEnrolmentPanel secret={account.totpEnrolment.secret} qrSvg={account.totpEnrolment.qrSvg} />
          </div>
        ) : (
          <div className="mt-4 space-y-4">
            <p>
              <strong>Non activée.</strong> Avec une application d’authentification sur votre téléphone, un
              code à 6 chiffres sera demandé en plus du mot de passe : un mot de passe volé ne suffira plus
              pour accéder aux dossiers.
            </p>
            <ActionButton
              action={startTotpAction}
              label="Configurer la vérification en deux étapes"
              pendingLabel="Préparation…"
              variant="primary"
            />
          </div>
        )}
      </section>
    </div>
  )
}
