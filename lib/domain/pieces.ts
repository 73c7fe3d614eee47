import type { PieceCondition } from './programme'

/** When each kind of piece is asked for, in the applicant's words (procedure section, checklist). */
export const PIECE_CONDITION_LABELS: Record<PieceCondition, string> = {
  GENERATED: 'Rempli sur ce portail',
  ALWAYS: 'Pour tous',
  EMPLOYED: 'Si vous êtes salarié(e)',
  JOB_SEEKER: "Si vous êtes demandeur(se) d'emploi",
  SELF_PAYING: 'Si vous payez vous-même votre formation',
  EMPLOYER_FUNDED: 'Si votre employeur prend en charge votre formation',
  EMPLOYER_CERTIFICATE_UNSIGNED: "Si l'attestation de prise en charge n'est pas signée par l'employeur",
  UES_OBTAINED_ELSEWHERE: "Si vous avez obtenu des UE dans d'autres centres régionaux",
  EARLY_EXPERIENCE_REVIEW: 'Facultatif, si vous avez obtenu au moins 4 UE',
}
