'use client'

import { useEffect, useRef } from 'react'
import { fieldId } from './use-step-form'

/**
 * The list of what must be corrected, at the top of the form: focused after a failed submit so
 * that screen readers read it, each line a link to its field.
 */
export function ErrorSummary({
  errors,
  formError,
  labels,
  focusKey,
}: {
  errors: Array<[string, string]>
  formError: string | null
  labels?: Record<string, string>
  /** Changes at each failed submit: the summary then takes the focus. */
  focusKey?: number
}) {
  const ref = useRef<HTMLDivElement>(null)
  const focusedFor = useRef(0)
  const visible = errors.length > 0 || Boolean(formError)
  // After the commit that shows the summary (the errors may arrive a render after the failed
  // submit); an effect also runs in a background tab, where requestAnimationFrame does not.
  useEffect(() => {
    if (focusKey && visible && focusedFor.current !== focusKey) {
      focusedFor.current = focusKey
      ref.current?.focus()
    }
  }, [focusKey, visible])
  if (errors.length === 0 && !formError) return null
  return (
    <div
      ref={ref}
      id="resume-erreurs"
      tabIndex={-1}
      role="alert"
      aria-labelledby="resume-erreurs-titre"
      className="rounded-md border-2 border-danger bg-danger-soft p-4 outline-none focus-visible:ring-2 focus-visible:ring-danger"
    >
      <h2 id="resume-erreurs-titre" className="text-lg font-semibold text-danger">
        {errors.length > 0
          ? `Il y a ${errors.length === 1 ? 'une erreur' : `${errors.length} erreurs`} à corriger`
          : 'Votre demande n’a pas abouti'}
      </h2>
      {formError ? <p className="mt-1">{formError}</p> : null}
      {errors.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {errors.map(([path, message]) => (
            <li key={path}>
              <a href={`#${fieldId(path)}`} className="text-danger underline">
                {labels?.[path] ? `${labels[path]} : ` : ''}
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
