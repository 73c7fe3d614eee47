'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { duplicateSessionAction } from '@/app/(admin)/admin/sessions/actions'
import { Alert } from '@/components/ui/alert'
import { buttonClass } from '@/components/ui/button'

/** "Préparer la session 2027-2028": next year's session as a copy of this one. */
export function DuplicateSessionButton({
  sessionId,
  label,
  nextLabel,
  nextExists,
}: {
  sessionId: string
  label: string
  nextLabel: string
  /** The next year already exists: nothing to prepare (the server refuses it anyway). */
  nextExists: boolean
}) {
  const router = useRouter()
  const [result, setResult] = useState<
    { ok: true; sessionId: string; label: string } | { ok: false; message: string } | null
  >(null)
  const [pending, startTransition] = useTransition()

  const duplicate = () =>
    startTransition(async () => {
      setResult(null)
      try {
        const outcome = await duplicateSessionAction({ sessionId })
        if (outcome.ok) {
          setResult(outcome)
          router.refresh()
        } else setResult({ ok: false, message: outcome.formError ?? 'La demande n’a pas abouti.' })
      } catch {
        setResult({ ok: false, message: 'La demande n’a pas abouti (connexion interrompue ?) : réessayez.' })
      }
    })

  return (
    <div className="space-y-2">
      {result?.ok ? null : nextExists ? (
        <p className="text-sm text-muted">La session {nextLabel} existe déjà.</p>
      ) : (
        <button
          type="button"
          className={buttonClass('secondary', 'text-sm')}
          disabled={pending}
          aria-busy={pending}
          onClick={duplicate}
        >
          Préparer la session {nextLabel}
          <span className="sr-only"> à partir de la session {label}</span>
        </button>
      )}
      <div role="status">
        {result?.ok ? (
          <Alert tone="success">
            Session {result.label} créée, inscriptions fermées.{' '}
            <Link href={`/admin/sessions/${result.sessionId}`}>
              Vérifier et compléter la session {result.label}
            </Link>
          </Alert>
        ) : null}
      </div>
      <div role="alert">{result && !result.ok ? <Alert tone="error">{result.message}</Alert> : null}</div>
    </div>
  )
}
