import type { Programme, Tariff } from '@/lib/domain/programme'
import { formatEuros } from '@/lib/format'

/** "Participation aux frais de formation", as printed. */
export function FeeTable({ tariff, programme }: { tariff: Tariff; programme: Programme }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Participation aux frais de formation</caption>
        <thead>
          <tr className="border-b border-line bg-surface text-sm text-muted">
            <th scope="col" className="px-4 py-2 font-medium">
              Frais
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Montant
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-line">
            <th scope="row" className="px-4 py-3 font-normal">
              <span className="font-semibold">Frais de dossier</span>
              <span className="block text-sm text-muted">pour toute la durée de la formation</span>
            </th>
            <td className="px-4 py-3 text-right tabular-nums">{formatEuros(tariff.dossierFeeCents)}</td>
          </tr>
          <tr className="border-b border-line">
            <th scope="row" className="px-4 py-3 font-normal">
              <span className="font-semibold">Droit individuel de base</span>
              <span className="block text-sm text-muted">valable pour une année universitaire</span>
            </th>
            <td className="px-4 py-3 text-right tabular-nums">{formatEuros(tariff.baseFeeCents)}</td>
          </tr>
          <tr className="border-b border-line bg-surface">
            <th scope="rowgroup" colSpan={2} className="px-4 py-2 text-left font-semibold">
              Droit d’accès aux UE — tarification {tariff.region}
            </th>
          </tr>
          {tariff.rates.map((rate) => (
            <tr key={rate.category} className="border-b border-line">
              <th scope="row" className="px-4 py-3 pl-8 font-normal">
                {rate.label}
              </th>
              <td className="px-4 py-3 text-right tabular-nums whitespace-nowrap">
                {formatEuros(rate.perEctsCents)} / ECTS
              </td>
            </tr>
          ))}
          <tr className="border-b border-line">
            <th scope="row" className="px-4 py-3 font-normal">
              <span className="font-semibold">FOAD</span>
              <span className="block text-sm text-muted">
                formation ouverte et à distance, à la place du tarif par ECTS
              </span>
            </th>
            <td className="px-4 py-3 text-right tabular-nums whitespace-nowrap">
              {formatEuros(tariff.foadPerUeCents)} / UE
            </td>
          </tr>
          <tr>
            <th scope="row" className="px-4 py-3 font-normal">
              <span className="font-semibold">Suivi pédagogique et administratif du rapport</span>
              <span className="block text-sm text-muted">UA000S ou UA0003</span>
            </th>
            <td className="px-4 py-3 text-right tabular-nums">{formatEuros(tariff.reportFollowUpCents)}</td>
          </tr>
        </tbody>
      </table>
      <p className="border-t border-line px-4 py-3 text-sm text-muted">
        {programme.financingAdviceNote} Les chèques sont à libeller à l’ordre de l’{programme.paymentPayee}.
      </p>
    </div>
  )
}
