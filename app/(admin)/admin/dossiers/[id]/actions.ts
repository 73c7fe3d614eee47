'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { z } from 'zod'
import { fieldErrors } from '@/lib/schemas/registration-steps'
import {
  messageSchema,
  paymentSchema,
  pieceDecisionSchema,
  requestPiecesSchema,
  transitionSchema,
} from '@/lib/schemas/review'
import { eraseDossierSchema } from '@/lib/schemas/rgpd'
import {
  addNote,
  decidePiece,
  recordPayment,
  requestPieces,
  sendMessage,
  transitionDossier,
  type ReviewResult,
} from '@/lib/server/admin/review/review-dossier'
import { AccessDenied, authorize } from '@/lib/server/auth/authorize'
import { isDatabaseUnavailable } from '@/lib/server/database-unavailable'
import { logEvent } from '@/lib/server/log'
import { eraseDossier } from '@/lib/server/retention/erase-dossier'
import type { StaffActor } from '@/lib/server/auth/staff-session'

const SERVER_UNAVAILABLE =
  'Le serveur n’a pas répondu à temps : votre changement n’a peut-être pas été enregistré. Réessayez dans quelques instants.'

export type ReviewActionResult =
  { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> }

/**
 * Every review action: parse with its schema, check the role (the data function checks again),
 * run, and refresh the dossier page.
 */
async function run<S extends z.ZodType>(
  schema: S,
  input: unknown,
  change: (data: z.output<S>, actor: StaffActor) => Promise<ReviewResult>,
): Promise<ReviewActionResult> {
  const parsed = schema.safeParse(input)
  if (!parsed.success)
    return { ok: false, message: 'Vérifiez les champs signalés.', fieldErrors: fieldErrors(parsed.error) }
  try {
    const actor = await authorize('dossiers.decide')
    const result = await change(parsed.data, actor)
    if (!result.ok)
      return {
        ok: false,
        message: result.message,
        fieldErrors: result.field ? { [result.field]: result.message } : {},
      }
    revalidatePath(`/admin/dossiers/${(parsed.data as { dossierId: string }).dossierId}`)
    return { ok: true }
  } catch (error) {
    if (error instanceof AccessDenied) return { ok: false, message: error.message, fieldErrors: {} }
    // Each change is one transaction: it was saved whole or not at all, and trying again is safe.
    if (isDatabaseUnavailable(error)) {
      logEvent('error', 'review.change_failed', { reason: 'database_unavailable' })
      return { ok: false, message: SERVER_UNAVAILABLE, fieldErrors: {} }
    }
    throw error
  }
}

export async function decidePieceAction(input: unknown): Promise<ReviewActionResult> {
  return run(pieceDecisionSchema, input, (data, actor) =>
    decidePiece({
      actor,
      dossierId: data.dossierId,
      pieceId: data.pieceId,
      decision: data.decision,
      reason: data.reason,
      seenStatus: data.seenStatus,
    }),
  )
}

export async function transitionAction(input: unknown): Promise<ReviewActionResult> {
  return run(transitionSchema, input, (data, actor) =>
    transitionDossier({
      actor,
      dossierId: data.dossierId,
      name: data.name,
      reason: data.reason,
      expectedVersion: data.expectedVersion,
      confirmWithoutPayment: data.confirmWithoutPayment,
    }),
  )
}

export async function requestPiecesAction(input: unknown): Promise<ReviewActionResult> {
  return run(requestPiecesSchema, input, (data, actor) =>
    requestPieces({
      actor,
      dossierId: data.dossierId,
      pieceTypeCodes: data.pieceTypeCodes,
      message: data.message,
      expectedVersion: data.expectedVersion,
    }),
  )
}

export async function sendMessageAction(input: unknown): Promise<ReviewActionResult> {
  return run(messageSchema, input, (data, actor) =>
    sendMessage({ actor, dossierId: data.dossierId, body: data.body }),
  )
}

export async function addNoteAction(input: unknown): Promise<ReviewActionResult> {
  return run(messageSchema, input, (data, actor) =>
    addNote({ actor, dossierId: data.dossierId, body: data.body }),
  )
}

export async function recordPaymentAction(input: unknown): Promise<ReviewActionResult> {
  return run(paymentSchema, input, (data, actor) =>
    recordPayment({
      actor,
      dossierId: data.dossierId,
      kind: data.kind,
      amountCents: data.amount,
      receivedOn: data.receivedOn,
      reference: data.reference,
    }),
  )
}

/**
 * Erases the dossier at the applicant's request (admins only, reference typed to confirm), then
 * opens the list, which says it was done: the dossier's own page no longer exists.
 */
export async function eraseDossierAction(input: unknown): Promise<ReviewActionResult> {
  const parsed = eraseDossierSchema.safeParse(input)
  if (!parsed.success)
    return { ok: false, message: 'Vérifiez les champs signalés.', fieldErrors: fieldErrors(parsed.error) }
  try {
    const actor = await authorize('rgpd.requests')
    const result = await eraseDossier({
      actor,
      dossierId: parsed.data.dossierId,
      confirmation: parsed.data.confirmation,
    })
    if (!result.ok)
      return {
        ok: false,
        message: result.message,
        fieldErrors: result.field ? { [result.field]: result.message } : {},
      }
  } catch (error) {
    if (error instanceof AccessDenied) return { ok: false, message: error.message, fieldErrors: {} }
    throw error
  }
  revalidatePath('/admin/dossiers')
  revalidatePath('/admin')
  redirect('/admin/dossiers?efface=1')
}
