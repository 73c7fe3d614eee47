'use client'

import { useRouter } from 'next/navigation'
import { PieceUploader } from '@/components/registration/piece-uploader'

/** Sends again a piece staff asked for; the page then shows its new state. */
export function RequestedPieceUpload({
  pieceTypes,
  dated,
}: {
  pieceTypes: Array<{ code: string; label: string }>
  dated: boolean
}) {
  const router = useRouter()
  return (
    <PieceUploader
      target={{ url: '/api/dossier/pieces', pieceTypes, dated }}
      onUploaded={() => router.refresh()}
    />
  )
}
