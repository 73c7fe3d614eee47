'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { requestPiecesAction } from '@/app/(admin)/admin/dossiers/[id]/actions'
import { buttonClass } from '@/components/ui/button'
import { controlClass, FieldError } from '@/components/ui/form'
import { focusDossierStatus } from './dossier-status'
import { useReviewAction } from './use-review-action'

/** "Demander des pièces": which ones, and why, in words the applicant understands. */
export function RequestPiecesForm({
  dossierId,
  version,
  pieceTypes,
  preselected,
}: {
  dossierId: string
  version: number
  pieceTypes: Array<{ code: string; label: string }>
  preselected: string[]
}) {
  const id = useId()
  const [codes, setCodes] = useState<string[]>(preselected)
  const [message, setMessage] = useState('')
  const { run, pending, error, done } = useReviewAction(requestPiecesAction)
  const firstPiece = useRef<HTMLInputElement>(null)
  const messageField = useRef<HTMLTextAreaElement>(null)
  // A refused request: focus goes to the field to correct, which announces its error.
  useEffect(() => {
    if (error?.fieldErrors.pieceTypeCodes) firstPiece.current?.focus()
    else if (error?.fieldErrors.message) messageField.current?.focus()
  }, [error])
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault()
        run({ dossierId, pieceTypeCodes: codes, message, expectedVersion: version }, () => {
          setMessage('')
          // The dossier is now incomplete: this form goes away, the new status is announced.
          focusDossierStatus()
        })
      }}
    >
      <fieldset aria-describedby={error?.fieldErrors.pieceTypeCodes ? `${id}-pieces-erreur` : undefined}>
        <legend className="font-medium">Pièces à demander</legend>
        <ul className="mt-2 space-y-1">
          {pieceTypes.map((type, index) => (
            <li key={type.code}>
              <label className="flex items-start gap-2">
                <input
                  ref={index === 0 ? firstPiece : undefined}
                  type="checkbox"
                  className="mt-1 size-4 accent-accent"
                  checked={codes.includes(type.code)}
                  onChange={(event) =>
                    setCodes(
                      event.target.checked
                        ? [...codes, type.code]
                        : codes.filter((code) => code !== type.code),
                    )
                  }
                />
                <span>{type.label}</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError id={`${id}-pieces`} error={error?.fieldErrors.pieceTypeCodes} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-message`} className="block font-medium">
          Message au candidat
        </label>
        <textarea
          ref={messageField}
          id={`${id}-message`}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          rows={3}
          aria-invalid={error?.fieldErrors.message ? true : undefined}
          aria-describedby={error?.fieldErrors.message ? `${id}-message-erreur` : undefined}
          className={controlClass(error?.fieldErrors.message)}
        />
        <FieldError id={`${id}-message`} error={error?.fieldErrors.message} />
      </div>
      <button type="submit" className={buttonClass('primary', 'min-h-10 py-2 text-sm')} disabled={pending}>
        {pending ? 'Envoi…' : 'Demander ces pièces'}
      </button>
      {error && !error.fieldErrors.message && !error.fieldErrors.pieceTypeCodes ? (
        <p role="alert" className="font-medium text-danger">
          {error.message}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-success">
          Demande envoyée au candidat.
        </p>
      ) : null}
    </form>
  )
}
