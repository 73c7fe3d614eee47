import 'server-only'
import { todayIn } from '@/lib/domain/dates'
import { displayPhone } from '@/lib/domain/phone'
import { STATUS_LABELS } from '@/lib/domain/workflow'
import { CIVILITY_LABELS } from '@/lib/pdf/registration-form-text'
import { hasNarrowingFilters, type DossierFilters } from '@/lib/schemas/dossier-filters'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { CSV_BOM, csvAmount, csvDate, csvLine } from './csv'
import { resolveDossierFilters, selectDossierPage, type DossierListRow } from './dossier-list-query'
import { findListSession, type ListSession } from './find-list-session'

/** Rows read per query: small enough to keep memory flat, large enough to keep queries few. */
export const EXPORT_BATCH_SIZE = 1000

export const EXPORT_COLUMNS = [
  'Référence',
  'Statut',
  'Date de dépôt',
  'Civilité',
  'Nom de naissance',
  'Nom d’usage',
  'Prénoms',
  'E-mail',
  'Téléphone',
  'Catégorie',
  'UE',
  'Total (€)',
] as const

function exportLine(row: DossierListRow, session: ListSession): string {
  return csvLine([
    row.reference,
    STATUS_LABELS[row.status],
    csvDate(row.submittedAt),
    CIVILITY_LABELS[row.civility],
    row.birthName,
    row.usageName,
    row.firstNames,
    row.email,
    displayPhone(row.phone),
    session.categoryLabels[row.category],
    row.ueCodes.join(', '),
    csvAmount(row.totalCents),
  ])
}

export type DossierExport = { filename: string; stream: ReadableStream<Uint8Array> }

/**
 * The filtered list (every page, in its sort order) as a CSV file for Excel, streamed: rows are
 * read EXPORT_BATCH_SIZE at a time by keyset as the client consumes the response, so memory stays
 * flat whatever the number of dossiers. Null when no session exists. The export is logged with
 * counts and filter names only (a search may be someone's name).
 */
export async function exportDossiersCsv(options: {
  actor: StaffActor | null
  filters: DossierFilters
  now?: Date
}): Promise<DossierExport | null> {
  assertCan(options.actor, 'dossiers.export')
  const actor = options.actor
  const db = getDb()
  const session = await findListSession(db, options.filters.sessionId)
  if (!session) return null
  const filters = await resolveDossierFilters(
    db,
    { ...options.filters, after: null, before: null },
    session.id,
  )
  const encoder = new TextEncoder()
  const started = Date.now()
  let cursor: string | null = null
  let rows = 0
  const activeFilters = [
    filters.status && 'statut',
    filters.category && 'categorie',
    filters.ueCode && 'ue',
    filters.semester && 'semestre',
    filters.completeness && 'completude',
    filters.submittedFrom && 'du',
    filters.submittedTo && 'au',
    filters.query && 'recherche',
  ].filter(Boolean)
  const log = (outcome: 'complete' | 'cancelled' | 'failed', error?: unknown) =>
    logEvent(outcome === 'failed' ? 'error' : 'info', 'dossiers.export', {
      outcome,
      error: error instanceof Error ? error.name : undefined,
      userId: actor.userId,
      role: actor.role,
      sessionId: session.id,
      filters: activeFilters.join(',') || null,
      narrowed: hasNarrowingFilters(filters),
      sort: `${filters.sort}-${filters.order}`,
      rows,
      ms: Date.now() - started,
    })

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(EXPORT_COLUMNS)))
      },
      async pull(controller) {
        try {
          const batch = await selectDossierPage(db, { filters, limit: EXPORT_BATCH_SIZE, after: cursor })
          if (batch.length > 0) {
            controller.enqueue(encoder.encode(batch.map((row) => exportLine(row, session)).join('')))
            rows += batch.length
            cursor = batch.at(-1)!.id
          }
          if (batch.length < EXPORT_BATCH_SIZE) {
            controller.close()
            log('complete')
          }
        } catch (error) {
          // The response has started: the client gets a truncated file, the log says why.
          log('failed', error)
          controller.error(error)
        }
      },
      cancel() {
        log('cancelled')
      },
    },
    // One batch ahead at most: the next query runs only once the client has taken the last one.
    { highWaterMark: 1 },
  )
  // Header-safe: the name goes inside a quoted Content-Disposition parameter.
  const name = `dossiers-${session.programmeCode}-${session.label}-${todayIn(options.now ?? new Date())}`
  return { filename: `${name.replace(/[^A-Za-z0-9_-]+/g, '-')}.csv`, stream }
}
