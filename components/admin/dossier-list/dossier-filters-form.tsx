import Form from 'next/form'
import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { controlClass, Hint, SelectField, TextField } from '@/components/ui/form'
import {
  DEFAULT_ORDER,
  dossierListHref,
  SEARCH_MAX_LENGTH,
  type DossierFilters,
} from '@/lib/schemas/dossier-filters'
import type { DossierListOptions } from '@/lib/server/admin/dossiers/get-dossier-list-options'

const SEMESTERS = [
  { value: '1', label: '1er semestre' },
  { value: '2', label: '2nd semestre' },
]

const COMPLETENESS_OPTIONS = [
  { value: 'complet', label: 'Complets' },
  { value: 'en-attente', label: 'Pièces en attente' },
]

/**
 * Search and filters, sent with GET so that the list's URL says everything (and can be shared).
 * The status (chosen with the tabs) and the sort (chosen in the table's header) ride along as
 * hidden fields; a new search starts again from the first page.
 */
export function DossierFiltersForm({
  filters,
  options,
}: {
  filters: DossierFilters
  options: Pick<DossierListOptions, 'sessions' | 'ues' | 'categories'>
}) {
  const advanced = [
    filters.ueCode,
    filters.semester,
    filters.completeness,
    filters.submittedFrom,
    filters.submittedTo,
  ].filter(Boolean).length
  return (
    <Form
      action="/admin/dossiers"
      role="search"
      aria-label="Rechercher et filtrer les dossiers"
      className="mt-6 rounded-lg border border-line bg-white p-4 sm:p-5"
    >
      {filters.status ? <input type="hidden" name="statut" value={filters.status} /> : null}
      {filters.sort !== 'date' ? <input type="hidden" name="tri" value={filters.sort} /> : null}
      {filters.order !== DEFAULT_ORDER[filters.sort] ? (
        <input type="hidden" name="ordre" value={filters.order} />
      ) : null}
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <TextField
          id="recherche"
          name="q"
          type="search"
          label="Rechercher"
          hint="Référence, nom ou adresse e-mail ; majuscules et accents indifférents."
          defaultValue={filters.query}
          maxLength={SEARCH_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
        />
        <div>
          <label htmlFor="session" className="block font-medium">
            Session
          </label>
          <Hint id="session">Une session à la fois.</Hint>
          <select
            id="session"
            name="session"
            defaultValue={filters.sessionId ?? undefined}
            aria-describedby="session-aide"
            className={controlClass()}
          >
            {options.sessions.map((session) => (
              <option key={session.id} value={session.id}>
                {session.programmeCode} {session.label}
                {session.registrationOpen ? ' (ouverte)' : ''}
              </option>
            ))}
          </select>
        </div>
        <SelectField
          id="categorie"
          name="categorie"
          label="Catégorie"
          hint="Tarif choisi par le candidat."
          placeholder="Toutes"
          options={options.categories}
          defaultValue={filters.category ?? ''}
        />
      </div>

      <details open={advanced > 0} className="group mt-4">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-accent underline underline-offset-4">
          Plus de filtres{advanced > 0 ? ` (${advanced} actif${advanced > 1 ? 's' : ''})` : ''}
        </summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField
            id="ue"
            name="ue"
            label="UE"
            placeholder="Toutes"
            options={options.ues.map((ue) => ({ value: ue.code, label: `${ue.code} – ${ue.title}` }))}
            defaultValue={filters.ueCode ?? ''}
          />
          <SelectField
            id="semestre"
            name="semestre"
            label="Semestre"
            placeholder="Les deux"
            options={SEMESTERS}
            defaultValue={filters.semester ? String(filters.semester) : ''}
          />
          <SelectField
            id="completude"
            name="completude"
            label="Complétude"
            placeholder="Tous"
            hint="Complets : pièces toutes validées (« Complet » ou « Accepté »). En attente : pièces demandées au candidat (« Incomplet »)."
            options={COMPLETENESS_OPTIONS}
            defaultValue={filters.completeness ?? ''}
          />
          <TextField
            id="depose-du"
            name="du"
            type="date"
            label="Déposé à partir du"
            defaultValue={filters.submittedFrom ?? ''}
          />
          <TextField
            id="depose-au"
            name="au"
            type="date"
            label="Déposé jusqu’au (inclus)"
            defaultValue={filters.submittedTo ?? ''}
          />
        </div>
      </details>

      <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
        <Button type="submit">Afficher les dossiers</Button>
        <Link href={dossierListHref({ ...filters, status: null }, RESET)} prefetch={false}>
          Effacer les filtres
        </Link>
      </div>
    </Form>
  )
}

/** Everything but the session goes back to its default. */
const RESET: Partial<DossierFilters> = {
  status: null,
  category: null,
  ueCode: null,
  semester: null,
  completeness: null,
  submittedFrom: null,
  submittedTo: null,
  query: '',
  sort: 'date',
  order: DEFAULT_ORDER.date,
}
