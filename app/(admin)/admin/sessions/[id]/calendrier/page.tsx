import type { Metadata } from 'next'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { SessionCalendarForm } from '@/components/admin/programme/session-calendar-form'
import { toSessionCalendarInput } from '@/lib/schemas/programme'
import { loadSessionEditor, sessionBreadcrumb, sessionTabs } from '../../load-session-editor'

export const metadata: Metadata = { title: 'Calendrier de la session — espace gestion' }

export default async function SessionCalendarPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const session = await loadSessionEditor(id, `/admin/sessions/${id}/calendrier`)
  return (
    <AdminPage
      title={`Calendrier de la session ${session.label}`}
      breadcrumb={[
        ...sessionBreadcrumb(),
        { href: `/admin/sessions/${id}`, label: `Session ${session.label}` },
      ]}
      intro={
        <p>
          Les dates limites d’inscription sont incluses (heure de La Réunion). Toutes les dates tombent en{' '}
          {session.startYear} ou en {session.startYear + 1}.
        </p>
      }
      tabs={sessionTabs(session.id, '/calendrier')}
    >
      <SessionCalendarForm
        sessionId={session.id}
        startYear={session.startYear}
        version={session.calendar.version}
        defaultValues={toSessionCalendarInput(session.calendar.data)}
      />
    </AdminPage>
  )
}
