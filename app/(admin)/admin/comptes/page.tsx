import type { Metadata } from 'next'
import { AccountsTable } from '@/components/admin/accounts/accounts-table'
import { ButtonLink } from '@/components/ui/button'
import { requireStaffPage } from '@/lib/server/auth/authorize'
import { listStaffUsers } from '@/lib/server/staff/list-staff-users'

export const metadata: Metadata = { title: 'Comptes du personnel — espace gestion' }

export default async function StaffAccountsPage() {
  const actor = await requireStaffPage('staff.manage', '/admin/comptes')
  const accounts = await listStaffUsers({ actor })
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Comptes du personnel</h1>
          <p className="mt-1 text-muted">
            Invitez une personne, changez son rôle ou fermez son accès. Un compte est créé sans mot de passe :
            son titulaire le choisit avec le lien reçu par e-mail.
          </p>
        </div>
        <ButtonLink href="/admin/comptes/inviter">Inviter une personne</ButtonLink>
      </div>
      <div className="mt-6">
        <AccountsTable accounts={accounts} selfId={actor.userId} />
      </div>
    </div>
  )
}
