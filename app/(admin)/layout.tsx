import type { Metadata } from 'next'
import Link from 'next/link'
import { SiteLogo } from '@/components/ui/site-logo'
import { signOutAction } from '@/app/(admin)/admin/connexion/actions'
import { can, ROLE_LABELS } from '@/lib/domain/staff'
import { currentStaff } from '@/lib/server/auth/authorize'

export const metadata: Metadata = { robots: { index: false, follow: false } }

const NAV = [
  { href: '/admin', label: 'Tableau de bord', permission: 'dossiers.read' },
  { href: '/admin/dossiers', label: 'Dossiers', permission: 'dossiers.read' },
  { href: '/admin/programme', label: 'Programme', permission: 'programme.edit' },
  { href: '/admin/sessions', label: 'Sessions', permission: 'programme.edit' },
  { href: '/admin/comptes', label: 'Comptes', permission: 'staff.manage' },
  { href: '/admin/courriels', label: 'Courriels', permission: 'outbox.read' },
] as const

/** The staff area's frame. Each page checks the role it needs itself; this only shows the menu. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentStaff()
  return (
    <div className="flex min-h-dvh flex-col bg-surface">
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
      >
        Aller au contenu
      </a>
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/admin" className="flex items-center gap-3 text-ink no-underline">
            <SiteLogo className="h-9" />
            <span className="font-semibold">Espace gestion</span>
          </Link>
          {actor ? (
            <nav aria-label="Espace gestion" className="order-3 w-full md:order-none md:w-auto">
              <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
                {NAV.filter((item) => can(actor.role, item.permission)).map((item) => (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      className="text-ink no-underline hover:text-accent hover:underline"
                    >
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {actor ? (
            <div className="flex items-center gap-4 text-sm">
              <Link href="/admin/compte" className="text-ink no-underline hover:underline">
                {actor.name} <span className="text-muted">· {ROLE_LABELS[actor.role]}</span>
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="text-accent underline">
                  Se déconnecter
                </button>
              </form>
            </div>
          ) : null}
        </div>
      </header>
      <main id="contenu" className="flex-1">
        {children}
      </main>
    </div>
  )
}
