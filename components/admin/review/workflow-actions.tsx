'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { transitionAction } from '@/app/(admin)/admin/dossiers/[id]/actions'
import { buttonClass } from '@/components/ui/button'
import { controlClass, FieldError } from '@/components/ui/form'
import { ACCEPT_WITHOUT_PAYMENT, TRANSITIONS, type TransitionName } from '@/lib/domain/workflow'
import { focusDossierStatus } from './dossier-status'
import { useReviewAction } from './use-review-action'

/**
 * The status changes this reviewer may make now; those that need a reason ask for it first, and
 * accepting a dossier with no payment recorded asks for confirmation (`acceptNeedsConfirmation`,
 * and the server asks too when the page did not know).
 */
export function WorkflowActions({
  dossierId,
  version,
  transitions,
  acceptNeedsConfirmation = false,
}: {
  dossierId: string
  version: number
  transitions: TransitionName[]
  acceptNeedsConfirmation?: boolean
}) {
  const id = useId()
  const [open, setOpen] = useState<TransitionName | null>(null)
  const [confirming, setConfirming] = useState(false)
  const confirmButton = useRef<HTMLButtonElement>(null)
  const [reason, setReason] = useState('')
  const { run, pending, error, reset } = useReviewAction(transitionAction)
  const reasonField = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    if (error?.fieldErrors.reason) reasonField.current?.focus()
  }, [error])
  const available = transitions.filter((name) => name !== 'REQUEST_PIECES')
  if (available.length === 0) return null
  const needsReason = (name: TransitionName) => TRANSITIONS[name].reasonRequired
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {available.map((name) => (
          <button
            key={name}
            type="button"
            disabled={pending}
            className={buttonClass(
              name === 'REFUSE' || name === 'CLOSE' ? 'secondary' : 'primary',
              'min-h-10 py-2 text-sm',
            )}
            onClick={() => {
              reset()
              if (
                name === 'ACCEPT' &&
                (acceptNeedsConfirmation || error?.fieldErrors.confirmWithoutPayment)
              ) {
                flushSync(() => {
                  setOpen(null)
                  setConfirming(true)
                })
                confirmButton.current?.focus()
              } else if (needsReason(name)) {
                flushSync(() => {
                  setConfirming(false)
                  setOpen(name)
                  setReason('')
                })
                reasonField.current?.focus()
              } else {
                // The button may go with the status it leads from: focus the new status instead.
                run({ dossierId, name, reason: '', expectedVersion: version }, focusDossierStatus)
              }
            }}
          >
            {TRANSITIONS[name].label}
          </button>
        ))}
      </div>
      {confirming ? (
        <div
          role="group"
          aria-labelledby={`${id}-sans-paiement`}
          className="space-y-2 rounded-md border border-warning bg-warning-soft p-3"
        >
          <p id={`${id}-sans-paiement`} className="font-medium">
            {ACCEPT_WITHOUT_PAYMENT.question}
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              ref={confirmButton}
              type="button"
              className={buttonClass('primary', 'min-h-9 py-1.5 text-sm')}
              disabled={pending}
              onClick={() =>
                run(
                  {
                    dossierId,
                    name: 'ACCEPT',
                    reason: '',
                    expectedVersion: version,
                    confirmWithoutPayment: true,
                  },
                  () => {
                    setConfirming(false)
                    focusDossierStatus()
                  },
                )
              }
            >
              {ACCEPT_WITHOUT_PAYMENT.confirm}
            </button>
            <button
              type="button"
              className={buttonClass('ghost', 'min-h-9 py-1.5 text-sm')}
              onClick={() => setConfirming(false)}
            >
              Annuler
            </button>
          </div>
        </div>
      ) : null}
      {open ? (
        <form
          className="space-y-2 rounded-md border border-line bg-white p-3"
          onSubmit={(event) => {
            event.preventDefault()
            run({ dossierId, name: open, reason, expectedVersion: version }, () => {
              setOpen(null)
              focusDossierStatus()
            })
          }}
        >
          <label htmlFor={`${id}-motif`} className="block font-medium">
            Motif : {TRANSITIONS[open].label.toLowerCase()}
          </label>
          <p className="text-sm text-muted">Le motif est envoyé au candidat et gardé dans l’historique.</p>
          <textarea
            ref={reasonField}
            id={`${id}-motif`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            aria-invalid={error?.fieldErrors.reason ? true : undefined}
            aria-describedby={error?.fieldErrors.reason ? `${id}-motif-erreur` : undefined}
            className={controlClass(error?.fieldErrors.reason)}
          />
          <FieldError id={`${id}-motif`} error={error?.fieldErrors.reason} />
          <div className="flex gap-2">
            <button
              type="submit"
              className={buttonClass('danger', 'min-h-9 py-1.5 text-sm')}
              disabled={pending}
            >
              Confirmer
            </button>
            <button
              type="button"
              className={buttonClass('ghost', 'min-h-9 py-1.5 text-sm')}
              onClick={() => setOpen(null)}
            >
              Annuler
            </button>
          </div>
        </form>
      ) : null}
      {error && !error.fieldErrors.reason ? (
        <p role="alert" className="font-medium text-danger">
          {error.message}
        </p>
      ) : null}
    </div>
  )
}
