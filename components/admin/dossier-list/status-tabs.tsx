import Link from 'next/link'
import { STATUS_LABELS } from '@/lib/domain/workflow'
import { dossierListHref, FILTERABLE_STATUSES, type DossierFilters } from '@/lib/schemas/dossier-filters'
import type { StatusCounts } from '@/lib/server/admin/dossiers/count-dossiers-by-status'

const count = new Intl.NumberFormat('fr-FR')

/** One link per status with the session's count; the current one is marked for screen readers. */
export function StatusTabs({ filters, counts }: { filters: DossierFilters; counts: StatusCounts }) {
  const tabs = [
    { status: null, label: 'Tous les statuts', count: counts.total },
    ...FILTERABLE_STATUSES.map((status) => ({
      status,
      label: STATUS_LABELS[status],
      count: counts.byStatus[status],
    })),
  ]
  return (
    <nav aria-labelledby="statuts-titre" className="mt-6">
      <h2 id="statuts-titre" className="text-sm font-semibold text-muted">
        Dossiers de la session par statut
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {tabs.map((tab) => {
          const current = tab.status === filters.status
          return (
            <li key={tab.status ?? 'tous'}>
              <Link
                href={dossierListHref(filters, { status: tab.status })}
                prefetch={false}
                aria-current={current ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center gap-2 rounded-full border px-3.5 py-1.5 text-sm no-underline transition ${
                  current
                    ? 'border-accent bg-accent font-semibold text-white hover:bg-accent-strong hover:text-white'
                    : 'border-line bg-white text-ink hover:border-accent hover:text-accent'
                }`}
              >
                {tab.label}
                <span
                  className={`rounded-full px-2 text-xs font-semibold tabular-nums ${current ? 'bg-white/20' : 'bg-surface text-muted'}`}
                >
                  {count.format(tab.count)}
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
