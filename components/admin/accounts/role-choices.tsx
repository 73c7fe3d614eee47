import type { UseFormRegisterReturn } from 'react-hook-form'
import { Choice, ChoiceGroup } from '@/components/ui/form'
import { ROLE_LABELS, STAFF_ROLES } from '@/lib/domain/staff'
import { ROLE_DESCRIPTIONS } from '@/lib/domain/staff-accounts'

/** The three roles as radio buttons, each with what it allows. */
export function RoleChoices({
  id,
  legend,
  error,
  field,
}: {
  id: string
  legend: string
  error?: string
  field: UseFormRegisterReturn
}) {
  return (
    <ChoiceGroup id={id} legend={legend} error={error}>
      {STAFF_ROLES.map((role) => (
        <Choice key={role} label={ROLE_LABELS[role]} hint={ROLE_DESCRIPTIONS[role]} value={role} {...field} />
      ))}
    </ChoiceGroup>
  )
}
