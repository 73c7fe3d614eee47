import 'server-only'
import { todayIn } from '@/lib/domain/dates'
import { registrationFees, type FeeBreakdown, type FeeLine } from '@/lib/domain/fees'
import type { Centre } from '@/lib/domain/programme'
import type { CompleteAnswers } from '@/lib/domain/registration'
import type { RegistrationFormData } from '@/lib/domain/registration-form'
import { registrationSemester } from '@/lib/domain/ue-choice'
import { publicBaseUrl } from '@/lib/env'
import { formatOpeningHours, formatPeriod } from '@/lib/format'
import { getDb } from '@/lib/server/db'
import { fileStore } from '@/lib/server/files/file-store'
import { getRegistrationContext, receivingCentre } from '@/lib/server/registration/registration-context'
import { dossierChecklist, pieceViews } from './dossier-checklist'
import { dossierInclude } from './dossier-include'

function addressLines(centre: Centre): string[] {
  return [
    centre.street,
    centre.addressComplement,
    centre.postBox,
    `${centre.postcode} ${centre.city.toLocaleUpperCase('fr-FR')}${centre.cedex ? ' CEDEX' : ''}`,
  ].filter((line): line is string => Boolean(line))
}

/**
 * Everything the printable registration form shows for dossier `dossierId`. Callers check who
 * may see it (the applicant's link, or staff) before calling.
 */
export async function getRegistrationFormData(options: {
  dossierId: string
  now?: Date
}): Promise<RegistrationFormData | null> {
  const db = getDb()
  const row = await db.dossier.findUnique({ where: { id: options.dossierId }, include: dossierInclude })
  // An anonymised dossier has no answers left to print.
  if (!row || row.anonymisedAt) return null
  const context = await getRegistrationContext({ sessionId: row.sessionId })
  if (!context) return null
  const { programme, session } = context
  const answers = row.answers as unknown as CompleteAnswers
  const pieces = pieceViews(row)
  const checklist = dossierChecklist({
    programme,
    session,
    answers,
    pieces,
    submittedOn: todayIn(row.submittedAt),
  })
  const chosen = answers.ue.ues.flatMap((pick) => {
    const ue = session.ues.find((candidate) => candidate.code === pick.code)
    if (!ue) return []
    const period = session.periods.find((candidate) => candidate.kind === ue.periodKind)
    return [
      {
        ...ue,
        foad: pick.foad,
        periodLabel: period ? formatPeriod(period) : '',
        semester: registrationSemester(ue),
      },
    ]
  })
  const fees: FeeBreakdown = {
    category: row.category,
    lines: row.feeLines as unknown as FeeLine[],
    totalCents: row.totalCents,
  }
  const { cautionCents } = registrationFees(session, answers)
  const photoPiece = pieces.find(
    (piece) =>
      piece.pieceTypeCode === 'ID_PHOTO' &&
      piece.status !== 'SUPERSEDED' &&
      piece.mimeType.startsWith('image/'),
  )
  const photoFile = photoPiece
    ? await fileStore.read(db, row.pieces.find((piece) => piece.id === photoPiece.id)!.file.id)
    : null
  const centre = receivingCentre(context)
  return {
    reference: row.reference,
    status: row.status,
    submittedAt: row.submittedAt,
    programme: {
      code: programme.code,
      title: programme.title,
      diplomaKind: programme.diplomaKind,
      level: programme.level,
      ects: programme.ects,
      paymentPayee: programme.paymentPayee,
      withdrawalPeriodDays: programme.withdrawalPeriodDays,
      terminationClause: programme.terminationClause,
    },
    session: { label: session.label },
    centre: centre
      ? {
          name: centre.name,
          addressLines: addressLines(centre),
          phone: centre.phone,
          email: centre.email,
          openingHours: formatOpeningHours(centre.openingHours),
        }
      : { name: 'Cnam Réunion', addressLines: [], phone: '', email: null, openingHours: [] },
    identity: answers.identite,
    contact: answers.coordonnees,
    situation: answers.situation,
    prior: answers.acquis,
    ues: chosen.map((ue) => ({
      code: ue.code,
      title: ue.title,
      ects: ue.ects,
      periodLabel: ue.periodLabel,
      semester: ue.semester,
      foad: ue.foad,
    })),
    experience: { months: answers.ue.experienceMonths, inField: answers.ue.experienceInField },
    fees,
    cautionCents,
    checklist: checklist.map((item) => ({
      label: item.requirement.label,
      state: item.state,
      files: item.pieces.map((piece) => piece.fileName),
    })),
    photo:
      photoFile && (photoFile.mimeType === 'image/jpeg' || photoFile.mimeType === 'image/png')
        ? { mimeType: photoFile.mimeType, bytes: photoFile.bytes }
        : null,
    staffUrl: `${publicBaseUrl()}/admin/dossiers/${row.id}`,
    printedOn: todayIn(options.now ?? new Date()),
  }
}
