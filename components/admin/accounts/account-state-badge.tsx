import { Badge } from '@/components/ui/badge'
import { ACCOUNT_STATE_LABELS, type AccountState } from '@/lib/domain/staff-accounts'

const TONES = {
  ACTIVE: 'success',
  INVITED: 'accent',
  INVITATION_EXPIRED: 'warning',
  DEACTIVATED: 'neutral',
} as const

export function AccountStateBadge({ state }: { state: AccountState }) {
  return <Badge tone={TONES[state]}>{ACCOUNT_STATE_LABELS[state]}</Badge>
}
