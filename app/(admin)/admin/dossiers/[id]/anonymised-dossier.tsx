import Link from 'next/link'
import { StatusBadge } from '@/components/dossier/status-badge'
import { Alert } from '@/components/ui/alert'
import { STATUS_LABELS, type DossierStatus } from '@/lib/domain/workflow'
import { formatEuros } from '@/lib/format'
import { TARIFF_CATEGORY_LABELS } from '@/lib/pdf/registration-form-text'
import type { AnonymisedStaffDossier } from '@/lib/server/admin/review/get-staff-dossier'

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Indian/Reunion',
})
const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Indian/Reunion' })

/** What is left of a dossier after its retention period: the figures the statistics count. */
export function AnonymisedDossier({
  dossier,
  children,
}: {
  dossier: AnonymisedStaffDossier
  /** The RGPD panel, for those allowed. */
  children?: React.ReactNode
}) {
  return (
    <div className="mx-auto max-w-4xl px-4 py-6">
      <p className="text-sm">
        <Link href="/admin/dossiers">← Dossiers</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">Dossier anonymisé</h1>
        <StatusBadge status={dossier.status} />
      </div>
      <Alert className="mt-4">
        La durée de conservation de ce dossier est écoulée : les données personnelles du candidat, ses pièces,
        les messages et les notes ont été effacés le {day.format(dossier.anonymisedAt)}. Seules restent les
        informations utiles aux statistiques.
      </Alert>
      <dl className="mt-6 grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">Référence</dt>
        <dd className="[overflow-wrap:anywhere]">{dossier.reference}</dd>
        <dt className="text-muted">Session</dt>
        <dd>{dossier.sessionLabel}</dd>
        <dt className="text-muted">Déposé le</dt>
        <dd>{dateTime.format(dossier.submittedAt)}</dd>
        <dt className="text-muted">Tarif</dt>
        <dd>
          {TARIFF_CATEGORY_LABELS[dossier.category as keyof typeof TARIFF_CATEGORY_LABELS] ??
            dossier.category}
        </dd>
        <dt className="text-muted">UE</dt>
        <dd>{dossier.ueCodes.join(', ') || '—'}</dd>
        <dt className="text-muted">Total des frais</dt>
        <dd>{formatEuros(dossier.totalCents)}</dd>
      </dl>
      <section aria-labelledby="historique" className="mt-6">
        <h2 id="historique" className="text-lg font-semibold">
          Historique
        </h2>
        <ol className="mt-2 space-y-2 text-sm">
          {dossier.history.map((event) => (
            <li key={event.id} className="border-l-2 border-line pl-3">
              <span className="text-muted">{dateTime.format(event.createdAt)}</span> · {event.actor} ·{' '}
              {event.label}
              {event.fromStatus && event.toStatus ? (
                <span className="text-muted">
                  {' '}
                  ({STATUS_LABELS[event.fromStatus as DossierStatus]} →{' '}
                  {STATUS_LABELS[event.toStatus as DossierStatus]})
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {children ? (
        <section aria-labelledby="rgpd" className="mt-6 rounded-lg border border-line bg-white p-4">
          <h2 id="rgpd" className="text-lg font-semibold">
            Données personnelles (RGPD)
          </h2>
          <div className="mt-3">{children}</div>
        </section>
      ) : null}
    </div>
  )
}
