'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { removeDraftPieceAction, setDraftPieceDateAction } from '@/app/(public)/inscription/actions'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { controlClass } from '@/components/ui/form'
import { CheckIcon, ChevronIcon, FileIcon } from '@/components/ui/icons'
import type { IsoDate } from '@/lib/domain/dates'
import { piecesToProvideText, type ChecklistItem, type UploadedPiece } from '@/lib/domain/pieces'
import { formatFileSize } from '@/lib/domain/uploads'
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

const FORMAT_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
}

type FullUpload = UploadedPiece & { sizeBytes: number; mimeType: string }

function UploadedFile({ upload }: { upload: FullUpload }) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [message, setMessage] = useState<string | null>(null)
  return (
    <li className="py-1">
      <div className="flex items-start gap-2">
        <FileIcon className="mt-0.5 size-5 text-muted" />
        {/* The name may be one long word (scan_2026-11-26_carte-identite.pdf): it breaks anywhere;
            the details stay whole (no « 7 / Ko » across two lines). */}
        <span className="min-w-0 flex-1">
          <span className="block [overflow-wrap:anywhere]">{upload.fileName}</span>
          <span className="flex flex-wrap gap-x-2 text-sm text-muted">
            <span>{FORMAT_NAMES[upload.mimeType] ?? upload.mimeType}</span>
            <span className="whitespace-nowrap">{formatFileSize(upload.sizeBytes)}</span>
            {upload.documentDate ? (
              <span className="whitespace-nowrap">daté du {formatDate(upload.documentDate)}</span>
            ) : null}
          </span>
        </span>
        <button
          type="button"
          className={buttonClass('ghost', 'min-h-9 shrink-0 px-2 text-sm text-danger')}
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
      {message ? <p className="text-sm text-danger">{message}</p> : null}
    </li>
  )
}

/**
 * One piece of the checklist. Once it is provided, its upload block (and the dates of its files)
 * folds behind « Remplacer ou ajouter un fichier », so that a complete dossier is a short list; it
 * stays open where the applicant has just sent a file, so the keyboard focus stays on its button.
 * The block is always inside the same <details> (forced open until the piece is provided): moving
 * it would remount the uploader and drop the focus.
 */
function PieceCard({ item, uploads, today }: { item: ChecklistItem; uploads: FullUpload[]; today: IsoDate }) {
  const router = useRouter()
  const done = item.state === 'PROVIDED'
  const [unfolded, setUnfolded] = useState(!done)
  const badge = STATE_BADGES[item.state]
  const { requirement } = item
  const headingId = `piece-${requirement.key}`
  const files = item.uploads.flatMap((upload) => uploads.filter((candidate) => candidate.id === upload.id))
  return (
    <li aria-labelledby={headingId} className="rounded-lg border border-line p-3 sm:p-4">
      <div className="flex flex-wrap items-start justify-between gap-x-2 gap-y-1">
        <h2 id={headingId} className="min-w-0 text-base leading-snug font-semibold sm:text-lg">
          {requirement.label}
          {requirement.optional ? <span className="font-normal text-muted"> (facultatif)</span> : null}
        </h2>
        <Badge tone={requirement.optional && item.state === 'MISSING' ? 'neutral' : badge.tone}>
          {done ? <CheckIcon className="mr-1 size-4" /> : null}
          {badge.label}
        </Badge>
      </div>
      {requirement.reason ? <p className="mt-1 text-sm">{requirement.reason}</p> : null}
      {requirement.pieceTypes.map((type) =>
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
      {requirement.maxAgeDays !== null ? (
        <p className="mt-1 text-sm">
          Ce document doit dater de moins de {requirement.maxAgeDays} jours le jour de l’envoi du dossier
          (aujourd’hui : {formatDate(today)}).
        </p>
      ) : null}
      {item.message && item.state !== 'MISSING' ? (
        <p className="mt-2 font-medium text-danger">{item.message}</p>
      ) : null}
      {files.length > 0 ? (
        <ul className="mt-1 divide-y divide-line">
          {files.map((upload) => (
            <UploadedFile key={upload.id} upload={upload} />
          ))}
        </ul>
      ) : null}
      <details
        open={done ? unfolded : true}
        onToggle={(event) => {
          if (done) setUnfolded(event.currentTarget.open)
        }}
        className="group mt-1"
      >
        <summary
          className={
            done
              ? 'flex min-h-8 cursor-pointer list-none items-center gap-1 text-sm font-medium text-accent [&::-webkit-details-marker]:hidden'
              : 'hidden'
          }
        >
          <ChevronIcon className="size-4 transition-transform group-open:rotate-90" />
          Remplacer ou ajouter un fichier
        </summary>
        {requirement.maxAgeDays !== null
          ? files.map((upload) => (
              <DatedFile key={upload.id} upload={upload} maxAgeDays={requirement.maxAgeDays!} />
            ))
          : null}
        <PieceUploader
          target={{
            url: '/api/inscription/pieces',
            pieceTypes: requirement.pieceTypes.map((type) => ({ code: type.code, label: type.label })),
            dated: requirement.maxAgeDays !== null,
          }}
          buttonLabel={files.length > 0 ? 'Ajouter un autre fichier' : 'Envoyer le fichier'}
          onUploaded={() => router.refresh()}
        />
      </details>
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
  uploads: FullUpload[]
  previousHref: string | null
  today: IsoDate
  answersComplete: boolean
}) {
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
      <ol className="space-y-3">
        {checklist.map((item) => (
          <PieceCard key={item.requirement.key} item={item} uploads={uploads} today={today} />
        ))}
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
