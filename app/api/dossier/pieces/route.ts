import { reuploadPiece } from '@/lib/server/dossiers/reupload-piece'
import { readDossierToken } from '@/lib/server/registration/cookies'
import { handlePieceUpload } from '@/lib/server/uploads/handle-piece-upload'

/** A piece sent again after staff asked for it, for the dossier of the cookie. */
export async function POST(request: Request) {
  return handlePieceUpload(request, {
    token: await readDossierToken(),
    missingTokenMessage: 'Dossier introuvable sur cet appareil : ouvrez le lien reçu par e-mail.',
    store: async (token, { pieceTypeCode, upload, documentDate }) => {
      const result = await reuploadPiece({ token, pieceTypeCode, upload, documentDate })
      return result.ok ? { ok: true, body: { backToReview: result.backToReview } } : result
    },
  })
}
