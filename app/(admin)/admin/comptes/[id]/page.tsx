import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { setStaffActiveAction, resendInvitationAction } from '@/app/(admin)/admin/comptes/actions'
import { AccountStateBadge } from '@/components/admin/accounts/account-state-badge'
import { ActionButton } from '@/components/admin/accounts/action-button'
import { formatDateTime } from '@/components/admin/accounts/date-time'
import { RoleForm } from '@/components/admin/accounts/role-form'
import { Alert } from '@/components/ui/alert'
import { ROLE_LABELS } from '@/lib/domain/staff'
import { requireStaffPage } from '@/lib/server/auth/authorize'
import { getStaffUser } from '@/lib/server/staff/get-staff-user'

export const metadata: Metadata = { title: 'Compte du personnel — espace gestion' }

export default async function StaffAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ invitation?: string }>
}) {
  const { id } = await params
  const { invitation } = await searchParams
  const actor = await requireStaffPage('staff.manage', `/admin/comptes/${id}`)
  const account = await getStaffUser({ actor, userId: id })
  if (!account) notFound()
  const invitationPending = account.state === 'INVITED' || account.state === 'INVITATION_EXPIRED'

  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link href="/admin/comptes">← Comptes du personnel</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{account.name}</h1>
        <AccountStateBadge state={account.state} />
      </div>
      {invitation === 'envoyee' ? (
        <Alert tone="success" role="status" className="mt-4">
          Invitation envoyée à {account.email}. Le lien est valable {account.invitationValidDays} jours.
        </Alert>
      ) : null}

      <dl className="mt-6 grid gap-x-6 gap-y-3 rounded-lg border border-line bg-white p-6 sm:grid-cols-[14rem_1fr]">
        <dt className="font-medium">Adresse e-mail</dt>
        <dd className="break-all">{account.email}</dd>
        <dt className="font-medium">Rôle</dt>
        <dd>{ROLE_LABELS[account.role]}</dd>
        <dt className="font-medium">Double authentification</dt>
        <dd>{account.totpEnabled ? 'Activée' : 'Non activée'}</dd>
        <dt className="font-medium">Dernière connexion</dt>
        <dd>{account.lastSignInAt ? formatDateTime(account.lastSignInAt) : 'Jamais'}</dd>
        <dt className="font-medium">Sessions ouvertes</dt>
        <dd>{account.openSessions}</dd>
        <dt className="font-medium">Créé le</dt>
        <dd>{formatDateTime(account.createdAt)}</dd>
        {account.invitationExpiresAt ? (
          <>
            <dt className="font-medium">Invitation valable jusqu’au</dt>
            <dd>{formatDateTime(account.invitationExpiresAt)}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="role-titre" className="mt-8">
        <h2 id="role-titre" className="text-xl font-semibold">
          Rôle
        </h2>
        <p className="mt-1 text-muted">Le nouveau rôle s’applique dès la prochaine page ouverte.</p>
        <div className="mt-4">
          <RoleForm userId={account.id} role={account.role} />
        </div>
      </section>

      {invitationPending ? (
        <section aria-labelledby="invitation-titre" className="mt-8">
          <h2 id="invitation-titre" className="text-xl font-semibold">
            Invitation
          </h2>
          <p className="mt-1 text-muted">
            {account.state === 'INVITATION_EXPIRED'
              ? 'Le lien a expiré sans être utilisé.'
              : 'La personne n’a pas encore choisi son mot de passe.'}{' '}
            Une nouvelle invitation remplace le lien précédent.
          </p>
          <div className="mt-4">
            <ActionButton
              action={resendInvitationAction.bind(null, { userId: account.id })}
              label="Envoyer une nouvelle invitation"
              pendingLabel="Envoi…"
            />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="acces-titre" className="mt-8">
        <h2 id="acces-titre" className="text-xl font-semibold">
          Accès
        </h2>
        {account.isSelf ? (
          <p className="mt-1 text-muted">
            C’est votre compte : un autre administrateur peut le désactiver si besoin.
          </p>
        ) : account.state === 'DEACTIVATED' ? (
          <>
            <p className="mt-1 text-muted">Ce compte ne peut pas se connecter.</p>
            <div className="mt-4">
              <ActionButton
                action={setStaffActiveAction.bind(null, { userId: account.id, active: true })}
                label="Réactiver ce compte"
                pendingLabel="Réactivation…"
              />
            </div>
          </>
        ) : (
          <>
            <p className="mt-1 text-muted">
              Désactiver ferme aussitôt toutes ses sessions ; le compte et son historique sont conservés.
            </p>
            <div className="mt-4">
              <ActionButton
                action={setStaffActiveAction.bind(null, { userId: account.id, active: false })}
                label="Désactiver ce compte"
                pendingLabel="Désactivation…"
                variant="danger"
                confirm={{
                  question: `Désactiver le compte de ${account.name} ?`,
                  label: 'Oui, désactiver',
                }}
              />
            </div>
          </>
        )}
      </section>
    </div>
  )
}
