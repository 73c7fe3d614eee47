import Link from 'next/link'
import { ROLE_LABELS } from '@/lib/domain/staff'
import type { StaffAccountSummary } from '@/lib/server/staff/list-staff-users'
import { AccountStateBadge } from './account-state-badge'
import { formatDateTime } from './date-time'

/** The staff accounts, one row each; the name leads to the account's page. */
export function AccountsTable({ accounts, selfId }: { accounts: StaffAccountSummary[]; selfId: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">Comptes du personnel ({accounts.length})</caption>
        <thead className="border-b border-line bg-surface">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">
              Nom
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Adresse e-mail
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Rôle
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              État
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Double authentification
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Dernière connexion
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {accounts.map((account) => (
            <tr key={account.id}>
              <th scope="row" className="px-4 py-3 font-medium">
                <Link href={`/admin/comptes/${account.id}`}>{account.name}</Link>
                {account.id === selfId ? <span className="text-muted"> (vous)</span> : null}
              </th>
              <td className="px-4 py-3 break-all">{account.email}</td>
              <td className="px-4 py-3">{ROLE_LABELS[account.role]}</td>
              <td className="px-4 py-3">
                <AccountStateBadge state={account.state} />
              </td>
              <td className="px-4 py-3">{account.totpEnabled ? 'Activée' : 'Non'}</td>
              <td className="px-4 py-3">
                {account.lastSignInAt ? (
                  formatDateTime(account.lastSignInAt)
                ) : (
                  <span className="text-muted">Jamais</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
