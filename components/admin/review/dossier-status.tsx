import { StatusBadge } from '@/components/dossier/status-badge'
import type { DossierStatus } from '@/lib/domain/workflow'

const DOSSIER_STATUS_ID = 'statut-du-dossier'

/**
 * The dossier's status on its staff page. A live region: when a decision changes it (the page
 * refreshes), screen readers announce the new status. It also takes focus when the control that
 * made the change goes away (a workflow button, the request form), so keyboard users are not sent
 * back to the top of the page.
 */
export function DossierStatusLine({ status }: { status: DossierStatus }) {
  return (
    <p id={DOSSIER_STATUS_ID} role="status" tabIndex={-1}>
      <span className="sr-only">Statut du dossier : </span>
      <StatusBadge status={status} />
    </p>
  )
}

/** Moves focus to the dossier's status line (client side, after a change). */
export function focusDossierStatus(): void {
  document.getElementById(DOSSIER_STATUS_ID)?.focus()
}
