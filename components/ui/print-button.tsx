'use client'

import { buttonClass } from './button'

export function PrintButton({ label = 'Imprimer' }: { label?: string }) {
  return (
    <button type="button" className={buttonClass('primary')} onClick={() => window.print()}>
      {label}
    </button>
  )
}
