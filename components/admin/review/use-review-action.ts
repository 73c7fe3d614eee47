'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import type { ReviewActionResult } from '@/app/(admin)/admin/dossiers/[id]/actions'

/** Calls a review action, refreshes the page on success, keeps the message and field errors. */
export function useReviewAction(action: (input: unknown) => Promise<ReviewActionResult>) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [result, setResult] = useState<ReviewActionResult | null>(null)
  const run = (input: unknown, onSuccess?: () => void) =>
    startTransition(async () => {
      try {
        const outcome = await action(input)
        setResult(outcome)
        if (outcome.ok) {
          onSuccess?.()
          router.refresh()
        }
      } catch {
        setResult({
          ok: false,
          message: 'La demande n’a pas abouti (connexion interrompue ?) : réessayez.',
          fieldErrors: {},
        })
      }
    })
  const error = result && !result.ok ? result : null
  return { run, pending, error, done: result?.ok === true, reset: () => setResult(null) }
}
