import { PassThrough, Readable } from 'node:stream'
import { ZipArchive } from 'archiver'
import { exportPieceFiles } from '@/lib/server/admin/review/export-piece-files'
import { readPieceFile } from '@/lib/server/admin/review/read-piece-file'
import { AccessDenied, currentStaff } from '@/lib/server/auth/authorize'
import { exportNeedsPost, refuseForeignPost } from '@/lib/server/http'

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }

/** A link to the ZIP starts nothing: the export is recorded, so it starts from the page's button. */
export function GET(): Response {
  return exportNeedsPost()
}

/**
 * Every current piece of a dossier in one ZIP, streamed (one file in memory at a time), posted by
 * the button of the dossier page: staff who may export pieces only, from our own pages only, and
 * recorded in the dossier's history.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const foreign = refuseForeignPost(request)
  if (foreign) return foreign
  const { id } = await params
  const actor = await currentStaff()
  let list: Awaited<ReturnType<typeof exportPieceFiles>>
  try {
    list = await exportPieceFiles({ actor, dossierId: id })
  } catch (error) {
    if (error instanceof AccessDenied)
      return new Response(error.message, { status: error.reason === 'SIGNED_OUT' ? 401 : 403, headers: TEXT })
    throw error
  }
  if (!list) return new Response('Dossier introuvable.', { status: 404, headers: TEXT })
  const archive = new ZipArchive({ zlib: { level: 6 } })
  const output = new PassThrough()
  archive.pipe(output)
  void (async () => {
    try {
      const names = new Set<string>()
      for (const pieceId of list.pieceIds) {
        const file = await readPieceFile({ actor, dossierId: id, pieceId, disposition: 'zip' })
        if (!file) continue
        let name = file.downloadName
        for (let rank = 2; names.has(name); rank += 1)
          name = file.downloadName.replace(/(\.\w+)$/, `-${rank}$1`)
        names.add(name)
        archive.append(Buffer.from(file.bytes), { name })
      }
      await archive.finalize()
    } catch (error) {
      archive.abort()
      output.destroy(error as Error)
    }
  })()
  return new Response(Readable.toWeb(output) as ReadableStream, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${list.reference}-pieces.zip"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
