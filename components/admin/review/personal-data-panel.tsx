'use client'

import { useActionState, useEffect, useId, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { eraseDossierAction, type ReviewActionResult } from '@/app/(admin)/admin/dossiers/[id]/actions'
import { buttonClass } from '@/components/ui/button'
import { controlClass, FieldError } from '@/components/ui/form'

/**
 * The applicant's RGPD requests, for admins: export everything held about them (a ZIP), or erase
 * the dossier. Erasing cannot be undone, so it asks for the reference to be typed first.
 */
export function PersonalDataPanel({ dossierId, reference }: { dossierId: string; reference: string }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [confirmation, setConfirmation] = useState('')
  const field = useRef<HTMLInputElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const [result, formAction, pending] = useActionState<ReviewActionResult | null, FormData>(async () => {
    try {
      return await eraseDossierAction({ dossierId, confirmation })
    } catch (error) {
      // The redirect after an erasure is not a failure: let Next follow it.
      if ((error as { digest?: string }).digest?.startsWith('NEXT_REDIRECT')) throw error
      return {
        ok: false,
        message: 'La demande n’a pas abouti (connexion interrompue ?) : réessayez.',
        fieldErrors: {},
      }
    }
  }, null)
  const error = result && !result.ok ? result : null
  const fieldError = error?.fieldErrors.confirmation ?? null
  useEffect(() => {
    if (fieldError) field.current?.focus()
  }, [fieldError, result])
  // Focus follows the disclosure: into the form when it opens, back to its button when cancelled.
  const toggle = (next: boolean) => {
    flushSync(() => {
      setOpen(next)
      if (!next) setConfirmation('')
    })
    if (next) field.current?.focus()
    else opener.current?.focus()
  }

  return (
    <div className="space-y-4 text-sm">
      <div>
        {/* A plain form posted by the browser (the file downloads): the export is recorded in the
            history, so no link, prefetch or other site can start it. */}
        <form method="post" action={`/admin/dossiers/${dossierId}/donnees.zip`}>
          <button
            type="submit"
            className={buttonClass('secondary', 'min-h-9 py-1.5 text-sm')}
            aria-describedby={`${id}-export-aide`}
          >
            Exporter toutes ses données (ZIP)
          </button>
        </form>
        <p id={`${id}-export-aide`} className="mt-1 text-muted">
          Droit d’accès : le dossier, ses réponses, son historique, les messages, les notes internes, les
          paiements et tous les fichiers. L’export est noté dans l’historique.
        </p>
      </div>
      {open ? (
        <form action={formAction} className="space-y-2 rounded-md border border-danger bg-white p-3">
          <p className="font-semibold">Effacer définitivement ce dossier</p>
          <p className="text-muted">
            Le dossier, ses pièces, ses messages, ses notes, ses paiements, son brouillon et les e-mails qui
            le concernent sont supprimés ; rien ne pourra être récupéré. Vérifiez d’abord que la demande est
            recevable (par exemple, pas d’obligation de conserver une inscription acceptée).
          </p>
          <label htmlFor={`${id}-confirmation`} className="block font-medium">
            Pour confirmer, recopiez la référence {reference}
          </label>
          <input
            ref={field}
            id={`${id}-confirmation`}
            name="confirmation"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-confirmation-erreur` : undefined}
            className={controlClass(fieldError)}
          />
          <FieldError id={`${id}-confirmation`} error={fieldError} />
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              className={buttonClass('danger', 'min-h-9 py-1.5 text-sm')}
              disabled={pending}
            >
              Effacer définitivement
            </button>
            <button
              type="button"
              className={buttonClass('ghost', 'min-h-9 py-1.5 text-sm')}
              onClick={() => toggle(false)}
            >
              Annuler
            </button>
          </div>
          {error && !fieldError ? (
            <p role="alert" className="font-medium text-danger">
              {error.message}
            </p>
          ) : null}
        </form>
      ) : (
        <div>
          <button
            ref={opener}
            type="button"
            className={buttonClass('secondary', 'min-h-9 border-danger py-1.5 text-sm text-danger')}
            aria-describedby={`${id}-effacer-aide`}
            onClick={() => toggle(true)}
          >
            Effacer le dossier…
          </button>
          <p id={`${id}-effacer-aide`} className="mt-1 text-muted">
            Droit à l’effacement : supprime tout ce qui concerne ce candidat.
          </p>
        </div>
      )}
    </div>
  )
}
