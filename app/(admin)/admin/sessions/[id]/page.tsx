import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { RegistrationToggle } from '@/components/admin/programme/registration-toggle'
import { sessionTimeline } from '@/lib/domain/session'
import { formatDate, formatDateRange, formatEuros } from '@/lib/format'
import { PERIOD_KIND_LABELS } from '@/lib/schemas/programme'
import { loadSessionEditor, sessionBreadcrumb, sessionTabs } from '../load-session-editor'

export const metadata: Metadata = { title: 'Session — espace gestion' }

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const session = await loadSessionEditor(id, `/admin/sessions/${id}`)
  const timeline = sessionTimeline(session.calendar.data)
  const counts = session.offerings.data.periods.map((period) => ({
    label: PERIOD_KIND_LABELS[period.kind],
    count: session.offerings.data.ues.filter((ue) => ue.periodKind === period.kind).length,
  }))
  return (
    <AdminPage
      title={`Session ${session.label}`}
      breadcrumb={sessionBreadcrumb()}
      intro={
        <p>
          {session.generated ? 'Session préparée à partir de l’année précédente. ' : null}
          {session.dossierCount} dossier(s) déposé(s). Chaque modification est visible aussitôt sur{' '}
          <Link href="/">la page publique</Link> si cette session est celle qu’elle présente.
        </p>
      }
      tabs={sessionTabs(session.id, '')}
    >
      <div className="space-y-8">
        <RegistrationToggle
          sessionId={session.id}
          label={session.label}
          open={session.registration.data.open}
          version={session.registration.version}
        />
        <section aria-labelledby="calendrier-titre" className="rounded-lg border border-line p-4 sm:p-6">
          <h2 id="calendrier-titre" className="text-xl font-semibold">
            Calendrier
          </h2>
          <ul className="mt-3 space-y-1">
            {timeline.map((event) => (
              <li key={`${event.label}-${event.startsOn}`}>
                <span className="font-medium">{event.label}</span> :{' '}
                {event.endsOn
                  ? formatDateRange(event.startsOn, event.endsOn)
                  : `le ${formatDate(event.startsOn)}`}
              </li>
            ))}
          </ul>
          <p className="mt-3">
            <Link href={`/admin/sessions/${session.id}/calendrier`}>Modifier le calendrier</Link>
          </p>
        </section>
        <section aria-labelledby="ue-titre" className="rounded-lg border border-line p-4 sm:p-6">
          <h2 id="ue-titre" className="text-xl font-semibold">
            Périodes et UE
          </h2>
          <ul className="mt-3 space-y-1">
            {counts.map((period) => (
              <li key={period.label}>
                {period.label} : {period.count} UE
              </li>
            ))}
          </ul>
          <p className="mt-3">
            <Link href={`/admin/sessions/${session.id}/ue`}>Modifier les périodes et les UE</Link>
          </p>
        </section>
        <section aria-labelledby="tarifs-titre" className="rounded-lg border border-line p-4 sm:p-6">
          <h2 id="tarifs-titre" className="text-xl font-semibold">
            Tarifs
          </h2>
          <ul className="mt-3 space-y-1">
            <li>Frais de dossier : {formatEuros(session.tariff.data.dossierFeeCents)}</li>
            <li>Droit individuel de base : {formatEuros(session.tariff.data.baseFeeCents)}</li>
            {session.tariff.data.rates.map((rate) => (
              <li key={rate.category}>
                {rate.label} : {formatEuros(rate.perEctsCents)} par ECTS
              </li>
            ))}
          </ul>
          <p className="mt-3">
            <Link href={`/admin/sessions/${session.id}/tarifs`}>Modifier les tarifs</Link>
          </p>
        </section>
      </div>
    </AdminPage>
  )
}
