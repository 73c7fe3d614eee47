'use client'

import { useId, useState } from 'react'
import { addNoteAction, sendMessageAction } from '@/app/(admin)/admin/dossiers/[id]/actions'
import { buttonClass } from '@/components/ui/button'
import { controlClass, FieldError } from '@/components/ui/form'
import { useReviewAction } from './use-review-action'

const KINDS = {
  message: {
    action: sendMessageAction,
    label: 'Message au candidat',
    hint: 'Envoyé par e-mail et affiché sur la page de son dossier.',
    submit: 'Envoyer le message',
    done: 'Message envoyé.',
  },
  note: {
    action: addNoteAction,
    label: 'Note interne',
    hint: 'Visible du personnel seulement.',
    submit: 'Ajouter la note',
    done: 'Note ajoutée.',
  },
} as const

/** A message to the applicant, or an internal note. */
export function TextEntryForm({ dossierId, kind }: { dossierId: string; kind: keyof typeof KINDS }) {
  const id = useId()
  const config = KINDS[kind]
  const [body, setBody] = useState('')
  const { run, pending, error, done } = useReviewAction(config.action)
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault()
        run({ dossierId, body }, () => setBody(''))
      }}
    >
      <label htmlFor={`${id}-texte`} className="block font-medium">
        {config.label}
      </label>
      <p id={`${id}-texte-aide`} className="text-sm text-muted">
        {config.hint}
      </p>
      <textarea
        id={`${id}-texte`}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        rows={3}
        aria-invalid={error?.fieldErrors.body ? true : undefined}
        aria-describedby={`${id}-texte-aide${error?.fieldErrors.body ? ` ${id}-texte-erreur` : ''}`}
        className={controlClass(error?.fieldErrors.body)}
      />
      <FieldError id={`${id}-texte`} error={error?.fieldErrors.body} />
      <button type="submit" className={buttonClass('secondary', 'min-h-9 py-1.5 text-sm')} disabled={pending}>
        {config.submit}
      </button>
      {error && !error.fieldErrors.body ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {error.message}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-sm text-success">
          {config.done}
        </p>
      ) : null}
    </form>
  )
}
