import Link from 'next/link'
import { SiteLogo } from '@/components/ui/site-logo'

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        Aller au contenu
      </a>
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link href="/" className="group flex items-center gap-3 text-ink no-underline">
            <SiteLogo />
            <span className="leading-tight">
              <span className="block font-semibold">Cnam Réunion</span>
              <span className="block text-sm text-muted">Centre régional · Inscriptions</span>
            </span>
          </Link>
        </div>
      </header>
      <main id="contenu" className="flex-1">
        {children}
      </main>
      <footer className="border-t border-line bg-surface">
        <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-muted sm:px-6">
          <p>Conservatoire national des arts et métiers — Centre régional de La Réunion.</p>
          <nav aria-label="Informations légales" className="mt-3">
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              <li>
                <Link href="/confidentialite">Données personnelles</Link>
              </li>
              <li>
                <Link href="/accessibilite">Accessibilité : partiellement conforme</Link>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  )
}
