import 'server-only'
import { notFound } from 'next/navigation'
import { requireStaffPage } from '@/lib/server/auth/authorize'
import { getSessionEditor } from '@/lib/server/admin/sessions/get-session-editor'

/** A session page's data, for an administrator (others go to sign-in or "forbidden"). */
export async function loadSessionEditor(sessionId: string, path: string) {
  const actor = await requireStaffPage('programme.edit', path)
  // Not a session id at all: the same "not found" as a deleted one, without asking the database.
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) notFound()
  const editor = await getSessionEditor({ actor, sessionId })
  if (!editor) notFound()
  return editor
}

export function sessionTabs(sessionId: string, current: string) {
  const base = `/admin/sessions/${sessionId}`
  return {
    label: 'Parties de la session',
    current: `${base}${current}`,
    items: [
      { href: base, label: 'Vue d’ensemble' },
      { href: `${base}/calendrier`, label: 'Calendrier' },
      { href: `${base}/ue`, label: 'Périodes et UE' },
      { href: `${base}/tarifs`, label: 'Tarifs' },
    ],
  }
}

export function sessionBreadcrumb() {
  return [
    { href: '/admin', label: 'Espace gestion' },
    { href: '/admin/sessions', label: 'Sessions' },
  ]
}
