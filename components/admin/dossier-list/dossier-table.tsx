import Link from 'next/link'
import { StatusBadge } from '@/components/dossier/status-badge'
import type { TariffCategory } from '@/lib/domain/programme'
import { formatEuros } from '@/lib/format'
import { dossierListHref, type DossierFilters, type DossierSort } from '@/lib/schemas/dossier-filters'
import type { DossierListRow } from '@/lib/server/admin/dossiers/dossier-list-query'
import { SORT_DESCRIPTIONS } from './sort-labels'

const submitted = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Indian/Reunion',
})

/** "HOARAU Marie-Claire", the name the person goes by first, as staff file dossiers. */
function displayedName(row: DossierListRow): string {
  // Anonymised after its retention period (lib/server/retention): names are empty strings.
  if (!row.birthName && !row.firstNames) return 'Données personnelles effacées'
  return `${(row.usageName ?? row.birthName).toLocaleUpperCase('fr-FR')} ${row.firstNames}`
}

/**
 * The column's header: a link that sorts by it (the first click in the column's natural order,
 * the next one reverses it). Links rather than buttons: a sort is a new URL, which can be opened
 * in a tab or shared. `aria-sort` on the header says how the table is sorted now.
 */
function SortableHeader({
  filters,
  sort,
  label,
  className = '',
}: {
  filters: DossierFilters
  sort: DossierSort
  label: string
  className?: string
}) {
  const active = filters.sort === sort
  const natural = sort === 'date' ? 'desc' : 'asc'
  const next = active ? (filters.order === 'asc' ? 'desc' : 'asc') : natural
  return (
    <th
      scope="col"
      aria-sort={active ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}
      className={`px-3 py-2.5 font-semibold ${className}`}
    >
      <Link
        href={dossierListHref(filters, { sort, order: next })}
        prefetch={false}
        className="inline-flex min-h-11 items-center gap-1.5 text-ink no-underline hover:text-accent hover:underline"
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-accent' : 'text-muted'}>
          {active ? (filters.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="sr-only">(trier {SORT_DESCRIPTIONS[sort][next]})</span>
      </Link>
    </th>
  )
}

export function DossierTable({
  rows,
  filters,
  caption,
  categoryLabels,
}: {
  rows: DossierListRow[]
  filters: DossierFilters
  caption: string
  categoryLabels: Record<TariffCategory, string>
}) {
  return (
    // Scrolls sideways on a phone; focusable so that keyboard users can scroll it too.
    <div
      role="region"
      aria-labelledby="dossiers-legende"
      tabIndex={0}
      className="relative mt-3 overflow-x-auto rounded-lg border border-line bg-white"
    >
      <table className="w-full min-w-[64rem] border-collapse text-left">
        <caption id="dossiers-legende" className="px-3 pt-3 pb-2 text-left text-sm text-muted">
          {caption}
        </caption>
        <thead className="border-b border-line bg-surface text-sm">
          <tr>
            <SortableHeader filters={filters} sort="reference" label="Référence" />
            <SortableHeader filters={filters} sort="nom" label="Candidat(e)" />
            <th scope="col" className="px-3 py-2.5 font-semibold">
              Catégorie
            </th>
            <th scope="col" className="px-3 py-2.5 font-semibold">
              UE
            </th>
            <SortableHeader filters={filters} sort="date" label="Déposé le" />
            <th scope="col" className="px-3 py-2.5 font-semibold">
              Statut
            </th>
            <th scope="col" className="px-3 py-2.5 text-right font-semibold">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top last:border-b-0 hover:bg-surface">
              <th scope="row" className="px-3 py-3 font-normal whitespace-nowrap">
                <Link
                  href={`/admin/dossiers/${row.id}`}
                  prefetch={false}
                  className="font-semibold tabular-nums"
                >
                  {row.reference}
                </Link>
              </th>
              <td className="min-w-60 px-3 py-3">
                <span className="font-medium">{displayedName(row)}</span>
                {row.usageName && row.usageName !== row.birthName ? (
                  <span className="block text-sm text-muted">
                    {row.civility === 'MADAME' ? 'née' : 'né'} {row.birthName.toLocaleUpperCase('fr-FR')}
                  </span>
                ) : null}
                <span className="block text-sm [overflow-wrap:anywhere] text-muted">{row.email}</span>
              </td>
              <td className="px-3 py-3 text-sm">{categoryLabels[row.category]}</td>
              <td className="px-3 py-3 text-sm">
                {row.ueCodes.length > 0 ? (
                  <ul className="flex flex-wrap gap-1">
                    {row.ueCodes.map((code) => (
                      <li key={code} className="rounded bg-surface px-1.5 font-mono text-xs leading-6">
                        {code}
                      </li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </td>
              <td className="px-3 py-3 text-sm whitespace-nowrap tabular-nums">
                <time dateTime={row.submittedAt.toISOString()}>{submitted.format(row.submittedAt)}</time>
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                <StatusBadge status={row.status} />
              </td>
              <td className="px-3 py-3 text-right whitespace-nowrap tabular-nums">
                {formatEuros(row.totalCents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
