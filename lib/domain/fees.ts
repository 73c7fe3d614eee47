import type { CategoryRate, SessionUe, Tariff, TariffCategory } from './programme'

/**
 * What an auditeur pays for one registration, from the brochure's "participation aux frais de
 * formation". Where the brochure is ambiguous we follow the reading of a counter clerk, and the
 * amounts themselves are data (SessionTariff, CategoryRate):
 *  - the dossier fee ("pour toute la durée de la formation") is charged only on the first
 *    registration in the programme;
 *  - the base fee ("valable pour une année universitaire") is charged once per academic year, so
 *    not again for a second-semester registration in the same year;
 *  - a UE followed at a distance (FOAD) is billed per UE in place of its per-ECTS price;
 *  - the follow-up fee of the UA000S / UA0003 report replaces per-ECTS billing of the report;
 *  - the per-ECTS rate depends on the category only (job seeker, individual, employer-funded).
 */

export type FeeUe = Pick<SessionUe, 'code' | 'title' | 'ects' | 'kind'> & { foad?: boolean }

export type FeeSelection = {
  category: TariffCategory
  ues: FeeUe[]
  /** First registration in this programme: the dossier fee is due. */
  firstRegistration: boolean
  /** The base fee was already paid for this academic year (e.g. registered in semester 1). */
  baseFeeAlreadyPaid?: boolean
}

export type FeeLineKind = 'DOSSIER_FEE' | 'BASE_FEE' | 'UE_ECTS' | 'UE_FOAD' | 'REPORT_FOLLOW_UP'

export type FeeLine = {
  kind: FeeLineKind
  label: string
  /** How the amount is obtained, e.g. "6 ECTS × 55 €". Amounts inside are in cents for formatting. */
  basis: { quantity: number; unitCents: number; unit: 'ECTS' | 'UE' | 'FORFAIT' }
  ueCode?: string
  amountCents: number
}

export type FeeBreakdown = { category: TariffCategory; lines: FeeLine[]; totalCents: number }

export function rateFor(tariff: Tariff, category: TariffCategory): CategoryRate {
  const rate = tariff.rates.find((candidate) => candidate.category === category)
  if (!rate) throw new RangeError(`No per-ECTS rate for category ${category}`)
  return rate
}

/** Itemised fees and total, in euro cents. */
export function computeFees(tariff: Tariff, selection: FeeSelection): FeeBreakdown {
  const rate = rateFor(tariff, selection.category)
  const lines: FeeLine[] = []
  if (selection.firstRegistration) {
    lines.push({
      kind: 'DOSSIER_FEE',
      label: 'Frais de dossier',
      basis: { quantity: 1, unitCents: tariff.dossierFeeCents, unit: 'FORFAIT' },
      amountCents: tariff.dossierFeeCents,
    })
  }
  if (!selection.baseFeeAlreadyPaid) {
    lines.push({
      kind: 'BASE_FEE',
      label: 'Droit individuel de base',
      basis: { quantity: 1, unitCents: tariff.baseFeeCents, unit: 'FORFAIT' },
      amountCents: tariff.baseFeeCents,
    })
  }
  for (const ue of selection.ues) {
    if (ue.kind !== 'COURSE') {
      lines.push({
        kind: 'REPORT_FOLLOW_UP',
        label: `${ue.code} — suivi pédagogique et administratif du rapport`,
        basis: { quantity: 1, unitCents: tariff.reportFollowUpCents, unit: 'FORFAIT' },
        ueCode: ue.code,
        amountCents: tariff.reportFollowUpCents,
      })
    } else if (ue.foad) {
      lines.push({
        kind: 'UE_FOAD',
        label: `${ue.code} — ${ue.title} (FOAD)`,
        basis: { quantity: 1, unitCents: tariff.foadPerUeCents, unit: 'UE' },
        ueCode: ue.code,
        amountCents: tariff.foadPerUeCents,
      })
    } else {
      lines.push({
        kind: 'UE_ECTS',
        label: `${ue.code} — ${ue.title}`,
        basis: { quantity: ue.ects, unitCents: rate.perEctsCents, unit: 'ECTS' },
        ueCode: ue.code,
        amountCents: ue.ects * rate.perEctsCents,
      })
    }
  }
  return {
    category: selection.category,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
  }
}

/**
 * Caution cheques asked when the employer's funding certificate is not signed: "d'un montant
 * équivalent au tarif payé par un auditeur inscrit à titre individuel", i.e. the whole
 * registration priced in the INDIVIDUAL category.
 */
export function cautionAmountCents(tariff: Tariff, selection: Omit<FeeSelection, 'category'>): number {
  return computeFees(tariff, { ...selection, category: 'INDIVIDUAL' }).totalCents
}

/**
 * What the applicant must still send or bring once the dossier is submitted online: the payment
 * (cheque to the payee) or the employer's funding certificate, and caution cheques when that
 * certificate is not signed. Shared by the confirmation page, the e-mail and the printed form.
 */
export function paymentInstructions(options: {
  category: TariffCategory
  totalCents: number
  cautionCents: number | null
  payee: string
  formatEuros: (cents: number) => string
}): string[] {
  const { category, totalCents, cautionCents, payee, formatEuros } = options
  if (category !== 'EMPLOYER_FUNDED') {
    return [
      `Votre chèque de ${formatEuros(totalCents)} à l’ordre de l’${payee}, avec la référence de votre dossier au dos.`,
    ]
  }
  const lines = ['L’original de l’attestation de prise en charge par votre employeur.']
  if (cautionCents !== null) {
    lines.push(
      `Des chèques de caution d’un montant total de ${formatEuros(cautionCents)} à l’ordre de l’${payee}, car l’attestation ne sera pas signée par votre employeur (ils ne sont pas encaissés si la prise en charge est confirmée).`,
    )
  }
  return lines
}

/**
 * The same expectations told to staff, on the dossier's page: what the applicant was asked to send,
 * so that the reviewer knows what to record (paymentInstructions speaks to the applicant).
 */
export function expectedPayment(options: {
  category: TariffCategory
  totalCents: number
  cautionCents: number | null
  payee: string
  formatEuros: (cents: number) => string
}): string[] {
  const { category, totalCents, cautionCents, payee, formatEuros } = options
  if (category !== 'EMPLOYER_FUNDED') {
    return [
      `Attendu du candidat : un chèque de ${formatEuros(totalCents)} à l’ordre de l’${payee}, la référence du dossier au dos.`,
    ]
  }
  const lines = ['Attendu : l’original de l’attestation de prise en charge signée par l’employeur.']
  if (cautionCents !== null) {
    lines.push(
      `L’employeur ne signera pas l’attestation : des chèques de caution de ${formatEuros(cautionCents)} au total, à l’ordre de l’${payee}, sont attendus (non encaissés si la prise en charge est confirmée).`,
    )
  }
  return lines
}

/**
 * Said next to the « Envoyer mon dossier » button: a total beside a send button reads as an online
 * payment, and there is none (the fees are paid afterwards, by cheque or by the employer).
 */
export function noOnlinePaymentNote(totalLabel: string): string {
  return `Envoyer le dossier ne déclenche aucun paiement en ligne : la participation de ${totalLabel} se règle après l’envoi, comme indiqué ci-dessus.`
}

/**
 * The fees of a registration from its answers: the chosen UEs priced with the session's tariff,
 * and the caution cheques when the employer's certificate will not be signed.
 */
export function registrationFees(
  session: { ues: SessionUe[]; tariff: Tariff },
  answers: {
    situation: {
      category: TariffCategory
      employerCertificateSigned: boolean | null
      firstRegistration: boolean
      baseFeeAlreadyPaid: boolean
    }
    ue: { ues: Array<{ code: string; foad: boolean }> }
  },
): { fees: FeeBreakdown; cautionCents: number | null; chosen: Array<SessionUe & { foad: boolean }> } {
  const chosen = answers.ue.ues.flatMap((pick) => {
    const ue = session.ues.find((candidate) => candidate.code === pick.code)
    return ue ? [{ ...ue, foad: pick.foad }] : []
  })
  const selection = {
    ues: chosen,
    firstRegistration: answers.situation.firstRegistration,
    baseFeeAlreadyPaid: answers.situation.baseFeeAlreadyPaid,
  }
  const fees = computeFees(session.tariff, { ...selection, category: answers.situation.category })
  const cautionCents =
    answers.situation.category === 'EMPLOYER_FUNDED' && answers.situation.employerCertificateSigned === false
      ? cautionAmountCents(session.tariff, selection)
      : null
  return { fees, cautionCents, chosen }
}
