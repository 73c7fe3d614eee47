import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'

/** "Retour" and "Enregistrer et continuer" at the bottom of a step. */
export function StepActions({
  previousHref,
  pending,
  label = 'Enregistrer et continuer',
}: {
  previousHref: string | null
  pending: boolean
  label?: string
}) {
  return (
    <div className="mt-8 flex flex-col-reverse gap-3 border-t border-line pt-6 sm:flex-row sm:items-center sm:justify-between">
      {previousHref ? (
        <Link href={previousHref} className={buttonClass('ghost', 'px-0')}>
          ← Étape précédente
        </Link>
      ) : (
        <span />
      )}
      <button type="submit" className={buttonClass('primary')} disabled={pending} aria-busy={pending}>
        {pending ? 'Enregistrement…' : label}
      </button>
    </div>
  )
}
