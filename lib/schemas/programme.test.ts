import { describe, expect, it } from 'vitest'
import { duplicateSession } from '@/lib/domain/session'
import { centres, programme2010, session2010 } from '@/prisma/seed/cpn42-2010-2011'
import {
  centreSchema,
  issuesToFieldErrors,
  pieceCatalogueSchema,
  programmeTextsSchema,
  responsablesSchema,
  sessionCalendarSchema,
  sessionOfferingsSchema,
  sessionTariffSchema,
  toCentreInput,
  toPieceCatalogueInput,
  toProgrammeTextsInput,
  toResponsablesInput,
  toSessionCalendarInput,
  toSessionOfferingsInput,
  toSessionTariffInput,
  toUeCatalogueInput,
  ueCatalogueSchema,
} from './programme'

// What a form shows, sent back untouched, must parse to exactly what is stored: otherwise opening
// a page and saving it would change data (and its version) without anyone typing anything.
describe('every form round-trips the stored data', () => {
  const { code: _code, responsables, pieceTypes, ...texts } = programme2010

  it('programme texts', () => {
    expect(programmeTextsSchema.parse(toProgrammeTextsInput(texts))).toEqual(texts)
  })

  it('responsables', () => {
    expect(responsablesSchema.parse(toResponsablesInput(responsables))).toEqual({ responsables })
  })

  it('UE catalogue', () => {
    const ues = session2010.ues.map((ue) => ({
      id: null,
      code: ue.code,
      title: ue.title,
      ects: ue.ects,
      kind: ue.kind,
      descriptionUrl: ue.descriptionUrl,
      prerequisites: ue.prerequisites,
    }))
    expect(ueCatalogueSchema.parse(toUeCatalogueInput(ues))).toEqual({ ues })
  })

  it('pieces catalogue', () => {
    const pieces = pieceTypes.map((piece) => ({ ...piece, id: null }))
    expect(pieceCatalogueSchema.parse(toPieceCatalogueInput(pieces))).toEqual({
      pieces: pieceTypes.map(({ code: _pieceCode, ...piece }) => ({ ...piece, id: null })),
    })
  })

  it('centres', () => {
    for (const { code: _centreCode, ...centre } of centres)
      expect(centreSchema.parse(toCentreInput(centre))).toEqual(centre)
  })

  it('session calendar, offerings and tariff', () => {
    const session = duplicateSession(session2010, 2026)
    const calendar = {
      semesters: session.semesters,
      secondExamStartsOn: session.secondExamStartsOn,
      secondExamEndsOn: session.secondExamEndsOn,
    }
    expect(sessionCalendarSchema({ startYear: 2026 }).parse(toSessionCalendarInput(calendar))).toEqual(
      calendar,
    )
    const offerings = {
      periods: session.periods,
      ues: session.ues.map((ue) => ({
        ueCode: ue.code,
        periodKind: ue.periodKind,
        recommendedFirst: ue.recommendedFirst,
        foadAvailable: ue.foadAvailable,
      })),
    }
    expect(
      sessionOfferingsSchema({ catalogue: session.ues }).parse(toSessionOfferingsInput(offerings)),
    ).toEqual(offerings)
    expect(sessionTariffSchema.parse(toSessionTariffInput(session.tariff))).toEqual(session.tariff)
  })
})

describe('form fields', () => {
  const tariff = toSessionTariffInput(session2010.tariff)

  it('read amounts in euros with a comma as cents', () => {
    expect(sessionTariffSchema.parse({ ...tariff, dossierFee: '19,90', baseFee: '1 000' })).toMatchObject({
      dossierFeeCents: 1990,
      baseFeeCents: 100000,
    })
  })

  it('offer a category the session has no rate for, to fill in', () => {
    const partial = { ...session2010.tariff, rates: session2010.tariff.rates.slice(0, 2) }
    expect(toSessionTariffInput(partial).rates.at(-1)).toEqual({
      category: 'EMPLOYER_FUNDED',
      label: 'Salariés pris en charge',
      perEcts: '',
    })
  })

  it('refuse amounts of 0 € or less, or over 100 000 €', () => {
    const result = sessionTariffSchema.safeParse({ ...tariff, dossierFee: '0,00', baseFee: '100 000,01' })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(issuesToFieldErrors(result.error)).toEqual({
      dossierFee: 'Le montant doit être supérieur à 0 €.',
      baseFee: 'Le montant ne peut pas dépasser 100 000 €.',
    })
  })

  it('read a list one item per line, and refuse an over-long line with its number', () => {
    const input = toProgrammeTextsInput(programme2010)
    expect(programmeTextsSchema.parse({ ...input, funders: '' }).funders).toEqual([])
    const result = programmeTextsSchema.safeParse({ ...input, jobTitles: `Conseiller\n${'x'.repeat(601)}` })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(issuesToFieldErrors(result.error)).toEqual({
      jobTitles: 'La ligne 2 dépasse 600 caractères : coupez-la en deux lignes.',
    })
  })

  it('read months as MM/AAAA or AAAA-MM', () => {
    const offerings = toSessionOfferingsInput({
      periods: [{ kind: 'FIRST_SEMESTER', startMonth: '2026-10-01', endMonth: '2027-02-01' }],
      ues: [],
    })
    expect(offerings.periods[0]).toMatchObject({ startMonth: '10/2026', endMonth: '02/2027' })
    const parse = (startMonth: string, endMonth: string) =>
      sessionOfferingsSchema().safeParse({
        periods: [{ kind: 'FIRST_SEMESTER', startMonth, endMonth }],
        ues: [],
      })
    expect(parse('2026-10', '2/2027').data?.periods[0]).toEqual({
      kind: 'FIRST_SEMESTER',
      startMonth: '2026-10-01',
      endMonth: '2027-02-01',
    })
    const wrong = parse('13/2026', '')
    expect(wrong.success).toBe(false)
    if (wrong.success) return
    expect(issuesToFieldErrors(wrong.error)).toEqual({
      'periods.0.startMonth': 'Indiquez un mois au format MM/AAAA, par exemple 10/2026.',
    })
  })

  it('do not add a misleading second message when a field is already refused', () => {
    const calendar = toSessionCalendarInput(session2010)
    calendar.semesters[0]!.pauseOn = '32/12/2010'
    const result = sessionCalendarSchema({ startYear: 2010 }).safeParse(calendar)
    expect(result.success).toBe(false)
    if (result.success) return
    expect(issuesToFieldErrors(result.error)).toEqual({
      'semesters.0.pauseOn': 'L’arrêt des cours doit être une date réelle, au format JJ/MM/AAAA.',
    })
  })
})
