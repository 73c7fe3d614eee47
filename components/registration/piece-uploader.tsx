'use client'

import { useId, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { controlClass, FieldError } from '@/components/ui/form'
import { WarningIcon } from '@/components/ui/icons'
import { formatFileSize, MAX_UPLOAD_BYTES, tooLargeMessage } from '@/lib/domain/uploads'

export type UploadTarget = { url: string; pieceTypes: Array<{ code: string; label: string }>; dated: boolean }

type Progress =
  | { state: 'idle' }
  | { state: 'uploading'; percent: number }
  | { state: 'waiting'; message: string }
  | { state: 'error'; message: string }

/** A busy server is asked again this many times before the applicant is told to retry. */
const MAX_BUSY_RETRIES = 3

/**
 * Sends one file with XMLHttpRequest, which (unlike fetch) reports upload progress: on a slow
 * connection the applicant sees it moving. The server checks the file again (type by content,
 * size, readability) and answers with a French message naming the file and the rule.
 */
export function PieceUploader({
  target,
  onUploaded,
  buttonLabel = 'Envoyer le fichier',
}: {
  target: UploadTarget
  onUploaded: () => void
  buttonLabel?: string
}) {
  const id = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [pieceType, setPieceType] = useState(target.pieceTypes.length === 1 ? target.pieceTypes[0]!.code : '')
  const [documentDate, setDocumentDate] = useState('')
  const [progress, setProgress] = useState<Progress>({ state: 'idle' })
  const [fieldError, setFieldError] = useState<{ type?: string; file?: string; date?: string }>({})

  const uploading = progress.state === 'uploading' || progress.state === 'waiting'
  const upload = () => {
    if (uploading) return
    const file = fileInput.current?.files?.[0]
    const errors: typeof fieldError = {}
    if (!pieceType) errors.type = 'Choisissez le type de document.'
    if (!file) errors.file = 'Choisissez un fichier sur votre appareil.'
    if (target.dated && !documentDate.trim())
      errors.date = 'Indiquez la date du document, au format JJ/MM/AAAA.'
    setFieldError(errors)
    if (!file || Object.keys(errors).length > 0) return
    // Refused here, before minutes of sending on a slow connection, in the server's own words.
    if (file.size > MAX_UPLOAD_BYTES) {
      setProgress({ state: 'error', message: tooLargeMessage(file.name) })
      return
    }
    const body = new FormData()
    body.set('pieceTypeCode', pieceType)
    if (target.dated) body.set('documentDate', documentDate)
    body.set('file', file)
    send(body, 0)
  }

  /** Sends the form; a busy server (503) is asked again by itself after the delay it gives. */
  const send = (body: FormData, attempt: number) => {
    const request = new XMLHttpRequest()
    request.open('POST', target.url)
    request.upload.onprogress = (event) => {
      if (event.lengthComputable)
        setProgress({ state: 'uploading', percent: Math.round((event.loaded / event.total) * 100) })
    }
    request.onload = () => {
      let message = 'L’envoi a échoué : réessayez.'
      try {
        message = (JSON.parse(request.responseText) as { message?: string }).message ?? message
      } catch {
        // Not JSON (a proxy error page): keep the generic message.
      }
      const retryAfter = Number(request.getResponseHeader('Retry-After'))
      if (request.status === 503 && attempt < MAX_BUSY_RETRIES && retryAfter > 0) {
        setProgress({ state: 'waiting', message })
        window.setTimeout(() => send(body, attempt + 1), retryAfter * 1000)
        return
      }
      // A body declared far over the limit is refused before its file's name is read.
      const sent = body.get('file')
      if (request.status === 413 && sent instanceof File) message = tooLargeMessage(sent.name)
      if (request.status >= 200 && request.status < 300) {
        setProgress({ state: 'idle' })
        setDocumentDate('')
        if (fileInput.current) fileInput.current.value = ''
        onUploaded()
      } else {
        setProgress({ state: 'error', message })
      }
    }
    request.onerror = () =>
      setProgress({ state: 'error', message: 'La connexion a été interrompue pendant l’envoi : réessayez.' })
    setProgress({ state: 'uploading', percent: 0 })
    request.send(body)
  }

  return (
    <div className="mt-3 space-y-3 rounded-md bg-surface p-3">
      {target.pieceTypes.length > 1 ? (
        <div>
          <label htmlFor={`${id}-type`} className="block text-sm font-medium">
            Type de document
          </label>
          <select
            id={`${id}-type`}
            value={pieceType}
            onChange={(event) => setPieceType(event.target.value)}
            aria-invalid={fieldError.type ? true : undefined}
            aria-describedby={fieldError.type ? `${id}-type-erreur` : undefined}
            className={controlClass(fieldError.type)}
          >
            <option value="">Choisissez…</option>
            {target.pieceTypes.map((type) => (
              <option key={type.code} value={type.code}>
                {type.label}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-type`} error={fieldError.type} />
        </div>
      ) : null}
      <div>
        <label htmlFor={`${id}-fichier`} className="block text-sm font-medium">
          Fichier{' '}
          <span className="font-normal text-muted">
            (PDF, JPEG ou PNG, {formatFileSize(MAX_UPLOAD_BYTES)} au plus)
          </span>
        </label>
        <input
          ref={fileInput}
          id={`${id}-fichier`}
          type="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          aria-invalid={fieldError.file ? true : undefined}
          aria-describedby={fieldError.file ? `${id}-fichier-erreur` : undefined}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-accent file:bg-white file:px-3 file:py-2 file:font-semibold file:text-accent"
        />
        <FieldError id={`${id}-fichier`} error={fieldError.file} />
      </div>
      {target.dated ? (
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium">
            Date du document
          </label>
          <input
            id={`${id}-date`}
            value={documentDate}
            onChange={(event) => setDocumentDate(event.target.value)}
            inputMode="numeric"
            placeholder="JJ/MM/AAAA"
            aria-invalid={fieldError.date ? true : undefined}
            aria-describedby={fieldError.date ? `${id}-date-erreur` : undefined}
            className={controlClass(fieldError.date, 'max-w-48')}
          />
          <FieldError id={`${id}-date`} error={fieldError.date} />
        </div>
      ) : null}
      {/* aria-disabled, not disabled: a disabled button loses the keyboard focus, which would fall
          back to the page and leave a keyboard or screen-reader user lost once the file is sent. */}
      <Button
        type="button"
        variant="secondary"
        onClick={upload}
        aria-disabled={uploading || undefined}
        aria-busy={uploading}
        className="aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
      >
        {progress.state === 'uploading'
          ? `Envoi… ${progress.percent} %`
          : progress.state === 'waiting'
            ? 'En attente…'
            : buttonLabel}
      </Button>
      <div aria-live="polite" className="text-sm">
        {progress.state === 'waiting' ? <p>{progress.message}</p> : null}
        {progress.state === 'uploading' ? (
          <div
            className="h-2 overflow-hidden rounded-full bg-white"
            role="progressbar"
            aria-label="Envoi du fichier"
            aria-valuenow={progress.percent}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <div className="h-full bg-accent transition-[width]" style={{ width: `${progress.percent}%` }} />
          </div>
        ) : null}
        {progress.state === 'error' ? (
          <p className="flex gap-1.5 font-medium text-danger" role="alert">
            <WarningIcon className="mt-0.5 size-5" />
            <span className="min-w-0 [overflow-wrap:anywhere]">{progress.message}</span>
          </p>
        ) : null}
      </div>
    </div>
  )
}
