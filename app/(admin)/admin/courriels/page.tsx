import type { Metadata } from 'next'
import Link from 'next/link'
import { OutboxFilters, outboxHref } from '@/components/admin/outbox/outbox-filters'
import { OutboxList } from '@/components/admin/outbox/outbox-list'
import { can } from '@/lib/domain/staff'
import { outboxFilterSchema } from '@/lib/schemas/staff'
import { listOutboxEmails } from '@/lib/server/admin/outbox/list-outbox-emails'
import { requireStaffPage } from '@/lib/server/auth/authorize'

export const metadata: Metadata = { title: 'Courriels — espace gestion' }

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await requireStaffPage('outbox.read', '/admin/courriels')
  const filter = outboxFilterSchema.parse(await searchParams)
  const outbox = await listOutboxEmails({ actor, filter })
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-bold">Courriels</h1>
      <p className="mt-1 text-muted">
        Les courriels envoyés par le portail, du plus récent au plus ancien. Les liens personnels des
        candidats et des invitations sont masqués.
      </p>
      <div className="mt-6">
        <OutboxFilters filter={filter} counts={outbox.counts} kinds={outbox.kinds} />
      </div>
      <p className="mt-6 text-sm text-muted" role="status">
        {outbox.total} {outbox.total > 1 ? 'courriels' : 'courriel'}
        {outbox.pageCount > 1 ? ` · page ${outbox.page} sur ${outbox.pageCount}` : ''}
      </p>
      <div className="mt-3">
        <OutboxList emails={outbox.emails} canRetry={can(actor.role, 'staff.manage')} />
      </div>
      {outbox.pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-6 flex justify-between">
          {outbox.page > 1 ? (
            <Link href={outboxHref({ ...filter, page: outbox.page - 1 })}>← Plus récents</Link>
          ) : (
            <span />
          )}
          {outbox.page < outbox.pageCount ? (
            <Link href={outboxHref({ ...filter, page: outbox.page + 1 })}>Plus anciens →</Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  )
}
