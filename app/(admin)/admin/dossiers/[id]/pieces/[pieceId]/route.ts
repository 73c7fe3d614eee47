import { readPieceFile } from '@/lib/server/admin/review/read-piece-file'
import { AccessDenied, currentStaff } from '@/lib/server/auth/authorize'
import { logEvent } from '@/lib/server/log'
import { FILE_POLICY, PREVIEW_POLICY } from '@/lib/security/headers.mjs'

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }

/**
 * A piece for staff: downloaded (attachment) by default, or shown in the page (`?apercu=1`) for
 * the inline preview, sandboxed (PREVIEW_POLICY: the document's scripts never run). Either way:
 * the type checked at upload, nosniff, a generated name, no cache, and each read logged. Another
 * site cannot embed or link a piece (Sec-Fetch-Site): only our pages, or an address typed in.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; pieceId: string }> },
) {
  const { id, pieceId } = await params
  if (['cross-site', 'same-site'].includes(request.headers.get('sec-fetch-site') ?? ''))
    return new Response('Requête refusée : elle ne vient pas du portail.', { status: 403, headers: TEXT })
  try {
    const actor = await currentStaff()
    const inline = new URL(request.url).searchParams.get('apercu') === '1'
    const file = await readPieceFile({
      actor,
      dossierId: id,
      pieceId,
      disposition: inline ? 'preview' : 'download',
    })
    if (!file) return new Response('Pièce introuvable.', { status: 404, headers: TEXT })
    logEvent('info', 'dossier.piece_read', {
      userId: actor?.userId,
      dossierId: id,
      pieceId,
      disposition: inline ? 'preview' : 'download',
    })
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.downloadName}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        // proxy.ts sets the same (its headers win); kept here for a response that bypasses it.
        'Content-Security-Policy': inline ? PREVIEW_POLICY : FILE_POLICY,
      },
    })
  } catch (error) {
    if (error instanceof AccessDenied)
      return new Response(error.message, { status: error.reason === 'SIGNED_OUT' ? 401 : 403, headers: TEXT })
    throw error
  }
}
