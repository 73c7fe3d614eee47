import type { UseFormRegisterReturn } from 'react-hook-form'
import { TextField } from '@/components/ui/form'
import { PASSWORD_MIN_LENGTH } from '@/lib/domain/staff'

export const PASSWORD_HINT = `Au moins ${PASSWORD_MIN_LENGTH} caractères. Le plus sûr et le plus simple : une phrase de plusieurs mots (par exemple « le volcan fume encore ce matin »), ou un mot de passe qui mêle majuscules, minuscules, chiffres et caractères spéciaux.`

/** A new password and its confirmation. */
export function NewPasswordFields({
  password,
  confirmation,
  errors,
  label = 'Mot de passe',
}: {
  password: UseFormRegisterReturn
  confirmation: UseFormRegisterReturn
  errors: { password?: string; confirmation?: string }
  label?: string
}) {
  return (
    <>
      <TextField
        id="password"
        type="password"
        label={label}
        hint={PASSWORD_HINT}
        autoComplete="new-password"
        error={errors.password}
        {...password}
      />
      <TextField
        id="confirmation"
        type="password"
        label="Confirmez le mot de passe"
        autoComplete="new-password"
        error={errors.confirmation}
        {...confirmation}
      />
    </>
  )
}
