import { z } from 'zod'
import { isIsoDate, type IsoDate } from '@/lib/domain/dates'
import { text } from './fields'
import { TARIFF_CATEGORIES, type TariffCategory } from '@/lib/domain/programme'
import { DOSSIER_STATUSES, type StoredDossierStatus } from '@/lib/domain/workflow'

/**
 * The staff dossier list's filters, sort and page, as they live in the URL (French parameter
 * names, so that a shared link reads well). One schema parses the search params of the page and of
 * the CSV export; a parameter that does not parse is dropped (its default applies) rather than
 * failing the page, since URLs get hand-edited, truncated and pasted.
 */

export const DOSSIER_SORTS = ['date', 'reference', 'nom'] as const
export type DossierSort = (typeof DOSSIER_SORTS)[number]
export type SortOrder = 'asc' | 'desc'

/** Newest first for dates (the latest arrivals are what a reviewer checks); A→Z otherwise. */
export const DEFAULT_ORDER: Record<DossierSort, SortOrder> = { date: 'desc', reference: 'asc', nom: 'asc' }

/**
 * "complet": the service has validated every piece (statuses COMPLETE and ACCEPTED);
 * "en-attente": pieces were requested from the applicant and have not come back (INCOMPLETE).
 */
export const COMPLETENESS = ['complet', 'en-attente'] as const
export type Completeness = (typeof COMPLETENESS)[number]

export const DOSSIER_PAGE_SIZE = 25
export const SEARCH_MAX_LENGTH = 100

export const FILTERABLE_STATUSES = DOSSIER_STATUSES.filter(
  (status): status is StoredDossierStatus => status !== 'DRAFT',
)

export type DossierFilters = {
  /** null: the default session (open for registration, else the newest). */
  sessionId: string | null
  status: StoredDossierStatus | null
  category: TariffCategory | null
  /** UE code, upper case ("AST004"). */
  ueCode: string | null
  semester: 1 | 2 | null
  completeness: Completeness | null
  /** Submission days in La Réunion's calendar, both included. */
  submittedFrom: IsoDate | null
  submittedTo: IsoDate | null
  /** As typed (trimmed, spaces collapsed); normalised for the search by the server. */
  query: string
  sort: DossierSort
  order: SortOrder
  /** Keyset cursor: the id of the last row of the previous page, or of the first row of the next one. */
  after: string | null
  before: string | null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A search param as one trimmed string, or undefined when absent or empty. */
function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  if (typeof first !== 'string') return undefined
  const trimmed = first.trim()
  return trimmed === '' ? undefined : trimmed
}

/** An optional parameter: undefined when absent, empty or invalid. */
function param<T extends z.ZodType>(schema: T) {
  return z.preprocess(single, schema.optional()).catch(undefined)
}

const uuid = z
  .string()
  .regex(UUID)
  .transform((value) => value.toLowerCase())
const isoDate = z.string().refine(isIsoDate)

export const dossierFiltersSchema = z
  .object({
    session: param(uuid),
    statut: param(z.enum(FILTERABLE_STATUSES)),
    /** English spelling, as the dashboard's links write it; `statut` wins. */
    status: param(z.enum(FILTERABLE_STATUSES)),
    categorie: param(z.enum(TARIFF_CATEGORIES)),
    ue: param(
      z
        .string()
        .transform((value) => value.toUpperCase())
        .pipe(z.string().regex(/^[A-Z0-9]{2,12}$/)),
    ),
    semestre: param(z.enum(['1', '2']).transform((value) => (value === '1' ? 1 : 2) as 1 | 2)),
    completude: param(z.enum(COMPLETENESS)),
    du: param(isoDate),
    au: param(isoDate),
    q: param(text().transform((value) => value.replace(/\s+/g, ' ').slice(0, SEARCH_MAX_LENGTH).trim())),
    tri: param(z.enum(DOSSIER_SORTS)),
    ordre: param(z.enum(['asc', 'desc'])),
    apres: param(uuid),
    avant: param(uuid),
  })
  .transform((params): DossierFilters => {
    const sort = params.tri ?? 'date'
    // Days typed the wrong way round are meant as a range all the same.
    const [submittedFrom, submittedTo] =
      params.du && params.au && params.du > params.au ? [params.au, params.du] : [params.du, params.au]
    return {
      sessionId: params.session ?? null,
      status: params.statut ?? params.status ?? null,
      category: params.categorie ?? null,
      ueCode: params.ue ?? null,
      semester: params.semestre ?? null,
      completeness: params.completude ?? null,
      submittedFrom: submittedFrom ?? null,
      submittedTo: submittedTo ?? null,
      query: params.q ?? '',
      sort,
      order: params.ordre ?? DEFAULT_ORDER[sort],
      after: params.apres ?? null,
      // One cursor at a time: "after" wins when a URL carries both.
      before: params.apres ? null : (params.avant ?? null),
    }
  })

export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams

/** Parses the page's or the export's search params; never throws. */
export function parseDossierFilters(raw: RawSearchParams): DossierFilters {
  const record =
    raw instanceof URLSearchParams
      ? Object.fromEntries([...raw.keys()].map((key) => [key, raw.get(key)]))
      : raw
  return dossierFiltersSchema.parse(record)
}

/** True when a filter other than the session and the status narrows the list. */
export function hasNarrowingFilters(filters: DossierFilters): boolean {
  return Boolean(
    filters.category ||
    filters.ueCode ||
    filters.semester ||
    filters.completeness ||
    filters.submittedFrom ||
    filters.submittedTo ||
    filters.query,
  )
}

/**
 * The search params for `filters` with `changes` applied, defaults left out (short, readable
 * links). A change of filter or sort drops the page cursor unless `changes` sets one.
 */
export function dossierListParams(
  filters: DossierFilters,
  changes: Partial<DossierFilters> = {},
): URLSearchParams {
  const next = { ...filters, after: null, before: null, ...changes }
  const params = new URLSearchParams()
  const set = (name: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value))
  }
  set('session', next.sessionId)
  set('statut', next.status)
  set('categorie', next.category)
  set('ue', next.ueCode)
  set('semestre', next.semester)
  set('completude', next.completeness)
  set('du', next.submittedFrom)
  set('au', next.submittedTo)
  set('q', next.query)
  if (next.sort !== 'date') set('tri', next.sort)
  if (next.order !== DEFAULT_ORDER[next.sort]) set('ordre', next.order)
  set('apres', next.after)
  set('avant', next.before)
  return params
}

/** "/admin/dossiers?…" for `filters` with `changes` applied. */
export function dossierListHref(filters: DossierFilters, changes: Partial<DossierFilters> = {}): string {
  const query = dossierListParams(filters, changes).toString()
  return query ? `/admin/dossiers?${query}` : '/admin/dossiers'
}

/** "/admin/dossiers/export.csv?…": the same filters and sort, without a page. */
export function dossierExportHref(filters: DossierFilters): string {
  const query = dossierListParams(filters).toString()
  return query ? `/admin/dossiers/export.csv?${query}` : '/admin/dossiers/export.csv'
}
