'use server'

import { z } from 'zod'
import {
  refusal,
  sessionCalendarSchema,
  sessionOfferingsSchema,
  sessionRegistrationSchema,
  sessionTariffSchema,
  type AdminSaveResult,
  type DuplicateSessionResult,
  type EditEnvelope,
  type SessionCalendarInput,
  type SessionOfferingsInput,
  type SessionRegistrationInput,
  type SessionTariffInput,
} from '@/lib/schemas/programme'
import {
  authorizeProgrammeEdit,
  INCOMPLETE_REQUEST,
  isRefusal,
  runAdminEdit,
} from '@/lib/server/admin/programme/run-admin-action'
import { duplicateSessionToNextYear } from '@/lib/server/admin/sessions/duplicate-session'
import { setSessionRegistration } from '@/lib/server/admin/sessions/set-session-registration'
import { updateSessionCalendar } from '@/lib/server/admin/sessions/update-session-calendar'
import { updateSessionOfferings } from '@/lib/server/admin/sessions/update-session-offerings'
import { updateSessionTariff } from '@/lib/server/admin/sessions/update-session-tariff'
import { revalidateProgrammePages } from '@/lib/server/programme/revalidate-programme-pages'

// Each action: authorize, parse with the form's schema, save in one transaction (the data function
// authorizes again, checks the version and the rules that need the database), then refresh the
// public programme page. The session's year and the UE catalogue are checked by the data function.

export async function updateSessionCalendarAction(
  input: EditEnvelope<SessionCalendarInput>,
): Promise<AdminSaveResult<SessionCalendarInput>> {
  return runAdminEdit(input, sessionCalendarSchema(), ({ actor, id, version, values }) =>
    updateSessionCalendar({ actor, sessionId: id, expectedVersion: version, values }),
  )
}

export async function updateSessionOfferingsAction(
  input: EditEnvelope<SessionOfferingsInput>,
): Promise<AdminSaveResult<SessionOfferingsInput>> {
  return runAdminEdit(input, sessionOfferingsSchema(), ({ actor, id, version, values }) =>
    updateSessionOfferings({ actor, sessionId: id, expectedVersion: version, values }),
  )
}

export async function updateSessionTariffAction(
  input: EditEnvelope<SessionTariffInput>,
): Promise<AdminSaveResult<SessionTariffInput>> {
  return runAdminEdit(input, sessionTariffSchema, ({ actor, id, version, values }) =>
    updateSessionTariff({ actor, sessionId: id, expectedVersion: version, values }),
  )
}

export async function setSessionRegistrationAction(
  input: EditEnvelope<SessionRegistrationInput>,
): Promise<AdminSaveResult<SessionRegistrationInput>> {
  return runAdminEdit(input, sessionRegistrationSchema, ({ actor, id, version, values }) =>
    setSessionRegistration({ actor, sessionId: id, expectedVersion: version, values }),
  )
}

const duplicateInput = z.object({ sessionId: z.guid() })

/** Prepares next year's session from this one (registration closed until an admin opens it). */
export async function duplicateSessionAction(input: { sessionId: string }): Promise<DuplicateSessionResult> {
  const actor = await authorizeProgrammeEdit()
  if (isRefusal(actor)) return actor
  const parsed = duplicateInput.safeParse(input)
  if (!parsed.success) return refusal(INCOMPLETE_REQUEST)
  const result = await duplicateSessionToNextYear({ actor, sessionId: parsed.data.sessionId })
  if (result.ok) revalidateProgrammePages()
  return result
}
