import { readDraftToken } from '@/lib/server/registration/cookies'
import { addDraftPiece } from '@/lib/server/registration/draft-pieces'
import { handlePieceUpload } from '@/lib/server/uploads/handle-piece-upload'

/** Upload of a piece for the registration in progress (the draft of the cookie). */
export async function POST(request: Request) {
  return handlePieceUpload(request, {
    token: await readDraftToken(),
    missingTokenMessage: 'Votre inscription en cours est introuvable : rouvrez le lien reçu par e-mail.',
    store: async (token, { pieceTypeCode, upload, documentDate }) => {
      const result = await addDraftPiece({ token, pieceTypeCode, upload, documentDate })
      return result.ok ? { ok: true, body: { pieceId: result.pieceId } } : result
    },
  })
}
