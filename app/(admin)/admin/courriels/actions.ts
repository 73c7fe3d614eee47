'use server'

import { revalidatePath } from 'next/cache'
import { invalid, retryEmailSchema, type FormResult } from '@/lib/schemas/staff'
import { authorize } from '@/lib/server/auth/authorize'
import { retryOutboxEmail } from '@/lib/server/admin/outbox/retry-outbox-email'
import { withAccessCheck } from '@/lib/server/staff/with-access-check'

/** An administrator puts a failed e-mail back in the queue. */
export async function retryEmailAction(input: unknown): Promise<FormResult> {
  return withAccessCheck(async () => {
    const parsed = retryEmailSchema.safeParse(input)
    if (!parsed.success) return invalid(parsed.error)
    const actor = await authorize('staff.manage')
    const result = await retryOutboxEmail({ actor, emailId: parsed.data.emailId })
    if (result.ok) revalidatePath('/admin/courriels')
    return result
  })
}
