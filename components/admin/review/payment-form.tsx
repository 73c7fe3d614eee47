'use client'

import { useId, useState } from 'react'
import { recordPaymentAction } from '@/app/(admin)/admin/dossiers/[id]/actions'
import { buttonClass } from '@/components/ui/button'
import { controlClass, FieldError } from '@/components/ui/form'
import { PAYMENT_KIND_LABELS } from '@/lib/domain/review'
import { useReviewAction } from './use-review-action'

/** Records a payment or funding received for the dossier. */
export function PaymentForm({
  dossierId,
  defaultKind,
  today,
}: {
  dossierId: string
  defaultKind: keyof typeof PAYMENT_KIND_LABELS
  today: string
}) {
  const id = useId()
  const [values, setValues] = useState({
    kind: defaultKind as string,
    amount: '',
    receivedOn: today,
    reference: '',
  })
  const { run, pending, error, done } = useReviewAction(recordPaymentAction)
  const field = (name: keyof typeof values, label: string, props: React.ComponentProps<'input'> = {}) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        value={values[name]}
        onChange={(event) => setValues({ ...values, [name]: event.target.value })}
        aria-invalid={error?.fieldErrors[name] ? true : undefined}
        aria-describedby={error?.fieldErrors[name] ? `${id}-${name}-erreur` : undefined}
        className={controlClass(error?.fieldErrors[name], 'py-1.5')}
        {...props}
      />
      <FieldError id={`${id}-${name}`} error={error?.fieldErrors[name]} />
    </div>
  )
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault()
        run({ dossierId, ...values }, () => setValues({ ...values, amount: '', reference: '' }))
      }}
    >
      <div>
        <label htmlFor={`${id}-kind`} className="block text-sm font-medium">
          Moyen
        </label>
        <select
          id={`${id}-kind`}
          value={values.kind}
          onChange={(event) => setValues({ ...values, kind: event.target.value })}
          className={controlClass(null, 'py-1.5')}
        >
          {Object.entries(PAYMENT_KIND_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        {field('amount', 'Montant (€)', { inputMode: 'decimal' })}
        {field('receivedOn', 'Reçu le (JJ/MM/AAAA)', { inputMode: 'numeric' })}
      </div>
      {field('reference', 'Référence (n° de chèque…)')}
      <button type="submit" className={buttonClass('secondary', 'min-h-9 py-1.5 text-sm')} disabled={pending}>
        Enregistrer le paiement
      </button>
      {error && Object.keys(error.fieldErrors).length === 0 ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {error.message}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-sm text-success">
          Paiement enregistré.
        </p>
      ) : null}
    </form>
  )
}
