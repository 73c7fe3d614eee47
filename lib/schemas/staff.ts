import { z } from 'zod'
import { EMAIL_STATUSES } from '@/lib/domain/outbox'
import { passwordProblem, STAFF_ROLES } from '@/lib/domain/staff'
import { requiredText, text } from './fields'

/**
 * Schemas of the staff area's account forms (accounts, own account, invitation) and of the
 * outbox and dashboard filters. The browser validates with them; each server action parses again.
 */

/** What a staff-area action returns to its form. */
export type FormResult =
  | { ok: true; message?: string }
  | { ok: false; fieldErrors: Record<string, string>; formError: string | null }

/** Zod issues as `{ field: message }`, first message of each field. */
export function issuesByField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) errors[issue.path.join('.') || 'root'] ??= issue.message
  return errors
}

export function invalid(error: z.ZodError): FormResult {
  return { ok: false, fieldErrors: issuesByField(error), formError: null }
}

const role = z.enum(STAFF_ROLES, { error: 'Choisissez un rôle.' })

export const inviteStaffSchema = z.object({
  name: requiredText('le prénom et le nom', 120),
  email: text({ error: 'Indiquez l’adresse e-mail.' })
    .trim()
    .toLowerCase()
    .min(1, 'Indiquez l’adresse e-mail.')
    .max(200, '200 caractères au plus.')
    .pipe(z.email('Cette adresse e-mail n’est pas valide (exemple : prenom.nom@lecnam.net).')),
  role,
})
export type InviteStaffInput = z.input<typeof inviteStaffSchema>
export type InviteStaffValues = z.output<typeof inviteStaffSchema>

const userId = z.uuid('Compte inconnu.')

export const changeRoleSchema = z.object({ userId, role })
export const setActiveSchema = z.object({ userId, active: z.boolean() })
export const accountIdSchema = z.object({ userId })

const newPassword = z.string({ error: 'Choisissez un mot de passe.' }).max(1000, '128 caractères au plus.')
const confirmation = z.string({ error: 'Retapez le mot de passe.' }).max(1000)

/** A new password typed twice, checked with the CNIL rule (and against the account's e-mail). */
function checkNewPassword(
  value: { password: string; confirmation: string },
  context: z.RefinementCtx,
  email: string | undefined,
): void {
  const problem = value.password ? passwordProblem(value.password, email) : 'Choisissez un mot de passe.'
  if (problem) {
    context.addIssue({ code: 'custom', path: ['password'], message: problem })
    return
  }
  if (value.confirmation !== value.password) {
    context.addIssue({
      code: 'custom',
      path: ['confirmation'],
      message: 'Les deux mots de passe ne sont pas identiques.',
    })
  }
}

/** The invitation page: the new member chooses a password. */
export function choosePasswordSchema(email?: string) {
  return z
    .object({ password: newPassword, confirmation })
    .superRefine((value, context) => checkNewPassword(value, context, email))
}
export type ChoosePasswordInput = z.input<ReturnType<typeof choosePasswordSchema>>

const currentPassword = z
  .string({ error: 'Indiquez votre mot de passe actuel.' })
  .min(1, 'Indiquez votre mot de passe actuel.')
  .max(1000)

/** Own account: a new password, after the current one. */
export function changePasswordSchema(email?: string) {
  return z.object({ currentPassword, password: newPassword, confirmation }).superRefine((value, context) => {
    if (value.password && value.password === value.currentPassword) {
      context.addIssue({
        code: 'custom',
        path: ['password'],
        message: 'Choisissez un mot de passe différent de l’actuel.',
      })
      return
    }
    checkNewPassword(value, context, email)
  })
}
export type ChangePasswordInput = z.input<ReturnType<typeof changePasswordSchema>>

export const totpCodeSchema = z.object({
  code: z
    .string({ error: 'Saisissez le code à 6 chiffres.' })
    .transform((value) => value.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Saisissez les 6 chiffres affichés par votre application.')),
})
export type TotpCodeInput = z.input<typeof totpCodeSchema>

export const disableTotpSchema = z.object({ currentPassword })
export type DisableTotpInput = z.input<typeof disableTotpSchema>

/** Filters of the outbox screen, from its URL: anything unexpected falls back to "everything". */
export const outboxFilterSchema = z.object({
  statut: z.enum(EMAIL_STATUSES).optional().catch(undefined),
  type: z
    .string()
    .regex(/^[A-Z_]{1,40}$/)
    .optional()
    .catch(undefined),
  destinataire: text().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type OutboxFilter = z.output<typeof outboxFilterSchema>

export const retryEmailSchema = z.object({ emailId: z.uuid('Courriel inconnu.') })

/** The dashboard's session, from its URL. */
export const dashboardFilterSchema = z.object({
  session: z.uuid().optional().catch(undefined),
})
