'use client'

import { useRouter } from 'next/navigation'
import { inviteStaffAction } from '@/app/(admin)/admin/comptes/actions'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/form'
import { inviteStaffSchema, type InviteStaffInput } from '@/lib/schemas/staff'
import { FormMessages } from './form-messages'
import { RoleChoices } from './role-choices'
import { useServerForm } from './use-server-form'

export function InviteForm() {
  const router = useRouter()
  const { form, onSubmit, errorOf, formError, pending } = useServerForm<InviteStaffInput>({
    schema: inviteStaffSchema,
    defaultValues: { name: '', email: '', role: 'GESTIONNAIRE' },
    submit: inviteStaffAction,
    onSuccess: (result) => {
      const userId = (result as { userId?: string }).userId
      router.push(userId ? `/admin/comptes/${userId}?invitation=envoyee` : '/admin/comptes')
    },
  })
  const { register } = form
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormMessages formError={formError} />
      <TextField
        id="name"
        label="Prénom et nom"
        autoComplete="off"
        error={errorOf('name')}
        {...register('name')}
      />
      <TextField
        id="email"
        label="Adresse e-mail professionnelle"
        hint="L’invitation y est envoyée ; elle sert ensuite d’identifiant de connexion."
        type="email"
        autoComplete="off"
        spellCheck={false}
        error={errorOf('email')}
        {...register('email')}
      />
      <RoleChoices id="role" legend="Rôle" error={errorOf('role')} field={register('role')} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? 'Envoi…' : 'Envoyer l’invitation'}
      </Button>
    </form>
  )
}
