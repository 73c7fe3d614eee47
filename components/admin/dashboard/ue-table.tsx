import { barPercent, total } from '@/lib/domain/dashboard'
import type { Dashboard } from '@/lib/server/admin/dashboard/get-dashboard'
import { Bar } from './count-table'

/** Registrations per UE: open, accepted and all dossiers (a dossier counts in each of its UEs). */
export function UeTable({ rows }: { rows: Dashboard['byUe'] }) {
  const max = Math.max(0, ...rows.map((row) => row.total))
  const sum = (key: 'open' | 'accepted' | 'total') => total(rows.map((row) => row[key]))
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="mb-2 text-left text-lg font-semibold text-ink">Inscriptions par UE</caption>
        <thead className="border-b border-line">
          <tr>
            <th scope="col" className="py-2 pr-3 font-semibold">
              UE
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              En cours
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              Acceptés
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              Tous statuts
            </th>
            <th scope="col" className="w-1/4 py-2 font-semibold">
              <span className="sr-only">Proportion</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row" className="py-2 pr-3 font-normal">
                <span className="font-semibold">{row.code}</span>{' '}
                <span className="text-muted">{row.title}</span>
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{row.open}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{row.accepted}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{row.total}</td>
              <td className="py-2">
                <Bar percent={barPercent(row.total, max)} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-ink">
          <tr>
            <th scope="row" className="py-2 pr-3 font-semibold">
              Total des inscriptions aux UE
            </th>
            <td className="py-2 pr-3 text-right font-semibold tabular-nums">{sum('open')}</td>
            <td className="py-2 pr-3 text-right font-semibold tabular-nums">{sum('accepted')}</td>
            <td className="py-2 pr-3 text-right font-semibold tabular-nums">{sum('total')}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
