import Link from 'next/link'
import type { ReactNode } from 'react'
import { barPercent, total } from '@/lib/domain/dashboard'

export type CountRow = { key: string; label: ReactNode; count: number; href?: string }

/**
 * A table of counts with a total row and a bar per row (CSS only). The bar repeats the number
 * shown beside it, so it is hidden from screen readers.
 */
export function CountTable({
  caption,
  heading,
  rows,
  totalLabel = 'Total',
}: {
  caption: string
  heading: string
  rows: CountRow[]
  totalLabel?: string
}) {
  const max = Math.max(0, ...rows.map((row) => row.count))
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left text-lg font-semibold text-ink">{caption}</caption>
      <thead className="border-b border-line">
        <tr>
          <th scope="col" className="py-2 pr-3 font-semibold">
            {heading}
          </th>
          <th scope="col" className="w-16 py-2 pr-3 text-right font-semibold">
            Dossiers
          </th>
          <th scope="col" className="w-2/5 py-2 font-semibold">
            <span className="sr-only">Proportion</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="py-2 pr-3 font-normal">
              {row.href ? <Link href={row.href}>{row.label}</Link> : row.label}
            </th>
            <td className="py-2 pr-3 text-right tabular-nums">{row.count}</td>
            <td className="py-2">
              <Bar percent={barPercent(row.count, max)} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t-2 border-ink">
        <tr>
          <th scope="row" className="py-2 pr-3 font-semibold">
            {totalLabel}
          </th>
          <td className="py-2 pr-3 text-right font-semibold tabular-nums">
            {total(rows.map((row) => row.count))}
          </td>
          <td />
        </tr>
      </tfoot>
    </table>
  )
}

export function Bar({ percent }: { percent: number }) {
  return (
    <div aria-hidden="true" className="h-3 w-full rounded-sm bg-surface">
      <div className="h-3 rounded-sm bg-accent" style={{ width: `${percent}%` }} />
    </div>
  )
}
