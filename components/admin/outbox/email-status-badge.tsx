import { Badge } from '@/components/ui/badge'
import { EMAIL_STATUS_LABELS, type EmailStatus } from '@/lib/domain/outbox'

const TONES = { PENDING: 'accent', SENT: 'success', FAILED: 'danger' } as const

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return <Badge tone={TONES[status]}>{EMAIL_STATUS_LABELS[status]}</Badge>
}
