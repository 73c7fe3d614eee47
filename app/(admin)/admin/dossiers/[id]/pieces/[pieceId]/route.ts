import { AccessDenied, currentStaff } from '@/lib/server/auth/authorize'
import { readPieceFile } from '@/lib/server/admin/review/read-piece-file'

/**
 * A piece for staff: downloaded (attachment) by default, or shown in the page (`?apercu=1`) for
 * the inline preview. Either way: the type checked at upload, nosniff, a generated name, no cache.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; pieceId: string }> },
) {
  const { id, pieceId } = await params
  try {
    const file = await readPieceFile({ actor: await currentStaff(), dossierId: id, pieceId })
    if (!file)
      return new Response('Pièce introuvable.', {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      })
    const inline = new URL(request.url).searchParams.get('apercu') === '1'
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.downloadName}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy':
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
      },
    })
  } catch (error) {
    if (error instanceof AccessDenied)
      return new Response(error.message, {
        status: error.reason === 'SIGNED_OUT' ? 401 : 403,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      })
    throw error
  }
}
