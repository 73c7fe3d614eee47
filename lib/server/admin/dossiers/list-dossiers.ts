import 'server-only'
import { DOSSIER_PAGE_SIZE, type DossierFilters } from '@/lib/schemas/dossier-filters'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { resolveDossierFilters, selectDossierPage, type DossierListRow } from './dossier-list-query'
import { findListSession } from './find-list-session'

export type DossierListPage = {
  /** The session listed (the default one when the filters name none); null: no session exists. */
  sessionId: string | null
  rows: DossierListRow[]
  /** Cursor of the next page (`apres`), null on the last page. */
  nextCursor: string | null
  /** Cursor of the previous page (`avant`), null on the first page. */
  previousCursor: string | null
}

/**
 * One page of a session's dossiers for staff, filtered and sorted as `filters` say, with keyset
 * pagination (see dossier-list-query.ts): `filters.after` / `filters.before` hold the cursor.
 */
export async function listDossiers(options: {
  actor: StaffActor | null
  filters: DossierFilters
  pageSize?: number
}): Promise<DossierListPage> {
  assertCan(options.actor, 'dossiers.read')
  const db = getDb()
  const pageSize = options.pageSize ?? DOSSIER_PAGE_SIZE
  const session = await findListSession(db, options.filters.sessionId)
  if (!session) return { sessionId: null, rows: [], nextCursor: null, previousCursor: null }
  const filters = await resolveDossierFilters(db, options.filters, session.id)
  const { after, before } = options.filters
  // One row more than a page tells whether there is another page in that direction.
  const limit = pageSize + 1

  if (before) {
    const rows = await selectDossierPage(db, { filters, limit, before })
    if (rows.length > pageSize) {
      const page = rows.slice(1)
      return { sessionId: session.id, rows: page, nextCursor: page.at(-1)!.id, previousCursor: page[0]!.id }
    }
    // Back at the start of the list (or rows went away meanwhile): show the first page, full.
  }
  const cursor = before ? null : after
  const rows = await selectDossierPage(db, { filters, limit, after: cursor })
  const page = rows.slice(0, pageSize)
  return {
    sessionId: session.id,
    rows: page,
    nextCursor: rows.length > pageSize ? page.at(-1)!.id : null,
    previousCursor: cursor && page.length > 0 ? page[0]!.id : null,
  }
}
