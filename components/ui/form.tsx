import type { ComponentProps, ReactNode } from 'react'
import { WarningIcon } from './icons'

/**
 * Form primitives. Every control has a visible label; hints and errors are tied to it with
 * aria-describedby, and an error also sets aria-invalid, so screen readers announce them.
 */

export function describedBy(
  id: string,
  options: { hint?: ReactNode; error?: string | null },
): string | undefined {
  const ids = [options.hint ? `${id}-aide` : null, options.error ? `${id}-erreur` : null].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

export function FieldError({ id, error }: { id: string; error?: string | null }) {
  if (!error) return null
  return (
    <p id={`${id}-erreur`} className="mt-1 flex gap-1.5 font-medium text-danger">
      <WarningIcon className="mt-0.5 size-5" />
      <span>
        <span className="sr-only">Erreur : </span>
        {error}
      </span>
    </p>
  )
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null
  return (
    <p id={`${id}-aide`} className="mt-1 text-sm text-muted">
      {children}
    </p>
  )
}

const CONTROL =
  'mt-1 block w-full rounded-md border bg-white px-3 py-2.5 text-base text-ink shadow-xs outline-none transition focus-visible:ring-2 focus-visible:ring-accent disabled:bg-surface'

export function controlClass(error?: string | null, extra = ''): string {
  return `${CONTROL} ${error ? 'border-danger' : 'border-[#8a8f9c]'} ${extra}`
}

export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  className,
  ...input
}: {
  id: string
  label: string
  hint?: ReactNode
  error?: string | null
  optional?: boolean
} & ComponentProps<'input'>) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
        {optional ? <span className="font-normal text-muted"> (facultatif)</span> : null}
      </label>
      <Hint id={id}>{hint}</Hint>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        className={controlClass(error)}
        {...input}
      />
      <FieldError id={id} error={error} />
    </div>
  )
}

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  placeholder = 'Choisissez…',
  className,
  ...select
}: {
  id: string
  label: string
  hint?: ReactNode
  error?: string | null
  options: Array<{ value: string; label: string }>
  placeholder?: string
} & ComponentProps<'select'>) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        className={controlClass(error)}
        {...select}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  )
}

/** A group of radio buttons or checkboxes: a fieldset whose legend is the question. */
export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  children,
  className,
}: {
  id: string
  legend: ReactNode
  hint?: ReactNode
  error?: string | null
  children: ReactNode
  className?: string
}) {
  return (
    <fieldset
      id={id}
      className={className}
      aria-describedby={describedBy(id, { hint, error })}
      aria-invalid={error ? true : undefined}
    >
      <legend className="font-medium">{legend}</legend>
      <Hint id={id}>{hint}</Hint>
      <div className={`mt-2 space-y-2 ${error ? 'border-l-4 border-danger pl-3' : ''}`}>{children}</div>
      <FieldError id={id} error={error} />
    </fieldset>
  )
}

export function Choice({
  label,
  hint,
  type = 'radio',
  ...input
}: { label: ReactNode; hint?: ReactNode; type?: 'radio' | 'checkbox' } & Omit<
  ComponentProps<'input'>,
  'type'
>) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-md border border-line px-3 py-2.5 has-checked:border-accent has-checked:bg-accent-soft">
      <input type={type} className="mt-1 size-5 shrink-0 accent-accent" {...input} />
      <span>
        {label}
        {hint ? <span className="block text-sm text-muted">{hint}</span> : null}
      </span>
    </label>
  )
}
