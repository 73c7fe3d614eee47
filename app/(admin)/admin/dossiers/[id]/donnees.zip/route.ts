import { PassThrough, Readable } from 'node:stream'
import { ZipArchive } from 'archiver'
import { AccessDenied, currentStaff } from '@/lib/server/auth/authorize'
import { exportApplicantData } from '@/lib/server/retention/export-applicant-data'
import { exportNeedsPost, refuseForeignPost } from '@/lib/server/http'
import { readApplicantFile } from '@/lib/server/retention/read-applicant-file'

const README = `Données détenues par le Centre régional du Cnam de La Réunion sur ce dossier d'inscription.

- dossier.json : le dossier (identité, coordonnées, situation, UE, frais), toutes les réponses du
  formulaire (answers), les pièces avec leur statut et leurs motifs, l'historique du dossier, les
  messages envoyés, les notes internes du personnel, les paiements enregistrés, les e-mails envoyés
  (liens personnels masqués) et le brouillon d'inscription.
- pieces/ : chaque fichier déposé pour le dossier, y compris ceux remplacés depuis.
- brouillon/ : les fichiers déposés pendant la saisie qui ne font pas partie du dossier.

Les dates sont en temps universel (UTC) ; les montants en centimes d'euro.
`

/** A link to the export starts nothing: it is recorded, so it starts from the panel's button. */
export function GET(): Response {
  return exportNeedsPost()
}

/**
 * Everything held about the applicant of a dossier, in one ZIP (RGPD right of access and
 * portability): a JSON of the dossier and every piece file, streamed one file at a time. Admins
 * only, posted by the button of the dossier page (never from another site); each export is
 * recorded in the dossier's history.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const foreign = refuseForeignPost(request)
  if (foreign) return foreign
  const { id } = await params
  const actor = await currentStaff()
  let exported: Awaited<ReturnType<typeof exportApplicantData>>
  try {
    exported = await exportApplicantData({ actor, dossierId: id })
  } catch (error) {
    if (error instanceof AccessDenied)
      return new Response(error.message, {
        status: error.reason === 'SIGNED_OUT' ? 401 : 403,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      })
    throw error
  }
  if (!exported)
    return new Response('Dossier introuvable.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  const archive = new ZipArchive({ zlib: { level: 6 } })
  const output = new PassThrough()
  archive.pipe(output)
  void (async () => {
    try {
      archive.append(README, { name: 'LISEZMOI.txt' })
      archive.append(JSON.stringify(exported.data, null, 2), { name: 'dossier.json' })
      for (const file of exported.files) {
        const bytes = await readApplicantFile({ actor, dossierId: id, fileId: file.fileId })
        if (bytes) archive.append(Buffer.from(bytes), { name: file.path })
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
      'Content-Disposition': `attachment; filename="${exported.reference}-donnees-personnelles.zip"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
