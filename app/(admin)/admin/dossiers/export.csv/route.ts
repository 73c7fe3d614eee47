import type { NextRequest } from 'next/server'
import { parseDossierFilters } from '@/lib/schemas/dossier-filters'
import { exportDossiersCsv } from '@/lib/server/admin/dossiers/export-dossiers-csv'
import { AccessDenied, authorize } from '@/lib/server/auth/authorize'
import { redirectTo } from '@/lib/server/http'

/**
 * GET /admin/dossiers/export.csv?<the list's filters>: the filtered list as a CSV file for Excel,
 * streamed. Signed out: back to the sign-in page, which returns to the list. Without the export
 * permission (read-only staff): 403.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const search = request.nextUrl.searchParams
  const filters = parseDossierFilters(search)
  try {
    const actor = await authorize('dossiers.export')
    const file = await exportDossiersCsv({ actor, filters })
    if (!file) return new Response('Aucune session n’est enregistrée.', { status: 404, headers: TEXT })
    return new Response(file.stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error
    if (error.reason === 'SIGNED_OUT') {
      const list = `/admin/dossiers${search.size > 0 ? `?${search}` : ''}`
      return redirectTo(`/admin/connexion?retour=${encodeURIComponent(list)}`)
    }
    return new Response(error.message, { status: 403, headers: TEXT })
  }
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }
