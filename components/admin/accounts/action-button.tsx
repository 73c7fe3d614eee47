'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { Button, type ButtonVariant } from '@/components/ui/button'
import type { FormResult } from '@/lib/schemas/staff'
import { FormMessages } from './form-messages'

/**
 * A button that runs one server action (already bound to its arguments) and refreshes the page;
 * with `confirm`, a first click asks to confirm. Messages appear under it.
 */
export function ActionButton({
  action,
  label,
  pendingLabel,
  variant = 'secondary',
  confirm,
}: {
  action: () => Promise<FormResult>
  label: string
  pendingLabel: string
  variant?: ButtonVariant
  confirm?: { question: string; label: string }
}) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [asking, setAsking] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  const run = () =>
    startTransition(async () => {
      setFormError(null)
      setMessage(null)
      try {
        const result = await action()
        setAsking(false)
        if (result.ok) {
          setMessage(result.message ?? null)
          router.refresh()
        } else {
          setFormError(result.formError ?? Object.values(result.fieldErrors)[0] ?? 'Action refusée.')
        }
      } catch {
        setFormError('La demande n’a pas abouti (connexion interrompue ?) : réessayez.')
      }
    })

  return (
    <div className="space-y-3">
      {asking && confirm ? (
        <div className="flex flex-wrap items-center gap-3" role="group" aria-label={confirm.question}>
          <p className="w-full font-medium">{confirm.question}</p>
          <Button type="button" variant={variant} onClick={run} disabled={pending} aria-busy={pending}>
            {pending ? pendingLabel : confirm.label}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setAsking(false)} disabled={pending}>
            Annuler
          </Button>
        </div>
      ) : (
        <Button
          type="button"
          variant={variant}
          onClick={confirm ? () => setAsking(true) : run}
          disabled={pending}
          aria-busy={pending}
        >
          {pending ? pendingLabel : label}
        </Button>
      )}
      <FormMessages formError={formError} message={message} />
    </div>
  )
}
