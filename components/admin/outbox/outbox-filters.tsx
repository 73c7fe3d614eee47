import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { controlClass } from '@/components/ui/form'
import { EMAIL_STATUS_LABELS, EMAIL_STATUSES, emailKindLabel, type EmailStatus } from '@/lib/domain/outbox'
import type { OutboxFilter } from '@/lib/schemas/staff'

/** The outbox's address for a filter (page 1 unless given). */
export function outboxHref(filter: Partial<OutboxFilter>): string {
  const params = new URLSearchParams()
  if (filter.statut) params.set('statut', filter.statut)
  if (filter.type) params.set('type', filter.type)
  if (filter.destinataire) params.set('destinataire', filter.destinataire)
  if (filter.page && filter.page > 1) params.set('page', String(filter.page))
  const query = params.toString()
  return query ? `/admin/courriels?${query}` : '/admin/courriels'
}

/** Status tabs (links, with counts) and a GET form for the kind and the recipient. */
export function OutboxFilters({
  filter,
  counts,
  kinds,
}: {
  filter: OutboxFilter
  counts: Record<EmailStatus, number>
  kinds: string[]
}) {
  const all = EMAIL_STATUSES.reduce((sum, status) => sum + counts[status], 0)
  const tabs: Array<{ status?: EmailStatus; label: string; count: number }> = [
    { label: 'Tous', count: all },
    ...EMAIL_STATUSES.map((status) => ({
      status,
      label: EMAIL_STATUS_LABELS[status],
      count: counts[status],
    })),
  ]
  return (
    <div className="space-y-4">
      <nav aria-label="Filtrer par état">
        <ul className="flex flex-wrap gap-2">
          {tabs.map((tab) => {
            const current = filter.statut === tab.status
            return (
              <li key={tab.label}>
                <Link
                  href={outboxHref({ ...filter, statut: tab.status, page: 1 })}
                  aria-current={current ? 'page' : undefined}
                  className={`inline-flex min-h-11 items-center rounded-full border px-4 no-underline ${
                    current
                      ? 'border-accent bg-accent text-white hover:text-white'
                      : 'border-line bg-white text-ink'
                  }`}
                >
                  {tab.label} <span className="ml-1.5 tabular-nums">({tab.count})</span>
                </Link>
              </li>
            )
          })}
        </ul>
      </nav>
      <form method="get" action="/admin/courriels" className="flex flex-wrap items-end gap-3">
        {filter.statut ? <input type="hidden" name="statut" value={filter.statut} /> : null}
        <div>
          <label htmlFor="type" className="block font-medium">
            Type de courriel
          </label>
          <select
            id="type"
            name="type"
            defaultValue={filter.type ?? ''}
            className={controlClass(null, 'min-w-56')}
          >
            <option value="">Tous les types</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {emailKindLabel(kind)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="destinataire" className="block font-medium">
            Destinataire
          </label>
          <input
            id="destinataire"
            name="destinataire"
            type="search"
            defaultValue={filter.destinataire ?? ''}
            className={controlClass(null, 'min-w-64')}
          />
        </div>
        <Button type="submit" variant="secondary">
          Filtrer
        </Button>
        {filter.type || filter.destinataire ? (
          <Link href={outboxHref({ statut: filter.statut })} className="min-h-11 py-2.5">
            Effacer les filtres
          </Link>
        ) : null}
      </form>
    </div>
  )
}
