import type { Metadata } from 'next'
import Link from 'next/link'
import { DossierFiltersForm } from '@/components/admin/dossier-list/dossier-filters-form'
import { DossierTable } from '@/components/admin/dossier-list/dossier-table'
import { ListPagination } from '@/components/admin/dossier-list/list-pagination'
import { SORT_DESCRIPTIONS } from '@/components/admin/dossier-list/sort-labels'
import { StatusTabs } from '@/components/admin/dossier-list/status-tabs'
import { Alert } from '@/components/ui/alert'
import { buttonClass } from '@/components/ui/button'
import { can } from '@/lib/domain/staff'
import { STATUS_LABELS } from '@/lib/domain/workflow'
import {
  dossierExportHref,
  dossierListHref,
  hasNarrowingFilters,
  parseDossierFilters,
  type RawSearchParams,
} from '@/lib/schemas/dossier-filters'
import { countDossiersByStatus } from '@/lib/server/admin/dossiers/count-dossiers-by-status'
import { getDossierListOptions } from '@/lib/server/admin/dossiers/get-dossier-list-options'
import { listDossiers } from '@/lib/server/admin/dossiers/list-dossiers'
import { requireStaffPage } from '@/lib/server/auth/authorize'

export const metadata: Metadata = { title: 'Dossiers — espace gestion', robots: { index: false } }

const number = new Intl.NumberFormat('fr-FR')

function dossiers(count: number): string {
  return `${number.format(count)} dossier${count > 1 ? 's' : ''}`
}

export default async function DossierListPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams
  const parsed = parseDossierFilters(raw)
  // Set by the erasure of a dossier (RGPD), which lands here since the dossier's page is gone.
  const erased = (raw instanceof URLSearchParams ? raw.get('efface') : raw.efface) === '1'
  const actor = await requireStaffPage(
    'dossiers.read',
    dossierListHref(parsed, { after: parsed.after, before: parsed.before }),
  )
  const options = await getDossierListOptions({ actor, sessionId: parsed.sessionId })
  if (!options.session) {
    return (
      <div className="mx-auto max-w-7xl px-4 py-8">
        <h1 className="text-2xl font-bold">Dossiers d’inscription</h1>
        <Alert className="mt-6">
          Aucune session n’est encore enregistrée : il n’y a pas de dossier à afficher.
        </Alert>
      </div>
    )
  }
  const { session } = options
  // Links carry the session even when it was the default: a shared link keeps showing that session.
  const filters = { ...parsed, sessionId: session.id }
  const [page, counts] = await Promise.all([
    listDossiers({ actor, filters }),
    countDossiersByStatus({ actor, sessionId: session.id }),
  ])
  const narrowed = hasNarrowingFilters(filters)
  const paged = Boolean(filters.after || filters.before)
  const shown = filters.status ? counts.byStatus[filters.status] : counts.total
  const caption = `Dossiers de la session ${session.programmeCode} ${session.label}${
    filters.status ? ` au statut « ${STATUS_LABELS[filters.status]} »` : ''
  }${narrowed ? ' correspondant aux filtres' : ''}, triés ${SORT_DESCRIPTIONS[filters.sort][filters.order]}.`

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Dossiers d’inscription</h1>
          <p className="mt-1 text-muted">
            Session {session.programmeCode} {session.label}
            {session.registrationOpen ? ' · inscriptions ouvertes' : ''} · {dossiers(counts.total)}
          </p>
        </div>
        {can(actor.role, 'dossiers.export') && page.rows.length > 0 ? (
          <div className="text-sm text-muted">
            {/* A plain link: the file downloads, and Next's router must not prefetch an export. */}
            <a
              href={dossierExportHref(filters)}
              className={buttonClass('secondary')}
              aria-describedby="export-aide"
              download
            >
              Exporter en CSV (Excel)
            </a>
            <p id="export-aide" className="mt-1">
              Toute la liste affichée, toutes pages comprises.
            </p>
          </div>
        ) : null}
      </div>
      {erased ? (
        <Alert tone="success" role="status" className="mt-4">
          Le dossier a été effacé, avec ses pièces, ses messages, ses notes, ses paiements et ses e-mails. Le
          journal garde seulement la trace de l’effacement, sans donnée personnelle.
        </Alert>
      ) : null}

      <StatusTabs filters={filters} counts={counts} />
      <DossierFiltersForm filters={filters} options={options} />

      <section aria-labelledby="resultats-titre" className="mt-8">
        <h2 id="resultats-titre" className="text-xl font-semibold">
          {narrowed ? 'Résultats' : filters.status ? `${dossiers(shown)} au statut choisi` : dossiers(shown)}
        </h2>
        {page.rows.length > 0 ? (
          <>
            <DossierTable
              rows={page.rows}
              filters={filters}
              caption={caption}
              categoryLabels={session.categoryLabels}
            />
            <ListPagination
              filters={filters}
              previousCursor={page.previousCursor}
              nextCursor={page.nextCursor}
            />
          </>
        ) : (
          <EmptyList
            sessionLabel={`${session.programmeCode} ${session.label}`}
            sessionEmpty={counts.total === 0}
            paged={paged}
            firstPage={dossierListHref(filters)}
            reset={dossierListHref({ ...filters, status: null, query: '' }, EVERYTHING)}
          />
        )}
      </section>
    </div>
  )
}

const EVERYTHING = {
  category: null,
  ueCode: null,
  semester: null,
  completeness: null,
  submittedFrom: null,
  submittedTo: null,
}

function EmptyList({
  sessionLabel,
  sessionEmpty,
  paged,
  firstPage,
  reset,
}: {
  sessionLabel: string
  sessionEmpty: boolean
  paged: boolean
  firstPage: string
  reset: string
}) {
  if (sessionEmpty) {
    return (
      <Alert className="mt-3" role="status" title="Aucun dossier pour l’instant">
        Aucun dossier n’a encore été déposé pour la session {sessionLabel}. Les dossiers apparaissent ici dès
        que les candidats les envoient.
      </Alert>
    )
  }
  if (paged) {
    return (
      <Alert className="mt-3" role="status" title="Cette page est vide">
        Les dossiers qu’elle contenait ont changé depuis l’ouverture de la liste.{' '}
        <Link href={firstPage}>Revenir à la première page</Link>
      </Alert>
    )
  }
  return (
    <Alert className="mt-3" role="status" title="Aucun dossier ne correspond à ces critères">
      Vérifiez l’orthographe de la recherche, ou élargissez les filtres.{' '}
      <Link href={reset}>Effacer les filtres</Link>
    </Alert>
  )
}
