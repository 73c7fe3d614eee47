'use client'

import { usePathname } from 'next/navigation'

/**
 * Shown at once while the list loads (a search, a filter, another page). This segment's loading
 * state also covers the dossier pages below it that have none of their own: they get a neutral one.
 */
export default function DossierListLoading() {
  const pathname = usePathname()
  if (pathname !== '/admin/dossiers') {
    return (
      <div className="mx-auto max-w-7xl px-4 py-8">
        <p role="status" className="text-muted">
          Chargement…
        </p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-2xl font-bold">Dossiers d’inscription</h1>
      <p role="status" className="mt-1 text-muted">
        Chargement des dossiers…
      </p>
      <div aria-hidden="true" className="mt-6 animate-pulse motion-reduce:animate-none">
        <div className="flex flex-wrap gap-2">
          {Array.from({ length: 6 }, (_, index) => (
            <div key={index} className="h-11 w-32 rounded-full bg-surface" />
          ))}
        </div>
        <div className="mt-6 h-40 rounded-lg border border-line bg-surface" />
        <div className="mt-8 space-y-2">
          {Array.from({ length: 8 }, (_, index) => (
            <div key={index} className="h-12 rounded bg-surface" />
          ))}
        </div>
      </div>
    </div>
  )
}
