'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { decidePieceAction } from '@/app/(admin)/admin/dossiers/[id]/actions'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { controlClass, FieldError } from '@/components/ui/form'
import { pdfActiveContentNotice, type PdfActiveContent } from '@/lib/domain/piece-warnings'
import { REJECTION_PRESETS } from '@/lib/domain/review'
import { formatDate } from '@/lib/format'
import { useReviewAction } from './use-review-action'

export type ReviewPiece = {
  id: string
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'SUPERSEDED'
  decisionReason: string | null
  documentDate: string | null
  fileName: string
  mimeType: string
  sizeBytes: number
  activeContent: PdfActiveContent[]
}

const STATUS = {
  PENDING: { tone: 'accent', label: 'À vérifier' },
  ACCEPTED: { tone: 'success', label: 'Conforme' },
  REJECTED: { tone: 'danger', label: 'Non conforme' },
  SUPERSEDED: { tone: 'neutral', label: 'Remplacée' },
} as const

/**
 * One file of a dossier: preview, download, and the reviewer's decision. Its own status badge
 * shows only when `showStatus` (several files answer one requirement, or this one was replaced):
 * otherwise the requirement's badge says the same, and one badge per piece is enough.
 */
export function PieceCard({
  dossierId,
  piece,
  canDecide,
  showStatus = true,
}: {
  dossierId: string
  piece: ReviewPiece
  canDecide: boolean
  showStatus?: boolean
}) {
  const id = useId()
  const [preview, setPreview] = useState(false)
  const [rejecting, setRejecting] = useState(false)
  const [preset, setPreset] = useState('')
  const [other, setOther] = useState('')
  const { run, pending, error, done } = useReviewAction(decidePieceAction)
  // Focus never falls back to the top of the page: the buttons and the form replace each other,
  // and a decided piece's card takes focus while its live region says what was recorded.
  const card = useRef<HTMLDivElement>(null)
  const rejectButton = useRef<HTMLButtonElement>(null)
  const reasonField = useRef<HTMLSelectElement>(null)
  const [decided, setDecided] = useState<'ACCEPTED' | 'REJECTED' | null>(null)
  useEffect(() => {
    if (error?.fieldErrors.reason) reasonField.current?.focus()
  }, [error])
  const openRejection = (open: boolean) => {
    flushSync(() => setRejecting(open))
    if (open) reasonField.current?.focus()
    else rejectButton.current?.focus()
  }
  const onDecided = (decision: 'ACCEPTED' | 'REJECTED') => () => {
    flushSync(() => {
      setRejecting(false)
      setDecided(decision)
    })
    card.current?.focus()
  }
  const url = `/admin/dossiers/${dossierId}/pieces/${piece.id}`
  const reason = preset === 'AUTRE' ? other : preset
  const status = STATUS[piece.status]
  const activeContentNotice = pdfActiveContentNotice(piece.activeContent)
  return (
    <div
      ref={card}
      role="group"
      aria-labelledby={`${id}-nom`}
      tabIndex={-1}
      className={`rounded-md border p-3 ${piece.status === 'SUPERSEDED' ? 'border-line bg-surface opacity-75' : 'border-line bg-white'}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p id={`${id}-nom`} className="font-medium break-all">
            {piece.fileName}
          </p>
          <p className="text-sm text-muted">
            {piece.mimeType === 'application/pdf' ? 'PDF' : piece.mimeType === 'image/png' ? 'PNG' : 'JPEG'} ·{' '}
            {Math.max(1, Math.round(piece.sizeBytes / 1024))} Ko
            {piece.documentDate ? ` · daté du ${formatDate(piece.documentDate)}` : ''}
          </p>
          {piece.decisionReason ? (
            <p className="mt-1 text-sm text-danger">Motif : {piece.decisionReason}</p>
          ) : null}
          {activeContentNotice ? (
            <p className="mt-1 text-sm font-medium text-danger">{activeContentNotice}</p>
          ) : null}
        </div>
        {showStatus ? <Badge tone={status.tone}>{status.label}</Badge> : null}
      </div>
      <div className="mt-2 flex flex-wrap gap-2 text-sm">
        <button
          type="button"
          className={buttonClass('ghost', 'min-h-8 px-1')}
          aria-expanded={preview}
          aria-controls={`${id}-apercu`}
          onClick={() => setPreview(!preview)}
        >
          {preview ? 'Masquer l’aperçu' : 'Aperçu'}
        </button>
        <a href={url} className={buttonClass('ghost', 'min-h-8 px-1')}>
          Télécharger<span className="sr-only"> {piece.fileName}</span>
        </a>
      </div>
      {preview ? (
        <div id={`${id}-apercu`} className="mt-2 overflow-hidden rounded border border-line bg-surface">
          {piece.mimeType === 'application/pdf' ? (
            <iframe
              src={`${url}?apercu=1`}
              title={`Aperçu de ${piece.fileName}`}
              className="h-[32rem] w-full"
            />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- a private file served by our own route, not an optimisable asset
            <img
              src={`${url}?apercu=1`}
              alt={`Aperçu de ${piece.fileName}`}
              className="mx-auto max-h-[32rem] w-auto"
            />
          )}
        </div>
      ) : null}
      {canDecide && piece.status !== 'SUPERSEDED' ? (
        <div className="mt-3 border-t border-line pt-3">
          {!rejecting ? (
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className={buttonClass('secondary', 'min-h-9 py-1.5 text-sm')}
                disabled={pending || piece.status === 'ACCEPTED'}
                onClick={() =>
                  run(
                    {
                      dossierId,
                      pieceId: piece.id,
                      decision: 'ACCEPTED',
                      reason: '',
                      seenStatus: piece.status,
                    },
                    onDecided('ACCEPTED'),
                  )
                }
              >
                Conforme<span className="sr-only"> : {piece.fileName}</span>
              </button>
              <button
                ref={rejectButton}
                type="button"
                className={buttonClass('ghost', 'min-h-9 py-1.5 text-sm text-danger')}
                disabled={pending}
                onClick={() => openRejection(true)}
              >
                Non conforme…<span className="sr-only"> : {piece.fileName}</span>
              </button>
            </div>
          ) : (
            <form
              className="space-y-2"
              onSubmit={(event) => {
                event.preventDefault()
                run(
                  { dossierId, pieceId: piece.id, decision: 'REJECTED', reason, seenStatus: piece.status },
                  onDecided('REJECTED'),
                )
              }}
            >
              <label htmlFor={`${id}-motif`} className="block text-sm font-medium">
                Motif de non-conformité
              </label>
              <select
                ref={reasonField}
                id={`${id}-motif`}
                value={preset}
                onChange={(event) => setPreset(event.target.value)}
                aria-invalid={error?.fieldErrors.reason ? true : undefined}
                aria-describedby={error?.fieldErrors.reason ? `${id}-motif-erreur` : undefined}
                className={controlClass(error?.fieldErrors.reason, 'py-1.5')}
              >
                <option value="">Choisissez…</option>
                {REJECTION_PRESETS.map((text) => (
                  <option key={text} value={text}>
                    {text}
                  </option>
                ))}
                <option value="AUTRE">Autre motif…</option>
              </select>
              {preset === 'AUTRE' ? (
                <div>
                  <label htmlFor={`${id}-autre`} className="block text-sm font-medium">
                    Motif
                  </label>
                  <textarea
                    id={`${id}-autre`}
                    value={other}
                    onChange={(event) => setOther(event.target.value)}
                    rows={2}
                    className={controlClass(null)}
                  />
                </div>
              ) : null}
              <FieldError id={`${id}-motif`} error={error?.fieldErrors.reason} />
              <div className="flex gap-2">
                <button
                  type="submit"
                  className={buttonClass('danger', 'min-h-9 py-1.5 text-sm')}
                  disabled={pending}
                >
                  Déclarer non conforme
                </button>
                <button
                  type="button"
                  className={buttonClass('ghost', 'min-h-9 py-1.5 text-sm')}
                  onClick={() => openRejection(false)}
                >
                  Annuler
                </button>
              </div>
            </form>
          )}
          {error && !error.fieldErrors.reason ? (
            <p role="alert" className="mt-2 text-sm font-medium text-danger">
              {error.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <p role="status" className="sr-only">
        {done && decided
          ? decided === 'ACCEPTED'
            ? 'Pièce déclarée conforme.'
            : 'Pièce déclarée non conforme.'
          : ''}
      </p>
    </div>
  )
}
