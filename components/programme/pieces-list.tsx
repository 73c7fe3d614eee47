import { PIECE_CONDITION_LABELS } from '@/lib/domain/pieces'
import type { PieceType } from '@/lib/domain/programme'

/** "Pièces à fournir pour l'inscription", each with when it is needed. */
export function PiecesList({ pieceTypes }: { pieceTypes: PieceType[] }) {
  return (
    <ul className="divide-y divide-line rounded-lg border border-line">
      {pieceTypes.map((piece) => (
        <li
          key={piece.code}
          className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-6"
        >
          <div>
            <p className="font-medium">
              {piece.label}
              {piece.optional ? <span className="font-normal text-muted"> (facultatif)</span> : null}
            </p>
            {piece.description ? <p className="text-sm text-muted">{piece.description}</p> : null}
            {piece.templatePath ? (
              <p className="text-sm">
                <a href={piece.templatePath} download>
                  Télécharger le formulaire vierge (PDF)
                </a>
              </p>
            ) : null}
          </div>
          <p className="shrink-0 text-sm text-muted sm:max-w-64 sm:text-right">
            {PIECE_CONDITION_LABELS[piece.condition]}
          </p>
        </li>
      ))}
    </ul>
  )
}
