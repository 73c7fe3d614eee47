'use client'

import { useRouter } from 'next/navigation'
import { changeStaffRoleAction } from '@/app/(admin)/admin/comptes/actions'
import { Button } from '@/components/ui/button'
import type { StaffRole } from '@/lib/domain/staff'
import { changeRoleSchema } from '@/lib/schemas/staff'
import { FormMessages } from './form-messages'
import { RoleChoices } from './role-choices'
import { useServerForm } from './use-server-form'

export function RoleForm({ userId, role }: { userId: string; role: StaffRole }) {
  const router = useRouter()
  const { form, onSubmit, errorOf, formError, message, pending } = useServerForm<{
    userId: string
    role: StaffRole
  }>({
    schema: changeRoleSchema,
    defaultValues: { userId, role },
    submit: changeStaffRoleAction,
    onSuccess: () => router.refresh(),
  })
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" {...form.register('userId')} />
      <RoleChoices id="role" legend="Rôle du compte" error={errorOf('role')} field={form.register('role')} />
      <FormMessages formError={formError} message={message} />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {pending ? 'Enregistrement…' : 'Enregistrer le rôle'}
      </Button>
    </form>
  )
}
