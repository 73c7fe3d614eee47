import Link from 'next/link'
import { dossierListHref, type DossierFilters } from '@/lib/schemas/dossier-filters'

/** "Page précédente / suivante": the cursor travels in the URL (`avant`, `apres`). */
export function ListPagination({
  filters,
  previousCursor,
  nextCursor,
}: {
  filters: DossierFilters
  previousCursor: string | null
  nextCursor: string | null
}) {
  if (!previousCursor && !nextCursor) return null
  const link =
    'inline-flex min-h-11 items-center gap-1 rounded-md border border-line bg-white px-4 font-medium no-underline hover:border-accent'
  const disabled = 'inline-flex min-h-11 items-center gap-1 px-4 text-muted'
  return (
    <nav aria-label="Pages de la liste" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <div className="flex flex-wrap gap-3">
        {previousCursor ? (
          <>
            <Link href={dossierListHref(filters)} prefetch={false} className={link}>
              <span aria-hidden="true">«</span> Première page
            </Link>
            <Link
              href={dossierListHref(filters, { before: previousCursor })}
              prefetch={false}
              rel="prev"
              className={link}
            >
              <span aria-hidden="true">‹</span> Page précédente
            </Link>
          </>
        ) : (
          <span className={disabled}>Première page de la liste</span>
        )}
      </div>
      {nextCursor ? (
        <Link
          href={dossierListHref(filters, { after: nextCursor })}
          prefetch={false}
          rel="next"
          className={link}
        >
          Page suivante <span aria-hidden="true">›</span>
        </Link>
      ) : (
        <span className={disabled}>Fin de la liste</span>
      )}
    </nav>
  )
}
