'use client'

import { useId, useState } from 'react'
import { computeFees } from '@/lib/domain/fees'
import type { SessionUe, Tariff, TariffCategory } from '@/lib/domain/programme'
import { formatEuros } from '@/lib/format'

export type SimulatorGroup = {
  label: string
  ues: Array<Pick<SessionUe, 'code' | 'title' | 'ects' | 'kind' | 'foadAvailable'>>
}

/**
 * Estimates the fees of a registration with the same function the registration form and the staff
 * area use (lib/domain/fees.ts).
 */
export function FeeSimulator({ tariff, groups }: { tariff: Tariff; groups: SimulatorGroup[] }) {
  const id = useId()
  const [category, setCategory] = useState<TariffCategory>('INDIVIDUAL')
  const [selected, setSelected] = useState<Record<string, { foad: boolean }>>({})
  const [firstRegistration, setFirstRegistration] = useState(true)
  const [baseFeeAlreadyPaid, setBaseFeeAlreadyPaid] = useState(false)

  const allUes = groups.flatMap((group) => group.ues)
  const chosen = allUes
    .filter((ue) => selected[ue.code])
    .map((ue) => ({ ...ue, foad: selected[ue.code]?.foad ?? false }))
  const fees = computeFees(tariff, { category, ues: chosen, firstRegistration, baseFeeAlreadyPaid })

  const toggleUe = (code: string, checked: boolean) =>
    setSelected((current) => {
      const next = { ...current }
      if (checked) next[code] = { foad: false }
      else delete next[code]
      return next
    })

  return (
    <div className="grid gap-6 rounded-xl border border-line p-4 sm:p-6 lg:grid-cols-[1fr_minmax(18rem,24rem)]">
      <form
        aria-label="Simulateur de frais"
        className="space-y-6"
        onSubmit={(event) => event.preventDefault()}
        aria-describedby={`${id}-aide`}
      >
        <p id={`${id}-aide`} className="text-muted">
          Cochez votre situation et les UE qui vous intéressent : le total se met à jour aussitôt. C’est une
          estimation ; le montant définitif figure sur votre dossier d’inscription.
        </p>
        <fieldset>
          <legend className="font-semibold">Votre situation</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3 lg:grid-cols-1 xl:grid-cols-3">
            {tariff.rates.map((rate) => (
              <label
                key={rate.category}
                className="flex cursor-pointer items-start gap-2 rounded-lg border border-line p-3 has-checked:border-accent has-checked:bg-accent-soft"
              >
                <input
                  type="radio"
                  name={`${id}-categorie`}
                  value={rate.category}
                  checked={category === rate.category}
                  onChange={() => setCategory(rate.category)}
                  className="mt-1 size-4 accent-accent"
                />
                <span>
                  {rate.label}
                  <span className="block text-sm text-muted">{formatEuros(rate.perEctsCents)} / ECTS</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend className="font-semibold">Les UE choisies</legend>
          <div className="mt-2 space-y-4">
            {groups.map((group) => (
              <div key={group.label}>
                <p className="text-sm font-semibold text-muted">{group.label}</p>
                <ul className="mt-1 divide-y divide-line rounded-lg border border-line">
                  {group.ues.map((ue) => {
                    const isChosen = Boolean(selected[ue.code])
                    return (
                      <li key={ue.code} className="px-3 py-2">
                        <label className="flex cursor-pointer items-start gap-3">
                          <input
                            type="checkbox"
                            checked={isChosen}
                            onChange={(event) => toggleUe(ue.code, event.target.checked)}
                            className="mt-1 size-4 shrink-0 accent-accent"
                          />
                          <span className="flex-1">
                            <span className="font-semibold">{ue.code}</span> {ue.title}
                            <span className="block text-sm text-muted">{ue.ects} ECTS</span>
                          </span>
                        </label>
                        {isChosen && ue.foadAvailable && ue.kind === 'COURSE' ? (
                          <label className="mt-1 ml-7 flex cursor-pointer items-center gap-2 text-sm">
                            <input
                              type="checkbox"
                              checked={selected[ue.code]?.foad ?? false}
                              onChange={(event) =>
                                setSelected((current) => ({
                                  ...current,
                                  [ue.code]: { foad: event.target.checked },
                                }))
                              }
                              className="size-4 accent-accent"
                            />
                            À distance (FOAD, {formatEuros(tariff.foadPerUeCents)} l’UE)
                          </label>
                        ) : null}
                      </li>
                    )
                  })}
                </ul>
              </div>
            ))}
          </div>
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="font-semibold">Votre inscription</legend>
          <label className="flex cursor-pointer items-start gap-2">
            <input
              type="checkbox"
              checked={firstRegistration}
              onChange={(event) => setFirstRegistration(event.target.checked)}
              className="mt-1 size-4 accent-accent"
            />
            <span>C’est ma première inscription à cette formation (frais de dossier)</span>
          </label>
          <label className="flex cursor-pointer items-start gap-2">
            <input
              type="checkbox"
              checked={baseFeeAlreadyPaid}
              onChange={(event) => setBaseFeeAlreadyPaid(event.target.checked)}
              className="mt-1 size-4 accent-accent"
            />
            <span>J’ai déjà payé le droit de base pour cette année universitaire</span>
          </label>
        </fieldset>
        {/* On a phone the estimate comes after the whole form: the total stays in view at the bottom
            of the screen while UEs are ticked (the estimate below is the live region). */}
        <p className="sticky bottom-0 -mx-4 flex sm:-mx-6 sm:px-6 items-baseline justify-between gap-4 border-t border-line bg-white/95 px-4 py-3 text-lg font-semibold shadow-[0_-2px_6px_rgb(0_0_0/0.08)] lg:hidden">
          <span>Total estimé</span>
          <span className="tabular-nums">{formatEuros(fees.totalCents)}</span>
        </p>
      </form>

      <section
        aria-labelledby={`${id}-total`}
        className="self-start rounded-lg bg-surface p-4 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto"
      >
        <h3 id={`${id}-total`} className="font-semibold">
          Estimation
        </h3>
        <ul className="mt-3 space-y-2 text-sm">
          {fees.lines.map((line) => (
            <li key={`${line.kind}-${line.ueCode ?? ''}`} className="flex justify-between gap-4">
              <span>
                {line.label}
                {line.basis.unit === 'ECTS' ? (
                  <span className="block text-muted">
                    {line.basis.quantity} ECTS × {formatEuros(line.basis.unitCents)}
                  </span>
                ) : null}
              </span>
              <span className="tabular-nums whitespace-nowrap">{formatEuros(line.amountCents)}</span>
            </li>
          ))}
        </ul>
        <p
          className="sticky bottom-0 mt-4 flex items-baseline justify-between gap-4 border-t border-line bg-surface pt-3 text-lg font-semibold"
          aria-live="polite"
        >
          <span>Total</span>
          <output data-testid="simulateur-total" className="tabular-nums">
            {formatEuros(fees.totalCents)}
          </output>
        </p>
      </section>
    </div>
  )
}
