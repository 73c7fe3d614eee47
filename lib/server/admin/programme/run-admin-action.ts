import 'server-only'
import type { z } from 'zod'
import { editEnvelopeSchema, issuesToFieldErrors, refusal, type AdminRefusal } from '@/lib/schemas/programme'
import { AccessDenied, authorize } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { revalidateProgrammePages } from '@/lib/server/programme/revalidate-programme-pages'

export const INCOMPLETE_REQUEST = 'Demande incomplète : rechargez la page puis recommencez.'

/** The signed-in administrator, or the refusal to return (signed out, or not allowed). */
export async function authorizeProgrammeEdit(): Promise<StaffActor | AdminRefusal> {
  try {
    return await authorize('programme.edit')
  } catch (error) {
    if (error instanceof AccessDenied) return refusal(error.message)
    throw error
  }
}

export function isRefusal(value: StaffActor | AdminRefusal): value is AdminRefusal {
  return 'ok' in value
}

/**
 * The body of every programme and session edit action: authorize (server actions are public
 * endpoints), parse the envelope and the form's values with the form's own schema, call the data
 * function (which authorizes again and writes in one transaction), and refresh the public pages
 * when something was saved.
 */
export async function runAdminEdit<Values, Result extends { ok: boolean }>(
  input: unknown,
  schema: z.ZodType<Values>,
  save: (edit: { actor: StaffActor; id: string; version: string; values: Values }) => Promise<Result>,
): Promise<Result | AdminRefusal> {
  const actor = await authorizeProgrammeEdit()
  if (isRefusal(actor)) return actor
  const envelope = editEnvelopeSchema.safeParse(input)
  if (!envelope.success) return refusal(INCOMPLETE_REQUEST)
  const parsed = schema.safeParse(envelope.data.values)
  if (!parsed.success) return refusal(null, issuesToFieldErrors(parsed.error))
  const result = await save({
    actor,
    id: envelope.data.id,
    version: envelope.data.version,
    values: parsed.data,
  })
  if (result.ok) revalidateProgrammePages()
  return result
}
