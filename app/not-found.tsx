import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Page introuvable', robots: { index: false } }

/**
 * The page of unknown addresses, in French and without inline styles (CSP). Unknown addresses
 * reach it through app/(public)/[...chemin], rendered per request, so that it carries the CSP nonce.
 */
export default function NotFound() {
  return (
    // Inside the layout of the address's part of the site, which holds the page's <main>.
    <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      <p className="text-sm font-semibold text-accent">Erreur 404</p>
      <h1 className="mt-2 text-3xl font-bold">Page introuvable</h1>
      <p className="mt-4">L’adresse demandée ne correspond à aucune page du portail.</p>
      <p className="mt-6">
        <Link href="/">Retour à la page de la formation</Link>
      </p>
    </div>
  )
}
