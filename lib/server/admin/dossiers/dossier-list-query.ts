import 'server-only'
import { addDays, type IsoDate } from '@/lib/domain/dates'
import type { TariffCategory } from '@/lib/domain/programme'
import { registrationSemester } from '@/lib/domain/ue-choice'
import type { StoredDossierStatus } from '@/lib/domain/workflow'
import { Prisma } from '@/lib/generated/prisma/client'
import type { DossierFilters, DossierSort } from '@/lib/schemas/dossier-filters'
import type { DbClient } from '@/lib/server/db'
import { searchTextOf } from '@/lib/server/registration/submit-draft'

/**
 * The one query behind the staff dossier list and its CSV export: filters, sort and keyset
 * pagination, in SQL so that PostgreSQL can walk an index in sort order and stop after a page
 * (see the indexes on Dossier in prisma/schema.prisma and their migration).
 *
 * Keyset, not OFFSET: a page is "the next `limit` rows after the row with this id", compared on
 * (sort key, id). Ids break ties between equal keys (two dossiers submitted in the same
 * millisecond, two Hoarau Marie), so every row comes exactly once across pages, and page 4,000
 * costs what page 1 costs. The cursor is a dossier id (its sort key is read back from the row),
 * which keeps names out of URLs and server logs.
 */

export type DossierListRow = {
  id: string
  reference: string
  status: StoredDossierStatus
  civility: 'MADAME' | 'MONSIEUR'
  birthName: string
  usageName: string | null
  firstNames: string
  email: string
  phone: string
  category: TariffCategory
  totalCents: number
  submittedAt: Date
  /** Codes of the dossier's UEs, by semester then code. */
  ueCodes: string[]
}

/**
 * Filters ready for SQL: the session chosen, and the UE and semester filters turned into the ids of
 * the UEs they stand for (null: no such filter; empty: nothing can match).
 */
export type ResolvedDossierFilters = Omit<DossierFilters, 'sessionId'> & {
  sessionId: string
  ueIds: string[] | null
}

/**
 * Resolves the session's UE and semester filters to UE ids. A semester is a property of the UE in
 * a session (its first teaching semester, lib/domain/ue-choice.ts), so "semester 2" is "one of the
 * UEs registered in semester 2"; the list's SQL still checks DossierUe.semester. Given as ids,
 * the filter is one PostgreSQL can estimate from its statistics: it then reads a rare UE's few
 * dossiers through DossierUe's ueId index instead of walking the whole session in date order
 * (0.5 to 1.6 s at 100,000 dossiers for a UE nobody took, against 0.2 ms).
 */
export async function resolveDossierFilters(
  db: DbClient,
  filters: DossierFilters,
  sessionId: string,
): Promise<ResolvedDossierFilters> {
  if (!filters.ueCode && !filters.semester) return { ...filters, sessionId, ueIds: null }
  const session = await db.academicSession.findUnique({
    where: { id: sessionId },
    select: {
      programmeId: true,
      ues: { select: { ueId: true, period: { select: { kind: true } } } },
    },
  })
  if (!session) return { ...filters, sessionId, ueIds: [] }
  const semesterOf = new Map(
    session.ues.map((offer) => [offer.ueId, registrationSemester({ periodKind: offer.period.kind })]),
  )
  // By code among all the programme's UEs: a dossier keeps its UE if the session stops offering it.
  let ueIds = filters.ueCode
    ? (
        await db.ue.findMany({
          where: { programmeId: session.programmeId, code: filters.ueCode },
          select: { id: true },
        })
      ).map((ue) => ue.id)
    : session.ues.map((offer) => offer.ueId)
  if (filters.semester) {
    ueIds = ueIds.filter((id) => !semesterOf.has(id) || semesterOf.get(id) === filters.semester)
  }
  return { ...filters, sessionId, ueIds }
}

/**
 * The name sort key: usage name when there is one (the name the person goes by, as the list shows
 * it), then first names; lower-cased and compared with ICU's root collation, so that « Éthève »
 * sorts with the E and « de Villèle » with the D whatever the database's own collation (often C).
 * The same expression, character for character, is indexed by the dossier_list_indexes migration
 * (Prisma's schema cannot express an index on an expression): change both together.
 */
function nameKey(alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`)
  return Prisma.sql`(lower(coalesce(${column('usageName')}, ${column('birthName')}) || ' ' || ${column('firstNames')}) COLLATE "und-x-icu")`
}

function sortKey(sort: DossierSort, alias: string): Prisma.Sql {
  if (sort === 'nom') return nameKey(alias)
  return Prisma.raw(sort === 'reference' ? `${alias}."reference"` : `${alias}."submittedAt"`)
}

/** The instant a day of La Réunion starts (UTC+4 all year, no daylight saving time). */
export function startOfReunionDay(day: IsoDate): Date {
  return new Date(`${day}T00:00:00+04:00`)
}

/**
 * Instants are stored as UTC wall-clock time in `timestamp(3)` columns (Prisma's convention):
 * casting the ISO string to `timestamp` keeps that time and drops the Z.
 */
function timestamp(instant: Date): Prisma.Sql {
  return Prisma.sql`${instant.toISOString()}::timestamp`
}

/** The words of a search, normalised like Dossier.searchText (lower case, no accents). */
export function searchTerms(query: string): string[] {
  return searchTextOf([query])
    .split(/\s+/)
    .filter((term) => term.length > 0)
    .slice(0, 8)
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

/** The WHERE clause of the list (alias `d`), without the cursor (and without the search if asked). */
export function dossierListWhere(
  filters: ResolvedDossierFilters,
  options: { search?: boolean } = {},
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`d."sessionId" = ${filters.sessionId}::uuid`]
  if (filters.status) conditions.push(Prisma.sql`d.status = ${filters.status}::"DossierStatus"`)
  if (filters.completeness === 'complet') {
    conditions.push(Prisma.sql`d.status IN ('COMPLETE'::"DossierStatus", 'ACCEPTED'::"DossierStatus")`)
  } else if (filters.completeness === 'en-attente') {
    conditions.push(Prisma.sql`d.status = 'INCOMPLETE'::"DossierStatus"`)
  }
  if (filters.category) conditions.push(Prisma.sql`d.category = ${filters.category}::"TariffCategory"`)
  if (filters.ueIds) {
    // With both, the UE must be taken in that semester: "AST004 au 1er semestre".
    const semester = filters.semester ? Prisma.sql`AND du.semester = ${filters.semester}::int` : Prisma.empty
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "DossierUe" du WHERE du."dossierId" = d.id AND du."ueId" = ANY(${filters.ueIds}::uuid[]) ${semester})`,
    )
  }
  if (filters.submittedFrom) {
    conditions.push(Prisma.sql`d."submittedAt" >= ${timestamp(startOfReunionDay(filters.submittedFrom))}`)
  }
  if (filters.submittedTo) {
    conditions.push(
      Prisma.sql`d."submittedAt" < ${timestamp(startOfReunionDay(addDays(filters.submittedTo, 1)))}`,
    )
  }
  // Every word must appear somewhere in "reference names e-mail": « hoarau marie » finds
  // « Marie-Claire HOARAU ». The trigram index serves LIKE '%…%' for words of 3 letters or more.
  if (options.search !== false) conditions.push(...searchConditions(filters, 'd'))
  return Prisma.join(conditions, ' AND ')
}

function searchConditions(filters: ResolvedDossierFilters, alias: string): Prisma.Sql[] {
  const column = Prisma.raw(`${alias}."searchText"`)
  return searchTerms(filters.query).map((term) => Prisma.sql`${column} LIKE ${likePattern(term)}`)
}

/**
 * How far the `walk` strategy of a search reads the list in its sort order before giving up
 * (see dossierPageSql). At 100,000 dossiers, walking 2,000 rows costs a few milliseconds; a word
 * that does not fill a page within them is rare enough for its matches to be sorted quickly.
 */
export const SEARCH_WALK_ROWS = 2000

export type DossierPageRequest = {
  filters: ResolvedDossierFilters
  /** Rows to fetch (the caller asks one more than it shows to know whether a next page exists). */
  limit: number
  /** Rows after this dossier, in the sort order… */
  after?: string | null
  /** …or before it (the previous page); the rows still come back in the sort order. */
  before?: string | null
  /**
   * For a search: `matches` (the default) finds every match, then sorts them; `walk` reads the
   * list in its sort order, SEARCH_WALK_ROWS rows at most, and keeps the matches among them.
   */
  searchStrategy?: 'matches' | 'walk'
}

/** The SQL of one page of the list; exported for the query-plan benchmark. */
export function dossierPageSql(request: DossierPageRequest): Prisma.Sql {
  const { filters, limit } = request
  const key = sortKey(filters.sort, 'd')
  // Going back walks the index the other way, then the caller reverses the rows.
  const backwards = Boolean(request.before)
  const ascending = (filters.order === 'asc') !== backwards
  const direction = Prisma.raw(ascending ? 'ASC' : 'DESC')
  const cursorId = request.before ?? request.after ?? null
  const conditions = [dossierListWhere(filters)]
  if (cursorId) {
    const cursorKey = Prisma.sql`(SELECT ${sortKey(filters.sort, 'c')} FROM "Dossier" c WHERE c.id = ${cursorId}::uuid)`
    conditions.push(
      ascending
        ? Prisma.sql`(${key}, d.id) > (${cursorKey}, ${cursorId}::uuid)`
        : Prisma.sql`(${key}, d.id) < (${cursorKey}, ${cursorId}::uuid)`,
    )
  }
  const columns = Prisma.sql`
      d.id, d.reference, d.status::text AS status, d.civility::text AS civility, d."birthName",
      d."usageName", d."firstNames", d.email, d.phone, d.category::text AS category, d."totalCents",
      d."submittedAt",
      ARRAY(
        SELECT u.code FROM "DossierUe" du JOIN "Ue" u ON u.id = du."ueId"
        WHERE du."dossierId" = d.id ORDER BY du.semester NULLS LAST, u.code
      ) AS "ueCodes"`
  if (searchTerms(filters.query).length === 0) {
    return Prisma.sql`
      SELECT ${columns}
      FROM "Dossier" d
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ${key} ${direction}, d.id ${direction}
      LIMIT ${limit}::int`
  }
  if (request.searchStrategy === 'walk') {
    // A common word (« marie »: 9 % of dossiers) fills a page within the first rows of the list in
    // its sort order, which an index gives directly; sorting all of its matches instead read 9,000
    // rows (90 ms at 100,000 dossiers). The LIMIT bounds the walk when the word is rarer than
    // hoped (the caller then asks for the `matches` strategy), and keeps PostgreSQL from folding
    // the search into it.
    const unsearched = [dossierListWhere(filters, { search: false }), ...conditions.slice(1)]
    return Prisma.sql`
      WITH walk AS (
        SELECT d.id, ${key} AS key, d."searchText" FROM "Dossier" d
        WHERE ${Prisma.join(unsearched, ' AND ')}
        ORDER BY ${key} ${direction}, d.id ${direction}
        LIMIT ${SEARCH_WALK_ROWS}::int
      ), page AS (
        SELECT id, key FROM walk w WHERE ${Prisma.join(searchConditions(filters, 'w'), ' AND ')}
        ORDER BY key ${direction}, id ${direction} LIMIT ${limit}::int
      )
      SELECT ${columns}
      FROM page m JOIN "Dossier" d ON d.id = m.id
      ORDER BY m.key ${direction}, m.id ${direction}`
  }
  // With a search, find every match first (trigram index), then sort them. Left to itself,
  // PostgreSQL misjudges how many dossiers a word matches and may walk the sort index instead,
  // hoping to meet enough matches early: 270 ms for a rare e-mail among 100,000 dossiers, against
  // 3 ms this way. The fence (MATERIALIZED) keeps it from folding the two steps back into one.
  return Prisma.sql`
    WITH matches AS MATERIALIZED (
      SELECT d.id, ${key} AS key FROM "Dossier" d WHERE ${Prisma.join(conditions, ' AND ')}
    ), page AS (
      SELECT id, key FROM matches ORDER BY key ${direction}, id ${direction} LIMIT ${limit}::int
    )
    SELECT ${columns}
    FROM page m JOIN "Dossier" d ON d.id = m.id
    ORDER BY m.key ${direction}, m.id ${direction}`
}

/** One page of rows in the sort order (see DossierPageRequest). Authorization is the caller's. */
export async function selectDossierPage(
  db: DbClient,
  request: DossierPageRequest,
): Promise<DossierListRow[]> {
  if (request.filters.ueIds?.length === 0) return []
  let rows: DossierListRow[] | null = null
  // A page of the screen list with a search: try the walk first (see dossierPageSql); it is the
  // answer when it fills the page, since its rows are the first matches in the sort order. (An
  // export asks for 1,000 rows, which a walk of 2,000 rarely fills: matches straight away.)
  if (searchTerms(request.filters.query).length > 0 && request.limit <= 100) {
    rows = await db.$queryRaw<DossierListRow[]>(dossierPageSql({ ...request, searchStrategy: 'walk' }))
    if (rows.length < request.limit) rows = null
  }
  rows ??= await db.$queryRaw<DossierListRow[]>(dossierPageSql({ ...request, searchStrategy: 'matches' }))
  return request.before ? rows.reverse() : rows
}
