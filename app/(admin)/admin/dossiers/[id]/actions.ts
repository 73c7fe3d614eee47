'use server'

import { revalidatePath } from 'next/cache'
import type { z } from 'zod'
import { fieldErrors } from '@/lib/schemas/registration-steps'
import {
  messageSchema,
  paymentSchema,
  pieceDecisionSchema,
  requestPiecesSchema,
  transitionSchema,
} from '@/lib/schemas/review'
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
import type { StaffActor } from '@/lib/server/auth/staff-session'

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
