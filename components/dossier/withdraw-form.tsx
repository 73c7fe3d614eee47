'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { withdrawDossierAction } from '@/app/(public)/dossier/actions'
import { Button } from '@/components/ui/button'
import { FieldError } from '@/components/ui/form'

/** Withdrawal in two moves: tick to confirm, then the button. */
export function WithdrawForm({ deadlineLabel }: { deadlineLabel: string }) {
  const router = useRouter()
  const [confirm, setConfirm] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        startTransition(async () => {
          const result = await withdrawDossierAction({ confirm })
          if (result.ok) router.refresh()
          else setMessage(result.message)
        })
      }}
      className="space-y-3"
    >
      <p>
        Vous pouvez retirer votre dossier jusqu’au <strong>{deadlineLabel}</strong> inclus. Le retrait est
        définitif : pour suivre la formation ensuite, il faudra déposer un nouveau dossier.
      </p>
      <label className="flex cursor-pointer items-start gap-3">
        <input
          type="checkbox"
          id="champ-confirmer-retrait"
          checked={confirm}
          onChange={(event) => setConfirm(event.target.checked)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'champ-confirmer-retrait-erreur' : undefined}
          className="mt-1 size-5 shrink-0 accent-accent"
        />
        <span>Je confirme vouloir retirer mon dossier d’inscription.</span>
      </label>
      <FieldError id="champ-confirmer-retrait" error={message} />
      <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
        {pending ? 'Retrait…' : 'Retirer mon dossier'}
      </Button>
    </form>
  )
}
