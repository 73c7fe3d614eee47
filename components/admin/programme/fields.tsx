import type { ComponentProps, ReactNode } from 'react'
import { controlClass, describedBy, FieldError, Hint } from '@/components/ui/form'

/**
 * Controls the staff forms need besides components/ui/form: a textarea and a single checkbox, with
 * the same label, hint and error wiring (aria-describedby, aria-invalid).
 */

export function TextAreaField({
  id,
  label,
  hint,
  error,
  optional,
  className,
  rows = 4,
  ...textarea
}: {
  id: string
  label: string
  hint?: ReactNode
  error?: string | null
  optional?: boolean
} & ComponentProps<'textarea'>) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
        {optional ? <span className="font-normal text-muted"> (facultatif)</span> : null}
      </label>
      <Hint id={id}>{hint}</Hint>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        className={controlClass(error, 'leading-normal')}
        {...textarea}
      />
      <FieldError id={id} error={error} />
    </div>
  )
}

export function CheckboxField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string | null
} & Omit<ComponentProps<'input'>, 'type'>) {
  return (
    <div className={className}>
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error })}
          className="mt-1 size-5 shrink-0 accent-accent"
          {...input}
        />
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
      </div>
      <div className="pl-8">
        <Hint id={id}>{hint}</Hint>
        <FieldError id={id} error={error} />
      </div>
    </div>
  )
}

/** A value shown in a form but not editable there (a UE's code once created). */
export function ReadOnlyValue({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <p className="font-medium">{label}</p>
      <p className="mt-1 rounded-md bg-surface px-3 py-2.5 font-mono">{value}</p>
    </div>
  )
}
