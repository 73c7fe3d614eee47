import { PassThrough, Readable } from 'node:stream'
import { ZipArchive } from 'archiver'
import { AccessDenied, currentStaff } from '@/lib/server/auth/authorize'
import { listPieceFiles, readPieceFile } from '@/lib/server/admin/review/read-piece-file'
import { logEvent } from '@/lib/server/log'

/** Every current piece of a dossier in one ZIP, streamed: one file in memory at a time. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const actor = await currentStaff()
  let list: Awaited<ReturnType<typeof listPieceFiles>>
  try {
    list = await listPieceFiles({ actor, dossierId: id })
  } catch (error) {
    if (error instanceof AccessDenied)
      return new Response(error.message, { status: error.reason === 'SIGNED_OUT' ? 401 : 403 })
    throw error
  }
  if (!list) return new Response('Dossier introuvable.', { status: 404 })
  const archive = new ZipArchive({ zlib: { level: 6 } })
  const output = new PassThrough()
  archive.pipe(output)
  void (async () => {
    try {
      const names = new Set<string>()
      for (const pieceId of list.pieceIds) {
        const file = await readPieceFile({ actor, dossierId: id, pieceId })
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
  if (actor) logEvent('info', 'dossier.pieces_zip', { userId: actor.userId, dossierId: id })
  return new Response(Readable.toWeb(output) as ReadableStream, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${list.reference}-pieces.zip"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
