'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { removeDraftPieceAction, setDraftPieceDateAction } from '@/app/(public)/inscription/actions'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { controlClass } from '@/components/ui/form'
import type { IsoDate } from '@/lib/domain/dates'
import { piecesToProvideText, type ChecklistItem, type UploadedPiece } from '@/lib/domain/pieces'
import { formatDate } from '@/lib/format'
import { toFrenchDate } from '@/lib/schemas/fields'
import { PieceUploader } from './piece-uploader'

const STATE_BADGES = {
  PROVIDED: { tone: 'success', label: 'Fournie' },
  MISSING: { tone: 'neutral', label: 'À fournir' },
  DATE_MISSING: { tone: 'warning', label: 'Date à indiquer' },
  TOO_OLD: { tone: 'danger', label: 'Trop ancienne' },
  FUTURE_DATE: { tone: 'danger', label: 'Date à corriger' },
} as const

export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} Ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`
}

function DatedFile({ upload, maxAgeDays }: { upload: UploadedPiece; maxAgeDays: number }) {
  const router = useRouter()
  const [value, setValue] = useState(toFrenchDate(upload.documentDate))
  const [message, setMessage] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  const inputId = `date-${upload.id}`
  return (
    <div className="mt-2 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={inputId} className="block text-sm">
          Date du document <span className="text-muted">(moins de {maxAgeDays} jours à l’envoi)</span>
        </label>
        <input
          id={inputId}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          inputMode="numeric"
          placeholder="JJ/MM/AAAA"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${inputId}-erreur` : undefined}
          className={controlClass(message, 'max-w-40 py-1.5')}
        />
      </div>
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page. */}
      <button
        type="button"
        className={buttonClass('ghost', 'min-h-9 px-2 text-sm aria-disabled:opacity-60')}
        aria-disabled={pending || undefined}
        onClick={() => {
          if (pending) return
          startTransition(async () => {
            const result = await setDraftPieceDateAction(upload.id, value)
            setMessage(result.ok ? null : (result.message ?? 'Date invalide.'))
            if (result.ok) router.refresh()
          })
        }}
      >
        Enregistrer la date
      </button>
      {message ? (
        <p id={`${inputId}-erreur`} className="w-full text-sm font-medium text-danger">
          {message}
        </p>
      ) : null}
    </div>
  )
}

function UploadedFile({
  upload,
  maxAgeDays,
}: {
  upload: UploadedPiece & { sizeBytes: number; mimeType: string }
  maxAgeDays: number | null
}) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [message, setMessage] = useState<string | null>(null)
  return (
    <li className="rounded-md border border-line px-3 py-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="min-w-0 break-all">
          <span aria-hidden="true">📄 </span>
          {upload.fileName}
          <span className="text-sm text-muted">
            {' '}
            ·{' '}
            {upload.mimeType === 'application/pdf'
              ? 'PDF'
              : upload.mimeType === 'image/png'
                ? 'PNG'
                : 'JPEG'}{' '}
            · {formatSize(upload.sizeBytes)}
            {upload.documentDate ? ` · daté du ${formatDate(upload.documentDate)}` : ''}
          </span>
        </span>
        <button
          type="button"
          className={buttonClass('ghost', 'min-h-9 px-2 text-sm text-danger')}
          disabled={pending}
          aria-label={`Supprimer ${upload.fileName}`}
          onClick={() =>
            startTransition(async () => {
              const result = await removeDraftPieceAction(upload.id)
              if (result.ok) router.refresh()
              else setMessage(result.message ?? 'La suppression a échoué.')
            })
          }
        >
          {pending ? 'Suppression…' : 'Supprimer'}
        </button>
      </div>
      {maxAgeDays !== null ? <DatedFile upload={upload} maxAgeDays={maxAgeDays} /> : null}
      {message ? <p className="text-sm text-danger">{message}</p> : null}
    </li>
  )
}

export function PiecesStep({
  checklist,
  uploads,
  previousHref,
  today,
  answersComplete,
}: {
  checklist: ChecklistItem[]
  uploads: Array<UploadedPiece & { sizeBytes: number; mimeType: string }>
  previousHref: string | null
  today: IsoDate
  answersComplete: boolean
}) {
  const router = useRouter()
  if (!answersComplete) {
    return (
      <Alert tone="warning" title="La liste des pièces dépend de vos réponses">
        Remplissez d’abord les étapes précédentes : votre situation et vos UE déterminent les pièces à
        fournir. {previousHref ? <Link href={previousHref}>Revenir à l’étape précédente</Link> : null}
      </Alert>
    )
  }
  const missing = checklist.filter((item) => item.state !== 'PROVIDED' && !item.requirement.optional).length
  return (
    <div className="space-y-6">
      <p className="text-muted">
        Chaque pièce se dépose en PDF, JPEG ou PNG (une photo nette prise avec votre téléphone convient). Vous
        pouvez remplacer ou supprimer un fichier jusqu’à l’envoi du dossier.
      </p>
      <p role="status" className="font-medium">
        {piecesToProvideText(missing)}
      </p>
      <ol className="space-y-4">
        {checklist.map((item) => {
          const badge = STATE_BADGES[item.state]
          const headingId = `piece-${item.requirement.key}`
          return (
            <li
              key={item.requirement.key}
              aria-labelledby={headingId}
              className="rounded-lg border border-line p-4"
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 id={headingId} className="text-lg font-semibold">
                  {item.requirement.label}
                  {item.requirement.optional ? (
                    <span className="font-normal text-muted"> (facultatif)</span>
                  ) : null}
                </h2>
                <Badge tone={item.requirement.optional && item.state === 'MISSING' ? 'neutral' : badge.tone}>
                  {badge.label}
                </Badge>
              </div>
              {item.requirement.pieceTypes.map((type) =>
                type.description || type.templatePath ? (
                  <p key={type.code} className="mt-1 text-sm text-muted">
                    {type.description}{' '}
                    {type.templatePath ? (
                      <a href={type.templatePath} download>
                        Télécharger le formulaire vierge « {type.label} » (PDF)
                      </a>
                    ) : null}
                  </p>
                ) : null,
              )}
              {item.requirement.maxAgeDays !== null ? (
                <p className="mt-1 text-sm">
                  Ce document doit dater de moins de {item.requirement.maxAgeDays} jours le jour de l’envoi du
                  dossier (aujourd’hui : {formatDate(today)}).
                </p>
              ) : null}
              {item.message && item.state !== 'MISSING' ? (
                <p className="mt-2 font-medium text-danger">{item.message}</p>
              ) : null}
              {item.uploads.length > 0 ? (
                <ul className="mt-3 space-y-2">
                  {item.uploads.map((upload) => {
                    const full = uploads.find((candidate) => candidate.id === upload.id)
                    return full ? (
                      <UploadedFile key={upload.id} upload={full} maxAgeDays={item.requirement.maxAgeDays} />
                    ) : null
                  })}
                </ul>
              ) : null}
              <PieceUploader
                target={{
                  url: '/api/inscription/pieces',
                  pieceTypes: item.requirement.pieceTypes.map((type) => ({
                    code: type.code,
                    label: type.label,
                  })),
                  dated: item.requirement.maxAgeDays !== null,
                }}
                buttonLabel={item.uploads.length > 0 ? 'Ajouter un autre fichier' : 'Envoyer le fichier'}
                onUploaded={() => router.refresh()}
              />
            </li>
          )
        })}
      </ol>
      <div className="flex flex-col-reverse gap-3 border-t border-line pt-6 sm:flex-row sm:items-center sm:justify-between">
        {previousHref ? (
          <Link href={previousHref} className={buttonClass('ghost', 'px-0')}>
            ← Étape précédente
          </Link>
        ) : (
          <span />
        )}
        <Link href="/inscription/recapitulatif" className={buttonClass('primary')}>
          Continuer vers le récapitulatif
        </Link>
      </div>
    </div>
  )
}
