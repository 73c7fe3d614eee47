import type { Metadata } from 'next'
import Link from 'next/link'
import { InviteForm } from '@/components/admin/accounts/invite-form'
import { INVITATION_VALID_DAYS } from '@/lib/domain/staff-accounts'
import { requireStaffPage } from '@/lib/server/auth/authorize'

export const metadata: Metadata = { title: 'Inviter une personne — espace gestion' }

export default async function InviteStaffPage() {
  await requireStaffPage('staff.manage', '/admin/comptes/inviter')
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <p className="text-sm">
        <Link href="/admin/comptes">← Comptes du personnel</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Inviter une personne</h1>
      <p className="mt-2 text-muted">
        La personne reçoit un e-mail avec un lien personnel, valable {INVITATION_VALID_DAYS} jours, pour
        choisir son mot de passe. Le compte reste inutilisable d’ici là.
      </p>
      <div className="mt-6 rounded-lg border border-line bg-white p-6">
        <InviteForm />
      </div>
    </div>
  )
}
