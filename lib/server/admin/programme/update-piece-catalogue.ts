import 'server-only'
import { pieceCodeFromLabel } from '@/lib/domain/programme-rules'
import {
  refusal,
  STALE_EDIT_MESSAGE,
  toPieceCatalogueInput,
  type AdminSaveResult,
  type PieceCatalogueInput,
  type PieceCatalogueValues,
} from '@/lib/schemas/programme'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { lockProgramme } from './content-version'
import { recordProgrammeChange, runEdit } from './edit-transaction'
import { readPieceCatalogue } from './programme-sections'
import { PROGRAMME_NOT_FOUND } from './update-programme-texts'

/**
 * Saves the required-pieces catalogue in the order given: rows with an id are updated, rows
 * without one are added (their code is made from the label and never changes, since uploads refer
 * to it), missing rows are deleted unless a dossier or a registration in progress holds such a
 * piece. "Rempli sur ce portail" stays reserved to the piece the portal produces. Administrators
 * only; audited.
 */
export async function updatePieceCatalogue(options: {
  actor: StaffActor | null
  programmeId: string
  expectedVersion: string
  values: PieceCatalogueValues
}): Promise<AdminSaveResult<PieceCatalogueInput>> {
  const { actor, programmeId } = options
  const submitted = options.values.pieces
  assertCan(actor, 'programme.edit')
  return runEdit(async (tx) => {
    if (!(await lockProgramme(tx, programmeId))) return refusal(PROGRAMME_NOT_FOUND)
    const current = await readPieceCatalogue(tx, actor, programmeId)
    if (current.version !== options.expectedVersion) return refusal(STALE_EDIT_MESSAGE)

    const currentById = new Map(current.data.map((piece) => [piece.id, piece]))
    if (submitted.some((piece) => piece.id !== null && !currentById.has(piece.id)))
      return refusal(STALE_EDIT_MESSAGE)
    const keptIds = new Set(submitted.flatMap((piece) => (piece.id ? [piece.id] : [])))
    const removed = current.data.filter((piece) => piece.id !== null && !keptIds.has(piece.id))

    const fieldErrors: Record<string, string> = {}
    submitted.forEach((piece, index) => {
      const stored = piece.id === null ? undefined : currentById.get(piece.id)
      if (piece.condition === 'GENERATED' && stored?.condition !== 'GENERATED')
        fieldErrors[`pieces.${index}.condition`] =
          'Seul le formulaire d’inscription est rempli sur ce portail : choisissez quand cette pièce est demandée.'
    })

    const removedCodes = removed.flatMap((piece) => (piece.code ? [piece.code] : []))
    const inProgramme = { session: { programmeId } }
    // One after the other: a transaction is one connection, which runs one query at a time.
    const submittedPieces = await tx.piece.findMany({
      where: { pieceTypeCode: { in: removedCodes }, dossier: inProgramme },
      select: { pieceTypeCode: true },
      distinct: ['pieceTypeCode'],
    })
    const draftPieces = await tx.draftPiece.findMany({
      where: { pieceTypeCode: { in: removedCodes }, draft: inProgramme },
      select: { pieceTypeCode: true },
      distinct: ['pieceTypeCode'],
    })
    const used = new Set([...submittedPieces, ...draftPieces].map((piece) => piece.pieceTypeCode))
    const formErrors = removed
      .filter((piece) => piece.code !== null && used.has(piece.code))
      .map(
        (piece) =>
          `La pièce « ${piece.label} » ne peut pas être supprimée : des dossiers ou des inscriptions en cours en contiennent. Vous pouvez la rendre facultative.`,
      )
    if (Object.keys(fieldErrors).length > 0 || formErrors.length > 0)
      return refusal(formErrors.length > 0 ? formErrors.join(' ') : null, fieldErrors)

    await tx.pieceType.deleteMany({
      where: { id: { in: removed.flatMap((piece) => (piece.id ? [piece.id] : [])) } },
    })
    const taken = new Set(current.data.flatMap((piece) => (piece.code ? [piece.code] : [])))
    const added: string[] = []
    for (const [position, piece] of submitted.entries()) {
      const { id, ...fields } = piece
      if (id) {
        await tx.pieceType.update({ where: { id }, data: { ...fields, position } })
        continue
      }
      const code = pieceCodeFromLabel(piece.label, taken)
      taken.add(code)
      added.push(code)
      await tx.pieceType.create({ data: { ...fields, programmeId, code, position } })
    }

    const saved = await readPieceCatalogue(tx, actor, programmeId)
    await recordProgrammeChange(tx, {
      actor,
      action: 'PIECE_CATALOGUE_UPDATED',
      details: { programmeId, added, removed: removedCodes },
    })
    return { ok: true, version: saved.version, values: toPieceCatalogueInput(saved.data) }
  })
}
