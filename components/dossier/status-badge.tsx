import { Badge } from '@/components/ui/badge'
import { STATUS_LABELS, type DossierStatus } from '@/lib/domain/workflow'

const TONES: Record<DossierStatus, 'accent' | 'neutral' | 'success' | 'warning' | 'danger'> = {
  DRAFT: 'neutral',
  SUBMITTED: 'accent',
  UNDER_REVIEW: 'accent',
  INCOMPLETE: 'warning',
  COMPLETE: 'success',
  ACCEPTED: 'success',
  REFUSED: 'danger',
  WITHDRAWN: 'neutral',
  CLOSED: 'neutral',
}

export function StatusBadge({ status }: { status: DossierStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>
}
