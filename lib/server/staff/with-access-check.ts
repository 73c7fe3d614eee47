import 'server-only'
import type { FormResult } from '@/lib/schemas/staff'
import { AccessDenied } from '@/lib/server/auth/authorize'

/**
 * Runs the body of a staff-area action: a refusal of access (signed out, or a role without the
 * permission) comes back as the form's message rather than as an error page. Anything else,
 * including Next's redirects, goes on up.
 */
export async function withAccessCheck(run: () => Promise<FormResult>): Promise<FormResult> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof AccessDenied) return { ok: false, fieldErrors: {}, formError: error.message }
    throw error
  }
}
