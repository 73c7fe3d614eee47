import 'server-only'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb, type DbClient } from '@/lib/server/db'
import type { Prisma } from '@/lib/generated/prisma/client'

class RefusedEdit<Result> extends Error {
  constructor(readonly result: Result) {
    super('refused edit')
  }
}

/**
 * Runs an edit in one transaction. A refusal (`ok: false`) rolls back whatever the edit wrote before
 * finding the problem, so that a refused form never leaves half of its changes behind.
 */
export async function runEdit<Result extends { ok: boolean }>(
  edit: (tx: DbClient) => Promise<Result>,
): Promise<Result> {
  try {
    return await getDb().$transaction(async (tx) => {
      const result = await edit(tx)
      if (!result.ok) throw new RefusedEdit(result)
      return result
    })
  } catch (error) {
    if (error instanceof RefusedEdit) return error.result as Result
    throw error
  }
}

export type ProgrammeChangeAction =
  | 'PROGRAMME_TEXTS_UPDATED'
  | 'RESPONSABLES_UPDATED'
  | 'UE_CATALOGUE_UPDATED'
  | 'PIECE_CATALOGUE_UPDATED'
  | 'CENTRE_UPDATED'
  | 'SESSION_CALENDAR_UPDATED'
  | 'SESSION_OFFERINGS_UPDATED'
  | 'SESSION_TARIFF_UPDATED'
  | 'SESSION_REGISTRATION_OPENED'
  | 'SESSION_REGISTRATION_CLOSED'
  | 'SESSION_DUPLICATED'

/**
 * The audit trail of the programme data: who changed what, when, in the same transaction as the
 * change. These events belong to no dossier (dossierId is null).
 */
export async function recordProgrammeChange(
  tx: DbClient,
  options: { actor: StaffActor; action: ProgrammeChangeAction; details: Prisma.InputJsonObject },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      dossierId: null,
      actorType: 'STAFF',
      actorId: options.actor.userId,
      action: options.action,
      details: options.details,
    },
  })
}

/** Names of the fields whose value differs between two versions of a form's content. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
}

/**
 * Marks a session as changed by staff (its calendar, UEs or tariff), in the edit's transaction:
 * the public page says when, and the seed no longer recomputes a generated session's dates.
 */
export async function markSessionEdited(tx: DbClient, sessionId: string): Promise<void> {
  await tx.academicSession.update({ where: { id: sessionId }, data: { editedAt: new Date() } })
}
